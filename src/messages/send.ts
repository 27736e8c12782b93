// Typed senders. Each accepts only the message types its receiver handles.
import browser, { type Tabs } from 'webextension-polyfill';
import {
  createEnvelope,
  type MessageType,
  type MessageTypeFor,
  parseResponse,
  type RequestOf,
  type ResponseOf,
} from './contract';

/** The receiver answered with something its schema rejects (or, for a question, with nothing). */
export class MessageResponseError extends Error {
  override name = 'MessageResponseError';
}

function checkedResponse<K extends MessageType>(type: K, raw: unknown): ResponseOf<K> {
  const result = parseResponse(type, raw);
  if (!result.ok) throw new MessageResponseError(`[TechWar Lens] no valid response to "${type}"`);
  return result.value;
}

/**
 * Sends a message to the background. Rejects when the background cannot be reached, or with
 * MessageResponseError when its answer does not match the contract.
 */
export async function sendToBackground<K extends MessageTypeFor<'background'>>(
  type: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  return checkedResponse(type, await browser.runtime.sendMessage(createEnvelope(type, payload)));
}

/**
 * Sends a message to the content script of a tab (pass `{ frameId: 0 }` to ask the top frame only).
 * Rejects when the tab has no content script (e.g. a page we do not run on), or with
 * MessageResponseError when the answer does not match the contract.
 */
export async function sendToTab<K extends MessageTypeFor<'content'>>(
  tabId: number,
  type: K,
  payload: RequestOf<K>,
  options?: Tabs.SendMessageOptionsType,
): Promise<ResponseOf<K>> {
  return checkedResponse(type, await browser.tabs.sendMessage(tabId, createEnvelope(type, payload), options));
}

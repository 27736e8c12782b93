// The receiving side: one runtime.onMessage listener per handler map, dispatching by type.
import browser, { type Runtime } from 'webextension-polyfill';
import {
  type AnyMessage,
  type Envelope,
  isKnownMessage,
  type MessageType,
  type MessageTypeFor,
  parseMessage,
  type Receiver,
  type RequestOf,
  type ResponseOf,
} from './contract';

const LOG_PREFIX = '[TechWar Lens]';

export type MessageHandler<K extends MessageType> = (
  payload: RequestOf<K>,
  sender: Runtime.MessageSender,
) => ResponseOf<K> | Promise<ResponseOf<K>>;

/** One handler per message type. */
export type Handlers = { [K in MessageType]: MessageHandler<K> };

/** The complete handler map of one receiving side; write it with `satisfies HandlersFor<'content'>`. */
export type HandlersFor<R extends Receiver> = Pick<Handlers, MessageTypeFor<R>>;

async function answer<K extends MessageType>(
  handler: MessageHandler<K>,
  message: Envelope<K>,
  sender: Runtime.MessageSender,
): Promise<ResponseOf<K> | undefined> {
  try {
    return await handler(message.payload, sender);
  } catch (error) {
    console.debug(`${LOG_PREFIX} handler for "${message.type}" failed`, error);
    return undefined;
  }
}

/** The pending answer, or undefined (synchronously) when this map has no handler for the type. */
function dispatch<K extends MessageType>(
  handlers: Partial<Handlers>,
  message: Envelope<K>,
  sender: Runtime.MessageSender,
): Promise<ResponseOf<K> | undefined> | undefined {
  const handler = handlers[message.type];
  return handler ? answer(handler, message, sender) : undefined;
}

/**
 * Registers one runtime.onMessage listener that answers the messages `handlers` covers and
 * stays silent (returns undefined synchronously) for everything else: unknown types, invalid
 * payloads, other senders and types without a handler here, so other listeners can answer.
 * A handler may be async; one that throws is logged and answered with undefined.
 * The listener is removed when `signal` aborts.
 */
export function handleMessages(handlers: Partial<Handlers>, signal?: AbortSignal): void {
  if (signal?.aborted) return;
  const listener = (raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    const message: AnyMessage | undefined = parseMessage(raw, sender.id, browser.runtime.id);
    if (!message) {
      if (isKnownMessage(raw) && sender.id === browser.runtime.id) {
        console.debug(`${LOG_PREFIX} ignored malformed message`, raw);
      }
      return undefined;
    }
    return dispatch(handlers, message, sender);
  };
  browser.runtime.onMessage.addListener(listener);
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: 'abort' fires once per signal, so once only frees the closure sooner
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

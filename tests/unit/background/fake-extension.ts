// The parts of the browser the fake does not implement, as small in-memory stand-ins: content
// script registrations, host permissions, context menus, messages to tabs and the manifest.
import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';
import type { Scripting, Tabs } from 'webextension-polyfill';

export const CONTENT_SCRIPT = { js: ['src/content/main.js'], css: ['src/content/highlights.css'] };

export interface FakeExtension {
  registered: Map<string, Scripting.RegisteredContentScript>;
  granted: Set<string>;
  injected: { tabId: number; files: string[] }[];
  menus: { id?: string | number; title?: string; contexts?: string[] }[];
  /** What each tab's content script answers, by message type; a missing tab rejects like Chrome. */
  answers: Map<number, (message: { type: string; payload: unknown }, frameId: number | undefined) => unknown>;
}

export function installFakeExtension(): FakeExtension {
  const fake: FakeExtension = {
    registered: new Map(),
    granted: new Set(),
    injected: [],
    menus: [],
    answers: new Map(),
  };
  const { scripting, permissions, contextMenus, tabs, runtime, i18n } = fakeBrowser;

  vi.spyOn(runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'TechWar Lens',
    version: '0.1.0',
    content_scripts: [{ matches: ['https://*.reuters.com/*'], ...CONTENT_SCRIPT }],
  });
  vi.spyOn(i18n, 'getMessage').mockImplementation((key: string) => `«${key}»`);

  vi.spyOn(scripting, 'getRegisteredContentScripts').mockImplementation(async () => [...fake.registered.values()]);
  vi.spyOn(scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    for (const s of scripts) {
      if (fake.registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      fake.registered.set(s.id, structuredClone(s));
    }
  });
  vi.spyOn(scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    for (const id of filter?.ids ?? [...fake.registered.keys()]) fake.registered.delete(id);
  });
  vi.spyOn(scripting, 'insertCSS').mockImplementation(async ({ target, files }) => {
    fake.injected.push({ tabId: target.tabId, files: files ?? [] });
  });
  vi.spyOn(scripting, 'executeScript').mockImplementation(async ({ target, files }) => {
    fake.injected.push({ tabId: target.tabId, files: files ?? [] });
    return [];
  });

  vi.spyOn(permissions, 'contains').mockImplementation(async ({ origins = [] }) =>
    origins.every((o) => fake.granted.has(o)),
  );
  vi.spyOn(permissions, 'remove').mockImplementation(async ({ origins = [] }) => {
    for (const o of origins) fake.granted.delete(o);
    return true;
  });

  vi.spyOn(contextMenus, 'removeAll').mockImplementation(async () => {
    fake.menus.length = 0;
  });
  vi.spyOn(contextMenus, 'create').mockImplementation((props) => {
    fake.menus.push({ id: props.id, title: props.title, contexts: props.contexts as string[] | undefined });
    return props.id ?? 0;
  });

  vi.spyOn(tabs, 'sendMessage').mockImplementation(async (tabId, message, options) => {
    const answer = fake.answers.get(tabId);
    if (!answer) throw new Error('Could not establish connection. Receiving end does not exist.');
    return answer(message as { type: string; payload: unknown }, options?.frameId);
  });
  return fake;
}

/** tabs.query answering `tabs` (the fake knows no URL filter; its typing follows Chrome's callbacks). */
export function stubTabsQuery(tabs: Tabs.Tab[] = []) {
  return vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => tabs) as never);
}

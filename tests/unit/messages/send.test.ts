import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleMessages, MessageResponseError, sendToBackground, sendToTab } from '../../../src/messages';

vi.mock('webextension-polyfill', () => import('../setup/fake-polyfill'));

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Routes tabs.sendMessage into this context's onMessage, as a content script in tab `tabId` would see it. */
function routeTabsToContentScript() {
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tabId: number, message: unknown) => {
    const answers = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id }, () => {});
    return answers.find((answer) => answer !== undefined);
  });
}

describe('sendToBackground', () => {
  it('sends the envelope and resolves void', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const payload = { entries: [{ id: 'tsmc', count: 1 }], total: 1 };
    await expect(sendToBackground('page-summary', payload)).resolves.toBeUndefined();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'page-summary', payload });
  });

  it('passes on a failure to reach the background', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    await expect(sendToBackground('page-summary', { entries: [], total: 0 })).rejects.toThrow(/establish connection/);
  });
});

describe('sendToTab', () => {
  it('round-trips through a content script handler', async () => {
    const sendMessage = routeTabsToContentScript();
    handleMessages({
      'get-summary': () => ({ entries: [{ id: 'huawei', count: 4 }], total: 4, state: 'active' }),
      'jump-to': ({ entryId }) => ({ ok: entryId === 'huawei' }),
    });

    const summary = await sendToTab(3, 'get-summary', {}, { frameId: 0 });
    expect(summary).toEqual({ entries: [{ id: 'huawei', count: 4 }], total: 4, state: 'active' });
    expect(sendMessage).toHaveBeenCalledWith(3, { type: 'get-summary', payload: {} }, { frameId: 0 });
    expect(await sendToTab(3, 'jump-to', { entryId: 'huawei' })).toEqual({ ok: true });
  });

  it('rejects with MessageResponseError when the answer breaks the contract or is missing', async () => {
    routeTabsToContentScript();
    handleMessages({
      // A content script of another build could answer like this.
      'jump-to': (() => ({ ok: 'yes' })) as never,
    });
    await expect(sendToTab(3, 'jump-to', { entryId: 'tsmc' })).rejects.toThrow(MessageResponseError);
    // The name is what a log line shows for the error.
    await expect(sendToTab(3, 'jump-to', { entryId: 'tsmc' })).rejects.toHaveProperty('name', 'MessageResponseError');
    // Nobody handles get-summary: the answer is missing.
    await expect(sendToTab(3, 'get-summary', {})).rejects.toThrow(/no valid response to "get-summary"/);
  });

  it('resolves void commands to undefined', async () => {
    routeTabsToContentScript();
    const command = vi.fn();
    handleMessages({ command });
    await expect(sendToTab(3, 'command', { name: 'previous-term' })).resolves.toBeUndefined();
    expect(command).toHaveBeenCalledWith({ name: 'previous-term' }, expect.anything());
  });
});

// Type-level checks: run by `tsc`, never executed.
function _typeChecks() {
  // @ts-expect-error page-summary goes to the background, not to a tab
  void sendToTab(1, 'page-summary', { entries: [], total: 0 });
  // @ts-expect-error get-summary goes to a tab, not to the background
  void sendToBackground('get-summary', {});
  // @ts-expect-error wrong payload
  void sendToTab(1, 'jump-to', { id: 'tsmc' });
  // @ts-expect-error unknown command name
  void sendToTab(1, 'command', { name: 'self-destruct' });
  // @ts-expect-error a handler must return its message's response
  handleMessages({ 'jump-to': () => ({ found: true }) });
}
void _typeChecks;

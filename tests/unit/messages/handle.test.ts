import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { digest } from '../../../src/digest';
import { type HandlersFor, handleMessages } from '../../../src/messages';

vi.mock('webextension-polyfill', () => import('../setup/fake-polyfill'));

const ownSender = () => ({ id: fakeBrowser.runtime.id, tab: { id: 7 } as never, url: 'https://example.com/' });
const noResponse = () => {};

/** Delivers a message the way the browser does and returns this context's listeners' answers. */
function deliver(message: unknown, sender: { id?: string } = ownSender()) {
  return fakeBrowser.runtime.onMessage.trigger(message, sender, noResponse);
}

/** The one listener handleMessages registered, to see what it returns synchronously. */
function captureListener(): () => (message: unknown, sender: { id?: string }) => unknown {
  const addListener = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  return () => {
    expect(addListener).toHaveBeenCalledTimes(1);
    return addListener.mock.calls[0]?.[0] as (message: unknown, sender: { id?: string }) => unknown;
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('handleMessages', () => {
  it('dispatches a valid message to its handler with the typed payload and sender, and returns the answer', async () => {
    const jumpTo = vi.fn((payload: { entryId: string }) => ({ ok: payload.entryId === 'tsmc' }));
    handleMessages({ 'jump-to': jumpTo });

    expect(await deliver({ type: 'jump-to', payload: { entryId: 'tsmc' } })).toEqual([{ ok: true }]);
    expect(jumpTo).toHaveBeenCalledWith({ entryId: 'tsmc' }, expect.objectContaining({ id: fakeBrowser.runtime.id }));
    expect(await deliver({ type: 'jump-to', payload: { entryId: 'smic' } })).toEqual([{ ok: false }]);
  });

  it('awaits async handlers', async () => {
    const content = {
      'get-summary': async () => ({ entries: [{ id: 'tsmc', count: 2 }], total: 2, state: 'active' as const }),
      'jump-to': async () => ({ ok: true }),
      command: async () => {},
      lookup: async ({ text }) => (text === 'Huawei' ? { found: true, entryId: 'huawei' } : { found: false }),
      'show-all': async ({ on }) => ({ ok: on }),
    } satisfies HandlersFor<'content'>;
    handleMessages(content);

    expect(await deliver({ type: 'get-summary', payload: {} })).toEqual([
      { entries: [{ id: 'tsmc', count: 2 }], total: 2, state: 'active' },
    ]);
    expect(await deliver({ type: 'lookup', payload: { text: 'Huawei' } })).toEqual([
      { found: true, entryId: 'huawei' },
    ]);
    expect(await deliver({ type: 'command', payload: { name: 'toggle-highlights' } })).toEqual([undefined]);
  });

  it('passes the sender so the background can badge the right tab', async () => {
    const pageSummary = vi.fn();
    handleMessages({ 'page-summary': pageSummary });
    await deliver({ type: 'page-summary', payload: { entries: [], total: 0 } });
    expect(pageSummary.mock.calls[0]?.[1]).toMatchObject({ tab: { id: 7 } });
  });

  it.each([
    ['an unknown type', { type: 'explode', payload: {} }, ownSender()],
    ['a malformed payload', { type: 'jump-to', payload: { entryId: 3 } }, ownSender()],
    ['a missing payload', { type: 'jump-to' }, ownSender()],
    ['a foreign sender', { type: 'jump-to', payload: { entryId: 'tsmc' } }, { id: 'evil-extension' }],
    ['a sender without id', { type: 'jump-to', payload: { entryId: 'tsmc' } }, {}],
    ['a type this side has no handler for', { type: 'lookup', payload: { text: 'x' } }, ownSender()],
    ['garbage', 'jump-to', ownSender()],
  ])('ignores %s, returning undefined synchronously so other listeners can answer', (_, message, sender) => {
    const listener = captureListener();
    const jumpTo = vi.fn(() => ({ ok: true }));
    handleMessages({ 'jump-to': jumpTo });
    expect(listener()(message, sender)).toBeUndefined();
    expect(jumpTo).not.toHaveBeenCalled();
  });

  it('lets another listener answer what it ignores', async () => {
    handleMessages({ 'jump-to': () => ({ ok: true }) });
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve('someone else'));
    expect(await deliver({ type: 'not-ours', payload: {} })).toEqual([undefined, 'someone else']);
  });

  it.each([
    [
      'throws',
      () => {
        throw new Error('handler bug');
      },
    ],
    [
      'rejects',
      async () => {
        throw new Error('async handler bug');
      },
    ],
  ])('answers undefined and logs when a handler %s', async (_, failing) => {
    handleMessages({ 'jump-to': failing });
    expect(await deliver({ type: 'jump-to', payload: { entryId: 'tsmc' } })).toEqual([undefined]);
    expect(console.debug).toHaveBeenCalledWith(expect.stringMatching(/^\[TechWar Lens\].*jump-to/), expect.any(Error));
  });

  it('logs a malformed message of a known type from this extension, and nothing else it ignores', async () => {
    handleMessages({ 'jump-to': () => ({ ok: true }) });
    const malformed = { type: 'jump-to', payload: { entryId: 42 } };

    expect(await deliver(malformed, { id: 'another-extension' })).toEqual([undefined]);
    expect(await deliver({ type: 'not-ours', payload: {} })).toEqual([undefined]);
    expect(await deliver(null)).toEqual([undefined]);
    expect(console.debug).not.toHaveBeenCalled();

    expect(await deliver(malformed)).toEqual([undefined]);
    expect(console.debug).toHaveBeenCalledExactlyOnceWith('[TechWar Lens] ignored malformed message', malformed);
  });

  it('removes its listener when the signal aborts', async () => {
    const controller = new AbortController();
    const jumpTo = vi.fn(() => ({ ok: true }));
    handleMessages({ 'jump-to': jumpTo }, controller.signal);
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);

    controller.abort();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
    expect(await deliver({ type: 'jump-to', payload: { entryId: 'tsmc' } })).toEqual([]);
    expect(jumpTo).not.toHaveBeenCalled();
  });

  it('registers nothing for an already aborted signal', () => {
    handleMessages({ 'jump-to': () => ({ ok: true }) }, AbortSignal.abort());
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });

  it('keeps two handler maps apart', async () => {
    const background = {
      'page-summary': vi.fn(),
      'card-digest': vi.fn(() => digest),
      'open-reader': vi.fn(),
      'enable-site': vi.fn(() => ({ ok: true })),
      'disable-site': vi.fn(() => ({ ok: true })),
    } satisfies HandlersFor<'background'>;
    const jumpTo = vi.fn(() => ({ ok: true }));
    handleMessages(background);
    handleMessages({ 'jump-to': jumpTo });
    expect(await deliver({ type: 'jump-to', payload: { entryId: 'tsmc' } })).toEqual([undefined, { ok: true }]);
    expect(background['page-summary']).not.toHaveBeenCalled();
  });
});

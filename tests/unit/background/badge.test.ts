import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearEntryCount, refreshEntryCount, showEntryCount } from '../../../src/background/badge';
import { type FakeExtension, installFakeExtension } from './fake-extension';

vi.mock('webextension-polyfill', () => import('../setup/fake-polyfill'));

let fake: FakeExtension;
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  fake = installFakeExtension();
});

describe('badge', () => {
  it('shows the count of distinct entries per tab, and nothing for none', async () => {
    await showEntryCount(1, 12);
    await showEntryCount(2, 0);
    expect(await badge(1)).toBe('12');
    expect(await badge(2)).toBe('');
  });

  it('clears a tab', async () => {
    await showEntryCount(1, 3);
    await clearEntryCount(1);
    expect(await badge(1)).toBe('');
  });

  it('asks the top frame for the count again', async () => {
    const frames: (number | undefined)[] = [];
    fake.answers.set(4, (_message, frameId) => {
      frames.push(frameId);
      return {
        entries: [
          { id: 'huawei', count: 5 },
          { id: 'tsmc', count: 1 },
        ],
        total: 6,
        state: 'active',
      };
    });
    await refreshEntryCount(4);
    expect(await badge(4)).toBe('2');
    expect(frames).toEqual([0]);
  });

  it('empties the badge of a tab without the content script', async () => {
    await showEntryCount(5, 7);
    await refreshEntryCount(5);
    expect(await badge(5)).toBe('');
  });
});

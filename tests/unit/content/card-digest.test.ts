// The card's digest is asked of the background once per page, and again only after a failure.
import { describe, expect, it, vi } from 'vitest';
import { CardDigest } from '../../../src/content/card-digest';
import { digest } from '../../../src/digest';

describe('CardDigest', () => {
  it('is not ready, and asks nothing, until loaded', () => {
    const fetch = vi.fn(async () => digest);
    const cards = new CardDigest(fetch);
    expect(cards.ready).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks the background once, however many cards want it at the same time', async () => {
    const fetch = vi.fn(async () => digest);
    const cards = new CardDigest(fetch);
    const [a, b] = await Promise.all([cards.load(), cards.load()]);
    const c = await cards.load();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(cards.ready).toBe(a);
    expect(a?.entry('huawei')?.name).toBe(digest.entries.find((e) => e.id === 'huawei')?.name);
  });

  it('answers undefined when the background fails, and asks again next time', async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const fetch = vi.fn().mockRejectedValueOnce(new Error('worker restarting')).mockResolvedValueOnce(digest);
    const cards = new CardDigest(fetch);
    expect(await cards.load()).toBeUndefined();
    expect(cards.ready).toBeUndefined();
    expect((await cards.load())?.digest).toBe(digest);
    expect(fetch).toHaveBeenCalledTimes(2);
    vi.restoreAllMocks();
  });
});

import { describe, expect, it } from 'vitest';
import {
  lookupHash,
  lookupStorageKey,
  lookupToken,
  parseReaderHash,
  type ReaderRoute,
  readerHash,
} from '../../../src/messages/reader-route';

describe('parseReaderHash', () => {
  it.each<[string, ReaderRoute]>([
    ['', { view: 'search', query: '', topic: undefined, kind: undefined }],
    ['#', { view: 'search', query: '', topic: undefined, kind: undefined }],
    ['#entry=huawei', { view: 'entry', entryId: 'huawei' }],
    ['entry=huawei', { view: 'entry', entryId: 'huawei' }],
    ['#entry=huawei&view=timeline', { view: 'entry', entryId: 'huawei' }],
    ['#entry=&view=timeline', { view: 'timeline', topic: undefined }],
    ['#view=timeline', { view: 'timeline', topic: undefined }],
    ['#view=timeline&topic=chips', { view: 'timeline', topic: 'chips' }],
    ['#view=timeline&topic=', { view: 'timeline', topic: undefined }],
    ['#view=briefing&topic=chips', { view: 'briefing' }],
    ['#view=disputes', { view: 'disputes' }],
    ['#view=sources', { view: 'sources' }],
    ['#view=search&q=SMIC', { view: 'search', query: 'SMIC', topic: undefined, kind: undefined }],
    ['#view=nowhere', { view: 'search', query: '', topic: undefined, kind: undefined }],
    ['#q=export%20controls', { view: 'search', query: 'export controls', topic: undefined, kind: undefined }],
    ['#q=a%23b', { view: 'search', query: 'a#b', topic: undefined, kind: undefined }],
    ['#q=chips&topic=ai&kind=company', { view: 'search', query: 'chips', topic: 'ai', kind: 'company' }],
    ['#topic=ai&kind=', { view: 'search', query: '', topic: 'ai', kind: undefined }],
  ])('reads %j', (hash, route) => {
    expect(parseReaderHash(hash)).toEqual(route);
  });

  it('keeps a "#" inside a value (only a leading one is the hash sign)', () => {
    expect(parseReaderHash('#entry=a%23b')).toEqual({ view: 'entry', entryId: 'a#b' });
    expect(parseReaderHash('#q=%23')).toEqual({ view: 'search', query: '#', topic: undefined, kind: undefined });
    expect(parseReaderHash('entry=a#b')).toEqual({ view: 'entry', entryId: 'a#b' });
  });
});

describe('readerHash', () => {
  it.each<[ReaderRoute, string]>([
    [{ view: 'entry', entryId: 'huawei' }, '#entry=huawei'],
    [{ view: 'search', query: 'export controls' }, '#q=export%20controls'],
    [{ view: 'search', query: '' }, '#view=search'],
    [{ view: 'search', query: '', topic: 'ai' }, '#view=search&topic=ai'],
    [{ view: 'search', query: 'chips', topic: 'ai', kind: 'company' }, '#q=chips&topic=ai&kind=company'],
    [{ view: 'search', query: 'chips', topic: '', kind: '' }, '#q=chips'],
    [{ view: 'timeline' }, '#view=timeline'],
    [{ view: 'timeline', topic: 'chips' }, '#view=timeline&topic=chips'],
    [{ view: 'briefing' }, '#view=briefing'],
    [{ view: 'disputes' }, '#view=disputes'],
  ])('writes %j as %s', (route, hash) => {
    expect(readerHash(route)).toBe(hash);
  });

  it('leaves out filters a view does not have', () => {
    const timelineWithKind = { view: 'timeline', topic: 'chips', kind: 'company' } as ReaderRoute;
    expect(readerHash(timelineWithKind)).toBe('#view=timeline&topic=chips');
    const briefingWithFilters = { view: 'briefing', topic: 'chips', kind: 'company' } as ReaderRoute;
    expect(readerHash(briefingWithFilters)).toBe('#view=briefing');
    const entryWithFilters = { view: 'entry', entryId: 'tsmc', topic: 'chips', kind: 'company' } as ReaderRoute;
    expect(readerHash(entryWithFilters)).toBe('#entry=tsmc');
  });

  it.each<ReaderRoute>([
    { view: 'entry', entryId: 'export-controls' },
    { view: 'search', query: 'a+b & c=d #e', topic: 'ai', kind: 'policy' },
    { view: 'timeline', topic: 'chips' },
    { view: 'sources' },
  ])('is read back by parseReaderHash: %j', (route) => {
    expect(parseReaderHash(readerHash(route))).toEqual(expect.objectContaining(route));
  });
});

describe('lookup token', () => {
  it('round-trips through the hash and names its storage key', () => {
    expect(lookupHash('abc-123')).toBe('#lookup=abc-123');
    expect(lookupToken(lookupHash('a b&c'))).toBe('a b&c');
    expect(lookupToken('#lookup=')).toBeUndefined();
    expect(lookupToken('lookup=a#b')).toBe('a#b');
    expect(lookupToken('#entry=huawei')).toBeUndefined();
    expect(lookupStorageKey('abc-123')).toBe('lookup:abc-123');
  });
});

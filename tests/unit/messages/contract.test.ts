import { describe, expect, expectTypeOf, it } from 'vitest';
import { digest } from '../../../src/digest';
import { pageDigestOf } from '../../../src/digest/page-digest';
import type { Digest } from '../../../src/digest/schema';
import {
  type AnyMessage,
  createEnvelope,
  isKnownMessage,
  type MessageMap,
  type MessageTypeFor,
  parseMessage,
  parseResponse,
} from '../../../src/messages/contract';

const EXTENSION_ID = 'our-extension';

const validMessages: AnyMessage[] = [
  { type: 'page-summary', payload: { entries: [{ id: 'tsmc', count: 3 }], total: 3 } },
  { type: 'get-summary', payload: {} },
  { type: 'jump-to', payload: { entryId: 'export-controls' } },
  { type: 'command', payload: { name: 'next-term' } },
  { type: 'lookup', payload: { text: 'Huawei' } },
  { type: 'enable-site', payload: { origin: 'https://example.org' } },
  { type: 'enable-site', payload: { origin: 'http://localhost:8080' } },
  { type: 'disable-site', payload: { origin: 'https://example.org' } },
  { type: 'card-digest', payload: {} },
];

describe('MessageMap', () => {
  it('types each request and response', () => {
    expectTypeOf<MessageMap['jump-to']['request']>().toEqualTypeOf<{ entryId: string }>();
    expectTypeOf<MessageMap['jump-to']['response']>().toEqualTypeOf<{ ok: boolean }>();
    expectTypeOf<MessageMap['page-summary']['response']>().toEqualTypeOf<void>();
    expectTypeOf<MessageMap['command']['request']['name']>().toEqualTypeOf<
      'next-term' | 'previous-term' | 'toggle-highlights'
    >();
    expectTypeOf<MessageMap['get-summary']['response']['state']>().toEqualTypeOf<'active' | 'paused' | 'disabled'>();
    expectTypeOf<MessageTypeFor<'background'>>().toEqualTypeOf<
      'page-summary' | 'card-digest' | 'open-reader' | 'enable-site' | 'disable-site'
    >();
    expectTypeOf<MessageMap['card-digest']['response']>().toEqualTypeOf<Digest>();
    expectTypeOf<MessageTypeFor<'content'>>().toEqualTypeOf<
      'get-summary' | 'jump-to' | 'command' | 'lookup' | 'show-all'
    >();
  });
});

describe('parseMessage', () => {
  it.each(validMessages)('accepts a valid $type message', (message) => {
    expect(parseMessage(structuredClone(message), EXTENSION_ID, EXTENSION_ID)).toEqual(message);
  });

  it('builds envelopes that parse back', () => {
    const envelope = createEnvelope('lookup', { text: 'SMIC' });
    expect(parseMessage(envelope, EXTENSION_ID, EXTENSION_ID)).toEqual({ type: 'lookup', payload: { text: 'SMIC' } });
  });

  it('strips keys a payload should not carry', () => {
    const parsed = parseMessage(
      { type: 'jump-to', payload: { entryId: 'tsmc', extra: 1 } },
      EXTENSION_ID,
      EXTENSION_ID,
    );
    expect(parsed).toEqual({ type: 'jump-to', payload: { entryId: 'tsmc' } });
  });

  it.each([
    ['another extension', 'someone-else'],
    ['a sender without an id (a web page)', undefined],
    ['an empty id', ''],
  ])('ignores a message from %s', (_, senderId) => {
    expect(parseMessage(validMessages[2], senderId, EXTENSION_ID)).toBeUndefined();
  });

  it.each([
    ['null', null],
    ['a string', 'get-summary'],
    ['no type', { payload: {} }],
    ['an unknown type', { type: 'delete-everything', payload: {} }],
    ['an inherited name as type', { type: 'toString', payload: {} }],
    ['__proto__ as type', JSON.parse('{"type":"__proto__","payload":{}}')],
    ['a type of the wrong kind', { type: 1, payload: {} }],
  ])('ignores %s', (_, raw) => {
    expect(parseMessage(raw, EXTENSION_ID, EXTENSION_ID)).toBeUndefined();
  });

  it.each([
    ['page-summary', { entries: [] }],
    ['page-summary', { entries: [{ id: 'tsmc', count: -1 }], total: 0 }],
    ['page-summary', { entries: [{ id: 'TSMC!', count: 1 }], total: 1 }],
    ['page-summary', { entries: 'tsmc', total: 1 }],
    ['page-summary', { entries: [], total: 1.5 }],
    ['get-summary', undefined],
    ['get-summary', null],
    ['jump-to', { entryId: 42 }],
    ['jump-to', {}],
    ['command', { name: 'delete-page' }],
    ['lookup', { text: null }],
    ['lookup', 'Huawei'],
    ['enable-site', { origin: 'https://example.org/path' }],
    ['enable-site', { origin: 'javascript:alert(1)' }],
    ['enable-site', { origin: 42 }],
    ['disable-site', { origin: 'example.org' }],
  ])('ignores a %s message with payload %j', (type, payload) => {
    expect(parseMessage({ type, payload }, EXTENSION_ID, EXTENSION_ID)).toBeUndefined();
  });
});

describe('isKnownMessage', () => {
  it('says whether a message names one of our types, whatever its payload', () => {
    expect(isKnownMessage({ type: 'jump-to', payload: { entryId: 42 } })).toBe(true);
    expect(isKnownMessage({ type: 'lookup' })).toBe(true);
    expect(isKnownMessage({ type: 'delete-everything', payload: {} })).toBe(false);
    expect(isKnownMessage({ type: 'toString' })).toBe(false);
    // An array would pass a property lookup as its string form, "jump-to".
    expect(isKnownMessage({ type: ['jump-to'] })).toBe(false);
    expect(isKnownMessage({})).toBe(false);
    expect(isKnownMessage(null)).toBe(false);
    expect(isKnownMessage('jump-to')).toBe(false);
    expect(isKnownMessage(undefined)).toBe(false);
  });
});

describe('parseResponse', () => {
  it('accepts responses that match the contract', () => {
    expect(parseResponse('jump-to', { ok: true })).toEqual({ ok: true, value: { ok: true } });
    expect(parseResponse('lookup', { found: true, entryId: 'tsmc' })).toEqual({
      ok: true,
      value: { found: true, entryId: 'tsmc' },
    });
    expect(parseResponse('lookup', { found: false })).toEqual({ ok: true, value: { found: false } });
    const answer = structuredClone(digest);
    expect(parseResponse('card-digest', answer)).toEqual({ ok: true, value: answer });
  });

  it('reads any answer to a void message as undefined', () => {
    expect(parseResponse('command', undefined)).toEqual({ ok: true, value: undefined });
    expect(parseResponse('page-summary', null)).toEqual({ ok: true, value: undefined });
  });

  it('rejects responses that do not', () => {
    expect(parseResponse('get-summary', undefined)).toEqual({ ok: false });
    expect(parseResponse('get-summary', { entries: [], total: 0, state: 'sleeping' })).toEqual({ ok: false });
    expect(parseResponse('jump-to', { ok: 'yes' })).toEqual({ ok: false });
    expect(parseResponse('card-digest', undefined)).toEqual({ ok: false });
    expect(parseResponse('card-digest', pageDigestOf(digest))).toEqual({ ok: false });
    const noName = structuredClone(digest) as { entries: { name?: string }[] };
    delete noName.entries[0]?.name;
    expect(parseResponse('card-digest', noName)).toEqual({ ok: false });
  });
});

describe('length limits', () => {
  const parse = (type: string, payload: unknown) => parseMessage({ type, payload }, EXTENSION_ID, EXTENSION_ID);
  // The limits, written out: 500 characters of text, 64 for an entry id.
  const text500 = 'x'.repeat(500);
  const id64 = `a${'-b'.repeat(31)}c`;

  it('accepts text and queries of 500 characters and entry ids of 64', () => {
    expect(id64).toHaveLength(64);
    expect(parse('lookup', { text: text500 })).toEqual({ type: 'lookup', payload: { text: text500 } });
    expect(parse('open-reader', { query: text500 })).toEqual({ type: 'open-reader', payload: { query: text500 } });
    expect(parse('open-reader', { entryId: id64 })).toEqual({ type: 'open-reader', payload: { entryId: id64 } });
    expect(parse('jump-to', { entryId: id64 })).toEqual({ type: 'jump-to', payload: { entryId: id64 } });
  });

  it.each([
    ['lookup', { text: `${text500}y` }],
    ['open-reader', { query: `${text500}y` }],
    ['open-reader', { entryId: `${id64}d` }],
    ['jump-to', { entryId: `${id64}d` }],
    ['page-summary', { entries: [{ id: `${id64}d`, count: 1 }], total: 1 }],
  ])('ignores a %s message one character over the limit', (type, payload) => {
    expect(parse(type, payload)).toBeUndefined();
  });
});

describe('page-summary', () => {
  it('carries no page address: a URL in the payload is dropped on receipt', () => {
    const raw = { type: 'page-summary', payload: { url: 'https://example.com/secret', entries: [], total: 0 } };
    expect(parseMessage(raw, EXTENSION_ID, EXTENSION_ID)?.payload).toEqual({ entries: [], total: 0 });
  });
});

// The one map of messages between the parts of the extension: for each message type, who
// receives it, the schema of its payload and the schema of its response. The MessageMap type
// is derived from these schemas, so the types and the checks on receipt cannot drift apart.
// Pure: no browser API.
import * as v from 'valibot';
import { ID_MAX_LENGTH, ID_PATTERN } from '../digest/ids';
import type { Digest } from '../digest/schema';

/** Which side registers the handler: the service worker / event page, or the content script. */
export type Receiver = 'background' | 'content';

export const COMMAND_NAMES = ['next-term', 'previous-term', 'toggle-highlights'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const PAGE_STATES = ['active', 'paused', 'disabled'] as const;
export type PageState = (typeof PAGE_STATES)[number];

const EntryId = v.pipe(v.string(), v.maxLength(ID_MAX_LENGTH), v.regex(ID_PATTERN, 'must be a kebab-case entry id'));
/** Longer than anyone selects or types in a search box; the receiver never has to process more. */
const TEXT_MAX_LENGTH = 500;
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const SummaryEntries = v.array(v.object({ id: EntryId, count: Count }));

/** A bare http(s) origin such as `https://example.com`; the background normalises it further. */
const Origin = v.pipe(v.string(), v.maxLength(300), v.regex(/^https?:\/\/[^/?#\s]+$/, 'must be an http(s) origin'));

/** The digest as the card reads it (src/digest/schema.ts has the full rules the build checks). */
const CardDigest = v.pipe(
  v.looseObject({
    version: v.literal(1),
    sources: v.array(v.looseObject({ id: v.string() })),
    topics: v.array(v.looseObject({ id: v.string() })),
    entries: v.array(v.looseObject({ id: EntryId, name: v.string() })),
    timeline: v.array(v.looseObject({ id: v.string() })),
    disputes: v.array(v.looseObject({ id: v.string() })),
  }),
  v.transform((value) => value as unknown as Digest),
);

/** For messages answered with nothing: whatever comes back (undefined, or null in some browsers) is void. */
const NoResponse = v.pipe(
  v.unknown(),
  v.transform((): void => undefined),
);

interface MessageDefinition {
  readonly receiver: Receiver;
  readonly request: v.GenericSchema;
  readonly response: v.GenericSchema;
}

export const MESSAGES = {
  /** Content → background: what the page mentions, for the badge. No URL: the badge does not need it. */
  'page-summary': {
    receiver: 'background',
    request: v.object({ entries: SummaryEntries, total: Count }),
    response: NoResponse,
  },
  /** Popup → content: what the page mentions and whether highlighting runs. */
  'get-summary': {
    receiver: 'content',
    request: v.object({}),
    response: v.object({
      entries: SummaryEntries,
      total: Count,
      state: v.picklist(PAGE_STATES),
      /** The page is not about the beat (src/matcher/beat.ts), and this many terms are held back. */
      offBeat: v.optional(v.object({ hidden: Count, showAll: v.boolean() })),
    }),
  },
  /** Popup → content: show (or hold back again) the terms a page off the beat keeps hidden, on this page only. */
  'show-all': {
    receiver: 'content',
    request: v.object({ on: v.boolean() }),
    response: v.object({ ok: v.boolean() }),
  },
  /** Popup → content: scroll to the first mention of an entry. */
  'jump-to': {
    receiver: 'content',
    request: v.object({ entryId: EntryId }),
    response: v.object({ ok: v.boolean() }),
  },
  /** Background → content: a keyboard command. */
  command: {
    receiver: 'content',
    request: v.object({ name: v.picklist(COMMAND_NAMES) }),
    response: NoResponse,
  },
  /** Background → content: the context menu asks which entry, if any, a selected text names; when one is on the page its card opens. */
  lookup: {
    receiver: 'content',
    request: v.object({ text: v.pipe(v.string(), v.maxLength(TEXT_MAX_LENGTH)) }),
    response: v.object({ found: v.boolean(), entryId: v.optional(EntryId) }),
  },
  /**
   * Content → background: the digest's text for the card, asked for once a page opens its first
   * card. Checked for shape only: it comes from the build-validated bundle, and a full parse would
   * cost the page a long task.
   */
  'card-digest': {
    receiver: 'background',
    request: v.object({}),
    response: CardDigest,
  },
  /** Content (card) → background: open the reader page, at an entry or a search. */
  'open-reader': {
    receiver: 'background',
    request: v.object({
      entryId: v.optional(EntryId),
      query: v.optional(v.pipe(v.string(), v.maxLength(TEXT_MAX_LENGTH))),
    }),
    response: NoResponse,
  },
  /**
   * Popup → background, after the user granted the origin: run the content script there from now on
   * (registered, recorded in settings.enabledSites) and in the origin's open tabs right away.
   */
  'enable-site': {
    receiver: 'background',
    request: v.object({ origin: Origin }),
    response: v.object({ ok: v.boolean() }),
  },
  /** Popup or options → background: stop running on an enabled origin and give its permission back. */
  'disable-site': {
    receiver: 'background',
    request: v.object({ origin: Origin }),
    response: v.object({ ok: v.boolean() }),
  },
} as const satisfies Record<string, MessageDefinition>;

type Definitions = typeof MESSAGES;
export type MessageType = keyof Definitions;

/** Message type → its request payload and its response. */
export type MessageMap = {
  [K in MessageType]: {
    request: v.InferOutput<Definitions[K]['request']>;
    response: v.InferOutput<Definitions[K]['response']>;
  };
};

export type RequestOf<K extends MessageType> = MessageMap[K]['request'];
export type ResponseOf<K extends MessageType> = MessageMap[K]['response'];

/** The message types a receiver handles. */
export type MessageTypeFor<R extends Receiver> = {
  [K in MessageType]: Definitions[K]['receiver'] extends R ? K : never;
}[MessageType];

/** What goes over the wire. */
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: RequestOf<K>;
}

/** A received message, narrowed by `type`. */
export type AnyMessage = { [K in MessageType]: Envelope<K> }[MessageType];

export function createEnvelope<K extends MessageType>(type: K, payload: RequestOf<K>): Envelope<K> {
  return { type, payload };
}

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.hasOwn(MESSAGES, value);
}

function parsePayload<K extends MessageType>(type: K, payload: unknown): Envelope<K> | undefined {
  const result = v.safeParse(MESSAGES[type].request, payload);
  return result.success ? { type, payload: result.output } : undefined;
}

/**
 * The message if it comes from this extension, has a known type and a valid payload; otherwise
 * undefined, so the caller stays silent and leaves the message to other listeners.
 */
export function parseMessage(raw: unknown, senderId: string | undefined, extensionId: string): AnyMessage | undefined {
  if (senderId !== extensionId) return undefined; // a web page's message has no sender id
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (!isMessageType(type)) return undefined;
  // Envelope<union> → union of envelopes: sound because parsePayload keeps type and payload together.
  return parsePayload(type, payload) as AnyMessage | undefined;
}

/** Whether `raw` names a known message type: a known type that fails parsing is a bug worth a log line. */
export function isKnownMessage(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && isMessageType((raw as { type?: unknown }).type);
}

/** The response checked against its schema, so a sender gets what the types promise or an error. */
export function parseResponse<K extends MessageType>(
  type: K,
  raw: unknown,
): { ok: true; value: ResponseOf<K> } | { ok: false } {
  const result = v.safeParse(MESSAGES[type].response, raw);
  return result.success ? { ok: true, value: result.output } : { ok: false };
}

import type { Entry } from '../digest/schema';
import { DIGEST_LANG, type ReaderContext } from './ReaderContext';

export interface ReaderEntryLinksProps {
  ctx: ReaderContext;
  ids: readonly string[];
  /** Names the list for screen readers. */
  label: string;
  /** Left out, e.g. the entry whose page this is. */
  except?: string;
}

/** Links to the entries with these ids, in the given order; ids the digest lacks are skipped. */
export function ReaderEntryLinks({ ctx, ids, label, except }: ReaderEntryLinksProps) {
  const entries = ids
    .filter((id) => id !== except)
    .map((id) => ctx.lookup.entry(id))
    .filter((e): e is Entry => e !== undefined);
  if (entries.length === 0) return null;
  return (
    <ul class="tw-reader-links" aria-label={label}>
      {entries.map((e) => (
        <li key={e.id}>
          <a href={ctx.entryHref(e.id)} lang={DIGEST_LANG}>
            {e.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

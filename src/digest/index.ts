// The bundled digest. The build validates digest.json against the schema (vite.config.ts) and
// fails naming the entry and field, so the runtime can take it as the typed Digest.
import data from './digest.json';
import type { Digest } from './schema';

export const digest = data as unknown as Digest;
export type * from './schema';

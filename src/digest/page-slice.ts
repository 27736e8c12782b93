// The content script's slice of the bundled digest. The build replaces this module with the slice
// as one JSON string (vite.config.ts), so the card's text never reaches the content script.
import { digest } from './index';
import { pageDigestOf } from './page-digest';

export const pageDigest = pageDigestOf(digest);

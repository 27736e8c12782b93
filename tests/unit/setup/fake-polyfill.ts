// Stands in for the `webextension-polyfill` module in node tests: its default export is the
// in-memory fake browser. In a test file:
//   vi.mock('webextension-polyfill', () => import('../setup/fake-polyfill'));
//   import { fakeBrowser } from '@webext-core/fake-browser';   // the same instance
//   beforeEach(() => fakeBrowser.reset());
import { fakeBrowser } from '@webext-core/fake-browser';

export default fakeBrowser;

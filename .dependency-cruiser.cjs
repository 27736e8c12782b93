// The layering rules of DESIGN.md, checked on the real import graph by `npm run lint:deps`.
// Entry folders are the extension's pages and scripts; only they (and the three adapters that own
// a browser API for everyone: settings storage, message sending/handling, i18n) touch the browser.
const ENTRY = '^src/(content|background|popup|options|reader)/';
const BROWSER = '^node_modules/webextension-polyfill/';
const BROWSER_ADAPTERS = [
  '^src/settings/(storage|page-copy)\\.ts$',
  '^src/messages/(send|handle)\\.ts$',
  '^src/i18n/index\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'digest-is-pure',
      comment: 'The digest imports nothing but itself and valibot: no DOM, no browser, no other folder.',
      severity: 'error',
      from: { path: '^src/digest/' },
      to: { pathNot: ['^src/digest/', '^node_modules/valibot/'] },
    },
    {
      name: 'matcher-is-pure',
      comment:
        'The matcher imports only itself (its digest type imports are erased before this check; see architecture.test.ts).',
      severity: 'error',
      from: { path: '^src/matcher/' },
      to: { pathNot: '^src/matcher/' },
    },
    {
      name: 'ui-is-props-only',
      comment: 'ui components get everything as props: they never reach settings, messages or the browser.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: ['^src/(settings|messages|i18n)/', BROWSER, ENTRY] },
    },
    {
      name: 'ui-never-reaches-the-browser',
      comment: 'Not even through a module in between.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { reachable: true, path: [BROWSER, '^src/(settings|messages)/'] },
    },
    {
      name: 'i18n-never-imports-ui',
      comment: 'i18n is handed to ui components as a prop; importing ui would turn the dependency round.',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: '^src/ui/' },
    },
    {
      name: 'only-entries-touch-the-browser',
      severity: 'error',
      from: { path: '^src/', pathNot: [ENTRY, ...BROWSER_ADAPTERS] },
      to: { path: BROWSER },
    },
    {
      name: 'nothing-imports-an-entry',
      comment: 'An entry folder is imported only from inside itself.',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: ENTRY, pathNot: '^src/$1/' },
    },
  ],
  options: {
    // TypeScript 7 has no JS API for dependency-cruiser, so babel strips the types (type-only
    // imports vanish, as they do at build time) and compiles JSX before the imports are read.
    babelConfig: { fileName: '.dependency-cruiser.babel.json' },
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.(css|json)$' },
  },
};

// `npm run package`: the archives the stores take, written under release/ (ignored by git):
//   techwar-lens-<version>-chrome.zip    the Chrome Web Store upload (the `npm run build` output)
//   techwar-lens-<version>-firefox.zip   the addons.mozilla.org upload (`npm run build:firefox`)
//   techwar-lens-<version>-sources.zip   the tracked files that rebuild them, plus BUILDING.md
// The same commit gives the same bytes: fresh builds, files in path order, one fixed timestamp.
// `--out <dir>` writes elsewhere (the rebuild test uses a temp folder).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createZip, type ZipEntry } from './zip';

const REPO = resolve(import.meta.dirname, '../..');
const NAME = 'techwar-lens';

type Target = 'chrome' | 'firefox';
const VITE_MODE: Record<Target, string> = { chrome: 'production', firefox: 'firefox' };
export const BUILD_SCRIPT: Record<Target, string> = { chrome: 'build', firefox: 'build:firefox' };
export const BUILD_DIR: Record<Target, string> = { chrome: 'dist', firefox: 'dist-firefox' };

/** What rebuilding needs (vite.config.ts reads only manifest.json and src/), plus the documents. */
const SOURCE_PATHS = [
  /^src\//,
  /^public\//,
  /^(manifest|package|package-lock|tsconfig)\.json$/,
  /^vite\.config\.ts$/,
  /^(README|ARCHITECTURE|CHANGELOG|PRIVACY)\.md$/,
  /^LICENSE/,
];

/**
 * Strings only the profile build contains (src/content/profile.ts): it answers a page-dispatched
 * benchmark event, so no store package may ever carry it.
 */
const PROFILE_MARKERS = ['techwar:bench-rescan', 'techwar:scan'];

export function assertNotProfileBuild(files: readonly ZipEntry[]): void {
  for (const { path, data } of files) {
    const text = Buffer.from(data).toString('latin1');
    const marker = PROFILE_MARKERS.find((m) => text.includes(m));
    if (marker) throw new Error(`refusing to package a profile build: ${path} contains "${marker}"`);
  }
}

export function filesUnder(dir: string): ZipEntry[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const full = join(d.parentPath, d.name);
      return { path: relative(dir, full).split('\\').join('/'), data: readFileSync(full) };
    });
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function run(command: string, args: string[], cwd = REPO): string {
  // NODE_ENV=production whatever the shell says: under another value preact's preset adds its
  // devtools and absolute source paths. TECHWAR_NO_MINIFY is a debugging switch (vite.config.ts).
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env.TECHWAR_NO_MINIFY;
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function build(target: Target, outDir: string): ZipEntry[] {
  const vite = resolve(REPO, 'node_modules/vite/bin/vite.js');
  run(process.execPath, [
    vite,
    'build',
    '--mode',
    VITE_MODE[target],
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ]);
  const files = filesUnder(outDir);
  assertNotProfileBuild(files);
  return files;
}

/** web-ext lint of the Firefox files: the package is refused on any error. */
function lintFirefox(dir: string): void {
  const webExt = resolve(REPO, 'node_modules/web-ext/bin/web-ext.js');
  let report: string;
  try {
    report = run(process.execPath, [webExt, 'lint', '--source-dir', dir, '--no-config-discovery', '--output', 'json']);
  } catch (error) {
    report = String((error as { stdout?: string }).stdout ?? '');
  }
  const { summary, errors = [] } = JSON.parse(report) as {
    summary: { errors: number; warnings: number };
    errors?: { code: string; message: string; file?: string }[];
  };
  if (summary.errors > 0) {
    const list = errors.map((e) => `  ${e.code} ${e.file ?? ''}: ${e.message}`).join('\n');
    throw new Error(`web-ext lint found ${summary.errors} error(s) in the Firefox package:\n${list}`);
  }
  console.log(`web-ext lint: 0 errors, ${summary.warnings} warning(s)`);
}

function trackedSources(): ZipEntry[] {
  return run('git', ['ls-files', '-z'])
    .split('\0')
    .filter((path) => SOURCE_PATHS.some((pattern) => pattern.test(path)))
    .map((path) => ({ path, data: readFileSync(resolve(REPO, path)) }));
}

function buildingNotes(version: string, firefox: readonly ZipEntry[]): string {
  const npm = run('npm', ['--version']).trim();
  const sums = [...firefox]
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((f) => `${sha256(f.data)}  ${f.path}`)
    .join('\n');
  return `# Building TechWar Lens ${version} from these sources

These are the sources of the TechWar Lens ${version} packages for Firefox and Chrome. The bundled
JavaScript is made by vite (with @crxjs/vite-plugin and @preact/preset-vite) from the TypeScript in
\`src/\`; nothing is downloaded or generated from outside this archive at build time, apart from the
npm packages pinned in \`package-lock.json\`.

## What you need

- Node.js ${process.versions.node} and npm ${npm} (the versions the packages were built with; any
  Node.js 20.19 or later with the same lock file is expected to give the same files)
- Linux, macOS or Windows; no browser is needed to build

## Commands

Run these in the folder this archive was unpacked into, with \`NODE_ENV\` unset or \`production\`:

\`\`\`sh
npm ci
npm run ${BUILD_SCRIPT.firefox}
\`\`\`

\`${BUILD_DIR.firefox}/\` then holds exactly the files of \`${NAME}-${version}-firefox.zip\`.
\`npm run ${BUILD_SCRIPT.chrome}\` writes the Chrome package's files to \`${BUILD_DIR.chrome}/\` the same way.

## SHA-256 of the Firefox package's files

\`\`\`
${sums}
\`\`\`
`;
}

function outDirFromArgs(argv: readonly string[]): string {
  const at = argv.indexOf('--out');
  return resolve(REPO, at >= 0 && argv[at + 1] ? (argv[at + 1] as string) : 'release');
}

function main(): void {
  const out = outDirFromArgs(process.argv.slice(2));
  const { version } = JSON.parse(readFileSync(resolve(REPO, 'package.json'), 'utf8')) as { version: string };
  const stage = resolve(out, '.stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const chrome = build('chrome', resolve(stage, 'chrome'));
  const firefox = build('firefox', resolve(stage, 'firefox'));
  lintFirefox(resolve(stage, 'firefox'));
  const sources = [...trackedSources(), { path: 'BUILDING.md', data: Buffer.from(buildingNotes(version, firefox)) }];
  const archives: [string, ZipEntry[]][] = [
    ['chrome', chrome],
    ['firefox', firefox],
    ['sources', sources],
  ];
  for (const [kind, files] of archives) {
    const zip = createZip(files);
    const path = resolve(out, `${NAME}-${version}-${kind}.zip`);
    writeFileSync(path, zip);
    console.log(`${sha256(zip)}  ${relative(REPO, path)} (${files.length} files)`);
  }
  rmSync(stage, { recursive: true, force: true });
  if (run('git', ['status', '--porcelain']).trim() !== '') {
    console.warn('warning: the working tree has uncommitted changes; these packages are not from one commit');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();

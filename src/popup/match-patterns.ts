// Manifest match patterns (`https://*.example.com/*`), as Chrome and Firefox read them, so the
// popup can tell whether the content script's curated list covers a page. Pure.
// Ports are ignored, as the browsers do.

function hostMatches(hostname: string, host: string): boolean {
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    return hostname === base || hostname.endsWith(`.${base}`);
  }
  return hostname === host;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export function matchesPattern(url: URL, pattern: string): boolean {
  if (pattern === '<all_urls>') return ['http:', 'https:', 'file:', 'ws:', 'wss:', 'ftp:'].includes(url.protocol);
  const parts = /^(\*|[a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const protocol = url.protocol.slice(0, -1);
  const schemeOk = scheme === '*' ? protocol === 'http' || protocol === 'https' : scheme === protocol;
  return schemeOk && hostMatches(url.hostname, host) && globToRegExp(path).test(url.pathname + url.search);
}

export function matchesAnyPattern(url: URL, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesPattern(url, pattern));
}

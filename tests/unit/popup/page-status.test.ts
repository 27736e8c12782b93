import { describe, expect, it } from 'vitest';
import { describePage, type PageInput, type PageSummary } from '../../../src/popup/page-status';
import { DEFAULT_SETTINGS } from '../../../src/settings/defaults';

const CURATED = ['https://*.reuters.com/*'];
const ARTICLE = 'https://www.reuters.com/technology/a/';
const active = (entries: PageSummary['entries'] = []): PageSummary => ({
  entries,
  total: entries.length,
  state: 'active',
});

function view(input: Partial<PageInput>) {
  return describePage({
    url: ARTICLE,
    summary: active(),
    settings: DEFAULT_SETTINGS,
    curatedPatterns: CURATED,
    granted: false,
    ...input,
  }).view;
}

describe('describePage', () => {
  it('lists what the page found', () => {
    const status = describePage({
      url: ARTICLE,
      summary: active([{ id: 'huawei', count: 3 }]),
      settings: DEFAULT_SETTINGS,
      curatedPatterns: CURATED,
      granted: false,
    });
    expect(status.view).toBe('found');
    expect(status.entries).toEqual([{ id: 'huawei', count: 3 }]);
    expect(status.site?.hostname).toBe('www.reuters.com');
  });

  it('passes on that the page is off the beat, with or without terms to list', () => {
    const input = { url: ARTICLE, settings: DEFAULT_SETTINGS, curatedPatterns: CURATED, granted: false };
    const offBeat = { hidden: 5, showAll: false };
    const found = describePage({ ...input, summary: { ...active([{ id: 'huawei', count: 1 }]), offBeat } });
    expect(found).toMatchObject({ view: 'found', offBeat });
    expect(describePage({ ...input, summary: { ...active(), offBeat } })).toMatchObject({ view: 'no-terms', offBeat });
    expect(describePage({ ...input, summary: active() }).offBeat).toBeUndefined();
  });

  it('says why nothing is listed', () => {
    expect(view({ summary: undefined })).toBe('loading');
    expect(view({})).toBe('no-terms');
    expect(view({ url: 'chrome://newtab/', summary: 'unavailable' })).toBe('browser-page');
    expect(view({ url: undefined, summary: 'unavailable' })).toBe('unknown');
    expect(view({ url: 'https://example.org/', summary: 'unavailable' })).toBe('not-enabled');
    expect(view({ summary: 'unavailable' })).toBe('reload');
  });

  it('lets the settings speak before a page that has not caught up', () => {
    expect(view({ settings: { ...DEFAULT_SETTINGS, enabled: false } })).toBe('off');
    expect(view({ settings: { ...DEFAULT_SETTINGS, pausedSites: ['reuters.com'] } })).toBe('paused');
    expect(view({ summary: { ...active(), state: 'paused' } })).toBe('paused');
    expect(view({ summary: { ...active(), state: 'disabled' } })).toBe('off');
  });

  it('treats an enabled site like a curated one', () => {
    const settings = { ...DEFAULT_SETTINGS, enabledSites: ['https://example.org'] };
    expect(view({ url: 'https://example.org/a', summary: 'unavailable', settings, granted: true })).toBe('reload');
  });

  it('trusts the page when its URL is hidden', () => {
    expect(view({ url: undefined, summary: active([{ id: 'tsmc', count: 1 }]) })).toBe('found');
  });
});

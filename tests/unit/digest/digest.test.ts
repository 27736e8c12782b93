// The real digest: it validates, its counts are sane, and it covers what the product promises.
import { describe, expect, it } from 'vitest';
import type { Alias, Digest } from '../../../src/digest/schema';
import { validateDigest } from '../../../src/digest/validate';
import { readDigestJson } from './helpers';

const raw = readDigestJson();
const result = validateDigest(raw);
const digest = raw as Digest;

const aliasText = (a: Alias) => (typeof a === 'string' ? a : a.text);
const aliasRule = (a: Alias) => (typeof a === 'string' ? { text: a } : a);
const entry = (id: string) => {
  const e = digest.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};
/** Entries whose aliases include this text (case-insensitive). */
const entriesWithAlias = (text: string) =>
  digest.entries.filter((e) => e.aliases.some((a) => aliasText(a).toLowerCase() === text.toLowerCase()));

describe('the bundled digest', () => {
  it('validates without errors', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('has sane counts', () => {
    expect(digest.sources).toHaveLength(5);
    expect(digest.entries.length).toBeGreaterThanOrEqual(50);
    expect(digest.disputes.length).toBeGreaterThanOrEqual(10);
    expect(digest.timeline.length).toBeGreaterThanOrEqual(8);
    expect(digest.briefing.length).toBeGreaterThanOrEqual(5);
    expect(digest.briefing.length).toBeLessThanOrEqual(8);
  });

  it('has exactly the eight topics', () => {
    expect(digest.topics.map((t) => t.id).sort()).toEqual(
      ['ai', 'chips', 'companies', 'infrastructure', 'markets', 'people', 'policy', 'security'].sort(),
    );
  });

  it('cites every source somewhere, and every source kind is one the seeds README names', () => {
    const cited = new Set<string>();
    for (const e of digest.entries) {
      for (const s of e.summary.sources) cited.add(s);
      for (const f of e.facts) for (const s of f.sources) cited.add(s);
    }
    expect([...cited].sort()).toEqual(digest.sources.map((s) => s.id).sort());
    expect(digest.sources.map((s) => s.kind).sort()).toEqual(['analysis', 'briefing', 'explainer', 'news', 'opinion']);
    for (const s of digest.sources) expect(s.short.length).toBeLessThanOrEqual(14);
  });

  it('has the required disputes, each with sides drawn from at least two sources', () => {
    const ids = digest.disputes.map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'deepseek-launch-date',
        'cloudmatrix-vs-nvidia',
        'gap-closing-speed',
        'sanctions-effect',
        'reaction-or-plan',
        'reject-or-buy',
        'harmonyos-reach',
        'deepseek-cost',
      ]),
    );
    for (const d of digest.disputes) {
      const sources = new Set(d.sides.flatMap((s) => s.sources));
      expect(sources.size, d.id).toBeGreaterThanOrEqual(2);
    }
    const deepseek = digest.disputes.find((d) => d.id === 'deepseek-launch-date');
    expect(new Set(deepseek?.sides.flatMap((s) => s.sources))).toEqual(
      new Set(['worldcrunch-2025', 'explainer-2025', 'inside-telecom-2025']),
    );
  });

  it('keeps hedges and attribution where the seeds hedge or attribute (issue 13 examples)', () => {
    const entry = (id: string) => digest.entries.find((e) => e.id === id);
    const texts = (id: string) => {
      const e = entry(id);
      return e ? [e.summary.text, e.gist.text, ...e.facts.map((f) => f.text)] : [];
    };
    // "can be less user-friendly", not "are harder to use".
    expect(texts('chia-lin-yang').join(' ')).not.toMatch(/are harder to use|tend to be harder/);
    // "bound to fall short", not "may/can fall short".
    const virginia = [...texts('northern-virginia-data-centres'), ...digest.timeline.map((t) => t.text)].join(' ');
    expect(virginia).not.toMatch(/(may|can) fall short/);
    // DeepSeek's low training cost is its own claim wherever it appears.
    const deepseek = entry('deepseek');
    expect(deepseek?.facts.find((f) => /fraction|cheaply/.test(f.text))?.label).toBe('claim');
    expect(deepseek?.summary.text).toMatch(/claim/);
    // Worldcrunch's causal judgements are labelled as its opinion.
    for (const id of ['decoupling', 'de-risking', 'tariffs-trade-war']) {
      const judged = entry(id)?.facts.filter((f) => /intensif|strengthen|reinforc/.test(f.text)) ?? [];
      expect(judged.length, id).toBeGreaterThan(0);
      for (const f of judged) expect([f.label, f.by], id).toEqual(['opinion', 'Worldcrunch']);
    }
    // Billions for high-quality development; tens of billions for leaving low-cost manufacturing.
    const why =
      digest.briefing
        .find((b) => b.id === 'why')
        ?.paragraphs.map((p) => p.text)
        .join(' ') ?? '';
    expect(why).not.toMatch(/tens of billions on what Xi calls/);
    // Knowledge from outside the seeds is a short background fact, not a summary's claim.
    expect(entry('apple')?.summary.text).not.toMatch(/technology company/);
    expect(entry('apple')?.facts.some((f) => f.label === 'background')).toBe(true);
    expect(entry('wechat')?.facts.some((f) => f.label === 'background' && /messaging/i.test(f.text))).toBe(true);
  });

  it('has the required timeline events with honest dates', () => {
    const byId = new Map(digest.timeline.map((t) => [t.id, t]));
    expect(byId.get('politburo-session')?.date.date).toBe('2025-04-25');
    expect(byId.get('alibaba-chip-report')?.date.date).toBe('2025-09');
    expect(byId.get('northern-virginia-july-2024')?.date).toEqual({ date: '2024-07' });
    expect(byId.get('deepseek-launch')?.date.approximate).toBe(true);
    for (const id of ['huang-nanoseconds', 'nvidia-probe', 'trump-first-term']) expect(byId.has(id), id).toBe(true);
    // Years the seeds never state are inferred, so those events must be marked approximate.
    for (const id of ['politburo-session', 'alibaba-chip-report', 'huang-nanoseconds', 'nvidia-probe']) {
      expect(byId.get(id)?.date.approximate, id).toBe(true);
    }
  });

  it('has a briefing covering what happened, disagreements and what to watch, every paragraph cited', () => {
    const ids = digest.briefing.map((b) => b.id);
    expect(ids).toEqual(expect.arrayContaining(['what-happened', 'disagreements', 'what-to-watch']));
    for (const b of digest.briefing) for (const p of b.paragraphs) expect(p.sources.length).toBeGreaterThan(0);
  });

  it('has an entry for every term the issue names', () => {
    const terms = [
      'export controls',
      'self-reliance',
      'self-sufficiency',
      'decoupling',
      'de-risking',
      'chip bans',
      'tariffs',
      'export control list',
      'unreliable entity list',
      'Cold War',
      'AI+ plan',
      'high-quality development',
      'anti-monopoly probe',
      'good enough',
      'supply chains',
      'Taiwan',
      'Northern Virginia',
      'Eastern Data, Western Computing',
      'Tianfu Intelligent Computing Center',
      'Guizhou',
      'Sichuan',
      'CNCERT',
      'HarmonyOS',
      'Android',
      'iOS',
      'Apple',
      'ChatGPT',
      'OpenAI',
      'DeepSeek',
      'Huawei',
      'CloudMatrix 384',
      'Nvidia',
      'H20',
      'Alibaba',
      'Baidu',
      'Tencent',
      'WeChat',
      'MetaX',
      'China Unicom',
      'Cambricon',
      'Naura',
      'Inovance',
      'Xpeng',
      'SCMP',
      'Ars Technica',
      'TechCrunch',
      'Politburo',
      'Chinese Communist Party',
      'Jensen Huang',
      'Xi Jinping',
      'Donald Trump',
      'Jawad Haj-Yahya',
      'Chia-Lin Yang',
      'National Taiwan University',
      'Raghavendra Anjanappa',
      'Silicon Valley',
      'Worldcrunch',
      'Inside Telecom',
    ];
    const missing = terms.filter((t) => entriesWithAlias(t).length === 0);
    expect(missing).toEqual([]);
  });

  it('carries the Chinese names', () => {
    const names = [
      '华为',
      '英伟达',
      '寒武纪',
      '东数西算',
      '阿里巴巴',
      '百度',
      '腾讯',
      '微信',
      '深度求索',
      '习近平',
      '黄仁勋',
      '特朗普',
      '鸿蒙',
      '不可靠实体清单',
      '出口管制',
      '中国联通',
      '沐曦',
      '北方华创',
      '汇川技术',
      '小鹏',
      '贵州',
      '四川',
    ];
    expect(names.filter((n) => entriesWithAlias(n).length === 0)).toEqual([]);
  });

  it('follows the alias rules the issue spells out for ambiguous names', () => {
    const find = (id: string, text: string) => {
      const a = entry(id).aliases.find((x) => aliasText(x) === text);
      if (!a) throw new Error(`${id} has no alias ${text}`);
      return aliasRule(a);
    };
    expect(find('xi-jinping', 'Xi')).toMatchObject({ caseSensitive: true, afterEntry: true });
    expect(find('jensen-huang', 'Huang')).toMatchObject({ afterEntry: true });
    expect(find('nvidia-h20', 'H20').near).toEqual(expect.arrayContaining(['Nvidia', 'chip', 'GPU', 'export']));
    expect(find('android', 'Android').near).toEqual(expect.arrayContaining(['phone', 'Huawei', 'HarmonyOS', 'iOS']));
    const apple = find('apple', 'Apple');
    expect(apple.caseSensitive).toBe(true);
    expect(apple.near).toEqual(expect.arrayContaining(['iPhone', 'iOS', 'Tim Cook']));
    expect(apple.notNear).toEqual(expect.arrayContaining(['fruit', 'pie', 'juice', 'orchard']));
    // The two lists must never share their full names.
    expect(entriesWithAlias('unreliable entity list').map((e) => e.id)).toEqual(['unreliable-entity-list']);
    expect(entriesWithAlias('export control list').map((e) => e.id)).toEqual(['us-export-control-list']);
  });

  it('gives every entry a cited summary and at least one fact, and names who said every quote', () => {
    const people = new Set(digest.entries.filter((e) => e.kind === 'person').map((e) => e.name));
    for (const e of digest.entries) {
      expect(e.facts.length, e.id).toBeGreaterThan(0);
      expect(e.topics.length, e.id).toBeLessThanOrEqual(3);
      for (const q of e.quotes) expect(people.has(q.speaker), `${e.id}: ${q.speaker}`).toBe(true);
    }
  });

  it('has the quotes the issue asks for', () => {
    const quotes = digest.entries.flatMap((e) => e.quotes.map((q) => `${q.speaker}: ${q.text}`));
    for (const q of [
      'Jensen Huang: nanoseconds behind',
      'Jawad Haj-Yahya: The gap is shrinking',
      'Xi Jinping: anyone’s gifts',
      'Chia-Lin Yang: Never underestimate China’s ability to catch up',
    ]) {
      expect(quotes).toContain(q);
    }
    expect(quotes.some((q) => q.startsWith('Raghavendra Anjanappa: '))).toBe(true);
  });

  it('does not repeat events or disputes inside entries', () => {
    // scope and policyOf are matching rules (issue 11), not content.
    const rules = new Set(['scope', 'policyOf']);
    for (const e of digest.entries) {
      expect(
        Object.keys(e)
          .filter((k) => !rules.has(k))
          .sort(),
      ).toEqual([
        'aliases',
        'cardFacts',
        'facts',
        'gist',
        'id',
        'kind',
        'name',
        'quotes',
        'related',
        'summary',
        'topics',
      ]);
    }
  });
});

// Content script entry: wires the digest, settings and messages to the engine, the card and
// keyboard navigation. Nothing here may throw into the page.
import { pageDigest } from '../digest/page-slice';
import { translate } from '../i18n';
import { compileMatcher, compileMatcherSteps, type Matcher } from '../matcher';
import { entryNamedBy } from '../matcher/name-lookup';
import { handleMessages, sendToBackground } from '../messages';
import { DEFAULT_SETTINGS, isSitePaused, loadPageSettings, onPageSettingsChanged, type Settings } from '../settings';
import { CardController } from './card-controller';
import { CardDigest } from './card-digest';
import { HighlightStyleSheet } from './highlight-style';

import { Overlay } from './overlay';
import { TermEngine } from './term-engine';
import { TermNavigator } from './term-navigator';
import { TopicHighlights } from './topic-highlights';

const SUMMARY_DEBOUNCE_MS = 250;
/** How often to check whether the page cleared our highlights from the registry. */
const TAMPER_CHECK_MS = 1000;

interface Session {
  controller: AbortController;
  engine: TermEngine;
  navigator: TermNavigator;
}

function start(): void {
  const { entries, topicIds } = pageDigest;
  const cardDigest = new CardDigest(() => sendToBackground('card-digest', {}));
  const topics = new Map(entries.map((e) => [e.id, e.topics[0] ?? '']));
  // Compiled on first use, after settings load: a paused site never pays for it, and injection
  // stays a short task. The engine compiles it in slices; a lookup before that compiles at once.
  let matcher: Matcher | undefined;
  const getMatcher = () => {
    matcher ??= compileMatcher(entries);
    return matcher;
  };
  function* matcherSteps(shouldYield: () => boolean): Generator<void, Matcher, void> {
    if (!matcher) matcher = yield* compileMatcherSteps(entries, shouldYield);
    return matcher;
  }
  const topicOf = (id: string) => topics.get(id) ?? '';
  const highlights = new TopicHighlights(topicIds);
  const overlay = new Overlay();
  const styleSheet = new HighlightStyleSheet(topicIds);
  let settings: Settings = DEFAULT_SETTINGS;
  let session: Session | undefined;
  let summaryTimer: ReturnType<typeof setTimeout> | undefined;

  // Frames scan their own text; only the top frame speaks for the tab's badge.
  const isTopFrame = window.top === window;
  const summary = () => session?.engine.index.summary() ?? { entries: [], total: 0 };
  /** Set when the page is off the beat and holds terms back (or shows them at the reader's request). */
  const offBeat = () => {
    const beat = session?.engine.index.beat();
    return beat && !beat.onBeat && (beat.hidden > 0 || beat.showAll)
      ? { hidden: beat.hidden, showAll: beat.showAll }
      : undefined;
  };
  const reportSummary = () => {
    if (!isTopFrame) return;
    clearTimeout(summaryTimer);
    summaryTimer = setTimeout(() => {
      sendToBackground('page-summary', summary()).catch(() => undefined);
    }, SUMMARY_DEBOUNCE_MS);
  };

  const startSession = (): Session => {
    const controller = new AbortController();
    const engine = new TermEngine({
      compileMatcher: matcherSteps,
      highlights,
      topicOf,
      onChange: () => {
        highlights.reassertIfTampered();
        reportSummary();
      },
    });
    const cards = new CardController({
      digest: cardDigest,
      index: engine.index,
      overlay,
      t: translate,
      hoverDelayMs: () => settings.hoverDelayMs,
      shadowRoots: () => engine.shadowRoots(),
      setFocusedTerm: (hit) => highlights.setFocus(hit?.range),
      openReader: (entryId) => void sendToBackground('open-reader', { entryId }).catch(() => undefined),
      tapOpensCardInLinks: () => settings.tapOpensCardInLinks,
      step: (direction) => navigator.step(direction),
    });
    const navigator: TermNavigator = new TermNavigator({ index: engine.index, highlights, cards, topicOf });
    cards.listen(controller.signal);
    const tamperCheck = setInterval(() => highlights.reassertIfTampered(), TAMPER_CHECK_MS);
    controller.signal.addEventListener('abort', () => clearInterval(tamperCheck), { once: true });
    void engine.start(controller.signal);
    return { controller, engine, navigator };
  };

  const apply = (next: Settings) => {
    settings = next;
    const active = next.enabled && !isSitePaused(next, location.hostname);
    if (active && !session) session = startSession();
    else if (!active && session) {
      session.controller.abort();
      session = undefined;
      highlights.hide();
      styleSheet.remove();
      overlay.destroy();
      reportSummary();
    }
    if (session) {
      session.engine.index.setFirstMentionOnly(next.firstMentionOnly);
      styleSheet.apply(next.highlightStyle);
      highlights.show(new Set(next.disabledTopics));
    }
  };

  // Answering only once the stored settings are applied keeps the first answer true: before that,
  // "paused" would only mean "not started yet".
  const answerMessages = () =>
    handleMessages({
      'get-summary': () => ({
        ...summary(),
        state: session ? 'active' : settings.enabled ? 'paused' : 'disabled',
        offBeat: offBeat(),
      }),
      'show-all': ({ on }) => {
        session?.engine.index.setShowAll(on);
        reportSummary();
        return { ok: session !== undefined };
      },
      'jump-to': ({ entryId }) => ({ ok: session?.navigator.jumpTo(entryId) ?? false }),
      command: ({ name }) => {
        if (name === 'next-term') session?.navigator.step(1);
        else if (name === 'previous-term') session?.navigator.step(-1);
      },
      lookup: ({ text }) => {
        const entryId = entryNamedBy(text, entries, getMatcher());
        if (!entryId) return { found: false };
        return { found: session?.navigator.openNearSelection(entryId) ?? false, entryId };
      },
    });
  onPageSettingsChanged(apply);
  loadPageSettings()
    .then(apply, (error: unknown) => console.debug('[TechWar Lens] settings', error))
    .finally(answerMessages);
}

// A second injection (manifest plus a registered script) must not double the work.
const GUARD = '__techwarLensStarted';
const scope = globalThis as Record<string, unknown>;
if (!scope[GUARD]) {
  scope[GUARD] = true;
  try {
    start();
  } catch (error) {
    console.debug('[TechWar Lens] failed to start', error);
  }
}

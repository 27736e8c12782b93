// Content script entry: wires the digest, settings and messages to the engine and the card.
// Nothing here may throw into the page.
import { digest } from '../digest';
import { createDigestLookup } from '../digest/lookup';
import { compileMatcher } from '../matcher';
import { handleMessages, sendToBackground } from '../messages';
import { isSitePaused, loadSettings, onSettingsChanged, type Settings } from '../settings';
import { CardController } from './card-controller';
import { Overlay } from './overlay';
import { TermEngine } from './term-engine';
import { TopicHighlights } from './topic-highlights';

const SUMMARY_DEBOUNCE_MS = 250;

interface Session {
  controller: AbortController;
  engine: TermEngine;
}

function start(): void {
  const lookup = createDigestLookup(digest);
  const matcher = compileMatcher(digest.entries);
  const highlights = new TopicHighlights(digest.topics.map((t) => t.id));
  const overlay = new Overlay();
  let settings: Settings | undefined;
  let session: Session | undefined;
  let summaryTimer: ReturnType<typeof setTimeout> | undefined;

  // Frames scan their own text; only the top frame speaks for the tab's badge.
  const isTopFrame = window.top === window;
  const reportSummary = () => {
    if (!isTopFrame) return;
    clearTimeout(summaryTimer);
    summaryTimer = setTimeout(() => {
      const summary = session?.engine.index.summary() ?? { entries: [], total: 0 };
      sendToBackground('page-summary', { url: location.href, ...summary }).catch(() => undefined);
    }, SUMMARY_DEBOUNCE_MS);
  };

  const apply = (next: Settings) => {
    settings = next;
    const active = next.enabled && !isSitePaused(next, location.hostname);
    if (active && !session) {
      const controller = new AbortController();
      const engine = new TermEngine({
        matcher,
        highlights,
        topicOf: (id) => lookup.primaryTopic(id) ?? '',
        onChange: reportSummary,
      });
      const cards = new CardController({
        lookup,
        index: engine.index,
        overlay,
        hoverDelayMs: () => settings?.hoverDelayMs ?? 350,
      });
      session = { controller, engine };
      highlights.show(new Set(next.disabledTopics));
      cards.listen(controller.signal);
      void engine.start(controller.signal);
    } else if (!active && session) {
      session.controller.abort();
      session = undefined;
      highlights.hide();
      overlay.destroy();
      reportSummary();
    } else if (active) {
      highlights.show(new Set(next.disabledTopics));
    }
  };

  handleMessages({
    'get-summary': () => ({
      ...(session?.engine.index.summary() ?? { entries: [], total: 0 }),
      state: session ? 'active' : settings?.enabled === false ? 'disabled' : 'paused',
    }),
  });
  onSettingsChanged(apply);
  loadSettings().then(apply, (error: unknown) => console.debug('[TechWar Lens] settings', error));
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

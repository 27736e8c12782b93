// The one element the extension adds to a page: <techwar-overlay> with an open shadow root that
// holds the card. Created on first use, removed on teardown.
import { type ComponentChild, render } from 'preact';
import cardCss from '../ui/card.css?inline';
import { OVERLAY_TAG } from './dom-rules';

export class Overlay {
  private host: HTMLElement | undefined;
  private layer: HTMLElement | undefined;
  private live: HTMLElement | undefined;

  /** The host element, for pointer containment checks; undefined until first shown. */
  get element(): HTMLElement | undefined {
    return this.host;
  }

  /** Renders `content` in the top layer at viewport position (left, top). */
  show(content: ComponentChild, place: (layer: HTMLElement) => void): void {
    const layer = this.ensure();
    render(content, layer);
    if (!layer.isConnected) return;
    if (supportsPopover(layer) && !layer.matches(':popover-open')) layer.showPopover();
    layer.hidden = false;
    place(layer);
  }

  hide(): void {
    if (!this.layer) return;
    render(null, this.layer);
    if (supportsPopover(this.layer) && this.layer.matches(':popover-open')) this.layer.hidePopover();
    this.layer.hidden = true;
  }

  /** Screen readers hear about the card politely: highlights themselves are invisible to them. */
  announce(text: string): void {
    this.ensure();
    if (this.live) this.live.textContent = text;
  }

  /** The card element while one shows. */
  card(): HTMLElement | null {
    return this.layer?.querySelector<HTMLElement>('[data-testid="techwar-card"]') ?? null;
  }

  focusCard(): void {
    this.card()?.focus({ preventScroll: true });
  }

  containsFocus(): boolean {
    return !!this.host && document.activeElement === this.host;
  }

  destroy(): void {
    if (this.layer) render(null, this.layer);
    this.host?.remove();
    this.host = this.layer = this.live = undefined;
  }

  private ensure(): HTMLElement {
    if (this.layer && this.host?.isConnected) return this.layer;
    this.host?.remove();
    const host = document.createElement(OVERLAY_TAG);
    const root = host.attachShadow({ mode: 'open' });
    adoptStyles(root, cardCss);
    const layer = document.createElement('div');
    layer.className = 'tw-layer';
    // Top layer: page z-index and overflow cannot trap or cover the card.
    layer.setAttribute('popover', 'manual');
    layer.hidden = true;
    const live = document.createElement('div');
    live.className = 'tw-live';
    live.setAttribute('aria-live', 'polite');
    root.append(layer, live);
    document.documentElement.append(host);
    this.host = host;
    this.layer = layer;
    this.live = live;
    return layer;
  }
}

function supportsPopover(el: HTMLElement): boolean {
  return typeof el.showPopover === 'function';
}

/** Constructable sheets are not inline styles, so a strict page CSP cannot block them. */
function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

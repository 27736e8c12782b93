// Where the card goes: beside the term on wide screens, a bottom sheet on narrow ones. Both keep
// the term itself in sight.

/** At or below this width (CSS px of the window or the screen) the card is a bottom sheet. */
export const SHEET_MAX_WIDTH_PX = 600;
/** The sheet's share of the visible height, at most. */
const SHEET_MAX_SHARE = 0.6;
const GAP_PX = 6;
const EDGE_PX = 8;

/**
 * A phone, upright or on its side, or a narrow window. The screen counts: a page without a mobile
 * viewport lays out 980 px wide on a 390 px phone, where a floating card would be unreadably small.
 */
export function wantsSheet(): boolean {
  const width = document.documentElement.clientWidth || window.innerWidth;
  return width <= SHEET_MAX_WIDTH_PX || Math.min(window.screen.width, window.screen.height) <= SHEET_MAX_WIDTH_PX;
}

function resetLayer(layer: HTMLElement): void {
  layer.style.bottom = '';
  layer.style.width = '';
  layer.style.transform = '';
  layer.style.removeProperty('--tw-max-h');
}

/**
 * Below the hovered line if it fits, else above; never over the line; kept inside the viewport.
 * When neither side has room (an expanded card), the card takes the larger side and scrolls inside.
 */
export function placeNear(layer: HTMLElement, rects: DOMRect[], pointerY: number): void {
  if (rects.length === 0) return;
  resetLayer(layer);
  const line =
    rects.find((r) => pointerY >= r.top && pointerY <= r.bottom) ??
    rects.reduce((best, r) => (Math.abs(r.top - pointerY) < Math.abs(best.top - pointerY) ? r : best));
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = window.innerHeight;
  const roomBelow = vh - EDGE_PX - (line.bottom + GAP_PX);
  const roomAbove = line.top - GAP_PX - EDGE_PX;
  let { width, height } = layer.getBoundingClientRect();
  if (height > roomBelow && height > roomAbove) {
    layer.style.setProperty('--tw-max-h', `${Math.floor(Math.max(roomBelow, roomAbove))}px`);
    ({ width, height } = layer.getBoundingClientRect());
  }
  const top = height <= roomBelow || roomBelow >= roomAbove ? line.bottom + GAP_PX : line.top - GAP_PX - height;
  const left = Math.min(Math.max(line.left, EDGE_PX), Math.max(EDGE_PX, vw - width - EDGE_PX));
  layer.style.left = `${Math.round(left)}px`;
  layer.style.top = `${Math.round(top)}px`;
}

/**
 * Full width along the bottom of what the reader sees. Under pinch-zoom the visual viewport is a
 * scaled window into the layout viewport that fixed elements live in, so the sheet follows its
 * offset and is scaled back to its normal size.
 */
export function placeSheet(layer: HTMLElement, atTop = false): void {
  const vv = window.visualViewport;
  const scale = vv?.scale || 1;
  const visibleWidth = vv?.width ?? document.documentElement.clientWidth;
  const visibleHeight = vv?.height ?? window.innerHeight;
  const visibleBottom = (vv?.offsetTop ?? 0) + visibleHeight;
  const layoutHeight = document.documentElement.clientHeight || window.innerHeight;
  layer.style.left = `${vv?.offsetLeft ?? 0}px`;
  layer.style.top = atTop ? `${vv?.offsetTop ?? 0}px` : 'auto';
  layer.style.bottom = atTop ? 'auto' : `${Math.round(layoutHeight - visibleBottom)}px`;
  layer.classList.toggle('tw-sheet-top', atTop);
  layer.style.width = `${visibleWidth * scale}px`;
  layer.style.transform = scale === 1 ? '' : `scale(${1 / scale})`;
  layer.style.setProperty('--tw-max-h', `${Math.floor(visibleHeight * scale * SHEET_MAX_SHARE)}px`);
}

/** True when the sheet lies over the term. */
export function sheetCoversTerm(layer: HTMLElement, rects: DOMRect[]): boolean {
  const sheet = layer.getBoundingClientRect();
  return rects.some((r) => r.bottom > sheet.top && r.top < sheet.bottom);
}

/** Scrolls the page so the term sits in the middle of the space the sheet leaves above it. */
export function revealAboveSheet(layer: HTMLElement, rects: DOMRect[]): void {
  const term = rects[0];
  if (!term) return;
  const visibleTop = window.visualViewport?.offsetTop ?? 0;
  const sheetTop = layer.getBoundingClientRect().top;
  if (term.top >= visibleTop + GAP_PX && term.bottom <= sheetTop - GAP_PX) return;
  const middle = (visibleTop + sheetTop) / 2;
  window.scrollBy({ top: term.top + term.height / 2 - middle, behavior: 'instant' });
}

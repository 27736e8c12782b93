// Applies the reader's highlight style with a constructed stylesheet adopted by the document:
// it changes no element of the page, and a strict page CSP does not apply to it.
import type { HighlightStyle } from '../settings';
import { highlightStyleOverride } from './highlight-css';

export class HighlightStyleSheet {
  private sheet: CSSStyleSheet | undefined;

  constructor(private readonly topicIds: readonly string[]) {}

  apply(style: HighlightStyle): void {
    const css = highlightStyleOverride(this.topicIds, style);
    if (!css) {
      this.remove();
      return;
    }
    try {
      this.sheet ??= new CSSStyleSheet();
      this.sheet.replaceSync(css);
      if (!document.adoptedStyleSheets.includes(this.sheet)) {
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
      }
    } catch (error) {
      // Some engines refuse sheets adopted from an extension's world: the default style stays.
      console.debug('[TechWar Lens] highlight style', error);
    }
  }

  remove(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    try {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    } catch (error) {
      console.debug('[TechWar Lens] highlight style', error);
    }
  }
}

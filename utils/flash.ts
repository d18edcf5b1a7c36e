/**
 * Scrolls a passage into view and flashes it, without touching the page's DOM tree: the CSS
 * Custom Highlight API where the browser has it, the selection otherwise.
 */
import { findTextRange } from './find-text';
import { keepKeyboardAt } from './keyboard-place';
import { later } from './tasks';

const NAME = 'sourcemark-flash';
const STYLE_ID = 'sourcemark-flash-style';
const FLASH_MS = 1800;

interface HighlightApi {
  highlights: { get(name: string): unknown; set(name: string, h: unknown): void; delete(name: string): void };
}

export function flashRange(doc: Document, range: Range): void {
  const view = doc.defaultView as (Window & { CSS?: Partial<HighlightApi>; Highlight?: new (r: Range) => unknown }) | null;
  // A reader who asked for less motion is taken there at once, not slid across the whole story.
  const still = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  (range.startContainer.parentElement ?? doc.body).scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  const css = view?.CSS;
  if (css?.highlights && view?.Highlight) {
    if (!doc.getElementById(STYLE_ID)) {
      const style = doc.createElement('style');
      style.id = STYLE_ID;
      style.textContent = `::highlight(${NAME}) { background-color: #ffd54a; color: #000; }`;
      (doc.head ?? doc.documentElement).appendChild(style);
    }
    const { highlights } = css;
    const flash = new view.Highlight(range);
    highlights.set(NAME, flash);
    // Taken away only if it is still this flash: a passage picked meanwhile gets its whole time.
    later(FLASH_MS, () => {
      if (highlights.get(NAME) === flash) highlights.delete(NAME);
    });
    return;
  }
  const selection = view?.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/**
 * Flashes the first passage of `root` that reads `evidence` (the first one `isShown` accepts, see
 * findTextRange), once `reveal` has shown it where cleanup hid it, and takes the keyboard there: a
 * reader who picked it in the card goes on from the passage, as after an in-page link, not from
 * the card. False when the text does not hold it (read from the title or metadata): the
 * provenance card then says so.
 */
export function flashEvidence(root: Element, evidence: string, opts: { isShown?: (el: Element) => boolean; reveal?: (node: Node) => void } = {}): boolean {
  const range = findTextRange(root, evidence, opts.isShown);
  if (!range) return false;
  opts.reveal?.(range.startContainer);
  flashRange(root.ownerDocument, range);
  keepKeyboardAt(root.ownerDocument, range.startContainer, range.startOffset);
  return true;
}

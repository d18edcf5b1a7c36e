/**
 * The readable text of a page as one string, with a two-way map to the DOM: the coordinate system
 * highlights are anchored in (TextPositionSelector offsets, TextQuoteSelector context).
 *
 * What counts as text: every Text node under the root in document order, except inside
 * script/style/noscript/template/textarea/iframe/object, elements with the `hidden` attribute and
 * Sourcemark's own in-page UI (`sourcemark-*` shadow hosts, `[data-sourcemark-ui]`). Elements our
 * cleanup hides (`data-sourcemark-hidden`) are deliberately kept: offsets must not depend on whether
 * the page is shown cleaned or original.
 *
 * Whitespace: every run of whitespace (JS `\s`, which includes U+00A0 and the ideographic space
 * U+3000) becomes one ASCII space, and the start and end of every block element (anything not in
 * INLINE_TAGS, `<br>` included) counts as whitespace too; leading and trailing whitespace is
 * dropped. So `<p>a</p>\n  <p>b</p>` reads "a b" exactly as `<p>a</p><p>b</p>` does, and a quote
 * taken from a portal's indented markup still matches a reader view of the same article. Inline
 * boundaries add nothing, so CJK text (which has no spaces) gets none invented inside a paragraph.
 * (The quote read back by `textWhere` is what a reader saw: there a line's end is a line break.)
 */
import { INLINE_TAGS } from './text';
import { DOCUMENT_POSITION_CONTAINED_BY as CONTAINED_BY, DOCUMENT_POSITION_FOLLOWING as FOLLOWING, ELEMENT_NODE, TEXT_NODE } from './dom-constants';

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'IFRAME', 'OBJECT']);
/**
 * Elements that start a line of their own. Others outside INLINE_TAGS (ruby, button, svg) still
 * count as whitespace in the index, but a quote read from it does not break its line there.
 */
const LINE_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIR', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LEGEND', 'LI',
  'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
// Nodes walked looking for the next indexed text before falling back to a binary search.
const NEAR_STEPS = 8;

/** A DOM boundary point inside a Text node. */
export interface TextPoint {
  node: Text;
  offset: number;
}

function skipped(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return (
    SKIPPED_TAGS.has(tag) ||
    tag.startsWith('SOURCEMARK-') ||
    el.hasAttribute('hidden') ||
    el.hasAttribute('data-sourcemark-ui')
  );
}

/**
 * Segments map index text onto Text nodes, in order. Three kinds, told apart by their lengths:
 * - copy: `length === domLength`, index chars are the node's chars from `offset` on;
 * - collapsed: one space standing for `domLength > 1` whitespace chars (or one non-space whitespace
 *   char such as a newline) starting at `offset`;
 * - virtual: one space for a block boundary, with no source (`domLength === 0`). It is placed at the
 *   end of the previous segment's node so that a point at that node's end reads as "before it".
 */
export class TextIndex {
  readonly root: Element;
  readonly text: string;
  private readonly segStart: number[] = [];
  private readonly segNode: Text[] = [];
  private readonly segOffset: number[] = [];
  private readonly segDomLength: number[] = [];
  /** Distinct nodes in segment order, and the first segment of each. */
  private readonly nodes: Text[] = [];
  private readonly nodeFirstSeg: number[] = [];
  private readonly nodeIndex = new Map<Text, number>();
  /** The virtual spaces that stand for a line's end (see LINE_TAGS), by segment. */
  private readonly lineEnds = new Set<number>();

  constructor(root: Element) {
    this.root = root;
    const parts: string[] = [];
    let length = 0;
    // A space is owed before the next kept char. Its source is the first whitespace run that caused
    // it, or null (virtual) once a block boundary is part of it.
    let pending = false;
    let pendingSource: { node: Text; offset: number; length: number } | null = null;
    // Whether that virtual space ends a line.
    let pendingLine = false;
    // Where the last kept char ended: a virtual space sits there.
    let last: TextPoint | null = null;
    const push = (node: Text, offset: number, domLength: number, chars: string): void => {
      if (this.segNode[this.segNode.length - 1] !== node) {
        this.nodeIndex.set(node, this.nodes.length);
        this.nodes.push(node);
        this.nodeFirstSeg.push(this.segNode.length);
      }
      this.segStart.push(length);
      this.segNode.push(node);
      this.segOffset.push(offset);
      this.segDomLength.push(domLength);
      parts.push(chars);
      length += chars.length;
    };
    const addText = (node: Text): void => {
      const data = node.data;
      // Whitespace that needs collapsing: runs, non-space whitespace, and a lone space at either end
      // (it may merge with a neighbour's). A lone inner space is copied as is, keeping segments long.
      const ws = /\s{2,}|[^\S ]|^ | $/g;
      let at = 0;
      for (let m = ws.exec(data); ; m = ws.exec(data)) {
        const end = m ? m.index : data.length;
        if (end > at) {
          if (pending && last) {
            if (pendingSource) push(pendingSource.node, pendingSource.offset, pendingSource.length, ' ');
            else {
              if (pendingLine) this.lineEnds.add(this.segStart.length);
              push(last.node, last.offset, 0, ' ');
            }
          }
          pending = false;
          pendingLine = false;
          push(node, at, end - at, data.slice(at, end));
          last = { node, offset: end };
        }
        if (!m) break;
        if (!pending) {
          pending = true;
          pendingSource = { node, offset: m.index, length: m[0].length };
        }
        at = m.index + m[0].length;
      }
    };
    const walk = (parent: Node): void => {
      for (let child = parent.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === TEXT_NODE) addText(child as Text);
        else if (child.nodeType === ELEMENT_NODE) {
          const el = child as Element;
          if (skipped(el)) continue;
          const tag = el.tagName.toUpperCase();
          const block = !INLINE_TAGS.has(tag);
          const line = LINE_TAGS.has(tag);
          if (block) [pending, pendingSource, pendingLine] = [true, null, pendingLine || line];
          walk(el);
          if (block) [pending, pendingSource, pendingLine] = [true, null, pendingLine || line];
        }
      }
    };
    walk(root);
    this.text = parts.join('');
  }

  private segLength(i: number): number {
    return (i + 1 < this.segStart.length ? this.segStart[i + 1]! : this.text.length) - this.segStart[i]!;
  }

  /** The segment holding index char `i` (0 <= i < text.length): the last one starting at or before it. */
  private segAt(i: number): number {
    let lo = 0;
    let hi = this.segStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segStart[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The DOM point for index offset `i`. A range's start and end want different points at a node
   * boundary: `'start'` lies before char `i` (in its node), `'end'` after char `i - 1` (in its node),
   * so a range never begins or ends with an empty piece of a neighbouring node. Null when empty.
   */
  point(i: number, side: 'start' | 'end'): TextPoint | null {
    const n = this.text.length;
    if (n === 0) return null;
    if (side === 'end' && i <= 0) return this.point(0, 'start');
    if (side === 'start' && i >= n) return this.point(n, 'end');
    const char = side === 'start' ? Math.max(0, i) : Math.min(i, n) - 1;
    const s = this.segAt(char);
    const node = this.segNode[s]!;
    const offset = this.segOffset[s]!;
    const domLength = this.segDomLength[s]!;
    if (domLength === this.segLength(s)) return { node, offset: offset + char - this.segStart[s]! + (side === 'end' ? 1 : 0) };
    if (domLength > 0) return { node, offset: side === 'end' ? offset + 1 : offset };
    // A virtual space ends where the next segment begins.
    return side === 'start' ? { node, offset } : this.point(char + 1, 'start');
  }

  /** A Range over index offsets [start, end). */
  toRange(start: number, end: number): Range {
    const range = this.root.ownerDocument.createRange();
    const a = this.point(start, 'start');
    const b = this.point(Math.max(start, end), 'end');
    if (!a || !b) {
      range.selectNodeContents(this.root);
      range.collapse(true);
      return range;
    }
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  }

  /**
   * The index offset of a DOM boundary point: the offset of the first index char at or after it
   * (text.length when there is none). Works for any point, inside or outside indexed text.
   */
  offsetOf(container: Node, offset: number): number {
    const k = container.nodeType === TEXT_NODE ? this.nodeIndex.get(container as Text) : undefined;
    if (k !== undefined) return this.offsetInNode(k, offset);
    const children = container.childNodes;
    const ref = container.nodeType !== TEXT_NODE && offset < children.length ? children[offset]! : null;
    const from = ref ?? container;
    const near = this.root.contains(from) ? this.nextIndexedNear(from, ref !== null) : undefined;
    const next = near ?? this.nextIndexedSearch(container, ref);
    return next < this.nodes.length ? this.segStart[this.nodeFirstSeg[next]!]! : this.text.length;
  }

  /**
   * The first indexed node at `from` (inside it too, when `inclusive`) or after it, found by walking
   * the next few nodes in document order: the usual case (an element's own first text, the next
   * paragraph's text). `from` must be inside the root. Undefined when it is further away.
   */
  private nextIndexedNear(from: Node, inclusive: boolean): number | undefined {
    let node: Node | null = from;
    let descend = inclusive;
    for (let steps = 0; node && steps < NEAR_STEPS; steps++) {
      if (descend) {
        const k = node.nodeType === TEXT_NODE ? this.nodeIndex.get(node as Text) : undefined;
        if (k !== undefined) return k;
        if (node.firstChild) {
          node = node.firstChild;
          continue;
        }
      }
      while (node && !node.nextSibling && node !== this.root) node = node.parentNode;
      if (!node || node === this.root) return this.nodes.length;
      node = node.nextSibling;
      descend = true;
    }
    return undefined;
  }

  /** As nextIndexedNear, for any distance: binary search over the indexed nodes in document order. */
  private nextIndexedSearch(container: Node, ref: Node | null): number {
    const atOrAfter = ref
      ? (node: Node): boolean => node === ref || (ref.compareDocumentPosition(node) & FOLLOWING) !== 0
      : (node: Node): boolean => {
          const pos = container.compareDocumentPosition(node);
          return (pos & FOLLOWING) !== 0 && (pos & CONTAINED_BY) === 0;
        };
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (atOrAfter(this.nodes[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private offsetInNode(k: number, offset: number): number {
    // First segment of the node with a char at or after `offset`.
    let lo = this.nodeFirstSeg[k]!;
    let hi = k + 1 < this.nodes.length ? this.nodeFirstSeg[k + 1]! : this.segStart.length;
    const groupEnd = hi;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const start = this.segOffset[mid]!;
      const domLength = this.segDomLength[mid]!;
      // A copied char sits at its own place; a space at the start of its run (nowhere if virtual).
      const after = domLength === this.segLength(mid) ? start + domLength > offset : start >= offset;
      if (after) hi = mid;
      else lo = mid + 1;
    }
    if (lo === groupEnd) return lo < this.segStart.length ? this.segStart[lo]! : this.text.length;
    return this.segStart[lo]! + Math.max(0, offset - this.segOffset[lo]!);
  }

  /**
   * The index text of [start, end) without the text of the nodes `keep` refuses, spaces collapsed
   * and trimmed: what a reader saw of a passage that runs over text not shown (an ad slot cleanup
   * hides between two paragraphs is still indexed, so offsets do not depend on cleanup). A line's
   * end (a paragraph's, a list item's, a <br>) reads as a line break, not a space: the paragraphs
   * of a quote stay apart where it is shown and exported, and a link to it knows where one block
   * ends (browsers match text within one). It carries no text, so it stays when the text before it
   * is left out.
   */
  textWhere(start: number, end: number, keep: (node: Text) => boolean): string {
    let out = '';
    for (let s = start < this.text.length ? this.segAt(start) : this.segStart.length; s < this.segStart.length && this.segStart[s]! < end; s++) {
      const from = Math.max(start, this.segStart[s]!);
      const piece = this.text.slice(from, Math.min(end, this.segStart[s]! + this.segLength(s)));
      if (piece && this.lineEnds.has(s)) out += '\n';
      else if (keep(this.segNode[s]!)) out += piece;
    }
    return out.replace(/[ \n]{2,}/g, (run) => (run.includes('\n') ? '\n' : ' ')).trim();
  }

  /** Index offsets of a Range's start and end. */
  rangeOffsets(range: Range): { start: number; end: number } {
    return { start: this.offsetOf(range.startContainer, range.startOffset), end: this.offsetOf(range.endContainer, range.endOffset) };
  }

  /** Index offsets spanned by an element's contents. */
  elementSpan(el: Element): { start: number; end: number } {
    return { start: this.offsetOf(el, 0), end: this.offsetOf(el, el.childNodes.length) };
  }
}

/** Indexes `root`'s readable text (see the module comment for what counts). */
export function buildTextIndex(root: Element): TextIndex {
  return new TextIndex(root);
}

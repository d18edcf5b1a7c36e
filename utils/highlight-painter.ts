/**
 * Draws highlights on a page. With the CSS Custom Highlight API the page's DOM is never touched:
 * one `Highlight` per colour, styled by `::highlight()` rules. Without it (older browsers, jsdom)
 * each highlighted text run is wrapped in a `<sourcemark-mark>`, which changes no text, so text
 * offsets stay valid. Both draw overlapping highlights; the smallest one under a click wins.
 */
import { COLOR_VALUES, HIGHLIGHT_COLORS, type HighlightColor } from './annotation-types';
import { SHOW_TEXT } from './dom-constants';

const MARK_TAG = 'sourcemark-mark';
const highlightName = (color: HighlightColor) => `sourcemark-${color}`;
const FOCUS_NAME = 'sourcemark-focus';
const NOTED_NAME = 'sourcemark-noted';
/** Under a highlight with a note, in the text's own colour so it shows on any page. */
const NOTED_LINE = 'underline dotted 2px';

export interface Painter {
  /** Draws (or redraws) a highlight; one with a note is underlined, to tell it from one without. */
  draw(id: string, range: Range, color: HighlightColor, noted: boolean): void;
  remove(id: string): void;
  /** The live range of a drawn highlight (ranges follow DOM changes; a collapsed one lost its text). */
  rangeOf(id: string): Range | undefined;
  ids(): string[];
  /** The id of the smallest highlight drawn under a viewport point. */
  hitTest(x: number, y: number, target: EventTarget | null): string | null;
  /** Outlines one highlight (keyboard focus, "scroll to"); null clears. */
  focus(id: string | null): void;
  destroy(): void;
}

interface CssHighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: Range[]) => { add(r: Range): void; delete(r: Range): boolean; clear(): void; priority: number };

/** Picks the CSS Custom Highlight API when the document's window has it. */
export function createPainter(doc: Document): Painter {
  const win = doc.defaultView as (Window & { Highlight?: HighlightCtor; CSS?: { highlights?: CssHighlightRegistry } }) | null;
  const registry = win?.CSS?.highlights;
  return registry && win?.Highlight ? new CssPainter(doc, registry, win.Highlight) : new MarkPainter(doc);
}

function pointInRects(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

function textLength(range: Range): number {
  return range.toString().length;
}

class CssPainter implements Painter {
  private readonly drawn = new Map<string, { range: Range; color: HighlightColor }>();
  private readonly layers = new Map<HighlightColor, InstanceType<HighlightCtor>>();
  private readonly focusLayer: InstanceType<HighlightCtor>;
  private readonly notedLayer: InstanceType<HighlightCtor>;
  private readonly style: HTMLStyleElement;

  constructor(private readonly doc: Document, private readonly registry: CssHighlightRegistry, Highlight: HighlightCtor) {
    for (const color of HIGHLIGHT_COLORS) {
      const layer = new Highlight();
      this.layers.set(color, layer);
      registry.set(highlightName(color), layer);
    }
    this.notedLayer = new Highlight();
    registry.set(NOTED_NAME, this.notedLayer);
    this.focusLayer = new Highlight();
    // The focus line is drawn over a note's, where both underline the same text.
    this.focusLayer.priority = 1;
    registry.set(FOCUS_NAME, this.focusLayer);
    // ::highlight() rules must live in the page's own style scope; they style nothing else.
    this.style = doc.createElement('style');
    this.style.dataset.sourcemarkUi = '';
    this.style.textContent =
      HIGHLIGHT_COLORS.map((c) => `::highlight(${highlightName(c)}){background-color:${COLOR_VALUES[c]};}`).join('') +
      `::highlight(${NOTED_NAME}){text-decoration:${NOTED_LINE};}` +
      `::highlight(${FOCUS_NAME}){text-decoration:underline 2px;text-decoration-color:#d9480f;}`;
    this.attachStyle();
  }

  /** Puts the rules in the page, again after a page that wrote itself anew (document.open) dropped them. */
  private attachStyle(): void {
    if (!this.style.isConnected) (this.doc.head ?? this.doc.documentElement).append(this.style);
  }

  draw(id: string, range: Range, color: HighlightColor, noted: boolean): void {
    this.attachStyle();
    this.remove(id);
    this.drawn.set(id, { range, color });
    this.layers.get(color)!.add(range);
    if (noted) this.notedLayer.add(range);
  }

  remove(id: string): void {
    const entry = this.drawn.get(id);
    if (!entry) return;
    this.layers.get(entry.color)!.delete(entry.range);
    this.notedLayer.delete(entry.range);
    this.focusLayer.delete(entry.range);
    this.drawn.delete(id);
  }

  rangeOf(id: string): Range | undefined {
    return this.drawn.get(id)?.range;
  }

  ids(): string[] {
    return [...this.drawn.keys()];
  }

  hitTest(x: number, y: number): string | null {
    let best: { id: string; size: number } | null = null;
    for (const [id, { range }] of this.drawn) {
      if (!pointInRects(range, x, y)) continue;
      const size = textLength(range);
      if (!best || size < best.size) best = { id, size };
    }
    return best?.id ?? null;
  }

  focus(id: string | null): void {
    this.focusLayer.clear();
    const range = id ? this.rangeOf(id) : undefined;
    if (range) this.focusLayer.add(range);
  }

  destroy(): void {
    for (const color of HIGHLIGHT_COLORS) this.registry.delete(highlightName(color));
    this.registry.delete(NOTED_NAME);
    this.registry.delete(FOCUS_NAME);
    this.style.remove();
    this.drawn.clear();
  }
}

class MarkPainter implements Painter {
  private readonly drawn = new Map<string, { range: Range; marks: HTMLElement[] }>();

  constructor(private readonly doc: Document) {}

  draw(id: string, range: Range, color: HighlightColor, noted: boolean): void {
    // Redrawn from its own live range (a new colour, a note): its marks are restyled where they are,
    // since that range ends inside them and would collapse if they were unwrapped.
    const drawn = this.drawn.get(id);
    if (drawn && range === drawn.range) {
      for (const mark of drawn.marks) paintMark(mark, color, noted);
      return;
    }
    this.remove(id);
    const marks = textNodesIn(range).map((node) => {
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      const piece = start > 0 ? node.splitText(start) : node;
      if (end - start < piece.data.length) piece.splitText(end - start);
      const mark = this.doc.createElement(MARK_TAG);
      mark.dataset.id = id;
      paintMark(mark, color, noted);
      piece.replaceWith(mark);
      mark.append(piece);
      return mark;
    });
    const live = this.doc.createRange();
    if (marks.length) {
      live.setStartBefore(marks[0]!.firstChild!);
      live.setEndAfter(marks.at(-1)!.lastChild!);
    }
    this.drawn.set(id, { range: live, marks });
  }

  remove(id: string): void {
    const entry = this.drawn.get(id);
    if (!entry) return;
    for (const mark of entry.marks) mark.replaceWith(...mark.childNodes);
    this.drawn.delete(id);
  }

  rangeOf(id: string): Range | undefined {
    return this.drawn.get(id)?.range;
  }

  ids(): string[] {
    return [...this.drawn.keys()];
  }

  hitTest(_x: number, _y: number, target: EventTarget | null): string | null {
    // Nested marks: the innermost is the smallest highlight under the click.
    const mark = target instanceof this.doc.defaultView!.Element ? target.closest(MARK_TAG) : null;
    return mark instanceof this.doc.defaultView!.HTMLElement ? (mark.dataset.id ?? null) : null;
  }

  focus(id: string | null): void {
    for (const [markId, { marks }] of this.drawn) {
      for (const mark of marks) mark.style.outline = markId === id ? '2px solid #d9480f' : '';
    }
  }

  destroy(): void {
    for (const id of this.ids()) this.remove(id);
  }
}

function paintMark(mark: HTMLElement, color: HighlightColor, noted: boolean): void {
  mark.style.backgroundColor = COLOR_VALUES[color];
  mark.style.textDecoration = noted ? NOTED_LINE : '';
}

/** The non-empty text nodes a range covers, in document order. */
function textNodesIn(range: Range): Text[] {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const root = range.commonAncestorContainer;
  if (root.nodeType === 3) return range.collapsed ? [] : [root as Text];
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    if (!range.intersectsNode(text)) continue;
    if (text === range.endContainer && range.endOffset === 0) continue;
    if (text === range.startContainer && range.startOffset === text.data.length) continue;
    if (text.data.length) nodes.push(text);
  }
  return nodes;
}

/**
 * The browser side of the anchoring bench: bundled and evaluated in the demo page, it exposes
 * `window.__smAnchoringBench`. It grows the demo article into a long one, makes highlights on it,
 * times restoring them, and re-anchors them after random edits whose effect on every highlight is
 * tracked exactly, so a highlight placed on the wrong text is counted, not guessed.
 */
import { anchorMany, describeRange, type AnchorMethod } from '../../utils/anchoring';
import type { Selector } from '../../utils/annotation-types';
import { TextIndex, type TextPoint } from '../../utils/text-index';
import { seededRandom } from './seeded-random';

/** How the made highlights were placed, per method (null: not placed). */
export type MethodCounts = Partial<Record<AnchorMethod | 'none', number>>;

/** What `window.__smAnchoringBench` offers; times are milliseconds of `performance.now()`. */
export interface AnchoringBenchApi {
  /**
   * Repeats the article's paragraphs (shuffled per copy, under numbered headings) until its
   * readable text reaches `articleChars`, then makes `count` highlights on random ranges of it.
   */
  setup(options: { articleChars: number; count: number; minLength: number; maxLength: number; seed: number }): {
    articleChars: number;
    pageChars: number;
    made: number;
  };
  /** A fresh index plus anchorMany of the stored selectors, as a page load does. */
  restore(): { ms: number; placed: number; methods: MethodCounts };
  /**
   * Edits `share` of the article's characters (insertions, deletions, substitutions at random
   * places), re-anchors every highlight, then undoes the edits. A highlight is wrong when its range
   * does not overlap where its passage went.
   */
  edit(options: { share: number; seed: number }): { ms: number; edits: number; anchored: number; wrong: number; methods: MethodCounts };
}

const ARTICLE_ID = 'text';
// Inserted and substituted characters: common Han characters and Latin letters, no whitespace.
const EDIT_CHARS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法abcdefghijklmnopqrstuvwxyz';

function article(): HTMLElement {
  const el = document.getElementById(ARTICLE_ID);
  if (!el) throw new Error(`the page has no #${ARTICLE_ID}`);
  return el;
}

/** One made highlight: its stored selectors and the DOM points it covered when made. */
interface Made {
  selectors: Selector[];
  start: TextPoint;
  end: TextPoint;
}

let made: Made[] = [];
let stored = '[]';

function articleTextNodes(): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(article(), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Applies edits (`at`: offsets into `data`); returns the new text and a map of old offsets to new. */
function applyEdits(data: string, edits: Array<{ at: number; kind: number; char: string }>): { data: string; map: Int32Array } {
  const inserts = new Map<number, string>();
  // kind 0 inserts before `at`, 1 deletes the char at `at`, 2 substitutes it; null: deleted.
  const changes = new Map<number, string | null>();
  for (const e of edits) {
    if (e.kind === 0) inserts.set(e.at, (inserts.get(e.at) ?? '') + e.char);
    else changes.set(e.at, e.kind === 1 ? null : e.char);
  }
  const map = new Int32Array(data.length + 1);
  let out = '';
  for (let i = 0; i <= data.length; i++) {
    out += inserts.get(i) ?? '';
    map[i] = out.length;
    if (i === data.length) break;
    const change = changes.get(i);
    if (change === undefined) out += data[i];
    else if (change !== null) out += change;
  }
  return { data: out, map };
}

function countMethods(results: ReadonlyArray<{ method: AnchorMethod } | null>): MethodCounts {
  const counts: MethodCounts = {};
  for (const r of results) counts[r?.method ?? 'none'] = (counts[r?.method ?? 'none'] ?? 0) + 1;
  return counts;
}

const api: AnchoringBenchApi = {
  setup({ articleChars, count, minLength, maxLength, seed }) {
    const rand = seededRandom(seed);
    const root = article();
    const paragraphs = Array.from(root.querySelectorAll(':scope > p'));
    const copies = Math.ceil(articleChars / new TextIndex(root).text.length);
    for (let copy = 2; copy <= copies; copy++) {
      const heading = document.createElement('h2');
      heading.textContent = `第${copy}部分`;
      root.append(heading);
      const order = paragraphs.map((p) => ({ p, key: rand() })).sort((a, b) => a.key - b.key);
      for (const { p } of order) root.append(p.cloneNode(true));
    }
    const index = new TextIndex(document.body);
    const span = index.elementSpan(root);
    made = [];
    while (made.length < count) {
      const length = minLength + Math.floor(rand() * (maxLength - minLength + 1));
      const start = span.start + Math.floor(rand() * (span.end - span.start - length));
      const selectors = describeRange(index.toRange(start, start + length), document.body, index);
      if (!selectors) continue;
      const [, position] = selectors;
      made.push({ selectors, start: index.point(position.start, 'start')!, end: index.point(position.end, 'end')! });
    }
    stored = JSON.stringify(made.map((m) => m.selectors));
    return { articleChars: span.end - span.start, pageChars: index.text.length, made: made.length };
  },

  restore() {
    const list = JSON.parse(stored) as Selector[][];
    const start = performance.now();
    const results = anchorMany(list, document.body);
    const ms = performance.now() - start;
    // Unchanged page: each must be back exactly where it was made.
    const placed = results.filter((r, i) => {
      const position = list[i]!.find((s) => s.type === 'TextPositionSelector');
      return r && position && r.start === position.start && r.end === position.end;
    }).length;
    return { ms, placed, methods: countMethods(results) };
  },

  edit({ share, seed }) {
    const rand = seededRandom(seed);
    const nodes = articleTextNodes();
    const total = nodes.reduce((n, t) => n + t.data.length, 0);
    const count = Math.round(total * share);
    // Spread edits uniformly over the article's characters.
    const ends: number[] = [];
    nodes.reduce((n, t) => (ends.push(n + t.data.length), n + t.data.length), 0);
    const perNode = new Map<Text, Array<{ at: number; kind: number; char: string }>>();
    for (let i = 0; i < count; i++) {
      const pos = Math.floor(rand() * total);
      let k = 0;
      for (let lo = 0, hi = nodes.length - 1; lo <= hi; ) {
        const mid = (lo + hi) >> 1;
        if (ends[mid]! > pos) (k = mid), (hi = mid - 1);
        else lo = mid + 1;
      }
      const node = nodes[k]!;
      const edit = { at: pos - (ends[k]! - node.data.length), kind: Math.floor(rand() * 3), char: EDIT_CHARS[Math.floor(rand() * EDIT_CHARS.length)]! };
      const list = perNode.get(node);
      if (list) list.push(edit);
      else perNode.set(node, [edit]);
    }
    const originals = new Map<Text, string>();
    const maps = new Map<Text, Int32Array>();
    for (const [node, edits] of perNode) {
      const { data, map } = applyEdits(node.data, edits);
      originals.set(node, node.data);
      maps.set(node, map);
      node.data = data;
    }
    try {
      const moved = (p: TextPoint): TextPoint => ({ node: p.node, offset: maps.get(p.node)?.[p.offset] ?? p.offset });
      const list = JSON.parse(stored) as Selector[][];
      const start = performance.now();
      const results = anchorMany(list, document.body);
      const ms = performance.now() - start;
      const index = new TextIndex(document.body);
      let wrong = 0;
      results.forEach((r, i) => {
        if (!r) return;
        const from = moved(made[i]!.start);
        const to = moved(made[i]!.end);
        const trueStart = index.offsetOf(from.node, from.offset);
        const trueEnd = index.offsetOf(to.node, to.offset);
        if (!(r.start < trueEnd && trueStart < r.end)) wrong++;
      });
      return { ms, edits: count, anchored: results.filter(Boolean).length, wrong, methods: countMethods(results) };
    } finally {
      for (const [node, data] of originals) node.data = data;
    }
  },
};

(window as unknown as { __smAnchoringBench: AnchoringBenchApi }).__smAnchoringBench = api;

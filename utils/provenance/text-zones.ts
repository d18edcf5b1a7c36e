/**
 * The parts of a page provenance is read from: the meta line between headline and body, the body,
 * and the few lines just after it. Everything else (teasers, sidebars, other stories) is never read,
 * so a 来源 or 责任编辑 printed there cannot leak into this article's chain.
 */

import { isDisclaimerText } from '../clutter';
import { SPACE_RUN, collapseSpace, collapsedLength, hiddenByMarkup, trimmedLength } from '../text';
import { ELEMENT_NODE, SHOW_TEXT_AND_CDATA, TEXT_NODE } from '../dom-constants';

/** Where a line was read; patterns trust a bare outlet label only in the meta line. */
export type Zone = 'meta' | 'body' | 'tail';

/** One visible line of text (whitespace collapsed) and the zone it came from. */
export interface Line {
  text: string;
  zone: Zone;
}

// By local name (lower case for HTML and SVG alike): one read per element, where the upper-case
// tag name took two, and these are asked of every element provenance reads.
const SKIPPED_NAMES = new Set(['script', 'style', 'noscript', 'template', 'select', 'option', 'button', 'iframe', 'svg']);
const INLINE_NAMES = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'em', 'font', 'i', 'kbd', 'label', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var',
]);
/** Enough for a meta line or an end-of-article block, small enough to stop before the next story. */
const META_LIMIT = 600;
const TAIL_LIMIT = 400;
/** How many layout levels above the start the meta line or tail is looked for. */
const TAIL_LEVELS = 4;
/** A short element of an excluded block that only states the editor (责任编辑：X) still credits this article. */
const EDITOR_LABEL = /(?:责任编辑|责编)\s*[:：]/;
/** A small tool bar (打印 关闭 收藏 … 信息来源：X) may also carry the article's 来源 line. */
const SOURCE_LABEL = /(?:信息|文章|稿件|新闻)?来源\s*[:：]/;
const EDITOR_OR_SOURCE_LABEL = new RegExp(`${EDITOR_LABEL.source}|${SOURCE_LABEL.source}`);
const CREDIT_ONLY_LIMIT = 40;
/** Visible text of a hidden bar the tail may step over. */
const TOOLBAR_LIMIT = 120;

export type ExcludedTest = (el: Element) => boolean;

/**
 * The short 责任编辑 lines of a block that is otherwise not read (a hidden tool bar, the block the
 * tail stops at), and its 来源 line when the block is only a small bar: a larger block may be a
 * teaser card whose 来源 is another story's. Lines inside its list items or links, or after its
 * first heading, belong to other stories (a teaser's 责任编辑), so they are left out.
 */
function editorLinesOf(block: Element): string[] {
  // Every label holds 责 or 来源: a block whose text has neither (most of them) holds no such line.
  const all = block.textContent ?? '';
  if (!all.includes('责') && !all.includes('来源')) return [];
  const lines: string[] = [];
  const label = visibleLength(block, TOOLBAR_LIMIT) <= TOOLBAR_LIMIT ? EDITOR_OR_SOURCE_LABEL : EDITOR_LABEL;
  for (const inner of block.querySelectorAll('p, span, div, h1, h2, h3, h4')) {
    if (/^H[1-4]$/.test(inner.tagName.toUpperCase())) break;
    const text = inner.textContent ?? '';
    const item = inner.closest('li, a');
    if (collapse(text).length <= CREDIT_ONLY_LIMIT && label.test(text) && !(item && block.contains(item))) lines.push(text);
  }
  return lines;
}

/** Collapses whitespace (including full-width and no-break spaces) the way a reader sees it. */
export const collapse = collapseSpace;

/**
 * Ends a line in the raw text of a walk. An HTML parser never leaves U+0000 in a text node (it
 * drops the character), so the mark cannot be page text.
 */
const BREAK = '\0';
/** A line break with the (already collapsed) spaces and empty lines around it. */
const BREAK_RUN = / ?\0[ \0]*/g;

/**
 * Text being read: text nodes are appended as they come and a block boundary marks a line break.
 * Lines are cut and collapsed once, at the end, rather than one string and one collapse per line.
 */
class TextSink {
  private raw = '';
  private broken = true;

  add(text: string): void {
    // Whitespace-only text (the markup's indentation, most text nodes of a page) collapses to one
    // space anyway, and opening a line it is trimmed: either way the raw text stays short.
    if (text === '') return;
    const blank = trimmedLength(text) === 0;
    if (this.broken) {
      if (blank) return;
      this.raw += BREAK;
      this.broken = false;
    }
    this.raw += blank ? ' ' : text;
  }

  /** Ends the open line (a block boundary or <br>). */
  end(): void {
    this.broken = true;
  }

  /** A line of its own, such as an excluded block's 责任编辑 line. */
  line(text: string): void {
    this.end();
    this.add(text);
    this.end();
  }

  /** The visible lines, each collapsed, empty ones left out, joined by newlines. */
  text(): string {
    return this.raw.replace(SPACE_RUN, ' ').replace(BREAK_RUN, '\n').trim();
  }
}

function linesOf(text: string, zone: Zone): Line[] {
  return text === '' ? [] : text.split('\n').map((line) => ({ text: line, zone }));
}

/**
 * One walk's state: `root` starts the body's sink, which an excluded subtree turns off. Below an
 * element that is not excluded, `isClutter` (is the element itself clutter) is all there is to ask.
 */
interface Walk {
  isExcluded: ExcludedTest;
  isClutter: ExcludedTest;
  /** Where the sink starts when the walk is not given one. */
  root: Element | null;
  rootSink: TextSink | null;
}

/**
 * Reads the visible text of `el`, one line per block, into `body`, leaving out excluded subtrees
 * (an excluded block gives only its short editor lines). Without a sink, one starts at `walk.root`.
 */
function collectText(el: Element, walk: Walk, body: TextSink | null): void {
  const name = el.localName;
  if (SKIPPED_NAMES.has(name) || hiddenByMarkup(el)) return;
  if (el === walk.root) body = walk.rootSink = new TextSink();
  if (body && (el === walk.root ? walk.isExcluded(el) : walk.isClutter(el))) {
    // Cleanup may hide a share/tool bar that also carries this article's 责任编辑 line: keep those lines.
    for (const text of editorLinesOf(el)) body.line(text);
    body = null;
  }
  if (!body) return;
  if (name === 'br') return body.end();
  const block = !INLINE_NAMES.has(name);
  if (block) body.end();
  for (let child = el.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === ELEMENT_NODE) collectText(child as Element, walk, body);
    else if (type === TEXT_NODE) body.add(child.nodeValue ?? '');
  }
  if (block) body.end();
}

/**
 * Visible lines of one element and its descendants, leaving out excluded subtrees. `isClutter`
 * may answer for an element alone, without its ancestors (cheaper than `isExcluded` on a long body).
 */
export function elementLines(el: Element, zone: Zone, isExcluded: ExcludedTest, isClutter = isExcluded): Line[] {
  const walk: Walk = { isExcluded, isClutter, root: el, rootSink: null };
  collectText(el, walk, null);
  return walk.rootSink ? linesOf(walk.rootSink.text(), zone) : [];
}

/**
 * The text nodes under `el` where a match of `needles` (a global pattern) starts, found in its
 * `textContent` and mapped back by the nodes' lengths; after each find the search goes on past
 * that node, so a long node full of matches costs one. Two ways round the walk were slower (in
 * Chromium, over the corpus articles): asking the browser's XPath for the text nodes that contain
 * the strings matched, 7 times; going down to each match by its ancestors' children's
 * `textContent` lengths, 9% more time for provenance at the median page (29% in sum), since the
 * children's text is built again at every level.
 */
function nodesHolding(el: Element, needles: RegExp, found: Node[]): void {
  const text = el.textContent ?? '';
  needles.lastIndex = 0;
  let match = needles.exec(text);
  if (!match) return;
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT_AND_CDATA);
  let at = 0;
  for (let node = walker.nextNode(); node && match; node = walker.nextNode()) {
    const end = at + (node as CharacterData).length;
    if (match.index < end) {
      found.push(node);
      needles.lastIndex = end;
      match = needles.exec(text);
    }
    at = end;
  }
}

/** A walk that reads every visible line into the sink it is given. */
const READ_ALL: Walk = { isExcluded: () => false, isClutter: () => false, root: null, rootSink: null };

/** The nearest element holding `node` that starts a line (not inline); `page` at most. */
function lineBlock(node: Node, page: Element): Element | null {
  let el = node.parentElement;
  while (el && el !== page && INLINE_NAMES.has(el.localName)) el = el.parentElement;
  return el;
}

/** True when `el` and all its ancestors up to `page` can show text. */
function isShown(el: Element, page: Element): boolean {
  for (let n: Element | null = el; n; n = n === page ? null : n.parentElement) {
    if (SKIPPED_NAMES.has(n.localName) || hiddenByMarkup(n)) return false;
  }
  return true;
}

/**
 * The visible lines of `page` that can hold a match of `needles` (a global pattern), joined by
 * newlines in page order: each block with a match is read whole, the rest of the page not at all.
 * A pattern that needs a needle finds what it finds in all the page's lines, unless its match
 * would run on from one block into the next. Most of a page (menus, teasers, the story itself)
 * holds none of them: the walk of all of it was nearly half of provenance's time.
 */
export function pageTextHolding(page: Element, needles: RegExp): string {
  const nodes: Node[] = [];
  // Scripts straight under the page (a site's state as JSON) are often most of its characters.
  for (let child = page.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE && !SKIPPED_NAMES.has((child as Element).localName)) nodesHolding(child as Element, needles, nodes);
    else if (child.nodeType === TEXT_NODE && (child.nodeValue ?? '').search(needles) >= 0) nodes.push(child);
  }
  // Blocks in page order, none inside another: a node's block can only contain blocks found just before it.
  const blocks: Element[] = [];
  for (const node of nodes) {
    const block = lineBlock(node, page);
    if (!block || !isShown(block, page) || blocks.some((b) => b.contains(block))) continue;
    // A block around the last ones (its own text after a nested block) takes their place: it holds their lines.
    while (blocks.length > 0 && block.contains(blocks[blocks.length - 1]!)) blocks.pop();
    blocks.push(block);
  }
  const sink = new TextSink();
  for (const block of blocks) collectText(block, READ_ALL, sink);
  return sink.text();
}

/** Counts visible characters of `el` (scripts and styles left out), stopping once past `cap`. */
function visibleLength(el: Element, cap: number): number {
  // A script between the body and its end lines shows nothing, however long its source.
  if (SKIPPED_NAMES.has(el.localName)) return 0;
  let length = 0;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && length <= cap; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) length += collapsedLength(child.nodeValue ?? '');
      else if (child.nodeType === ELEMENT_NODE && !SKIPPED_NAMES.has((child as Element).localName)) walk(child);
    }
  };
  walk(el);
  return length;
}

/** Elements read after a start element, and the element that ended the reading (null when none did). */
interface Following {
  read: Element[];
  stop: Element | null;
}

/**
 * The elements that follow `start` in document order (its next siblings, then its ancestors'
 * next siblings) until `verdict` says stop or about `limit` characters are read; `skip` steps over one.
 */
function elementsAfter(start: Element, limit: number, verdict: (el: Element) => 'stop' | 'enter' | 'read' | 'skip'): Following {
  const read: Element[] = [];
  let length = 0;
  let cursor: Element | null = start;
  for (let depth = 0; cursor && depth < TAIL_LEVELS; depth++) {
    for (let el = cursor.nextElementSibling; el; el = el.nextElementSibling) {
      const v = verdict(el);
      if (v === 'stop') return { read, stop: el };
      if (v === 'skip') continue;
      if (v === 'enter') {
        // The body sits inside this sibling: read the children in front of it, then stop.
        for (let child = el.firstElementChild; child && verdict(child) === 'read'; child = child.nextElementSibling) read.push(child);
        return { read, stop: el };
      }
      read.push(el);
      length += visibleLength(el, limit);
      if (length >= limit) return { read, stop: null };
    }
    cursor = cursor.parentElement;
    const name = cursor?.localName;
    if (!name || name === 'body') break;
    // An inline wrapper (old portals nest the story in <font> after <font>) is not a level of the layout.
    if (INLINE_NAMES.has(name)) depth--;
  }
  return { read, stop: null };
}

/**
 * How the tail treats the next element: what starts another block (a heading, a teaser list, a
 * large hidden block other than a disclaimer) ends the article, a hidden disclaimer is stepped
 * over, anything else is read.
 */
function tailVerdict(el: Element, isExcluded: ExcludedTest): 'skip' | 'stop' | 'read' {
  const tag = el.tagName.toUpperCase();
  if (/^H[1-4]$/.test(tag)) return 'stop'; // a new heading starts another block (相关阅读, 热门排行)
  // A small hidden bar (share buttons, tools) between the body and its 责任编辑 line is read:
  // collectText keeps only its short editor lines. A larger hidden block ends the article, unless
  // it is a disclaimer (a self-media platform's notice in two languages sits before 责任编辑).
  // Asked before the query below, which would scan the whole of such a block (often the rest of the page).
  if (isExcluded(el) && visibleLength(el, TOOLBAR_LIMIT) > TOOLBAR_LIMIT) return isDisclaimerText(collapse(el.textContent ?? '')) ? 'skip' : 'stop';
  // A list of several links is a teaser list, not an end-of-article credit line.
  return el.querySelectorAll(':scope li a').length >= 3 ? 'stop' : 'read';
}

/** Fields a meta line holds: a date, 来源, a byline. */
const META_FIELD = /来源|稿源|作者|记者|编辑|\bBy [A-Z]|\d{4}\s*[-年/.]\s*\d{1,2}/;

/**
 * A small bar cleanup hides (as a tool or share bar) that also carries the meta line's date or
 * 来源: the 来源 names this article's origin, so it is still read.
 */
function isMetaBar(el: Element, isExcluded: ExcludedTest): boolean {
  return isExcluded(el) && visibleLength(el, TOOLBAR_LIMIT) <= TOOLBAR_LIMIT && META_FIELD.test(el.textContent ?? '');
}

/** The meta line's elements: what lies between the headline and the body in document order. */
function metaElements(headline: Element | null, body: Element | null, isExcluded: ExcludedTest): Element[] {
  if (headline && !body) return elementsAfter(headline, META_LIMIT, (el) => (isExcluded(el) ? 'stop' : 'read')).read;
  if (!body) return [];
  if (headline && !body.contains(headline) && !headline.contains(body) && headline.compareDocumentPosition(body) & 4) {
    // The body bounds the meta line, so a small hidden bar (分享到 under the headline) is stepped over, not an end.
    const verdict = (el: Element): 'stop' | 'enter' | 'read' | 'skip' =>
      el === body ? 'stop' : el.contains(body) ? 'enter' : !isExcluded(el) ? 'read' : visibleLength(el, TOOLBAR_LIMIT) <= TOOLBAR_LIMIT ? 'skip' : 'stop';
    return elementsAfter(headline, META_LIMIT, verdict).read;
  }
  // No usable headline: the meta line is usually just before the body.
  const read: Element[] = [];
  let length = 0;
  for (let el = body.previousElementSibling; el && length < META_LIMIT / 2 && !isExcluded(el); el = el.previousElementSibling) {
    read.unshift(el);
    length += (el.textContent ?? '').length;
  }
  return read;
}

/** What provenance may read: the meta line's elements and all lines in document order. */
export interface ArticleText {
  metaElements: Element[];
  lines: Line[];
}

/** The meta line, body and tail of the article, never anything outside them. */
export function articleText(headline: Element | null, body: Element | null, isExcluded: ExcludedTest, bodyLines?: Line[], isClutter = isExcluded): ArticleText {
  // In the meta line, a small hidden bar that holds its fields (date, 来源) is read in full.
  // Remembered per element: every element under a bar asks again about the same enclosing bars.
  const bars = new Map<Element, boolean>();
  const metaBar = (el: Element): boolean => {
    let bar = bars.get(el);
    if (bar === undefined) bars.set(el, (bar = isMetaBar(el, isExcluded)));
    return bar;
  };
  const metaExcluded: ExcludedTest = (el) => {
    if (!isExcluded(el)) return false;
    for (let n: Element | null = el; n && isExcluded(n); n = n.parentElement) if (metaBar(n)) return false;
    return true;
  };
  const meta = metaElements(headline, body, metaExcluded);
  const tail = body ? elementsAfter(body, TAIL_LIMIT, (el) => tailVerdict(el, isExcluded)) : { read: [], stop: null };
  // The block that ends the article (a tool bar with share links) may open with its 责任编辑 line.
  const editorLines = tail.stop ? editorLinesOf(tail.stop).map((text): Line => ({ text: collapse(text), zone: 'tail' })) : [];
  const lines = [
    ...meta.flatMap((el) => elementLines(el, 'meta', metaExcluded)),
    ...(bodyLines ?? (body ? elementLines(body, 'body', isExcluded, isClutter) : [])),
    ...tail.read.flatMap((el) => elementLines(el, 'tail', isExcluded, isClutter)),
    ...editorLines,
  ];
  return { metaElements: meta, lines };
}

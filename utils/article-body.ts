/**
 * Finds the element holding the story's paragraphs. Like Readability, paragraphs vote for their
 * parent and grandparent; unlike it, whole regions already known to be clutter (teaser blocks,
 * comments, navigation) are skipped before the vote, so teasers with long paragraphs can't win.
 */
import { isBoilerplateText } from './clutter';
import { DomStats } from './dom-stats';
import { INLINE_TAGS, INVISIBLE_TAGS, hiddenByMarkup, isElement, textWeight, upperTag } from './text';
import { TEXT_NODE } from './dom-constants';

/** A run of text that reads as a paragraph of the story. */
export interface TextBlock {
  el: Element;
  weight: number;
  linkWeight: number;
  /** Lines of text separated by `<br>`: a portal's whole story is often one div of br-split lines. */
  lines: number;
}

export interface ArticleBody {
  root: Element;
  /** The paragraphs that voted for the root: never hidden by cleanup. */
  blocks: TextBlock[];
  score: number;
}

/** A block lighter than this is a label or a teaser headline, not a paragraph. */
const MIN_BLOCK_WEIGHT = 12;

/** Tags that are inline but commonly wrap whole paragraphs on old portal pages. */
const WRAPPING_INLINE = new Set(['SPAN', 'FONT', 'A', 'B', 'STRONG']);
const HEADING = /^H[1-6]$/i;
const BLOCK_INSIDE = 'p,div,table,ul,ol,section,article,h1,h2,h3,h4,h5,h6,blockquote,pre';

/**
 * Splits the document into text blocks: each element's own inline text (its text nodes and
 * inline children), so `<div>text<br>text</div>` and `<td>` layouts count as well as `<p>`.
 */
export function collectTextBlocks(body: Element, skip: (el: Element) => boolean, stats: DomStats): TextBlock[] {
  const blocks: TextBlock[] = [];
  const visit = (el: Element): void => {
    let weight = 0;
    let linked = 0;
    let lines = 0;
    let line = 0;
    // Lines end inline, not in a closure, so these counters stay off the heap: this runs for every element.
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        line += textWeight(child.nodeValue ?? '');
        continue;
      }
      if (!isElement(child)) continue;
      const tag = upperTag(child);
      if (tag === 'BR') {
        if (line >= MIN_BLOCK_WEIGHT) lines++;
        weight += line;
        line = 0;
        continue;
      }
      if (INVISIBLE_TAGS.has(tag) || hiddenByMarkup(child) || skip(child)) continue;
      const inline = INLINE_TAGS.has(tag) && !(WRAPPING_INLINE.has(tag) && child.firstElementChild && child.querySelector(BLOCK_INSIDE));
      if (inline) {
        const w = stats.of(child);
        line += w.weight;
        linked += w.linkWeight;
      } else if (stats.of(child).weight >= MIN_BLOCK_WEIGHT) {
        // A block holds no more than its subtree's weight: a lighter one holds no paragraph.
        visit(child);
      }
    }
    // The last line ends with the element.
    if (line >= MIN_BLOCK_WEIGHT) lines++;
    weight += line;
    // Headings title the story (or a teaser); they are not its paragraphs.
    if (weight >= MIN_BLOCK_WEIGHT && !HEADING.test(el.tagName)) blocks.push({ el, weight, linkWeight: linked, lines: Math.max(1, lines) });
  };
  visit(body);
  return blocks;
}

/** A block's contribution: heavy, link-free text counts most; link lists count nothing. */
function blockScore(b: TextBlock): number {
  const density = b.linkWeight / b.weight;
  if (density > 0.5) return 0;
  // Punctuation-rich sentences are prose; a 20-character label is not.
  return (b.weight - MIN_BLOCK_WEIGHT / 2) * (1 - density) ** 2;
}

/** Picks the body root: the element whose paragraphs (and theirs, at half weight) score most. */
export function findArticleBody(doc: Document, skip: (el: Element) => boolean, stats: DomStats = new DomStats()): ArticleBody | null {
  const body = doc.body;
  if (!body) return null;
  // A copyright footer is a block of sentences too; on a one-paragraph story it would win.
  const blocks = collectTextBlocks(body, skip, stats).filter((b) => blockScore(b) > 0 && !(b.weight < 300 && isBoilerplateText(b.el.textContent ?? '')));
  const scores = new Map<Element, number>();
  const add = (el: Element | null, s: number): void => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + s);
  };
  for (const b of blocks) {
    const s = blockScore(b);
    // A <p> votes for its container; a div/td with own text is itself a container of lines.
    const own = b.el.tagName === 'P' || b.el.tagName === 'LI' ? b.el.parentElement : b.el;
    add(own, s);
    add(own?.parentElement ?? null, s / 2);
    add(own?.parentElement?.parentElement ?? null, s / 4);
  }
  let root: Element | null = null;
  let best = 0;
  for (const [el, s] of scores) {
    if (s > best) {
      best = s;
      root = el;
    }
  }
  if (!root) return null;
  root = widenToSiblings(root, scores, best, new Set(blocks.map((b) => b.el)));
  const kept = blocks.filter((b) => root!.contains(b.el));
  return { root, blocks: kept, score: best };
}

/**
 * Stories split into sibling containers (page-break divs, a lead paragraph outside the main div,
 * chunks with an ad row between them, paragraphs beside the chunk that holds the rest) move the
 * root up to the parent holding them, when a sibling of the root or of one of its next two
 * ancestors, or its sibling paragraphs together, score a good share of the best. The scores
 * already halve per level, so a far chunk must carry real paragraphs to count. A chunk of the
 * same kind (tag and class) as the one holding the root is the template's next part of the same
 * story: a tenth of that one's score is enough (a two-paragraph lead above a photo, the rest below).
 */
function widenToSiblings(root: Element, scores: Map<Element, number>, best: number, blockEls: ReadonlySet<Element>): Element {
  let node = root;
  for (let level = 0; level < WIDEN_LEVELS; level++) {
    const parent = node.parentElement;
    if (!parent || parent.tagName === 'BODY') return root;
    // Paragraphs that are siblings of the chunk (a div per paragraph, the chunk holding the rest)
    // count together: one of them alone never carries a share of the whole story.
    let paragraphs = 0;
    const nodeScore = scores.get(node) ?? 0;
    for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
      if (sib === node) continue;
      const score = scores.get(sib) ?? 0;
      if (score >= best * 0.3) return parent;
      if (score >= nodeScore * SAME_KIND_SHARE && score > 0 && sameKind(sib, node)) return parent;
      if (blockEls.has(sib)) paragraphs += score;
    }
    if (paragraphs >= best * 0.3) return parent;
    node = parent;
  }
  return root;
}

const WIDEN_LEVELS = 3;
const SAME_KIND_SHARE = 0.1;

/** Same tag and the same non-empty class: blocks one template made for the same purpose. */
function sameKind(a: Element, b: Element): boolean {
  const cls = a.getAttribute('class');
  return a.tagName === b.tagName && !!cls && cls === b.getAttribute('class');
}

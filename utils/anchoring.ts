/**
 * Describing a selection as W3C selectors, and finding it again on a page that may have changed.
 *
 * Re-anchoring tries, in order: the range hint (same element, same offsets), the text position,
 * then the quote, exact or fuzzy, searched outwards from where the passage was. Every candidate is
 * checked against the quote and its context and must reach a minimum score, and a passage that
 * was rewritten in place is not looked for elsewhere: a highlight that cannot be placed with
 * confidence comes back null (listed as "not found") rather than drawn on a neighbouring passage.
 */
import search from 'approx-string-match';
import type { RangeHintSelector, Selector, TextPositionSelector, TextQuoteSelector } from './annotation-types';
import { uniqueSelector } from './selector';
import { TextIndex } from './text-index';

/** Characters of context kept either side of a quote. */
export const CONTEXT_LENGTH = 32;

export type AnchorMethod = 'hint' | 'position' | 'quote' | 'fuzzy';

export interface Anchor {
  range: Range;
  method: AnchorMethod;
  /** 0..1: {@link QUOTE_WEIGHT} of quote similarity plus the rest of context similarity. */
  score: number;
  /** Offsets of the range in the page's readable text, e.g. to sort highlights in document order. */
  start: number;
  end: number;
}

/** What {@link describeRange} returns: one of each selector. */
export type RangeSelectors = [TextQuoteSelector, TextPositionSelector, RangeHintSelector];

// Acceptance. A candidate needs quote similarity (1 - edits / quote length) of at least
// MIN_QUOTE_SIMILARITY and a combined score of at least MIN_SCORE: an exact quote needs half its
// context to agree, a quote with 20% of its characters edited needs 80% of it.
const QUOTE_WEIGHT = 0.6;
const MIN_QUOTE_SIMILARITY = 0.8;
const MIN_SCORE = 0.8;
// An exact quote this long at its recorded place, or found only once, is evidence enough on its
// own, even when both neighbours were rewritten.
const SELF_EVIDENT_LENGTH = 32;
// How far from where the passage was expected the first ring of the search reaches (at least;
// long quotes reach further), and how much wider each next ring is.
const NEAR_WINDOW = 64;
const RING_GROWTH = 4;
// Scores this close are a tie, broken by distance to where the passage was expected.
const SCORE_MARGIN = 0.1;
// More matches than this per search are not scored (a one-character quote on a long page).
const MAX_OCCURRENCES = 1000;
// In a ring, a match with up to this share of edits and this much context agreement means "the
// passage is still here but was rewritten": it stays unplaced instead of jumping away.
const REWRITTEN_SHARE = 0.5;
const REWRITTEN_CONTEXT = 0.5;
// The quote's context found with up to this share of edits counts as still there; shorter context
// (a quote at the very start or end of the page) says too little to tell.
const SLOT_CONTEXT_ERRORS = 0.25;
const MIN_SLOT_CONTEXT = 8;
// Rounds of fuzzy search (see fuzzyRounds), and the character that blanks out earlier matches.
const FUZZY_ROUNDS = 3;
const BLANK = '\u0000';
// A quote longer than this is looked for by its opening and then piece by piece (see
// longQuoteCandidates): the matcher's time grows with the quote's length times the edits it
// allows, and a whole story highlighted (20,000 characters) held the page for seconds.
const LONG_QUOTE = 512;
// The opening a long quote is searched for by, and the pieces its rest is then found in.
const QUOTE_OPENING = 64;
const PIECE = 16;
// How much new text (an ad's, a caption's) may stand between two pieces of a long quote.
const PIECE_GAP = 1024;

/**
 * Selectors for `range` over `root`'s readable text, with surrounding whitespace trimmed; null when
 * the range holds no readable text.
 */
export function describeRange(range: Range, root: Element, index: TextIndex = new TextIndex(root)): RangeSelectors | null {
  const text = index.text;
  let { start, end } = index.rangeOffsets(range);
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  if (start >= end) return null;
  const common = range.commonAncestorContainer;
  let el = common.nodeType === 1 ? (common as Element) : common.parentElement;
  if (!el || !root.contains(el)) el = root;
  const span = index.elementSpan(el);
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
    { type: 'RangeHintSelector', selector: uniqueSelector(el), start: start - span.start, end: end - span.start },
  ];
}

/** Anchors each selector list in `list` over one index of `root`: the restore path for a page. */
export function anchorMany(list: readonly (readonly Selector[])[], root: Element): Array<Anchor | null> {
  const index = new TextIndex(root);
  const elements = new SelectorLookup(root.ownerDocument);
  return list.map((selectors) => anchorWith(selectors, root, index, elements));
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * Finds the passage `selectors` describe in `root`, or null when it cannot be placed with
 * confidence. Needs a TextQuoteSelector; the hint and position say where to look first.
 */
export function anchor(selectors: readonly Selector[], root: Element, index: TextIndex = new TextIndex(root)): Anchor | null {
  return anchorWith(selectors, root, index, new SelectorLookup(root.ownerDocument));
}

function anchorWith(selectors: readonly Selector[], root: Element, index: TextIndex, elements: SelectorLookup): Anchor | null {
  const quoteSelector = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!quoteSelector) return null;
  const quote = normalizeQuote(quoteSelector);
  if (!quote.exact) return null;
  const text = index.text;
  const len = quote.exact.length;
  const hint = selectors.find((s): s is RangeHintSelector => s.type === 'RangeHintSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');

  // The candidate's score, or null when it falls short of the minimum.
  const judge = (c: Candidate, selfEvident: boolean): number | null => {
    const quoteSimilarity = 1 - c.errors / len;
    if (quoteSimilarity < MIN_QUOTE_SIMILARITY) return null;
    const score = QUOTE_WEIGHT * quoteSimilarity + (1 - QUOTE_WEIGHT) * contextSimilarity(text, c.start, c.end, quote);
    return score >= MIN_SCORE || (selfEvident && c.errors === 0 && len >= SELF_EVIDENT_LENGTH) ? score : null;
  };
  const place = (c: Candidate, method: AnchorMethod, score: number): Anchor => ({
    range: index.toRange(c.start, c.end),
    method,
    score,
    start: c.start,
    end: c.end,
  });
  // At the hint's or the position's offset: verified against the quote, then judged.
  const at = (start: number, method: AnchorMethod): Anchor | null => {
    if (!text.startsWith(quote.exact, start)) return null;
    const c = { start, end: start + len, errors: 0 };
    const score = judge(c, true);
    return score === null ? null : place(c, method, score);
  };

  // Where the passage is expected: from the hint's element when it still exists, and the position.
  const expected: number[] = [];
  const hintStart = hint ? hintOffset(hint, root, index, elements) : null;
  if (hintStart !== null) {
    expected.push(hintStart);
    const found = at(hintStart, 'hint');
    if (found) return found;
  }
  if (position && position.start !== hintStart) {
    expected.push(position.start);
    const found = at(position.start, 'position');
    if (found) return found;
  }

  // The best acceptable candidate. Scores closer than SCORE_MARGIN are not told apart (a few more
  // random edits in one copy of a repeated passage than in another), so the nearest of those wins.
  const best = (candidates: Candidate[], selfEvident: boolean, centre: number | null): Anchor | null => {
    const judged = candidates.flatMap((c) => {
      const score = judge(c, selfEvident);
      return score === null ? [] : [{ c, score, distance: centre === null ? 0 : Math.abs(c.start - centre) }];
    });
    if (judged.length === 0) return null;
    const top = Math.max(...judged.map((j) => j.score));
    const pick = judged.filter((j) => j.score >= top - SCORE_MARGIN).reduce((a, b) => (b.distance < a.distance ? b : a));
    return place(pick.c, pick.c.errors === 0 ? 'quote' : 'fuzzy', pick.score);
  };

  // Outwards from where it was expected (hint first, then position), in rings growing fourfold, so
  // the closest acceptable match wins: edits elsewhere shift a passage by a few characters, a
  // re-shuffled page by more, and a look-alike further away (a repeated phrase, a reprinted
  // paragraph) must not beat it. Failing an acceptable match in a ring, signs that the passage was
  // rewritten in place (its prefix and suffix still there with other text between, or a match with
  // up to REWRITTEN_SHARE edits whose context agrees) leave it unplaced rather than moving on.
  // Without hint or position, the one ring is the page.
  const acceptableErrors = Math.floor(len * (1 - MIN_QUOTE_SIMILARITY));
  const centres = expected.length ? expected : [null];
  for (let radius = expected.length ? Math.max(NEAR_WINDOW, len) : text.length; ; radius *= RING_GROWTH) {
    let whole = true;
    for (const e of centres) {
      // The window reaches a quote's length past the ring, so a match starting in it is seen whole.
      const from = e === null ? 0 : Math.max(0, e - radius - len);
      const to = e === null ? text.length : Math.min(text.length, e + radius + 2 * len);
      const inRing = (c: Candidate): boolean => e === null || Math.abs(c.start - e) <= radius;
      // An acceptable match just past the ring is the next ring's; its neighbours must not pass for
      // a rewritten passage meanwhile.
      let pastRing = false;
      for (const round of quoteRounds(text, from, to, quote.exact, acceptableErrors)) {
        const found = best(round.filter(inRing), false, e);
        if (found) return found;
        pastRing ||= round.some((c) => judge(c, false) !== null);
      }
      if (from === 0 && to === text.length) continue;
      whole = false;
      if (pastRing) continue;
      if (slotIntact(text, e!, radius, quote)) return null;
      for (const round of quoteRounds(text, from, to, quote.exact, Math.floor(len * REWRITTEN_SHARE))) {
        if (round.some((c) => inRing(c) && contextSimilarity(text, c.start, c.end, quote) >= REWRITTEN_CONTEXT)) return null;
      }
    }
    if (whole) break;
  }

  // Alone on the page, a long exact quote needs no context.
  const everywhere = exactOccurrences(text, quote.exact, 2);
  if (everywhere.length !== 1) return null;
  return best(everywhere, true, null);
}

/** Quotes made elsewhere (imports) may carry raw whitespace; ours are already in index form. */
function normalizeQuote(q: TextQuoteSelector): TextQuoteSelector {
  const collapse = (s: string): string => s.replace(/\s+/g, ' ');
  return { ...q, exact: collapse(q.exact).trim(), prefix: collapse(q.prefix), suffix: collapse(q.suffix) };
}

/** Where the hint's element now starts its text, plus the hint offset; null when it is gone. */
function hintOffset(hint: RangeHintSelector, root: Element, index: TextIndex, elements: SelectorLookup): number | null {
  const el = elements.find(hint.selector);
  if (!el || !root.contains(el)) return null;
  const span = index.elementSpan(el);
  const start = span.start + hint.start;
  return start >= span.start && span.start + hint.end <= span.end ? start : null;
}

const ID_STEP = /^#([A-Za-z][\w-]*)$/;
const TAG_STEP = /^([a-z][a-z0-9-]*)(?::nth-of-type\((\d+)\))?$/;

/**
 * Finds the elements range hints name. Selectors made by uniqueSelector (`#id` or `html`, then
 * `tag:nth-of-type(n)` child steps) are walked directly with each parent's children listed once per
 * tag: browsers match `:nth-of-type` by counting siblings for every candidate, which on a long
 * article (hundreds of `<p>` siblings) cost more than all the rest of a restore. Anything else goes
 * to querySelector. Lives for one batch: it assumes the DOM does not change meanwhile.
 */
class SelectorLookup {
  private readonly childrenByTag = new Map<Element, Map<string, Element[]>>();

  constructor(private readonly doc: Document) {}

  find(selector: string): Element | null {
    const steps = selector.split(' > ');
    const tags = steps.slice(1).map((step) => TAG_STEP.exec(step));
    const first = steps[0]!;
    if (!(ID_STEP.test(first) || first === 'html') || !tags.every(Boolean)) {
      try {
        return this.doc.querySelector(selector);
      } catch {
        return null; // a stored selector the browser can no longer parse
      }
    }
    let el: Element | null = first === 'html' ? this.doc.documentElement : this.doc.getElementById(first.slice(1));
    for (const m of tags as RegExpExecArray[]) el = el && (this.children(el, m[1]!)[Number(m[2] ?? 1) - 1] ?? null);
    return el;
  }

  /** `parent`'s element children with this (lower-case) tag name, in order. */
  private children(parent: Element, tag: string): Element[] {
    let byTag = this.childrenByTag.get(parent);
    if (!byTag) {
      byTag = new Map();
      for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
        const name = child.tagName.toLowerCase();
        const list = byTag.get(name);
        if (list) list.push(child);
        else byTag.set(name, [child]);
      }
      this.childrenByTag.set(parent, byTag);
    }
    return byTag.get(tag) ?? [];
  }
}

/**
 * True when the quote's prefix ends within `radius` of `e` and its suffix follows within a
 * passage's length or so: the place the passage was in is still there, with other text in it.
 */
function slotIntact(text: string, e: number, radius: number, quote: TextQuoteSelector): boolean {
  const { prefix, suffix, exact } = quote;
  if (prefix.length < MIN_SLOT_CONTEXT || suffix.length < MIN_SLOT_CONTEXT) return false;
  const maxGap = 2 * exact.length + NEAR_WINDOW;
  const from = Math.max(0, e - radius - prefix.length);
  const window = text.slice(from, Math.min(text.length, e + radius + maxGap + suffix.length));
  const ends = search(window, prefix, Math.floor(prefix.length * SLOT_CONTEXT_ERRORS))
    .map((m) => m.end + from)
    .filter((end) => Math.abs(end - e) <= radius);
  if (ends.length === 0) return false;
  const starts = search(window, suffix, Math.floor(suffix.length * SLOT_CONTEXT_ERRORS)).map((m) => m.start + from);
  return ends.some((p) => starts.some((q) => q >= p && q - p <= maxGap));
}

/** Up to `limit` exact occurrences of `exact` in `text`. */
function exactOccurrences(text: string, exact: string, limit: number): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact); at >= 0 && found.length < limit; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return found;
}

/** The quote's candidates in `text.slice(from, to)` with up to `maxErrors` edits: a long quote's by its pieces. */
function quoteRounds(text: string, from: number, to: number, quote: string, maxErrors: number): Iterable<Candidate[]> {
  return quote.length > LONG_QUOTE ? [longQuoteCandidates(text, from, to, quote, maxErrors)] : fuzzyRounds(text, from, to, quote, maxErrors);
}

/**
 * A long quote's candidates: where its opening is found with few edits (as a short quote is),
 * followed by the rest of it piece by piece. Linear in the quote's length, where matching it whole
 * took time growing with its square.
 */
function longQuoteCandidates(text: string, from: number, to: number, quote: string, maxErrors: number): Candidate[] {
  const opening = quote.slice(0, QUOTE_OPENING);
  const openingErrors = Math.floor(QUOTE_OPENING * (1 - MIN_QUOTE_SIMILARITY));
  const found: Candidate[] = [];
  for (const round of fuzzyRounds(text, from, to, opening, openingErrors)) {
    for (const head of round) {
      const candidate = followPieces(text, head.start, quote, maxErrors);
      if (candidate) found.push(candidate);
    }
  }
  return found;
}

/**
 * The quote read on from `start` piece by piece, with its edits counted (never fewer than there
 * are); null past `maxErrors`. A piece is found as it is, a little further on (text put in: an ad,
 * a caption), or where it was with a few characters changed (punctuation made full-width). What
 * lies between two pieces found counts as substituted where it is as long as the quote's part
 * there, else as edited whole.
 */
function followPieces(text: string, start: number, quote: string, maxErrors: number): Candidate | null {
  let errors = 0;
  // The end of the last piece found, in the text and in the quote.
  let end = start;
  let read = 0;
  const between = (textLength: number, quoteEnd: number): number =>
    textLength === quoteEnd - read ? substitutions(text, end, quote, read, textLength) : Math.max(textLength, quoteEnd - read);
  for (let at = 0; at < quote.length; at += PIECE) {
    const piece = quote.slice(at, at + PIECE);
    // The quote's part between the last piece found and this one is edited text at the least.
    if (errors + (at - read) > maxErrors) return null;
    let offset = text.slice(end, end + (at - read) + PIECE_GAP + piece.length).indexOf(piece);
    let changed = 0;
    if (offset < 0) {
      offset = at - read;
      changed = substitutions(text, end + offset, quote, at, piece.length);
      if (changed > piece.length / 4) continue;
    }
    errors += between(offset, at) + changed;
    end += offset + piece.length;
    read = at + piece.length;
  }
  // Pieces missing at the end: as long in the text as in the quote.
  const rest = Math.min(quote.length - read, text.length - end);
  errors += between(rest, quote.length) + (quote.length - read - rest);
  return errors > maxErrors ? null : { start, end: wholeCharacterEnd(text, end + rest), errors };
}

/** Characters that differ between `length` characters of `text` from `at` and of `quote` from `from`. */
function substitutions(text: string, at: number, quote: string, from: number, length: number): number {
  let differ = 0;
  for (let i = 0; i < length; i++) if (text.charCodeAt(at + i) !== quote.charCodeAt(from + i)) differ++;
  return differ;
}

/**
 * approx-string-match's matches of `pattern` in `text.slice(from, to)`, in rounds of rising error
 * count. The matcher only reports the lowest-error matches, so a look-alike (say the same phrase
 * with other context) would hide the real, edited passage: each round blanks out the previous
 * round's matches and searches again. Matches touching a cut edge of the slice are left out: they
 * may be a passage cut short by the edge, not a passage with edits.
 */
function* fuzzyRounds(text: string, from: number, to: number, pattern: string, maxErrors: number): Generator<Candidate[]> {
  let haystack = text.slice(from, to);
  const cutStart = from > 0;
  const cutEnd = to < text.length;
  for (let round = 0; round < FUZZY_ROUNDS; round++) {
    const matches = search(haystack, pattern, maxErrors).slice(0, MAX_OCCURRENCES);
    if (matches.length === 0) return;
    yield matches
      .filter((m) => !(cutStart && m.start === 0) && !(cutEnd && m.end === haystack.length))
      .map((m) => ({ start: m.start + from, end: wholeCharacterEnd(text, m.end + from), errors: m.errors }));
    const chars = haystack.split('');
    for (const m of matches) chars.fill(BLANK, m.start, m.end);
    haystack = chars.join('');
  }
}

/**
 * `end`, or past the second unit of a character of two UTF-16 units it cuts: the matcher counts
 * units, and ends a passage halfway through another emoji put in place of the quote's last one.
 */
function wholeCharacterEnd(text: string, end: number): number {
  const cut = (text.charCodeAt(end - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(end) & 0xfc00) === 0xdc00;
  return cut ? end + 1 : end;
}

/**
 * How well the text around [start, end) agrees with the quote's prefix and suffix, 0..1, weighted
 * by their lengths; 1 when the quote has no context to compare.
 */
export function contextSimilarity(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const total = quote.prefix.length + quote.suffix.length;
  if (total === 0) return 1;
  const { prefix, suffix } = quote;
  // Edits move the neighbours by a few characters; look a little further than the context's length.
  const slack = Math.ceil(CONTEXT_LENGTH / 4);
  const before = text.slice(Math.max(0, start - prefix.length - slack), start);
  const after = text.slice(end, end + suffix.length + slack);
  const prefixErrors = before.endsWith(prefix) ? 0 : anchoredDistance(reverse(prefix), reverse(before));
  const suffixErrors = after.startsWith(suffix) ? 0 : anchoredDistance(suffix, after);
  return 1 - (prefixErrors + suffixErrors) / total;
}

function reverse(s: string): string {
  return s.split('').reverse().join('');
}

/**
 * Edit distance between `pattern` and the best-fitting start of `text` (both read from the same
 * end): the prefix must sit right before the quote, but may be followed by any amount of new text.
 */
function anchoredDistance(pattern: string, text: string): number {
  let row = Array.from({ length: text.length + 1 }, (_, j) => j);
  for (let i = 1; i <= pattern.length; i++) {
    const next = [i];
    for (let j = 1; j <= text.length; j++) {
      const substitute = row[j - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      next.push(Math.min(substitute, row[j]! + 1, next[j - 1]! + 1));
    }
    row = next;
  }
  return Math.min(...row);
}

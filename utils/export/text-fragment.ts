/**
 * Links back to a passage with a Text Fragment (`#:~:text=`), which Chromium, Safari and Firefox
 * scroll to and mark. https://wicg.github.io/scroll-to-text-fragment/
 */
import type { HighlightRecord } from '../annotation-types';
import { collapseSpace, wellFormed } from './plain-text';
import { httpUrl } from './safe-url';

/**
 * A quote this short may well occur twice on the page, so context is added. Both limits, because
 * ICU splits Chinese into one- and two-character words, so word counts alone run high.
 */
const SHORT_QUOTE_WORDS = 4;
const SHORT_QUOTE_CHARS = 20;
/** Words of prefix/suffix context: enough to disambiguate, few enough to survive small edits. */
const CONTEXT_WORDS = 3;
/** Longer quotes are linked as textStart,textEnd so the URL stays short. */
const LONG_QUOTE_CHARS = 150;
const EDGE_WORDS = 5;

// Word boundaries matter: browsers only match a fragment's terms at word boundaries, and ICU's
// segmenter knows where the words of Chinese or Japanese text are.
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
/** Segmenting is the costly part; the few words wanted are always within this many characters. */
const WINDOW = 200;

function hasWords(text: string, words: number): boolean {
  let seen = 0;
  for (const s of wordSegmenter.segment(text)) if (s.isWordLike && ++seen === words) return true;
  return false;
}

/** The shortest start of `text` holding `words` word-like segments (all of it if fewer). */
function leadingWords(text: string, words: number): string {
  let out = '';
  let seen = 0;
  for (const s of wordSegmenter.segment(text.slice(0, WINDOW))) {
    out += s.segment;
    if (s.isWordLike && ++seen === words) break;
  }
  return out.trim();
}

function trailingWords(text: string, words: number): string {
  const list = [...wordSegmenter.segment(text.slice(-WINDOW))];
  let out = '';
  let seen = 0;
  for (let i = list.length - 1; i >= 0; i--) {
    out = list[i]!.segment + out;
    if (list[i]!.isWordLike && ++seen === words) break;
  }
  return out.trim();
}

/** Characters either side of an edge the segmenter is shown to tell whether a word is cut there. */
const EDGE_WINDOW = 24;

/**
 * Whether a word runs across the point between `before` and `after`: a quote selected from the
 * middle of a word (计局 of 国家统计局, "ommittee") matches no fragment unless context spans it,
 * since a term without context must start and end at word boundaries.
 */
function cutsWord(before: string, after: string): boolean {
  const head = before.slice(-EDGE_WINDOW);
  if (!head || !after || /\s$/u.test(head) || /^\s/u.test(after)) return false;
  for (const s of wordSegmenter.segment(head + after.slice(0, EDGE_WINDOW))) {
    if (s.index >= head.length) return s.index > head.length;
    if (s.index + s.segment.length > head.length) return s.isWordLike === true;
  }
  return false;
}

/** Chinese script and punctuation: the text a space beside it is rarely a word space in. */
const CJK = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…`;
/**
 * Where the text crosses from one block to the next. The stored text marks a block boundary with
 * a space like any other, and browsers find each term of a directive inside one block only. A
 * space with Chinese on both sides, or after a sentence's end (过程。 1月4日), is such a boundary;
 * elsewhere (English, 使用 iPhone) it can't be told from a word space, and is left alone.
 */
const BLOCK_BREAK = new RegExp(String.raw`(?<=[${CJK}]) (?=[${CJK}])|(?<=[。！？；」』]|[。！？][”’]) `, 'u');
/**
 * Where a sentence ends and the next begins, in Latin script. A paragraph break can't be told from
 * a word space there, but it almost always follows a sentence's end: a quote of several sentences
 * is linked by its first sentence's first words and its last one's last words, which lie inside
 * one block each wherever the breaks are. The period must end a word of two small letters or
 * digits, so that an abbreviation (U.S., Mr., No., J. R. R.) ends no sentence.
 */
const SENTENCE_BREAK = /(?<=[a-z0-9]{2}[.!?]["”’)]?) (?=["“‘(]?[A-Z0-9])/u;

/**
 * A term of the directive, percent-encoded: encodeURIComponent covers `&` and `,`, and `-` is
 * encoded too because the spec uses it to mark prefix and suffix.
 */
export function encodeFragmentTerm(term: string): string {
  return encodeURIComponent(wellFormed(term)).replace(/-/g, '%2D');
}

/**
 * The `text=` directive's value for a quote and its context, or null for an empty quote. With
 * `lineBlocks`, the quote's line breaks are its block boundaries, known for sure (a quote as the
 * reader saw it); otherwise they are told from the text as well as can be.
 */
export function textDirective(exactText: string, prefixText = '', suffixText = '', lineBlocks = false): string | null {
  const exact = collapseSpace(exactText);
  if (!exact) return null;
  // A block of punctuation alone (the 。 that ends the paragraph before) would match anywhere.
  const blocks = lineBlocks ? exactText.split('\n').map(collapseSpace).filter(Boolean) : exact.split(BLOCK_BREAK);
  const worded = blocks.filter((block) => hasWords(block, 1));
  // A quote of punctuation alone keeps all its blocks: they, and the context, are all that place it.
  const kept = worded.length ? worded : blocks;
  const quote = kept.length === 1 ? kept[0]! : exact;
  let terms = [quote];
  const sentences = kept.length === 1 ? quote.split(SENTENCE_BREAK) : [];
  // Across blocks, only as textStart,textEnd: each term then lies in one of them.
  if (kept.length > 1) terms = [leadingWords(kept[0]!, EDGE_WORDS), trailingWords(kept[kept.length - 1]!, EDGE_WORDS)];
  else if (sentences.length > 1) terms = [leadingWords(sentences[0]!, EDGE_WORDS), trailingWords(sentences[sentences.length - 1]!, EDGE_WORDS)];
  else if (quote.length > LONG_QUOTE_CHARS) {
    const start = leadingWords(quote, EDGE_WORDS);
    const end = trailingWords(quote, EDGE_WORDS);
    if (start.length + end.length < quote.length) terms = [start, end];
  }
  const encoded = terms.map(encodeFragmentTerm);
  const short = quote.length < SHORT_QUOTE_CHARS || !hasWords(quote, SHORT_QUOTE_WORDS);
  // The context next to the quote, up to the block it crosses into; none beside a block left out.
  // Spaces collapsed but not trimmed: one between the context and the quote says no word is cut there.
  const before = blocks[0] === kept[0] ? prefixText.replace(/\s+/g, ' ').split(BLOCK_BREAK).pop()! : '';
  const after = blocks[blocks.length - 1] === kept[kept.length - 1] ? suffixText.replace(/\s+/g, ' ').split(BLOCK_BREAK)[0]! : '';
  const prefix = short || cutsWord(before, terms[0]!) ? trailingWords(before, CONTEXT_WORDS) : '';
  const suffix = short || cutsWord(terms[terms.length - 1]!, after) ? leadingWords(after, CONTEXT_WORDS) : '';
  if (prefix) encoded.unshift(`${encodeFragmentTerm(prefix)}-`);
  if (suffix) encoded.push(`-${encodeFragmentTerm(suffix)}`);
  return encoded.join(',');
}

/**
 * The page URL with a text fragment for the highlight (from its quote selector when it has one),
 * or the bare page URL when there is no text to point at; null when the page is not http(s).
 */
export function textFragmentUrl(pageUrl: string, h: HighlightRecord): string | null {
  const href = httpUrl(pageUrl);
  if (!href) return null;
  const base = href.replace(/#.*$/s, '');
  const quote = h.selectors.find((s) => s.type === 'TextQuoteSelector');
  // The quote as shown breaks its lines where blocks end; where it is the selector's text, it says where they are.
  const lineBlocks = quote !== undefined && h.quote.includes('\n') && collapseSpace(h.quote) === collapseSpace(quote.exact);
  const directive = quote ? textDirective(lineBlocks ? h.quote : quote.exact, quote.prefix, quote.suffix, lineBlocks) : textDirective(h.quote, '', '', h.quote.includes('\n'));
  return directive ? `${base}#:~:text=${directive}` : base;
}

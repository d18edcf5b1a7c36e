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

interface Segment {
  segment: string;
  isWordLike?: boolean;
}

function segments(text: string): Segment[] {
  return [...wordSegmenter.segment(text)];
}

/** The shortest run of segments from the start of `list` holding `words` word-like segments. */
function leadingWords(list: Segment[], words: number): string {
  let out = '';
  let seen = 0;
  for (const s of list) {
    out += s.segment;
    if (s.isWordLike && ++seen === words) break;
  }
  return out.trim();
}

function trailingWords(list: Segment[], words: number): string {
  let out = '';
  let seen = 0;
  for (let i = list.length - 1; i >= 0; i--) {
    const s = list[i]!;
    out = s.segment + out;
    if (s.isWordLike && ++seen === words) break;
  }
  return out.trim();
}

/**
 * A term of the directive, percent-encoded: encodeURIComponent covers `&` and `,`, and `-` is
 * encoded too because the spec uses it to mark prefix and suffix.
 */
export function encodeFragmentTerm(term: string): string {
  return encodeURIComponent(wellFormed(term)).replace(/-/g, '%2D');
}

/** The `text=` directive's value for a quote and its context, or null for an empty quote. */
export function textDirective(exactText: string, prefixText = '', suffixText = ''): string | null {
  const exact = collapseSpace(exactText);
  if (!exact) return null;
  const words = segments(exact);

  let terms = [exact];
  if (exact.length > LONG_QUOTE_CHARS) {
    const start = leadingWords(words, EDGE_WORDS);
    const end = trailingWords(words, EDGE_WORDS);
    if (start.length + end.length < exact.length) terms = [start, end];
  }
  const encoded = terms.map(encodeFragmentTerm);
  if (words.filter((s) => s.isWordLike).length < SHORT_QUOTE_WORDS || exact.length < SHORT_QUOTE_CHARS) {
    const prefix = trailingWords(segments(collapseSpace(prefixText)), CONTEXT_WORDS);
    const suffix = leadingWords(segments(collapseSpace(suffixText)), CONTEXT_WORDS);
    if (prefix) encoded.unshift(`${encodeFragmentTerm(prefix)}-`);
    if (suffix) encoded.push(`-${encodeFragmentTerm(suffix)}`);
  }
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
  const directive = quote ? textDirective(quote.exact, quote.prefix, quote.suffix) : textDirective(h.quote);
  return directive ? `${base}#:~:text=${directive}` : base;
}

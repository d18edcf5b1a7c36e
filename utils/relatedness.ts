/**
 * How related a teaser is to the article: the share of the teaser's distinctive tokens (CJK
 * bigrams, Hangul and katakana bigrams, Latin words) that also occur in the article's headline
 * and body. Function-word bigrams and stop words are dropped because every Chinese text shares them.
 */

import { ASCII_ALNUM, CHAR_KINDS, IDEOGRAPH, SYLLABLE } from './text';

const HAN_LOW = 0x9fff - 0x3400 + 1;
const HAN_SPAN = HAN_LOW + 0xfaff - 0xf900 + 1;

/**
 * A CJK ideograph's index in the BMP blocks (0x3400–0x9fff, then 0xf900–0xfaff). Bigrams are two
 * indices in one number below 2^30: a small integer, which V8 stores and hashes without
 * allocating, where two raw char codes side by side would not be.
 */
function hanIndex(ideograph: number): number {
  return ideograph <= 0x9fff ? ideograph - 0x3400 : ideograph - 0xf900 + HAN_LOW;
}

/** Katakana letters, then Hangul syllables, indexed from 0 in one span. */
const KATAKANA_FIRST = 0x30a1;
const KATAKANA_SPAN = 0x30fc - KATAKANA_FIRST + 1;
const SYLLABLE_SPAN = KATAKANA_SPAN + 0xd7a3 - 0xac00 + 1;
/** Syllable bigrams are numbered after every han bigram: the two never share a number, and both stay below 2^30. */
const SYLLABLE_BASE = HAN_SPAN * HAN_SPAN;

function syllableIndex(c: number): number {
  return c < 0xac00 ? c - KATAKANA_FIRST : c - 0xac00 + KATAKANA_SPAN;
}

/** Characters that make a CJK bigram uninformative (的是, 一个, 他们 …), by han index. */
const FUNCTION_CHARS = new Uint8Array(HAN_SPAN);
for (const ch of '的了是在和与也就都而及着或一这那有为以于上中下不人我他她它们个之其被把将对从到说等年月日时分又并所已还要会可能新') {
  FUNCTION_CHARS[hanIndex(ch.charCodeAt(0))] = 1;
}

const STOP_WORDS = new Set(
  'to on in of at by as is it be or an up we he she our out off the and for with that this from are was were has have had but not you your his her its they their will would can could about into over after more than said says also which what when who how all new one two'.split(' '),
);

/**
 * The informative tokens of a text: CJK bigrams without function characters (as numbers, two han
 * indices in one, so the thousands of them in a story allocate no strings), bigrams of Hangul
 * syllables and of katakana (Korean words, Japanese loanwords: 독일, ドイツ) the same way, Latin
 * words of two or more letters without stop words or bare numbers. One pass over the char codes.
 */
function distinctiveTokens(text: string): Set<number | string> {
  const out = new Set<number | string>();
  let prevHan = -1;
  let prevSyllable = -1;
  let wordStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const k = CHAR_KINDS[c]!;
    if (k & ASCII_ALNUM) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      if (i - wordStart >= 2) addWord(out, text.slice(wordStart, i).toLowerCase());
      wordStart = -1;
    }
    let han = k & IDEOGRAPH ? hanIndex(c) : -1;
    if (han >= 0 && FUNCTION_CHARS[han]) han = -1;
    if (han >= 0 && prevHan >= 0) out.add(prevHan * HAN_SPAN + han);
    // A function character or any other character breaks the pair, as in the run-based reading.
    prevHan = han;
    const syllable = k & SYLLABLE ? syllableIndex(c) : -1;
    if (syllable >= 0 && prevSyllable >= 0) out.add(SYLLABLE_BASE + prevSyllable * SYLLABLE_SPAN + syllable);
    prevSyllable = syllable;
  }
  return out;
}

function addWord(out: Set<number | string>, word: string): void {
  if (!STOP_WORDS.has(word) && !/^\d+$/.test(word)) out.add(word);
}

/** The article's vocabulary, built once and reused for every teaser on the page. */
export interface ArticleProfile {
  title: Set<number | string>;
  body: Set<number | string>;
}

/** Builds the profile from the headline and (a prefix of) the body text. */
export function profileArticle(title: string, body: string): ArticleProfile {
  // The first few thousand characters carry the topic; more only costs time.
  return { title: distinctiveTokens(title), body: distinctiveTokens(`${title} ${body.slice(0, 4000)}`) };
}

/**
 * A score in 0..1: the larger of (teaser tokens found in the article) and (headline tokens
 * found in the teaser). The second catches a short teaser headline that restates ours.
 */
export function relatedness(profile: ArticleProfile, teaserText: string): number {
  const teaser = distinctiveTokens(teaserText);
  if (teaser.size === 0) return 0;
  let inBody = 0;
  for (const t of teaser) if (profile.body.has(t)) inBody++;
  let titleHits = 0;
  for (const t of profile.title) if (teaser.has(t)) titleHits++;
  const coverage = inBody / teaser.size;
  const titleCoverage = profile.title.size ? titleHits / profile.title.size : 0;
  return Math.max(coverage, titleCoverage);
}

/** At or above this score a teaser is about the same story and stays visible. */
export const RELATED_THRESHOLD = 0.3;

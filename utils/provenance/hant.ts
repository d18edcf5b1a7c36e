/**
 * Traditional Chinese (據中央社報導, 來源：聯合報, 記者 陳怡) read with the simplified patterns: the text
 * is folded one character for one, so a match in the folded text sits at the same offsets in the
 * page's own, and what is reported (names, evidence) is taken back from the page's own text.
 */
import { charFold } from '../char-fold';
import { SIMPLIFIED, TRADITIONAL } from './hant-table';

/** Characters common in traditional text that simplified text never uses: one of them in the opening lines is enough to fold. */
const TRADITIONAL_MARKS = /[這個們來說會為與對發經過還後關從開問時當現應區將報據記編聞網導譯輯責聯]/;

/**
 * Words written differently in Taiwan and Hong Kong, each as long as the simplified one it is
 * read as (報導 is Taiwan's 报道), so offsets still match.
 */
const REGIONAL_WORDS: Record<string, string> = { 报导: '报道', 网路: '网络', '「': '“', '」': '”', '『': '“', '』': '”' };
const REGIONAL = new RegExp(Object.keys(REGIONAL_WORDS).join('|'), 'g');

const foldChars = charFold(TRADITIONAL, SIMPLIFIED);

/**
 * How much of the article's text, from its meta line on, is looked at: a traditional page shows
 * its characters within a sentence or two, so a simplified story need not be scanned whole.
 */
const SAMPLE_CHARS = 400;

/** True when the opening lines hold traditional characters worth folding. */
export function looksTraditional(lines: readonly { text: string }[]): boolean {
  let left = SAMPLE_CHARS;
  for (const { text } of lines) {
    if (TRADITIONAL_MARKS.test(text.length > left ? text.slice(0, left) : text)) return true;
    left -= text.length;
    if (left <= 0) break;
  }
  return false;
}

/** The text as simplified patterns read it, of the same length, offset for offset. */
export function foldTraditional(text: string): string {
  return foldChars(text).replace(REGIONAL, (word) => REGIONAL_WORDS[word] ?? word);
}

/** How provenance reads a text taken from the page: folded on a traditional page, else as written. */
export type Fold = (text: string) => string;

/** How provenance reads the texts of one page, and takes what it found back to the page's own characters. */
export interface PageReading {
  fold: Fold;
  /** The page's own text where the folded finding was read, or the finding itself when it was read nowhere. */
  restore(text: string): string;
}

/** A simplified page's reading: nothing to fold, nothing to take back. */
export const AS_WRITTEN: PageReading = { fold: (text) => text, restore: (text) => text };

/** A traditional page's reading: folded to simplified characters, findings restored from where they were read. */
export function traditionalReading(): PageReading {
  // Each text folded once, by what it was: the page's text is asked for by the publisher and the
  // self-media account both, and it may be most of the page.
  const read = new Map<string, string>();
  return {
    fold(text) {
      let folded = read.get(text);
      if (folded === undefined) read.set(text, (folded = foldTraditional(text)));
      return folded;
    },
    restore(text) {
      if (!text) return text;
      for (const [original, folded] of read) {
        const at = folded === original ? -1 : folded.indexOf(text);
        if (at >= 0) return original.slice(at, at + text.length);
      }
      return text;
    },
  };
}

/**
 * How long a story takes to read, for the reader view's header. Rates are the mean silent reading
 * speeds measured for adults in the IReST study (Trauzettel-Klosinski et al., 2012): English 228
 * words a minute, Chinese 255 characters, Japanese 357 characters. Han and kana are counted as
 * characters, everything else (Latin, Cyrillic, Hangul, which Korean spaces into words) as words.
 */
const WORDS_PER_MINUTE = 228;
const CHINESE_PER_MINUTE = 255;
const JAPANESE_PER_MINUTE = 357;

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** A run of letters or digits of any script but Han and kana: one word each. */
const WORD = /[^\s\p{P}\p{S}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

const count = (pattern: RegExp, text: string): number => text.match(pattern)?.length ?? 0;

/** Whole minutes, at least one for any text with a word in it; 0 for none. */
export function readingMinutes(text: string): number {
  const han = count(HAN, text);
  const kana = count(KANA, text);
  // Kana mark Japanese, read at more characters a minute than Chinese: a kana carries less than a Han character.
  const perMinute = kana > 0 ? JAPANESE_PER_MINUTE : CHINESE_PER_MINUTE;
  const minutes = (han + kana) / perMinute + count(WORD, text) / WORDS_PER_MINUTE;
  return minutes > 0 ? Math.max(1, Math.round(minutes)) : 0;
}

/**
 * UI strings from `_locales` (zh_CN, zh_TW, ja, ko and en). Components take a `Translate` function as a prop-free
 * import because the browser picks the locale; tests render with the English file.
 */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** The extension's own message lookup; falls back to the key so a missing string is visible. */
export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key as never, substitutions) || key;

/**
 * A number with its noun, as "1 page" or "3 pages": chrome.i18n has no plural rules, so such a
 * message comes as `<key>_one` and `<key>_other` (the same text in Chinese).
 */
export const counted = (t: Translate, key: string, n: number): string => t(`${key}_${n === 1 ? 'one' : 'other'}`, String(n));

/**
 * Marks a page as written in the language of its words: the locale file the browser picked (English
 * under a French browser), not the browser's own language, so screen readers and fonts read it right.
 */
export function markLanguage(doc: Document, words: Translate): void {
  doc.documentElement.lang = words('lang_tag');
}

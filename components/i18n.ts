/**
 * UI strings from `_locales` (zh_CN, zh_TW and en). Components take a `Translate` function as a prop-free
 * import because the browser picks the locale; tests render with the English file.
 */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** The extension's own message lookup; falls back to the key so a missing string is visible. */
export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key as never, substitutions) || key;

/**
 * Why cleanup hid an element, and the signals that made the page an article or not, as messages
 * of `_locales` and their arguments. The popup shows them in the reader's language; the
 * contract's `reason` and `reasons` are their English text, filled in from the same file, so the
 * two never drift apart.
 */
import en from '../public/_locales/en/messages.json';
import type { Cause, ReasonKey, Why } from './cause';

export { because, type Cause, type ReasonKey, type Why } from './cause';

/** One entry of a messages.json file. */
export interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const isReasonKey = (key: string): key is ReasonKey => key.startsWith('reason_') || key.startsWith('signal_');

/** The English messages of every reason and signal (adding one is adding its message to _locales). */
const ENGLISH = Object.fromEntries(Object.entries(en).filter(([key]) => isReasonKey(key))) as Record<ReasonKey, LocaleMessage>;

/** Every reason's and signal's message key; messages naming one are checked against these. */
export const REASON_KEYS = Object.keys(ENGLISH) as ReasonKey[];

/** Looks a message up and fills it in, as the browser's `i18n.getMessage(key, substitutions)` does. */
export type Translate = (key: string, substitutions: string[]) => string;

/** A reason in words, its arguments first. */
export function explain(why: Why | Cause, translate: Translate): string {
  return translate(
    why.key,
    why.args.map((a) => (typeof a === 'string' ? a : explain(a, translate))),
  );
}

/**
 * Fills a message in as Chrome and Firefox do: `$NAME$` takes its placeholder's content, in which
 * `$1`…`$9` are the substitutions; `$$` is a dollar sign.
 */
export function fillMessage(entry: LocaleMessage, substitutions: readonly string[]): string {
  // One pass, as the browsers fill a message: named placeholders, $$, and the bare $1…$9 of its own text.
  return entry.message.replace(/\$(\w+)\$|\$\$|\$(\d)/g, (_, name?: string, bare?: string) => {
    if (bare) return substitutions[Number(bare) - 1] ?? '';
    if (!name) return '$';
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_, i: string) => substitutions[Number(i) - 1] ?? '');
  });
}

/** Any message in English, from the same file: for code that runs with no browser to ask (the CLI, tests). */
export const english: Translate = (key, subs) => (key in en ? fillMessage((en as Record<string, LocaleMessage>)[key]!, subs) : key);

/** The reason in English: what the contract's `reason`, the CLI and the exports print. */
export function englishReason(why: Why | Cause): string {
  return explain(why, english);
}

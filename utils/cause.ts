/**
 * A reason as data: a `_locales` message key and its arguments (see reasons.ts, which puts them
 * into words). Apart from the locale table, so code that only records reasons stays light.
 */
import type en from '../public/_locales/en/messages.json';

/** A reason's or signal's message key: every entry of the locale files named reason_… or signal_…. */
export type ReasonKey = Extract<keyof typeof en, `reason_${string}` | `signal_${string}`>;

/** A rule's reason: its message key and the words that fill the message's placeholders, in order. */
export interface Cause {
  key: ReasonKey;
  args: string[];
}

/** A reason; an argument may be a rule's own reason, explained in turn (an ad "…, added after load"). */
export interface Why {
  key: ReasonKey;
  args: Array<string | Cause>;
}

export const because = (key: ReasonKey, ...args: string[]): Cause => ({ key, args });

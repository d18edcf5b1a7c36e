import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Credit, Source } from '@/utils/analysis-types';
import type { Translate } from './i18n';
import { nameLanguage } from '@/utils/name-language';
import { readableDate } from '@/utils/readable-date';

/**
 * Shows an entry's evidence on the page; false when the page's text does not hold it (read from
 * the title or metadata), so the entry says where it came from instead.
 */
export type PickEvidence = (evidence: string) => boolean | Promise<boolean> | void;

export interface SourceChainProps {
  /** The chain, nearest to the reader first (the contract's order). */
  sources: Source[];
  credits: Credit[];
  t: Translate;
  /** Called when the reader picks an entry, to show its evidence on the page. */
  onPick?: PickEvidence;
  /** The page's language ('' or absent: none declared): outlets and names are its words, not the reader's. */
  lang?: string;
}

/** The provenance chain as a reader follows it: the publisher, then whom it came from. */
export function SourceChain({ sources, credits, t, onPick, lang = '' }: SourceChainProps) {
  // The entry whose evidence the page's text turned out not to hold.
  const [unseen, setUnseen] = useState<string | null>(null);
  if (!sources.length && !credits.length) return <p class="muted">{t('noSources')}</p>;
  const publisher = sources.find((s) => s.role === 'publisher')?.outlet ?? null;
  // The comma between names stays with the name before it: a line never starts with 、 or ,.
  const sep = t('credit_names_sep');
  const names = { mark: sep.trimEnd(), gap: sep.slice(sep.trimEnd().length) };
  const pick = (key: string, evidence: string) => () => void Promise.resolve(onPick?.(evidence)).then((found) => setUnseen(found === false ? key : null));
  const unseenCredit = credits.find((c) => unseen === creditKey(c));
  return (
    <div class="chain">
      <ol class="chain-steps">
        {sources.map((s) => {
          const [before, after] = phraseAround(t, `role_${s.role.replace('-', '_')}`);
          // The relay matters once it is not the page itself: 联合早报 reached it through 参考消息网.
          const via = s.via && s.via !== publisher ? s.via : null;
          const key = `${s.role}:${s.outlet}`;
          const noted = unseen === key;
          // What follows the outlet's phrase, each kept whole on a line (a narrow card or popup broke
          // 参考消息网 and 2024-02-23 09:42 in two) and ending in the dot when more follows.
          const asides = [s.date && readableDate(s.date), via && <Phrase t={t} message="via" outlet={via} lang={nameLanguage(lang, via)} />].filter(Boolean);
          const dotAfterPhrase = asides.length > 0 || noted;
          const outlet = (
            <button type="button" class="linklike" title={s.evidence} onClick={pick(key, s.evidence)}>
              <strong lang={nameLanguage(lang, s.outlet) || undefined} dir="auto">
                {s.outlet}
              </strong>
            </button>
          );
          return (
            <li key={key} data-role={s.role}>
              {before && (
                <span class="muted">
                  <Whole text={before} />
                </span>
              )}
              {/* The phrase ends at the outlet (reprinted from X): the dot goes with the outlet. */}
              <Glued mark={dotAfterPhrase && !after.trim() && <span class="muted">{DOT}</span>}>{outlet}</Glued>
              <span class="muted">
                <Whole text={after} dot={dotAfterPhrase} />
                {asides.map((aside, i) => (
                  <Fragment key={i}>
                    {' '}
                    <span class="aside">
                      {aside}
                      {(i < asides.length - 1 || noted) && DOT}
                    </span>
                  </Fragment>
                ))}
              </span>
              {/* There from the start, empty: a screen reader announces what a live region gets, not one
                  added with its words already in (the pick scrolls nothing, this line is all that happens). */}
              <span class="muted evidence-note" role="status">
                {noted && ` ${t('evidence_not_on_page', s.evidence)}`}
              </span>
            </li>
          );
        })}
      </ol>
      {credits.length > 0 && (
        <p class="credits">
          {t('credits')}
          {byRole(credits).map((group, i, groups) => (
            <Fragment key={`${group[0]!.role}:${group[0]!.name}`}>
              {i > 0 && ' '}
              {group.map((c, j) => {
                const more = j < group.length - 1;
                // The dot between roles (and before the note) stays with the name before it, as the comma does.
                const dot = !more && (i < groups.length - 1 || Boolean(unseenCredit));
                return (
                  <Fragment key={c.name}>
                    <Glued mark={more ? names.mark : dot && DOT}>
                      <span class="credit">
                        {j === 0 && `${t(group.length > 1 ? `credit_${c.role}_other` : `credit_${c.role}`)} `}
                        {/* A button as an outlet is: its sentence was a mouse's alone to see, in a tooltip. */}
                        <button
                          type="button"
                          class="linklike credit-name"
                          lang={nameLanguage(lang, c.name) || undefined}
                          dir="auto"
                          title={c.evidence}
                          onClick={pick(creditKey(c), c.evidence)}
                        >
                          {c.name}
                        </button>
                      </span>
                    </Glued>
                    {more && names.gap}
                  </Fragment>
                );
              })}
            </Fragment>
          ))}
          <span class="muted evidence-note" role="status">
            {unseenCredit && ` ${t('evidence_not_on_page', unseenCredit.evidence)}`}
          </span>
        </p>
      )}
    </div>
  );
}

const creditKey = (c: Credit): string => `credit:${c.role}:${c.name}`;

/**
 * Credits in runs of one role, in their order: nine reporters of a wire story read as one role and
 * nine names (reporters A, B, …), not the role nine times over.
 */
function byRole(credits: Credit[]): Credit[][] {
  const groups: Credit[][] = [];
  for (const c of credits) {
    const last = groups.at(-1);
    if (last && last[0]!.role === c.role) last.push(c);
    else groups.push([c]);
  }
  return groups;
}

/**
 * The dot between a step's parts (its phrase, date, relay, a note) and between credits' roles: it
 * ends the part before it, behind a no-break space, and the line breaks at the space after it. A
 * line never starts with it (it read as a list's bullet).
 */
const DOT = '\u00a0·';

/**
 * A piece kept whole on a line (a phrase's words, an outlet, a credit) and the `mark` after it (the
 * dot, a comma), which no line break parts: a no-break space alone does not hold it, as browsers
 * break after an inline-block whatever follows. Past a line's end the mark hangs rather than move
 * the piece, or split words that fit the line.
 */
function Glued({ mark, children }: { mark: ComponentChildren; children: ComponentChildren }) {
  return mark ? (
    <span class="glued">
      {children}
      {mark}
    </span>
  ) : (
    <>{children}</>
  );
}

/**
 * A role's words kept whole on a line (が報道, 转载自, reported by): Japanese and Chinese may break
 * between any two characters, and a narrow card or popup broke 掲/載 and 报/道. The spaces around
 * them stay outside, where the line breaks instead; the dot, when a part follows, held to them.
 *
 * Words wider than the line wrap inside their box, which then spans the line: a dot after the box
 * sat at the line's far end, away from the words' last line. It is drawn inside, after the last
 * word, but out of the flow (.hung), so the words wrap as they did; its room is kept after the box
 * (.dot-room, the same dot unseen), so what follows neither covers it nor moves.
 */
function Whole({ text, dot = false }: { text: string; dot?: boolean }) {
  const words = text.trim();
  if (!words) return <>{text}</>;
  const at = text.indexOf(words);
  return (
    <>
      {text.slice(0, at)}
      <Glued mark={dot && <span class="dot-room" data-dot={DOT} aria-hidden="true" />}>
        <span class="whole">
          {words}
          {dot && <span class="hung">{DOT}</span>}
        </span>
      </Glued>
      {text.slice(at + words.length)}
    </>
  );
}

/**
 * A phrase around an outlet (via X, 经 X 转述), the outlet marked with its own language. Outlets and
 * names are isolated (dir=auto) wherever they stand: an Arabic one keeps its own order, and the
 * card's dots and dates theirs.
 */
function Phrase({ t, message, outlet, lang }: { t: Translate; message: string; outlet: string; lang: string }) {
  const [before, after] = phraseAround(t, message);
  return (
    <>
      {before}
      <span class="outlet" lang={lang || undefined} dir="auto">
        {outlet}
      </span>
      {after}
    </>
  );
}

/** Stands in for the outlet while its phrase is looked up: a private-use character no translation holds. */
const OUTLET_MARK = '\uE000';

/**
 * A role's phrase split where the outlet goes, so the outlet can be a button inside it: the word
 * order is the language's (转载自 X, 据 X 报道, reported by X, X published this page).
 */
function phraseAround(t: Translate, key: string): [string, string] {
  const [before = '', after = ''] = t(key, OUTLET_MARK).split(OUTLET_MARK);
  return [before, after];
}

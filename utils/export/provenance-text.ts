/** Provenance as short plain-text lines, the same in every export format, in the reader's language. */
import type { Credit, Source } from '../analysis-types';
import type { PageRecord } from '../annotation-types';
import type { Translate } from '../reasons';
import { readableDate } from '../readable-date';

/**
 * "新华社 (reprinted from, via 人民网, 2024-02-20)"; in Chinese "新华社（转载来源，经 人民网，2024-02-20）".
 * The outlet comes first, so a list of them reads as the chain. `timeZone` is the reader's (see readableDate).
 */
export function sourceLine(s: Source, words: Translate, timeZone?: string): string {
  const date = s.date && readableDate(s.date, timeZone);
  const details = [words(`export_role_${s.role.replace('-', '_')}`, []), s.via ? words('export_via', [s.via]) : null, date].filter((d): d is string => !!d);
  return words('export_source_line', [s.outlet, details.reduce((a, b) => words('export_and', [a, b]))]);
}

/** "translator: 李四"; in Chinese "翻译：李四". */
export function creditLine(c: Credit, words: Translate): string {
  return words('export_field', [words(`credit_${c.role}`, []), c.name]);
}

/** The whole chain on one line, nearest to the reader first; null when it names no outlet. */
export function chainLine(sources: readonly Source[], words: Translate, timeZone?: string): string | null {
  return sources.length ? sources.map((s) => sourceLine(s, words, timeZone)).join(' → ') : null;
}

/** Every credit on one line; null when there is none. */
export function creditsLine(credits: readonly Credit[], words: Translate): string | null {
  return credits.length ? credits.map((c) => creditLine(c, words)).reduce((a, b) => words('export_credits_and', [a, b])) : null;
}

export function pagePublisher(page: PageRecord): string | null {
  return page.publisher ?? page.provenance?.publisher ?? null;
}

/**
 * Who to name as the author of a news page in a reading app: the person who wrote or reported
 * it when the page says so, else the outlet, which is what readers cite.
 */
export function pageAuthor(page: PageRecord): string {
  const writer = page.provenance?.credits.find((c) => c.role === 'author' || c.role === 'reporter');
  return writer?.name ?? pagePublisher(page) ?? '';
}

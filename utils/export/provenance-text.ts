/** Provenance as short plain-text lines, the same in every export format. */
import type { Credit, Source } from '../analysis-types';
import type { PageRecord } from '../annotation-types';

const ROLE_WORDS: Record<Source['role'], string> = {
  publisher: 'publisher',
  'reprinted-from': 'reprinted from',
  'reported-by': 'reported by',
  cited: 'cited',
};

/** "新华社 (reprinted from, via 人民网, 2024-02-20)". */
export function sourceLine(s: Source): string {
  const details = [ROLE_WORDS[s.role], s.via ? `via ${s.via}` : null, s.date].filter(Boolean);
  return `${s.outlet} (${details.join(', ')})`;
}

/** "translator: 李四". */
export function creditLine(c: Credit): string {
  return `${c.role}: ${c.name}`;
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

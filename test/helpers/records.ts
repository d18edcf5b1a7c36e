import type { HighlightRecord } from '@/utils/annotation-types';

/** A valid stored highlight quoting `quote` on `pageUrl`; any other field can be given. */
export function quoteHighlight(pageUrl: string, quote: string, extra: Partial<HighlightRecord> = {}): HighlightRecord {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    pageUrl,
    selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
    quote,
    color: 'yellow',
    note: '',
    created: '2025-01-15T08:00:00.000Z',
    updated: '2025-01-15T08:00:00.000Z',
    ...extra,
  };
}

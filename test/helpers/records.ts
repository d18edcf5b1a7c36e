import type { HighlightRecord } from '@/utils/annotation-types';
import type { PageState } from '@/utils/messages';

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

/** A content script's state for an article page (海南信息港, nothing hidden); any field can be given. */
export function articleState(extra: Partial<PageState> = {}): PageState {
  return {
    url: 'https://news.example.cn/2024-02/23/content_1.htm',
    isArticle: true,
    confidence: 0.9,
    reasons: [],
    title: '标题',
    publisher: '海南信息港',
    publishedAt: null,
    cleanupActive: true,
    hidden: [],
    sources: [],
    credits: [],
    ...extra,
  };
}

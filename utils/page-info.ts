/** What is saved with a page's first highlight: its title, publisher and provenance as analysed. */
import type { Analysis } from './analysis-types';
import type { PageInfo } from './messages';

export function pageInfoFrom(analysis: Analysis, url: string, documentTitle: string): PageInfo {
  return {
    url,
    title: analysis.title ?? documentTitle,
    publisher: analysis.publisher,
    // Provenance is only read on articles; elsewhere it would be guesswork.
    provenance: analysis.isArticle
      ? {
          publisher: analysis.publisher,
          sources: analysis.sources,
          credits: analysis.credits,
          originalTitle: analysis.originalTitle,
          publishedAt: analysis.publishedAt,
        }
      : null,
  };
}

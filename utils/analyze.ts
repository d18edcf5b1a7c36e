/**
 * The page-analysis pipeline: one pure function from a Document to the contract's Analysis.
 * The content script and `npm run analyze` both call it, so what the CLI prints is what the
 * extension does.
 */
import type { Analysis } from './analysis-types';

export interface AnalyzeOptions {
  /** The page's URL when known (the content script's location, the CLI's --url). */
  url?: string | null;
}

export function analyzeDocument(doc: Document, options: AnalyzeOptions = {}): Analysis {
  // Placeholder until detection lands; every field is empty rather than guessed.
  return {
    url: options.url ?? null,
    isArticle: false,
    confidence: 0,
    reasons: [],
    title: null,
    publishedAt: null,
    publisher: null,
    originalTitle: null,
    article: null,
    hidden: [],
    sources: [],
    credits: [],
  };
  void doc;
}

/** Provenance: the source chain and credits of an article, read from its text and metadata. */
import type { Credit, Source } from './analysis-types';

export interface ProvenanceInput {
  doc: Document;
  /** Root of the article body found by the core; null when there is none. */
  articleRoot: Element | null;
  /** The headline element when found; the meta line (date, 来源, 作者) is usually near it. */
  headline: Element | null;
  /** True for elements classified as outside the story (teasers, navigation, ads, comments). */
  isExcluded: (el: Element) => boolean;
  url: string | null;
  /** The page's own publish date (ISO) when found; years of 2月23日-style dates come from it. */
  publishedAt: string | null;
}

export interface Provenance {
  publisher: string | null;
  sources: Source[];
  credits: Credit[];
  originalTitle: string | null;
}

export function extractProvenance(input: ProvenanceInput): Provenance {
  void input;
  return { publisher: null, sources: [], credits: [], originalTitle: null };
}

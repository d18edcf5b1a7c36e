/** The analysis contract (v1): what `analyzeDocument` returns and `npm run analyze` prints. */

/** The kinds of what cleanup hides, in the order the popup and the settings list them. */
export const HIDDEN_KINDS = ['ad', 'teaser', 'widget', 'boilerplate', 'navigation', 'comments'] as const;

export type HiddenKind = (typeof HIDDEN_KINDS)[number];

/** One element outside the article that cleanup hides, with the reason shown to the reader. */
export interface HiddenItem {
  kind: HiddenKind;
  /** Unique CSS selector of the element in the analysed document. */
  selector: string;
  /** Its visible text, whitespace-collapsed. */
  text: string;
  /** Why it is hidden, in words a reader understands. */
  reason: string;
}

export type SourceRole = 'publisher' | 'reprinted-from' | 'reported-by' | 'cited';

/** One step of the provenance chain, nearest to the reader first. */
export interface Source {
  outlet: string;
  role: SourceRole;
  /** The outlet that relayed this one to the next step; null for the publisher. */
  via: string | null;
  /** As precise as stated: ISO when the year is known, else the page's own words (2月20日). */
  date: string | null;
  /** The sentence or label the entry was read from. */
  evidence: string;
}

export type CreditRole =
  | 'author'
  | 'reporter'
  | 'translator'
  | 'compiler'
  | 'editor'
  | 'proofreader'
  | 'photographer';

export interface Credit {
  role: CreditRole;
  name: string;
  evidence: string;
}

export interface Analysis {
  url: string | null;
  isArticle: boolean;
  confidence: number;
  reasons: string[];
  title: string | null;
  publishedAt: string | null;
  publisher: string | null;
  originalTitle: string | null;
  article: { selector: string; text: string } | null;
  hidden: HiddenItem[];
  sources: Source[];
  credits: Credit[];
}

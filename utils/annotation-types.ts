/**
 * The annotation data model shared by the anchoring core, the database, the exporters and the UI.
 * Plain data only (structured-clone and JSON safe), so it crosses message boundaries unchanged.
 * Selector shapes follow the W3C Web Annotation Data Model.
 */
import type { Credit, Source } from './analysis-types';

/** Highlight colours offered in the toolbar; the stored value is the name, never a CSS colour. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** A record's colour from the fixed list, even if a forged record carries another string (exports name and style it). */
export const knownColor = (h: { color: string }): HighlightColor => (HIGHLIGHT_COLORS.includes(h.color as HighlightColor) ? (h.color as HighlightColor) : 'yellow');

/**
 * Background colours, light enough to read black and white text through. Here rather than in the
 * painter, so the popup's list can show them without loading the painter.
 */
export const COLOR_VALUES: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 214, 0, 0.45)',
  green: 'rgba(80, 200, 120, 0.4)',
  blue: 'rgba(90, 160, 255, 0.4)',
  pink: 'rgba(255, 110, 170, 0.4)',
  purple: 'rgba(170, 120, 255, 0.4)',
};

/**
 * A colour as its highlight looks on a white page, solid: a swatch (or a quote's bar) of the
 * translucent value on a dark panel would look muddy, nothing like the passage it names.
 */
export function swatchColor(color: HighlightColor): string {
  const [r, g, b, alpha] = COLOR_VALUES[color].match(/[\d.]+/g)!.map(Number) as [number, number, number, number];
  const onWhite = (v: number) => Math.round(v * alpha + 255 * (1 - alpha));
  return `rgb(${onWhite(r)}, ${onWhite(g)}, ${onWhite(b)})`;
}

/** The palette as custom properties (--hl-<colour>) for a list's root: the popup's and the library's lists draw each colour the same. */
export const HIGHLIGHT_PALETTE = HIGHLIGHT_COLORS.map((c) => `--hl-${c}: ${swatchColor(c)}`).join('; ');

/** W3C TextQuoteSelector: the exact text plus some context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: character offsets into the page's readable text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * Where the range was in the DOM when it was made: a CSS selector for the nearest element that
 * holds the start and end, and readable-text offsets inside that element. A cheap first guess on
 * re-anchoring; it is verified against the quote before use.
 */
export interface RangeHintSelector {
  type: 'RangeHintSelector';
  /** CSS selector of the element, unique in the document when made. */
  selector: string;
  /** Offsets into that element's readable text. */
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector | RangeHintSelector;

/** Snapshot of a page's provenance, as the analysis core read it when the page was saved. */
export interface ProvenanceSnapshot {
  publisher: string | null;
  sources: Source[];
  credits: Credit[];
  originalTitle: string | null;
  publishedAt: string | null;
}

/** One page the user has highlighted on; keyed by its normalised URL. */
export interface PageRecord {
  /** Normalised URL (no fragment, no utm_* or spm parameters). */
  url: string;
  title: string;
  publisher: string | null;
  provenance: ProvenanceSnapshot | null;
  /** ISO timestamps. */
  firstSeen: string;
  lastSeen: string;
  /** The reader's note on the whole page ("why I kept this"); records made before page notes have none. */
  note?: string;
  /** When the note was last set (ISO): of two copies of a page, an import keeps the later note. */
  noteUpdated?: string;
}

/** A note on a whole page, apart from its record's other fields: what an import brings for a page. */
export interface PageNote {
  url: string;
  note: string;
  /** ISO timestamp. */
  updated: string;
}

/** Whether a page has a note worth showing: one of only spaces is none. */
export const hasPageNote = (page: Pick<PageRecord, 'note'>): boolean => !!page.note?.trim();

export interface HighlightRecord {
  /** A UUID (utils/uuid.ts). */
  id: string;
  /** Normalised URL of the page: the key of its {@link PageRecord}. */
  pageUrl: string;
  selectors: Selector[];
  /**
   * The highlighted text as the reader saw it, kept for search, lists and exports: the quote
   * selector's `exact` without text cleanup hid inside it, a line's end as a line break.
   */
  quote: string;
  color: HighlightColor;
  note: string;
  /** ISO timestamps. */
  created: string;
  updated: string;
}

/**
 * What the popup's list shows of a highlight. The content script hands the popup these rather
 * than whole records: the selectors were most of the message and of the popup's validating it.
 */
export type HighlightRow = Pick<HighlightRecord, 'id' | 'quote' | 'color' | 'note' | 'created'>;

export const highlightRow = ({ id, quote, color, note, created }: HighlightRecord): HighlightRow => ({ id, quote, color, note, created });

/** How long a deleted highlight can be brought back, wherever it was deleted (the page, the popup). */
export const UNDO_MS = 6000;

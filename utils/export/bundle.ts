/**
 * What every exporter takes: the pages and highlights to write, and when the export was made.
 * Exporters are pure functions of a bundle, so the same file comes out in the extension and in Node.
 */
import { hasPageNote, type HighlightRecord, type PageRecord } from '../annotation-types';

export interface ExportBundle {
  pages: PageRecord[];
  highlights: HighlightRecord[];
  /** ISO timestamp. */
  exportedAt: string;
}

/** One page with its highlights in reading order; `location` is 1-based within the page. */
export interface PageGroup {
  page: PageRecord;
  highlights: Array<{ highlight: HighlightRecord; location: number }>;
}

function textStart(h: HighlightRecord): number | null {
  const position = h.selectors.find((s) => s.type === 'TextPositionSelector');
  return position ? position.start : null;
}

/**
 * Reading order: by offset in the page text where known; highlights without a position (imported
 * from tools that only keep the quote) follow, oldest first.
 */
function byReadingOrder(a: HighlightRecord, b: HighlightRecord): number {
  const sa = textStart(a);
  const sb = textStart(b);
  if (sa !== null && sb !== null && sa !== sb) return sa - sb;
  if ((sa === null) !== (sb === null)) return sa === null ? 1 : -1;
  return a.created < b.created ? -1 : a.created > b.created ? 1 : 0;
}

/** A page record for highlights whose page is unknown (not in the bundle, not in an import), so they are never dropped. */
export function pageStub(url: string, highlights: HighlightRecord[]): PageRecord {
  const times = highlights.map((h) => h.created).sort();
  return { url, title: url, publisher: null, provenance: null, firstSeen: times[0]!, lastSeen: times[times.length - 1]! };
}

/**
 * Groups highlights under their pages: pages in bundle order (the caller chose it), then pages
 * only named by a highlight; pages with neither highlights nor a note are left out.
 */
export function groupByPage(bundle: ExportBundle): PageGroup[] {
  const byUrl = new Map<string, HighlightRecord[]>();
  for (const h of bundle.highlights) {
    const list = byUrl.get(h.pageUrl);
    if (list) list.push(h);
    else byUrl.set(h.pageUrl, [h]);
  }
  const known = new Map(bundle.pages.map((p) => [p.url, p]));
  const urls = [...new Set([...bundle.pages.map((p) => p.url), ...byUrl.keys()])];
  return urls.flatMap((url) => {
    const highlights = byUrl.get(url) ?? [];
    const page = known.get(url);
    if (!highlights.length && !(page && hasPageNote(page))) return [];
    return [
      {
        page: page ?? pageStub(url, highlights),
        highlights: [...highlights].sort(byReadingOrder).map((highlight, i) => ({ highlight, location: i + 1 })),
      },
    ];
  });
}

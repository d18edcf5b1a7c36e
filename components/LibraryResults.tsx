import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { HighlightColor, HighlightRecord, PageRecord } from '@/utils/annotation-types';
import { siteOfUrl } from '@/utils/library-search';
import { orderPages, type LibrarySort } from '@/utils/library-sort';
import { HighlightItem } from './HighlightItem';
import type { Translate } from './i18n';
import { LibraryPageNote } from './LibraryPageNote';

export interface LibraryResultsProps {
  /** Every match, newest first; only the first `limit` rows, page by page, are rendered. */
  results: HighlightRecord[];
  /** Pages whose own note matched: listed under their heading with their note, with or without matching highlights. */
  notedPages: string[];
  pages: ReadonlyMap<string, PageRecord>;
  sort: LibrarySort;
  limit: number;
  onShowMore: () => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onOpen: (h: HighlightRecord) => void;
  onDelete: (id: string) => Promise<void>;
  onSave: (id: string, patch: { note: string; color: HighlightColor }) => Promise<boolean>;
  /** Sets a page's own note; resolves true when saved. */
  onSavePageNote: (url: string, note: string) => Promise<boolean>;
  t: Translate;
}

/**
 * Highlights grouped by page, keeping the newest-first order of each page's newest match; then the
 * pages only their note matched, with no rows.
 */
export function groupByPage(results: HighlightRecord[], notedPages: readonly string[] = []): Array<{ url: string; items: HighlightRecord[] }> {
  const groups = new Map<string, HighlightRecord[]>();
  for (const h of results) {
    const items = groups.get(h.pageUrl);
    if (items) items.push(h);
    else groups.set(h.pageUrl, [h]);
  }
  for (const url of notedPages) if (!groups.has(url)) groups.set(url, []);
  return [...groups].map(([url, items]) => ({ url, items }));
}

/** The rows a group takes: its highlights, or one for a page listed for its note alone. */
const rowsOf = (group: { items: unknown[] }) => Math.max(group.items.length, 1);

/**
 * The first `limit` rows in the order they are shown, page by page. Taken from the newest-first
 * list instead, a page's older rows came in with the next batch inside groups already scrolled past
 * (about half of each batch, above the reader, who never saw them); taken this way more rows only
 * ever go below.
 */
export function firstRows(groups: Array<{ url: string; items: HighlightRecord[] }>, limit: number): Array<{ url: string; items: HighlightRecord[] }> {
  const out: Array<{ url: string; items: HighlightRecord[] }> = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    out.push(group.items.length <= left ? group : { url: group.url, items: group.items.slice(0, left) });
    left -= rowsOf(group);
  }
  return out;
}

/** "Publisher, from <whoever reported it first>": the chain's far end is the original source. */
export function provenanceSummary(page: PageRecord, t: Translate): string | null {
  const publisher = page.provenance?.publisher ?? page.publisher;
  const upstream = (page.provenance?.sources ?? []).filter((s) => s.role !== 'publisher' && s.outlet !== publisher);
  // Who reported it first: the earliest dated step when the chain has dates (a chain may list two
  // reports side by side), else the far end of the chain.
  const dated = upstream.filter((s) => s.date && /^\d{4}-\d{2}-\d{2}/.test(s.date));
  const origin = (dated.length ? dated.reduce((a, b) => (b.date! < a.date! ? b : a)) : upstream.at(-1))?.outlet;
  if (publisher && origin) return t('lib_provenance', [publisher, origin]);
  return publisher ?? (origin ? t('lib_provenanceOrigin', origin) : null);
}

/**
 * The result list. Rendering is capped at `limit` rows: 10,000 rows of DOM would make every search
 * and every selection change slow. More rows come when the "show more" button nears the viewport
 * (scrolling) or is pressed (keyboard, or browsers without IntersectionObserver).
 */
export function LibraryResults({ results, notedPages, pages, sort, limit, onShowMore, selected, t, ...item }: LibraryResultsProps) {
  const lang = t('lang_tag');
  const groups = useMemo(() => orderPages(groupByPage(results, notedPages), pages, sort, lang), [results, notedPages, pages, sort, lang]);
  const total = useMemo(() => groups.reduce((n, g) => n + rowsOf(g), 0), [groups]);
  const shown = Math.min(limit, total);
  const more = total > shown;
  // The rows' handlers stay the same functions from render to render, calling the latest ones, so a
  // row whose own props did not change is not drawn again (a checkbox ticked among 2,000 rows).
  const latest = useRef(item);
  latest.current = item;
  const handlers = useMemo(
    () => ({
      onToggle: (id: string) => latest.current.onToggle(id),
      onOpen: (h: HighlightRecord) => latest.current.onOpen(h),
      onDelete: (id: string) => latest.current.onDelete(id),
      onSave: (id: string, patch: { note: string; color: HighlightColor }) => latest.current.onSave(id, patch),
      onSavePageNote: (url: string, note: string) => latest.current.onSavePageNote(url, note),
    }),
    [],
  );
  const moreButton = useRef<HTMLButtonElement>(null);
  const showMore = useRef(onShowMore);
  showMore.current = onShowMore;
  useEffect(() => {
    const button = moreButton.current;
    if (!button || typeof IntersectionObserver === 'undefined') return;
    // A screen ahead of the reader, so scrolling rarely meets the end of what is rendered.
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && showMore.current(), { rootMargin: '100% 0px' });
    observer.observe(button);
    return () => observer.disconnect();
  }, [more, limit]);
  return (
    <div class="results">
      {firstRows(groups, limit).map(({ url, items }, i) => {
        const page = pages.get(url);
        const summary = page && provenanceSummary(page, t);
        return (
          <section key={url} class="page-group" aria-label={page?.title || url}>
            <header class="page-head">
              <h2 class="page-title" id={`page-title-${i}`}>
                {page?.title || url}
              </h2>
              <p class="muted">
                {siteOfUrl(url)}
                {summary && ` · ${summary}`}
              </p>
              {page && <LibraryPageNote page={page} headingId={`page-title-${i}`} onSave={handlers.onSavePageNote} t={t} />}
            </header>
            {items.length > 0 && (
              <ul class="hl-list">
                {items.map((h) => (
                  <HighlightItem key={h.id} highlight={h} selected={selected.has(h.id)} t={t} onToggle={handlers.onToggle} onOpen={handlers.onOpen} onDelete={handlers.onDelete} onSave={handlers.onSave} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {more && (
        <button ref={moreButton} type="button" class="show-more" onClick={onShowMore}>
          {t('lib_showMore', [String(shown), String(total)])}
        </button>
      )}
    </div>
  );
}

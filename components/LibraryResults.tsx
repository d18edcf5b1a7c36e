import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { HighlightColor, HighlightRecord, PageRecord } from '@/utils/annotation-types';
import { siteOfUrl } from '@/utils/library-search';
import { orderPages, type LibrarySort } from '@/utils/library-sort';
import { HighlightItem } from './HighlightItem';
import type { Translate } from './i18n';

export interface LibraryResultsProps {
  /** Every match, newest first; only the first `limit` rows, page by page, are rendered. */
  results: HighlightRecord[];
  pages: ReadonlyMap<string, PageRecord>;
  sort: LibrarySort;
  limit: number;
  onShowMore: () => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onOpen: (h: HighlightRecord) => void;
  onDelete: (id: string) => Promise<void>;
  onSave: (id: string, patch: { note: string; color: HighlightColor }) => Promise<boolean>;
  t: Translate;
}

/** Highlights grouped by page, keeping the newest-first order of each page's newest match. */
export function groupByPage(results: HighlightRecord[]): Array<{ url: string; items: HighlightRecord[] }> {
  const groups = new Map<string, HighlightRecord[]>();
  for (const h of results) {
    const items = groups.get(h.pageUrl);
    if (items) items.push(h);
    else groups.set(h.pageUrl, [h]);
  }
  return [...groups].map(([url, items]) => ({ url, items }));
}

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
    left -= group.items.length;
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
export function LibraryResults({ results, pages, sort, limit, onShowMore, selected, t, ...item }: LibraryResultsProps) {
  const lang = t('lang_tag');
  const groups = useMemo(() => orderPages(groupByPage(results), pages, sort, lang), [results, pages, sort, lang]);
  const shown = Math.min(limit, results.length);
  const more = results.length > shown;
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
      {firstRows(groups, limit).map(({ url, items }) => {
        const page = pages.get(url);
        const summary = page && provenanceSummary(page, t);
        return (
          <section key={url} class="page-group" aria-label={page?.title || url}>
            <header class="page-head">
              <h2 class="page-title">{page?.title || url}</h2>
              <p class="muted">
                {siteOfUrl(url)}
                {summary && ` · ${summary}`}
              </p>
            </header>
            <ul class="hl-list">
              {items.map((h) => (
                <HighlightItem key={h.id} highlight={h} selected={selected.has(h.id)} t={t} {...handlers} />
              ))}
            </ul>
          </section>
        );
      })}
      {more && (
        <button ref={moreButton} type="button" class="show-more" onClick={onShowMore}>
          {t('lib_showMore', [String(shown), String(results.length)])}
        </button>
      )}
    </div>
  );
}

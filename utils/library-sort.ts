/**
 * The orders the library can list its pages in, and where the reader's choice is kept. Pure but for
 * the storage area passed in.
 */
import type { HighlightRecord, PageRecord } from './annotation-types';
import type { StorageArea } from './settings';

/** `recent` (the default): the page highlighted on last first; `count`: the page with most highlights first. */
export const LIBRARY_SORTS = ['recent', 'oldest', 'title', 'count'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export const LIBRARY_SORT_KEY = 'librarySort';

export const parseLibrarySort = (raw: unknown): LibrarySort => (LIBRARY_SORTS as readonly unknown[]).includes(raw) ? (raw as LibrarySort) : 'recent';

/** The stored order, `recent` when none is stored or storage fails: the library opens either way. */
export async function loadLibrarySort(area: StorageArea): Promise<LibrarySort> {
  try {
    return parseLibrarySort((await area.get(LIBRARY_SORT_KEY))[LIBRARY_SORT_KEY]);
  } catch {
    return 'recent';
  }
}

export const saveLibrarySort = (area: StorageArea, sort: LibrarySort): Promise<void> => area.set({ [LIBRARY_SORT_KEY]: sort });

type Group = { url: string; items: HighlightRecord[] };
/** A page as the library loads it: with its count of highlights, all of them, whatever the search. */
type CountedPage = PageRecord & { highlightCount?: number };

/**
 * Pages in the order `sort` lists them, each page's rows newest first (oldest first under `oldest`).
 * A page's time is its record's `lastSeen`, set when a highlight is saved there (a page without a
 * record: its newest match), not its newest match: deleting that one, or undoing the delete, would
 * move its page past others, and the rows below the reader's place with it. Titles (the address of
 * an untitled page, as it is shown) compare in the UI's language `lang`: pinyin order in Chinese.
 * Ties go to the recent page, then by address, so the order is the same on every render. "Most
 * highlights" counts all of a page's highlights as loaded, not those the search matched: the page the
 * reader marked up most stays first under any search, and deleting a row here does not move its page.
 */
export function orderPages<G extends Group>(groups: G[], pages: ReadonlyMap<string, CountedPage>, sort: LibrarySort, lang: string): G[] {
  const keyed = groups.map((g) => {
    const t = Date.parse(pages.get(g.url)?.lastSeen ?? g.items[0]?.created ?? '');
    return { g, t: Number.isFinite(t) ? t : -Infinity };
  });
  type Keyed = (typeof keyed)[number];
  const byAddress = (a: Keyed, b: Keyed) => (a.g.url < b.g.url ? -1 : a.g.url > b.g.url ? 1 : 0);
  const byRecent = (a: Keyed, b: Keyed) => (a.t === b.t ? byAddress(a, b) : b.t - a.t);
  let compare = byRecent;
  if (sort === 'oldest') compare = (a, b) => (a.t === b.t ? byAddress(a, b) : a.t - b.t);
  else if (sort === 'count') {
    // A page without a record (none listed it) counts the rows it has here.
    const count = (k: Keyed) => pages.get(k.g.url)?.highlightCount ?? k.g.items.length;
    compare = (a, b) => count(b) - count(a) || byRecent(a, b);
  }
  else if (sort === 'title') {
    const collator = new Intl.Collator(lang, { numeric: true });
    const titles = new Map(groups.map((g) => [g.url, pages.get(g.url)?.title || g.url]));
    compare = (a, b) => collator.compare(titles.get(a.g.url)!, titles.get(b.g.url)!) || byRecent(a, b);
  }
  const ordered = keyed.sort(compare).map((k) => k.g);
  return sort === 'oldest' ? ordered.map((g) => ({ ...g, items: [...g.items].reverse() })) : ordered;
}

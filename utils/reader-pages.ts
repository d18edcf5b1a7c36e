/**
 * Pages handed to reader tabs, by each tab's token. Kept in `storage.session`: a reader reloaded
 * after Chrome stopped the idle service worker (~30 s), or reopened from closed tabs, still finds
 * its page. That area lives in memory only, so the pages never reach the disk; it is emptied when
 * the browser quits, so a reader restored with the browser's session must be opened again.
 * Bounded by size, not count: Chrome's area holds 10 MB, and a page is 0.1–1.5 MB of HTML (the
 * corpus's largest, CNN's, is 1.5 MB), so the last several readers keep theirs.
 */
import type { StorageArea } from './settings';
import { oneAtATime } from './tasks';

export interface ReaderPage {
  url: string;
  html: string;
  tabId: number;
}

export interface PageArea extends StorageArea {
  remove(keys: string[]): Promise<void>;
}

const INDEX_KEY = 'readerPages';
const pageKey = (token: string) => `readerPage:${token}`;
/** Under Chrome's 10 MB, with room for the index and the area's own estimate of what it holds. */
export const READER_PAGES_BUDGET = 8_000_000;

interface Kept {
  token: string;
  bytes: number;
}

export function readerPageStore(area: PageArea, budget = READER_PAGES_BUDGET) {
  // A page the area refuses (larger than it holds) stays here until the next one comes.
  let refused: { token: string; page: ReaderPage } | null = null;
  const inTurn = oneAtATime(); // Each put reads the index the last one wrote.
  const indexOf = async () => ((await area.get(INDEX_KEY))[INDEX_KEY] as Kept[] | undefined) ?? [];

  return {
    put: (token: string, page: ReaderPage): Promise<void> =>
      inTurn(async () => {
        refused = null;
        const bytes = new TextEncoder().encode(page.html).length + page.url.length;
        const kept = await indexOf();
        let total = kept.reduce((sum, k) => sum + k.bytes, 0);
        const dropped: Kept[] = [];
        while (kept.length > 0 && total + bytes > budget) {
          const oldest = kept.shift()!;
          total -= oldest.bytes;
          dropped.push(oldest);
        }
        if (dropped.length) await area.remove(dropped.map((k) => pageKey(k.token)));
        try {
          await area.set({ [pageKey(token)]: page, [INDEX_KEY]: [...kept, { token, bytes }] });
        } catch {
          await area.set({ [INDEX_KEY]: kept });
          refused = { token, page };
        }
      }),
    get: async (token: string): Promise<ReaderPage | undefined> =>
      refused?.token === token ? refused.page : ((await area.get(pageKey(token)))[pageKey(token)] as ReaderPage | undefined),
  };
}

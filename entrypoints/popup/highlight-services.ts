/** What the popup's list of this page's highlights, and its note on the page, ask of the background and of its tab. */
import { downloadFile, requestExport } from '@/components/download';
import type { PageHighlightsServices } from '@/components/PageHighlights';
import type { PageNoteServices } from '@/components/PageNote';
import type { HighlightRecord } from '@/utils/annotation-types';
import type { PageInfo } from '@/utils/messages';
import { askBackground, loadPageHighlights, sendToTab } from './requests';

export function highlightServices(tabId: number, url: string): PageHighlightsServices {
  return {
    load: () => loadPageHighlights(tabId, url),
    update: async (id, patch) => void (await askBackground({ type: 'highlight-update', id, patch })),
    remove: async (id) => (await askBackground<{ deleted: HighlightRecord[] }>({ type: 'highlights-delete', ids: [id] })).deleted,
    restore: async (records) => {
      await askBackground({ type: 'highlights-restore', records });
      // The background tells the tab too, but maybe after the list has asked for the anchor status:
      // the page draws the records again before the list reads where they are.
      const pageUrls = [...new Set(records.map((r) => r.pageUrl))];
      await sendToTab(tabId, { type: 'highlights-changed', pageUrls }).catch(() => undefined);
    },
    exportPage: async (format) => downloadFile(await requestExport({ type: 'export', format, pageUrls: [url] })),
    scrollTo: (id) => void sendToTab(tabId, { type: 'scroll-to-highlight', id }).catch(() => undefined),
  };
}

/** The note on the page at `url`; `page` makes its record on the first save when it has none. */
export function pageNoteServices(url: string, page: PageInfo): PageNoteServices {
  return {
    load: async () => (await askBackground<{ note: string }>({ type: 'page-note', url })).note,
    save: async (note) => void (await askBackground({ type: 'page-note-set', page: { ...page, url }, note })),
  };
}

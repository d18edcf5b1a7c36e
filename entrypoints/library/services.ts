import type { LibraryServices } from '@/components/Library';
import { downloadFile, requestExport } from '@/components/download';
import type { HighlightRecord, PageRecord } from '@/utils/annotation-types';
import { openAnnotationDb, type AnnotationStore } from '@/utils/db';
import { loadLibrarySort, saveLibrarySort } from '@/utils/library-sort';
import type { StorageFailure, ToBackground } from '@/utils/messages';
import { httpUrl } from '@/utils/export/safe-url';

const isStorageFailure = (answer: unknown): answer is StorageFailure =>
  typeof answer === 'object' && answer !== null && 'error' in answer && typeof (answer as StorageFailure).error?.message === 'string';

/** One round trip to the background; a storage failure becomes a rejection the page shows as a banner. */
async function ask<T>(msg: ToBackground): Promise<T> {
  const answer: unknown = await browser.runtime.sendMessage(msg);
  if (isStorageFailure(answer)) throw new Error(answer.error.message);
  if (answer === undefined) throw new Error(`No answer to ${msg.type}`);
  return answer as T;
}

/**
 * The library's services. It reads the database itself: this page is in the extension's origin,
 * where the database lives, and 10,000 highlights sent as a runtime message took some 300 ms to
 * serialise and pass, against about 110 ms to read here. Writes still go through the background,
 * which tells the open pages what changed.
 */
export function makeLibraryServices(): LibraryServices {
  let store: Promise<AnnotationStore> | null = null;
  // A failed open (storage unavailable, blocked by an old connection) is tried again on the next load.
  const open = (): Promise<AnnotationStore> =>
    (store ??= openAnnotationDb(indexedDB).catch((err: unknown) => {
      store = null;
      throw err;
    }));
  return {
    load: async () => (await open()).library(),
    deleteHighlights: async (ids) => (await ask<{ deleted: HighlightRecord[] }>({ type: 'highlights-delete', ids })).deleted,
    restoreHighlights: async (records) => void (await ask({ type: 'highlights-restore', records })),
    updateHighlight: async (id, patch) => (await ask<{ highlight: HighlightRecord | null }>({ type: 'highlight-update', id, patch })).highlight ?? undefined,
    setPageNote: async ({ url, title, publisher, provenance }, note) =>
      (await ask<{ page: PageRecord | null }>({ type: 'page-note-set', page: { url, title, publisher, provenance }, note })).page ?? undefined,
    exportFile: (format, pageUrls) => requestExport({ type: 'export', format, pageUrls }),
    previewImport: (text) => ask({ type: 'import-preview', text }),
    applyImport: (text) => ask({ type: 'import-apply', text }),
    // The content script reads this fragment and scrolls to the highlight once it is anchored.
    // Web pages only: a record's URL is not to be trusted to be one (an old import, a forged file), and
    // Chrome would open a data: or file: URL it named.
    openHighlight: (h) => {
      const page = httpUrl(h.pageUrl);
      if (page) void browser.tabs.create({ url: `${page}#sourcemark=${encodeURIComponent(h.id)}` });
    },
    download: downloadFile,
    loadSort: () => loadLibrarySort(browser.storage.local),
    saveSort: (sort) => saveLibrarySort(browser.storage.local, sort),
  };
}

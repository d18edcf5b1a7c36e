import { openAnnotationDb, type AnnotationStore } from '@/utils/db';
import { ForbiddenMessage, badgeOf, classifySender, handleMessage, type HighlightServiceDeps } from '@/utils/highlight-service';
import { changesForTab, normalizeUrl } from '@/utils/normalize-url';
import { findCommand } from '@/utils/commands';
import { EXPORT_PORT, ToBackgroundSchema, parseMessage, type AnchorStatus, type PopupToContent, type StorageFailure } from '@/utils/messages';
import { exportPieces, handleTransfer, isTransferMessage, type TransferDeps } from '@/utils/transfer-service';
import type { ExportedFile } from '@/utils/export';
import { loadAnalysis, sendLoading } from '@/utils/load-analysis';
import { syncEarlyHide } from '@/utils/early-hide-registration';
import { oneAtATime } from '@/utils/tasks';
import { SETTINGS_KEY, loadSettings } from '@/utils/settings';
import { readerPageStore } from '@/utils/reader-pages';
import { readerHash } from '@/utils/reader-handoff';
import { MENU_HIGHLIGHT, menuMessage, offerInTopDocumentOnly, type MenusApi } from '@/utils/highlight-menu';

export default defineBackground(() => {
  // The one place the database is opened: the extension's origin, out of every web page's reach.
  let store: Promise<AnnotationStore> | null = null;
  const getStore = () => {
    store ??= openAnnotationDb(indexedDB).catch((err: unknown) => {
      store = null; // A blocked or failed open is retried on the next message, not cached.
      throw err;
    });
    return store;
  };
  const badge = browser.action ?? browser.browserAction;

  const setBadge = (tabId: number, count: number) => {
    void badge.setBadgeText({ tabId, text: count ? String(count) : '' }).catch(() => undefined);
  };

  const toTab = (tabId: number, msg: PopupToContent) => browser.tabs.sendMessage(tabId, msg, { frameId: 0 });
  // One load per tab at a time: the sentinel, the page's highlights and a shortcut may all ask at once.
  const loading = new Map<number, Promise<void>>();
  const load = (tabId: number): Promise<void> => {
    let pending = loading.get(tabId);
    if (!pending) {
      pending = loadAnalysis(browser.scripting, tabId).finally(() => loading.delete(tabId));
      loading.set(tabId, pending);
    }
    return pending;
  };
  /** To the tab's analysis script, loaded first on a page where only the sentinel runs. */
  const toAnalysis = (tabId: number, msg: PopupToContent) => sendLoading(() => toTab(tabId, msg), () => load(tabId));

  // A page with highlights gets the analysis script to draw them, article or not. Host access to
  // http(s) pages shows their URLs here without the "tabs" permission; a page whose history state
  // changes (a single-page site) reports its new URL the same way.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (!(change.status === 'complete' || change.url) || !tab.url || !/^https?:/.test(tab.url)) return;
    const url = normalizeUrl(tab.url);
    void getStore()
      .then((s) => s.highlightsForPage(url))
      .then((found) => (found.length > 0 ? load(tabId) : undefined))
      .catch(() => undefined);
  });

  /**
   * Every tab of a changed page's origin hears of the change (host access shows http(s) URLs, not
   * the others) and the analysis scripts on those pages refresh; their answer sets the badge.
   */
  const changed = async (pageUrls: string[]) => {
    // Extension pages (a reader tab, the library) hear it through the runtime, content scripts per tab.
    void browser.runtime.sendMessage({ type: 'highlights-changed', pageUrls } satisfies PopupToContent).catch(() => undefined);
    for (const tab of await browser.tabs.query({})) {
      // Which pages of other sites the reader annotates is none of a page's business.
      const ofOrigin = changesForTab(tab.url, pageUrls);
      if (tab.id === undefined || ofOrigin.length === 0) continue;
      const tabId = tab.id;
      // A tab showing a changed page gets the analysis script if it has none yet (its first
      // highlights came from the library or an import); the others only hear of it.
      const shows = ofOrigin.includes(normalizeUrl(tab.url!));
      (shows ? toAnalysis : toTab)(tabId, { type: 'highlights-changed', pageUrls: ofOrigin }).then(
        (status) => status && setBadge(tabId, countOf(status as AnchorStatus)),
        () => undefined, // No content script there (browser pages, other extensions).
      );
    }
  };

  const transferDeps: TransferDeps = {
    now: () => new Date().toISOString(),
    words: (key, subs) => browser.i18n.getMessage(key as never, subs) || key,
    changed: (urls) => void changed(urls),
  };

  const serviceDeps: HighlightServiceDeps = {
    store: getStore,
    changed: (urls) => void changed(urls),
    extra: (m, s) => (isTransferMessage(m) ? handleTransfer(m, s, transferDeps) : undefined),
  };

  // An export's file comes over a port, in pieces (see EXPORT_PORT); extension pages only.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== EXPORT_PORT) return;
    const from = classifySender({ id: port.sender?.id, url: port.sender?.url }, browser.runtime.id, browser.runtime.getURL('/'));
    if (from?.kind !== 'extension') return port.disconnect();
    // A page closed while its file was made: posting on its port would throw.
    let open = true;
    port.onDisconnect.addListener(() => (open = false));
    port.onMessage.addListener((raw: unknown) => {
      const msg = parseMessage(ToBackgroundSchema, raw);
      if (msg?.type !== 'export') return port.disconnect();
      void handleMessage(msg, from, serviceDeps).then(
        (answer) => {
          if (open) for (const piece of exportPieces(answer as ExportedFile | StorageFailure)) port.postMessage(piece);
        },
        () => port.disconnect(),
      );
    });
  });

  const readerPages = readerPageStore(browser.storage.session);

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const from = classifySender({ id: sender.id, url: sender.url, tabId: sender.tab?.id, tabUrl: sender.tab?.url, frameId: sender.frameId }, browser.runtime.id, browser.runtime.getURL('/'));
    if (!from) return undefined;
    const msg = parseMessage(ToBackgroundSchema, raw);
    if (!msg) return undefined;
    if (msg.type === 'reader-open') {
      if (from.kind !== 'content' || normalizeUrl(msg.url) !== from.pageUrl) return undefined;
      const token = crypto.randomUUID();
      return readerPages
        .put(token, { url: msg.url, html: msg.html, tabId: from.tabId })
        .then(() => browser.tabs.get(from.tabId))
        .then((tab) =>
          browser.tabs.create({ url: browser.runtime.getURL(`/reader.html#${readerHash(token, msg.url)}`), index: tab.index + 1, openerTabId: from.tabId }).then(() => ({ ok: true })),
        );
    }
    if (msg.type === 'analysis-wanted') {
      if (from.kind === 'content') void load(from.tabId).catch(() => undefined);
      return undefined;
    }
    // An export's file comes over EXPORT_PORT only, which the library and popup use: as one answer it
    // was the whole file in one message, which Chrome refuses over 64 MiB.
    if (msg.type === 'export') return undefined;
    if (msg.type === 'reader-article') {
      if (from.kind !== 'extension') return undefined;
      return readerPages.get(msg.token).then((page) => page ?? { error: { code: 'gone', message: 'reader page expired' } });
    }
    return handleMessage(msg, from, serviceDeps).then(
      (answer) => {
        const badge = badgeOf(msg, from, answer);
        if (badge) setBadge(badge.tabId, badge.count);
        return answer;
      },
      (err: unknown) => {
        if (err instanceof ForbiddenMessage) return undefined;
        throw err;
      },
    );
  });

  // The document_start ad-slot rule runs only where cleanup would hide ads (see
  // early-hide-registration): checked at every start, and again whenever the settings change.
  // One sync at a time, each reading the settings afresh, so the last change wins.
  const inTurn = oneAtATime();
  const resyncEarlyHide = () =>
    void inTurn(async () => syncEarlyHide(browser.scripting, await loadSettings(browser.storage.local))).catch((err: unknown) =>
      console.warn('Sourcemark: the early ad-slot rule was not registered', err),
    );
  resyncEarlyHide();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) resyncEarlyHide();
  });

  // Made at every start: Firefox forgets menus of a restarted background, Chrome keeps them (hence removeAll).
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: MENU_HIGHLIGHT, title: browser.i18n.getMessage('ctx_highlight'), contexts: ['selection'] }),
  );
  // Only where highlighting works, the tab's top document (see highlight-menu.ts); a click in a
  // frame, where the browser cannot be told to leave the item out (Chrome), says why nothing was done.
  offerInTopDocumentOnly(browser.contextMenus as unknown as MenusApi);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_HIGHLIGHT && tab?.id !== undefined) void toAnalysis(tab.id, menuMessage(info)).catch(() => undefined);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    void (async () => {
      const found = findCommand(command);
      const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      if (!found || target?.id === undefined) return;
      await (found.loadsAnalysis ? toAnalysis : toTab)(target.id, found.message).catch(() => undefined);
    })();
  });
});

function countOf(status: AnchorStatus): number {
  return status.placed.length + status.orphaned.length;
}

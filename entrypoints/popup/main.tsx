import { render } from 'preact';
import { Popup, type PopupServices } from '@/components/Popup';
import { t } from '@/components/i18n';
import { downloadFile } from '@/components/download';
import type { PageHighlightsServices } from '@/components/PageHighlights';
import type { HighlightRecord } from '@/utils/annotation-types';
import { AnchorStatusSchema, PageStateSchema, parseMessage, type PopupToContent, type ToBackground } from '@/utils/messages';
import { normalizeUrl } from '@/utils/normalize-url';
import { keepKey, loadSettings, siteOf, updateSettings } from '@/utils/settings';
import './style.css';

/** The tab the popup speaks for: `?tab=<id>` (tests, the library page), else the active tab. */
async function targetTab(): Promise<{ id: number; url: string }> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  const tab = param ? await browser.tabs.get(param) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return { id: tab?.id ?? -1, url: tab?.url ?? '' };
}

async function main() {
  const tab = await targetTab();
  const send = async (msg: PopupToContent) => {
    try {
      return parseMessage(PageStateSchema, await browser.tabs.sendMessage(tab.id, msg));
    } catch {
      return null; // No content script on this tab (browser page, store, or not yet loaded).
    }
  };
  // Where the browser shows us the tab's URL (our content script's hosts), the page's highlights
  // load beside its state and the settings: one wait before the first render, not two.
  const guess = /^https?:/.test(tab.url) ? highlightServices(tab.id, tab.url) : null;
  const [state, settings, guessed] = await Promise.all([
    send({ type: 'get-page-state' }),
    loadSettings(browser.storage.local),
    guess?.load().catch(() => null) ?? null,
  ]);
  const sameUrl = state && normalizeUrl(state.url) === normalizeUrl(tab.url);
  const highlights = state ? (sameUrl ? guess : highlightServices(tab.id, state.url)) : null;
  const initialHighlights = sameUrl ? guessed : ((await highlights?.load().catch(() => null)) ?? null);
  const services: PopupServices = {
    getState: () => send({ type: 'get-page-state' }),
    setCleanup: (active) => send({ type: 'set-cleanup', active }),
    loadSettings: () => loadSettings(browser.storage.local),
    updateSettings: (change) => updateSettings(browser.storage.local, change),
    keepKey,
    openOptions: () => void browser.runtime.openOptionsPage(),
    openLibrary: () => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') }),
    openReader: () => void browser.tabs.sendMessage(tab.id, { type: 'open-reader' } satisfies PopupToContent).then(() => window.close()),
    highlights,
  };
  // Without the "tabs" permission the tab's URL is hidden from us; the content script knows it.
  render(
    <Popup services={services} site={siteOf(state?.url ?? tab.url)} initial={{ state, settings, highlights: initialHighlights }} t={t} />,
    document.getElementById('app')!,
  );
}

/** The background answers database messages; a storage failure comes back as `{ error }`. */
export async function askBackground<T>(msg: ToBackground): Promise<T> {
  const answer = (await browser.runtime.sendMessage(msg)) as (T & { error?: undefined }) | { error: { message: string } } | undefined;
  if (!answer) throw new Error('no answer from the background');
  if (answer.error) throw new Error(answer.error.message);
  return answer as T;
}

function highlightServices(tabId: number, pageUrl: string): PageHighlightsServices {
  return {
    load: async () => {
      const [{ highlights }, status] = await Promise.all([
        askBackground<{ highlights: HighlightRecord[] }>({ type: 'page-highlights', url: pageUrl }),
        browser.tabs.sendMessage(tabId, { type: 'get-anchor-status' } satisfies PopupToContent).then(
          (raw) => parseMessage(AnchorStatusSchema, raw),
          () => null,
        ),
      ]);
      return { highlights, status };
    },
    update: async (id, patch) => void (await askBackground({ type: 'highlight-update', id, patch })),
    remove: async (id) => (await askBackground<{ deleted: HighlightRecord[] }>({ type: 'highlights-delete', ids: [id] })).deleted,
    restore: async (records) => void (await askBackground({ type: 'highlights-restore', records })),
    exportPage: async (format) => {
      const file = await askBackground<{ filename: string; mime: string; text: string }>({ type: 'export', format, pageUrls: [pageUrl] });
      downloadFile(file);
    },
    scrollTo: (id) => void browser.tabs.sendMessage(tabId, { type: 'scroll-to-highlight', id } satisfies PopupToContent).catch(() => undefined),
  };
}

void main();

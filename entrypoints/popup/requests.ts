/**
 * The popup's messages to its tab's content script and to the background, and the first batch of
 * them, sent at once: the content script is asked without waiting for the tab lookup when the tab
 * id is already known. The content script's answers are validated here before anything uses them.
 */
import type { PageHighlightsData } from '@/components/PageHighlights';
import type { HighlightRecord } from '@/utils/annotation-types';
import {
  AnchorStatusSchema,
  HeldHighlightsSchema,
  PageInfoSchema,
  PageStateSchema,
  parseMessage,
  type HeldHighlights,
  type PageInfo,
  type PageState,
  type PopupToContent,
  type Settings,
  type ToBackground,
} from '@/utils/messages';
import { loadAnalysis, sendLoading } from '@/utils/load-analysis';
import { loadSettings } from '@/utils/settings';

export interface TargetTab {
  id: number;
  url: string;
}

/** The background answers database messages; a storage failure comes back as `{ error }`. */
export async function askBackground<T>(msg: ToBackground): Promise<T> {
  const answer = (await browser.runtime.sendMessage(msg)) as (T & { error?: undefined }) | { error: { message: string } } | undefined;
  if (!answer) throw new Error('no answer from the background');
  if (answer.error) throw new Error(answer.error.message);
  return answer as T;
}

/**
 * Sends to the tab's analysis script, loading it first on a page where only the sentinel runs;
 * rejects when the tab takes no scripts (browser pages, the store).
 */
export const sendToTab = (tabId: number, msg: PopupToContent): Promise<unknown> =>
  sendLoading(() => browser.tabs.sendMessage(tabId, msg), () => loadAnalysis(browser.scripting, tabId));

/** The page state the content script answers `msg` with, or null (no content script, malformed answer). */
export const askPageState = async (tabId: number, msg: PopupToContent): Promise<PageState | null> =>
  parseMessage(PageStateSchema, await sendToTab(tabId, msg).catch(() => null));

/** One page's stored highlights and where the tab placed them (status null: no valid answer). */
export async function loadPageHighlights(tabId: number, url: string): Promise<PageHighlightsData> {
  const [{ highlights }, status] = await Promise.all([
    askBackground<{ highlights: HighlightRecord[] }>({ type: 'page-highlights', url }),
    sendToTab(tabId, { type: 'get-anchor-status' }).catch(() => null),
  ]);
  return { highlights, status: parseMessage(AnchorStatusSchema, status) };
}

/**
 * The page state, the highlights the page holds and what its record is made from (a page note's
 * first save makes it, as a highlight's does); each part null when absent or malformed.
 */
export async function askPageView(tabId: number): Promise<{ state: PageState | null; held: HeldHighlights | null; page: PageInfo | null }> {
  const answer = (await sendToTab(tabId, { type: 'get-page-view' }).catch(() => null)) as { state?: unknown; highlights?: unknown; page?: unknown } | null;
  const state = parseMessage(PageStateSchema, answer?.state);
  // Nothing else from a page whose state is unreadable is trusted either.
  return { state, held: state && parseMessage(HeldHighlightsSchema, answer?.highlights), page: state && parseMessage(PageInfoSchema, answer?.page) };
}

export interface FirstAnswers {
  tab: TargetTab;
  state: PageState | null;
  settings: Settings;
  /** The page's highlights as its content script holds them; null before it has loaded them, or without one. */
  held: HeldHighlights | null;
  /** The page's title, publisher and provenance as a record of it is made from; null without a content script. */
  page: PageInfo | null;
}

/**
 * Everything the first paint waits for, all in flight at once: one message to the content script
 * answers both the page state and its highlights. The tab is `?tab=<id>` (tests, the library page),
 * else the active tab.
 */
export async function firstAnswers(): Promise<FirstAnswers> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  const tab = (param ? browser.tabs.get(param) : browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => active)).then(
    (t): TargetTab => ({ id: t?.id ?? -1, url: t?.url ?? '' }),
  );
  const tabId = param ? Promise.resolve(param) : tab.then((t) => t.id);
  const [found, view, settings] = await Promise.all([tab, tabId.then(askPageView), loadSettings(browser.storage.local)]);
  return { tab: found, ...view, settings };
}

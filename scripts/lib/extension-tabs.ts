/**
 * Finding a tab's id from inside an extension page, for opening the popup as `popup.html?tab=<id>`.
 * Automation drivers don't expose WebExtension tab ids, so we ask the extension APIs themselves.
 */

/** The `prefers-color-scheme` a launched browser gives every page. */
export type ColorScheme = 'light' | 'dark';

/** The slice of the tabs API used here; `browser` (Firefox) and `chrome` (Chromium MV3) both fit. */
interface TabsApi {
  tabs: {
    getCurrent(): Promise<{ id?: number } | undefined>;
    query(query: object): Promise<Array<{ id?: number }>>;
  };
}

/**
 * Runs inside an extension page (pass it to the driver's `evaluate`, so it must be self-contained)
 * and returns the id of the active tab of its window, which must not be the page's own tab.
 * The target is found by being active, not by URL: without the `tabs` permission neither browser
 * tells the extension a tab's URL or title.
 */
export async function activeTabIdInExtensionPage(): Promise<number> {
  const scope = globalThis as { browser?: TabsApi; chrome?: TabsApi };
  // Firefox's `chrome` is callback-based under MV2, so prefer its promise-based `browser`.
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('no extension API here: not an extension page');
  const self = await api.tabs.getCurrent();
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined || active.id === self?.id) {
    throw new Error(`the active tab (${active?.id}) is not another tab than this extension page (${self?.id})`);
  }
  return active.id;
}

/** What {@link openPopupForTab} needs from a driver's page, whichever the driver. */
export interface ExtensionTab {
  /** Navigates and resolves once the new document has loaded. */
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page; it is serialized, so it must not close over anything. */
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Makes this the active tab of its window. */
  bringToFront(): Promise<void>;
}

/**
 * Turns `tab` into the popup for the tab `target` (same window): it opens an extension page in
 * `tab` so the extension APIs are in reach, activates `target`, reads its id as the active tab,
 * then loads `popup.html?tab=<id>`, which the popup uses instead of the active tab (in a test the
 * popup is a tab of its own, so "the active tab" would be itself). Resolves to the tab id.
 */
export async function openPopupForTab(
  tab: ExtensionTab,
  extensionUrl: (path: string) => string,
  target: ExtensionTab,
): Promise<number> {
  await tab.goto(extensionUrl('popup.html'));
  await target.bringToFront();
  const id = await tab.evaluate(activeTabIdInExtensionPage);
  await tab.goto(extensionUrl(`popup.html?tab=${id}`));
  return id;
}

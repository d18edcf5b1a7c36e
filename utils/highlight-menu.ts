/**
 * The "Highlight selection" item of the page's context menu. The extension's scripts run in a
 * tab's top document only (the sentinel is listed without all_frames, the analysis is injected into
 * frame 0): a selection inside a frame the page embeds (an embedded post, a comment box, an ad) can
 * be neither highlighted there nor found again on the next visit, where nothing would look in that
 * frame. Running them in every frame would put the sentinel into every ad frame of every page.
 *
 * So the item is offered in the top document only. Firefox tells the extension where a menu opens
 * (`onShown`, with its frame) and lets it hide the item there. Chrome does not (an item can be
 * limited only by the document's address, which says nothing of frames): there a click in a frame
 * says why nothing was highlighted, instead of doing nothing. The browser API is passed in, so this
 * runs in Node tests against a fake.
 */
import type { PopupToContent } from './messages';

export const MENU_HIGHLIGHT = 'sourcemark-highlight';

/** Where a menu was opened or clicked: `frameId` 0 (or none, outside a tab's page) is the tab's top document. */
export interface MenuPlace {
  frameId?: number;
}

/** The part of Firefox's `menus` (alias `contextMenus`) used here; Chrome's has no `onShown`. */
export interface MenusApi {
  update(id: string, properties: { visible: boolean }): Promise<unknown> | void;
  refresh?(): Promise<unknown> | void;
  onShown?: { addListener(listener: (info: MenuPlace & { menuIds?: Array<string | number> }) => void): void };
}

/** Whether highlighting works where the menu is: in the tab's top document, not in a frame it embeds. */
export const inTopDocument = (place: MenuPlace): boolean => !place.frameId;

/** What the item's click asks of the tab's analysis script (sent to its top document). */
export function menuMessage(place: MenuPlace): PopupToContent {
  return inTopDocument(place) ? { type: 'highlight-selection' } : { type: 'highlight-selection', inFrame: true };
}

/**
 * Where the browser says where a menu opens (Firefox), the item shows only in a tab's top document.
 * Changed, and the open menu redrawn, only when it was shown elsewhere last.
 */
export function offerInTopDocumentOnly(menus: MenusApi): void {
  if (!menus.onShown || !menus.refresh) return;
  let visible = true;
  menus.onShown.addListener((info) => {
    const wanted = inTopDocument(info);
    if (wanted === visible) return;
    visible = wanted;
    void Promise.resolve(menus.update(MENU_HIGHLIGHT, { visible: wanted }))
      .then(() => menus.refresh!())
      .catch(() => undefined);
  });
}

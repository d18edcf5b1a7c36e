import { describe, expect, it, vi } from 'vitest';
import { MENU_HIGHLIGHT, menuMessage, offerInTopDocumentOnly, type MenuPlace, type MenusApi } from '@/utils/highlight-menu';
import { PopupToContentSchema, parseMessage } from '@/utils/messages';

/** A browser's menus API that shows a menu when told, as Firefox's does (`onShown`, `refresh`). */
function firefoxMenus() {
  let shown: ((info: MenuPlace) => void) | null = null;
  const menus = {
    update: vi.fn(async () => undefined),
    refresh: vi.fn(async () => undefined),
    onShown: { addListener: (listener: (info: MenuPlace) => void) => void (shown = listener) },
  };
  /** The menu opens in frame `frameId`; resolves once the item's update and the redraw are done. */
  const open = async (frameId?: number) => {
    shown!({ frameId });
    await new Promise((resolve) => setTimeout(resolve));
  };
  return { menus, open };
}

describe('the "Highlight selection" item', () => {
  it('in a frame the page embeds is hidden, and shown again in the page itself (Firefox)', async () => {
    const { menus, open } = firefoxMenus();
    offerInTopDocumentOnly(menus);
    await open(0);
    expect(menus.update).not.toHaveBeenCalled();
    await open(3);
    expect(menus.update.mock.calls).toEqual([[MENU_HIGHLIGHT, { visible: false }]]);
    expect(menus.refresh).toHaveBeenCalledTimes(1);
    await open(5);
    expect(menus.update).toHaveBeenCalledTimes(1);
    // A reader tab, or a menu outside a tab's page, has no frame: the item is offered.
    await open(undefined);
    expect(menus.update.mock.calls.at(-1)).toEqual([MENU_HIGHLIGHT, { visible: true }]);
    expect(menus.refresh).toHaveBeenCalledTimes(2);
  });

  it('stays as it is where the browser does not say where a menu opens (Chrome)', () => {
    const menus: MenusApi = { update: vi.fn() };
    offerInTopDocumentOnly(menus);
    expect(menus.update).not.toHaveBeenCalled();
  });

  it('asks the page to highlight when clicked in it, and to say why not when clicked in a frame', () => {
    expect(menuMessage({ frameId: 0 })).toEqual({ type: 'highlight-selection' });
    expect(menuMessage({})).toEqual({ type: 'highlight-selection' });
    const inFrame = menuMessage({ frameId: 7 });
    expect(inFrame).toEqual({ type: 'highlight-selection', inFrame: true });
    expect(parseMessage(PopupToContentSchema, inFrame)).toEqual(inFrame);
  });
});

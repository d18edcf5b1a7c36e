/**
 * The clutter rules' questions about layout (ClutterContext.position, .shown and .covers), answered
 * from the live page: the content script and the bench ask them alike. Node has no layout, and
 * the CLI and tests leave them out.
 */
import type { ClutterContext } from './clutter';

export const liveLayout: Required<Pick<ClutterContext, 'position' | 'shown' | 'covers'>> = {
  position: (el) => el.ownerDocument.defaultView?.getComputedStyle(el).position ?? 'static',
  // Not drawn: display none (its own or an ancestor's), visibility hidden, or fully transparent.
  shown: (el) => el.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ?? true,
  covers: (el) => {
    const view = el.ownerDocument.defaultView;
    if (!view) return false;
    const box = el.getBoundingClientRect();
    return box.width >= view.innerWidth * COVERS_SHARE && box.height >= view.innerHeight * COVERS_SHARE;
  },
};

/** How much of the window's width and height a pane spans to cover it (scroll bars take a little). */
const COVERS_SHARE = 0.9;

/**
 * Whether the page has stopped its own scrolling (a pop-up's open state: overflow hidden on <html>
 * or <body>), asked when a pop-up is hidden, so the reader is not left on a page that cannot scroll.
 */
export function scrollLocked(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  return [doc.documentElement, doc.body].some((el) => el !== null && view.getComputedStyle(el).overflowY === 'hidden');
}

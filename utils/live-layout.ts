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
  // Stacked above the page too: a fixed pane behind it (z-index -1 or none) is the page's background.
  covers: (el) => {
    const view = el.ownerDocument.defaultView;
    if (!view || !(Number(view.getComputedStyle(el).zIndex) > 0)) return false;
    const box = el.getBoundingClientRect();
    return box.width >= view.innerWidth * COVERS_SHARE && box.height >= view.innerHeight * COVERS_SHARE;
  },
};

/** How much of the window's width and height a pane spans to cover it (scroll bars take a little). */
const COVERS_SHARE = 0.9;

/**
 * Whether the page has stopped its own scrolling (a pop-up's open state: overflow hidden on <html>
 * or <body>) with more of it below the window, asked when a pop-up is hidden, so the reader is not
 * left on a page that cannot scroll. A page as tall as the window (one that scrolls a box of its
 * own) has nothing to stop.
 */
export function scrollLocked(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view || doc.documentElement.scrollHeight <= view.innerHeight) return false;
  return [doc.documentElement, doc.body].some((el) => el !== null && view.getComputedStyle(el).overflowY === 'hidden');
}

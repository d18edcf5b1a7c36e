/**
 * The clutter rules' two questions about layout (ClutterContext.position and .shown), answered
 * from the live page: the content script and the bench ask them alike. Node has no layout, and
 * the CLI and tests leave them out.
 */
import type { ClutterContext } from './clutter';

export const liveLayout: Required<Pick<ClutterContext, 'position' | 'shown'>> = {
  position: (el) => el.ownerDocument.defaultView?.getComputedStyle(el).position ?? 'static',
  // Not drawn: display none (its own or an ancestor's), visibility hidden, or fully transparent.
  shown: (el) => el.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ?? true,
};

/**
 * Portals that forbid selecting their story cancel the events a selection begins with: selectstart
 * (`document.onselectstart = () => false`, `<body onselectstart="return false">`, a listener) and
 * the press that starts a drag (mousedown). The content script stops such an event on its way down,
 * at the window, before any of the page's handlers on the document or its elements can cancel it;
 * only for the story's own text, only while cleanup is on, and only on a page that forbids selecting
 * (see pageForbidsSelection): stopped at the window, a press reaches no one else, neither the
 * page's own handlers nor another extension's (a dictionary's). The page's controls in the story
 * (links, buttons, fields, players) and its pictures still hear every press.
 */

/** The events a page cancels to stop the reader selecting. */
export const SELECTION_EVENTS = ['selectstart', 'mousedown'] as const;

/**
 * A press on one of these is the page's to handle: a control, or a picture (a selection does not
 * begin on one, and a gallery in the story may be swiped with the mouse).
 */
const CONTROLS = 'a[href], button, input, select, textarea, label, summary, audio, video, iframe, object, embed, img, picture, canvas, svg, [contenteditable]:not([contenteditable="false"]), [role="button"], [role="link"]';

/**
 * Whether `e`, as the window sees it on its way down, begins the reader's selection of the text of
 * `story` (null: nothing to free): a selectstart there, or a press of the main button on its text.
 * What comes from inside a shadow tree (our card, a widget of the page's) is left alone.
 */
export function startsStorySelection(e: Event, story: Element | null): boolean {
  if (!story || !e.isTrusted || e.composedPath()[0] !== e.target) return false;
  const node = e.target as Node | null;
  const el = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  if (!el || !story.contains(el)) return false;
  return e.type === 'selectstart' || ((e as MouseEvent).button === 0 && !el.closest(CONTROLS));
}

/** Handlers in the markup that forbid selecting or pressing (`<body onselectstart="return false">`). */
const BLOCKING_HANDLERS = ['onselectstart', 'onmousedown'];

/**
 * Whether the page says up front that it forbids selecting: a blocking handler in the markup of
 * `<html>` or `<body>`, or `user-select: none` on the body. A page whose script blocks alone is
 * known once it has cancelled a press (the content script watches for that).
 */
export function pageForbidsSelection(doc: Document): boolean {
  const roots = [doc.documentElement, doc.body].filter((el): el is HTMLElement => !!el);
  if (roots.some((el) => BLOCKING_HANDLERS.some((name) => el.hasAttribute(name)))) return true;
  const style = doc.body && doc.defaultView?.getComputedStyle(doc.body);
  return !!style && (style.userSelect === 'none' || style.getPropertyValue('-webkit-user-select') === 'none');
}

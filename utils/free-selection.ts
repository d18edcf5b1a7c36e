/**
 * Portals that forbid selecting their story cancel the events a selection begins with: selectstart
 * (`document.onselectstart = () => false`, `<body onselectstart="return false">`, a listener) and
 * the press that starts a drag (mousedown). The content script stops such an event on its way down,
 * at the window, before any of the page's handlers on the document or its elements can cancel it;
 * only for the story's own text, and only while cleanup is on. The page's controls in the story
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

/**
 * Whether text is shown: what the reader saw of a selection, which may run over text the page or
 * our cleanup does not show (an ad slot hidden between two paragraphs stays in the selection's range).
 */

/** Whether `el`'s own text is rendered and visible; true where the browser cannot tell (checkVisibility is missing). */
export function isRendered(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  let box: Element | null = el;
  // display: contents has no box of its own, yet its text shows: its parent's box decides.
  while (box && view?.getComputedStyle(box).display === 'contents') box = box.parentElement;
  if (!box || typeof box.checkVisibility !== 'function') return true;
  return box.checkVisibility({ visibilityProperty: true });
}

/** A test of text nodes by their parent's rendering, asked once per element. */
export function renderedText(): (node: Text) => boolean {
  const seen = new Map<Element, boolean>();
  return (node) => {
    const parent = node.parentElement;
    if (!parent) return true;
    let shown = seen.get(parent);
    if (shown === undefined) seen.set(parent, (shown = isRendered(parent)));
    return shown;
  };
}

/**
 * The keyboard's place on a page, moved as following an in-page link (`#id`) moves it: the focus
 * leaves our controls for the page, and the next Tab goes on from the point given.
 */

/**
 * Leaves the keyboard at `node`/`offset`. Firefox starts the next Tab from the caret; Chromium
 * (tried in 156) ignores a script's selection there and starts from the element focused last, so
 * the point's element is focused for a moment and let go. Its tabindex is back as it was within
 * the task, before the page's styles or observers see it, and nothing stays focused on the page to
 * take its focus styles. The selection the reader made, when there is one, is left as it is.
 */
export function keepKeyboardAt(doc: Document, node: Node, offset: number): void {
  const selection = doc.getSelection();
  if (selection && (selection.isCollapsed || !selection.rangeCount)) selection.collapse(node, offset);
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as HTMLElement) : node.parentElement;
  if (!element || !('focus' in element)) return;
  const tabindex = element.getAttribute('tabindex');
  if (tabindex === null) element.tabIndex = -1;
  element.focus({ preventScroll: true });
  if (tabindex === null) element.removeAttribute('tabindex');
  element.blur();
}

/**
 * Where the provenance card goes. Above the article body, as its sibling, except where a sibling
 * would not sit above it: beside a table cell it becomes a cell of its own, beside a flex or grid
 * item a column of its own (a narrow strip of wrapped words on old portals' table layouts).
 */
export interface CardPlacement {
  anchor: Element;
  /** `before`: the anchor's sibling; `first`: the anchor's first child. */
  append: 'before' | 'first';
}

/** `display` is the element's computed display (the content script passes `getComputedStyle`). */
export function cardPlacement(root: Element, display: (el: Element) => string): CardPlacement {
  const own = display(root);
  // A row or row group: above the whole table, which the body's rows make up.
  if (own === 'table-row' || own === 'table-row-group' || own === 'table-header-group' || own === 'table-footer-group') {
    return { anchor: root.closest('table') ?? root, append: 'before' };
  }
  // A cell, or an item of a row of items: inside, above its first line.
  if (own === 'table-cell') return { anchor: root, append: 'first' };
  const parent = root.parentElement;
  const around = parent ? display(parent) : '';
  if (around.includes('flex') || around.includes('grid')) return { anchor: root, append: 'first' };
  return { anchor: root, append: 'before' };
}

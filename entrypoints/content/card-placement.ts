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

/** Displays whose first child lays out as a line of its own across the box. */
const BLOCK_BOXES = new Set(['block', 'flow-root', 'list-item', 'table-cell']);
/** Displays that lay their children out side by side, or as table parts. */
const ROW_BOXES = /flex|grid|^table|^inline-table/;

/**
 * `display` is the element's computed display (the content script passes `getComputedStyle`).
 * From the body up: a box whose parent lays out a row gets the card inside, when it is itself a
 * block box (a cell, a column); otherwise the card goes up a level, until it can sit before a box
 * in ordinary block flow. A box with `display: contents` has no box of its own: its parent decides.
 */
export function cardPlacement(root: Element, display: (el: Element) => string): CardPlacement {
  for (let el = root; ; ) {
    const parent = el.parentElement;
    if (!parent) return { anchor: el, append: 'first' };
    const own = display(el);
    const around = display(parent);
    if (own !== 'contents' && !ROW_BOXES.test(around) && around !== 'contents') {
      // In block flow; but a table row or row group is only ever placed with its table.
      if (!own.startsWith('table-') || own === 'table-cell') return { anchor: el, append: 'before' };
    } else if (BLOCK_BOXES.has(own)) return { anchor: el, append: 'first' };
    el = parent;
  }
}

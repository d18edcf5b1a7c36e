/**
 * DOM constants by value. The analysis core also runs in Node (the tests, `npm run analyze`),
 * where the `Node` and `NodeFilter` globals do not exist, so the numbers are named here, once.
 */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
/** `compareDocumentPosition` bits: the other node comes after, or lies inside. */
export const DOCUMENT_POSITION_FOLLOWING = 4;
export const DOCUMENT_POSITION_CONTAINED_BY = 16;
/** `NodeFilter.SHOW_TEXT`; with `SHOW_CDATA_SECTION` too, the nodes in the order `textContent` joins them. */
export const SHOW_TEXT = 4;
export const SHOW_TEXT_AND_CDATA = 4 | 8;
/** `XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE`: the matches, in no promised order. */
export const UNORDERED_NODE_SNAPSHOT_TYPE = 6;

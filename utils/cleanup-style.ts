/**
 * The one mechanism cleanup hides with: an attribute on each hidden element, and one stylesheet
 * (entrypoints/cleanup.content.css, declared in the manifest for every page) that hides them
 * while the root says cleanup is on. Adding a stylesheet to a finished page costs a style
 * invalidation over the whole document; one the browser injects before the page loads costs nothing.
 */
export const HIDDEN_ATTR = 'data-sourcemark-hidden';
export const KEPT_ATTR = 'data-sourcemark-kept';
/**
 * On a hidden comment box and the boxes in it down to an item the reader keeps (a thread hidden
 * late around a comment they kept): the box is hidden around the item, which stays in sight.
 */
export const AROUND_ATTR = 'data-sourcemark-around';
/** On a hidden element shown for a moment: a provenance item's evidence inside it was clicked. */
export const REVEALED_ATTR = 'data-sourcemark-revealed';
export const ROOT_ATTR = 'data-sourcemark-cleanup';
/** On the root: the kinds (space-separated) the reader leaves on pages; their items stay marked. */
export const SHOWN_ATTR = 'data-sourcemark-show';
/** On the box a story is cut to a height in (see unfold.ts): shown whole while cleanup is on. */
export const UNFOLDED_ATTR = 'data-sourcemark-unfolded';
/** On the root: a pop-up cleanup hid had stopped the page's scrolling; it scrolls again while cleanup is on. */
export const UNLOCKED_ATTR = 'data-sourcemark-unlocked';
/** On the story's box: its text can be selected while cleanup is on, however the page blocks it (see free-selection.ts). */
export const SELECTABLE_ATTR = 'data-sourcemark-selectable';

/**
 * Waiting for a page to finish drawing itself. A single-page site changes its URL and then
 * replaces the story (or the other way round), in bursts of DOM changes; reading the page in the
 * middle of a burst would analyse half of the old story and half of the new one.
 */

export interface QuietOptions {
  /** How long the tree must go without a node added or removed. */
  quietMs: number;
  /** Resolve by then even if the page never settles (a ticker, a carousel). */
  maxMs: number;
}

/** Resolves once `root`'s subtree has gone `quietMs` without nodes added or removed, or after `maxMs`. */
export function domQuiet(root: Node, { quietMs, maxMs }: QuietOptions): Promise<void> {
  const view = (root.ownerDocument ?? (root as Document)).defaultView;
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout>;
    const done = (): void => {
      observer?.disconnect();
      clearTimeout(quiet);
      clearTimeout(cap);
      resolve();
    };
    const restart = (): void => {
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    };
    const observer = view?.MutationObserver ? new view.MutationObserver(restart) : null;
    observer?.observe(root, { childList: true, subtree: true });
    const cap = setTimeout(done, maxMs);
    restart();
  });
}

/** Quiet long enough to be past a single-page site's redraw of its next page, and a cap for pages that never settle. */
export const NEW_PAGE_QUIET: QuietOptions = { quietMs: 400, maxMs: 4000 };

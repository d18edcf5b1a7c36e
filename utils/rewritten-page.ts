/**
 * A page that writes itself anew (`document.open()`, as old portals' scripts do after load) keeps
 * its Document and window, but the browser erases every event listener on them and on every node
 * that was in the document, shadow roots included, whoever added it: the extension's too. Nothing
 * tells the page's scripts or ours; what shows it is the document's own children going (its root
 * element, taken away by open() and written again).
 */

/** Adds an event listener; the same arguments again add nothing where it is still there. */
export type AddListener = (target: EventTarget, type: string, handler: (e: Event) => void, options?: AddEventListenerOptions) => void;

export interface ListenersKept {
  /** Adds the listener now, and again whenever the page has written itself anew. */
  listen: AddListener;
  stop(): void;
}

/**
 * Listens through `add`, and puts every listener back once the document's root element is replaced
 * (then calls `rewritten`, for what else the page took away). It watches only the document's own
 * children, not its tree: on an ordinary page, which never replaces its root element, the observer
 * is never called.
 */
export function keepListening(doc: Document, add: AddListener, rewritten: () => void): ListenersKept {
  const added: Array<Parameters<AddListener>> = [];
  let root = doc.documentElement;
  const observer = new MutationObserver(() => {
    if (doc.documentElement === root) return;
    root = doc.documentElement;
    // The same handlers with the same options: a listener that survived is not added twice.
    for (const args of added) add(...args);
    rewritten();
  });
  observer.observe(doc, { childList: true });
  return {
    listen: (...args) => {
      added.push(args);
      add(...args);
    },
    stop: () => observer.disconnect(),
  };
}

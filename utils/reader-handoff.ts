/**
 * What the content script hands the reader tab. Apart from utils/reader so the content script
 * never bundles Readability.
 */

/**
 * The page's HTML as the reader tab gets it: without inline event handlers (its scripts stay: their
 * JSON-LD is read for provenance, and they never run there). The reader
 * parses it in its own page, where each handler attribute (a portal's <form onsubmit>) makes
 * Chromium report a breach of the extension's script policy, though it never runs.
 */
export function readerHandoffHtml(doc: Document): string {
  // Parsed apart from the page, not cloned in it: a clone in the page would run its custom
  // elements' constructors and fetch its images again.
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  const copy = new Parser().parseFromString(doc.documentElement.outerHTML, 'text/html').documentElement;
  for (const el of [copy, ...Array.from(copy.querySelectorAll('*'))]) {
    for (const name of el.getAttributeNames()) if (name.startsWith('on')) el.removeAttribute(name);
  }
  return copy.outerHTML;
}

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
  // Copied into a document without a window, not cloned in the page: a clone there would run the
  // page's custom elements' constructors and fetch its images again. Not parsed from a string
  // either: that is a Trusted Types sink, which a page may lock.
  const copy = doc.implementation.createHTMLDocument('').importNode(doc.documentElement, true);
  for (const el of [copy, ...Array.from(copy.querySelectorAll('*'))]) {
    for (const name of el.getAttributeNames()) if (name.startsWith('on')) el.removeAttribute(name);
  }
  return copy.outerHTML;
}

/**
 * The reader tab's address names the article too, so a reader whose page is gone (the browser
 * restarted) can still link back to it.
 */
export function readerHash(token: string, url: string): string {
  return new URLSearchParams({ token, url }).toString();
}

/** The token and the article's address (http(s) only: it becomes a link) from a reader tab's hash. */
export function parseReaderHash(hash: string): { token: string; url: string | null } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const url = params.get('url');
  return { token: params.get('token') ?? '', url: url && /^https?:\/\//i.test(url) ? url : null };
}

/**
 * The handed-over page parsed inertly in the reader tab, its links and pictures resolved as on the
 * page: against the page's own `<base href>` (itself relative to the page's URL), else the URL.
 */
export function parseHandedPage(parser: DOMParser, html: string, url: string): Document {
  const doc = parser.parseFromString(html, 'text/html');
  const base = doc.createElement('base');
  base.href = url;
  try {
    base.href = new URL(doc.querySelector('base[href]')?.getAttribute('href') ?? url, url).href;
  } catch {
    // An address the page's base does not parse as: the page's URL stays the base.
  }
  doc.head.prepend(base);
  return doc;
}

import { JSDOM } from 'jsdom';

/** Parses HTML into a Document the way the analyze CLI does, at a fixed fake URL. */
export function parseHtml(html: string, url = 'http://example.test/page.html'): Document {
  return new JSDOM(html, { url }).window.document;
}

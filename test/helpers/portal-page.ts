/** A portal's article page built from its parts, as the provenance tests of each language read one. */
import { extractProvenance, type Provenance } from '../../utils/provenance';
import { parseHtml } from './dom';

export interface PortalPage {
  lang: string;
  /** The page's `<title>`. */
  title: string;
  /** Extra `<head>` markup (metadata). */
  head?: string;
  headline: string;
  /** The meta line's inner HTML, under the headline. */
  meta: string;
  /** The story's paragraphs (HTML). */
  body: string[];
  /** An end line after the story, outside its box. */
  tail?: string;
  /** The teaser block's heading and its three items (HTML), which provenance must never read. */
  teasers: { heading: string; items: [string, string, string] };
  publishedAt: string;
}

/** The provenance read from the page, its story at #text, the teasers and menu outside it. */
export function portalProvenance(page: PortalPage): Provenance {
  const doc = parseHtml(`<!doctype html><html lang="${page.lang}"><head><title>${page.title}</title>${page.head ?? ''}</head>
<body><div class="nav"><a href="/">home</a></div>
<div class="main"><h1>${page.headline}</h1><div class="info">${page.meta}</div>
<div id="text">${page.body.map((p) => `<p>${p}</p>`).join('')}</div>
${page.tail ? `<div class="end">${page.tail}</div>` : ''}
<div class="teasers"><h3>${page.teasers.heading}</h3><ul>${page.teasers.items.map((item, i) => `<li><a href="/${i}">${item}</a></li>`).join('')}</ul></div>
</div></body></html>`);
  return extractProvenance({
    doc,
    articleRoot: doc.querySelector('#text'),
    headline: doc.querySelector('h1'),
    isExcluded: (el) => el.closest('.teasers, .nav') !== null,
    url: null,
    publishedAt: page.publishedAt,
  });
}

/**
 * What a URL alone says of a page: article-shaped (`/2024-02/23/`, `content_123.htm`, `.shtml`) or
 * a list's. Its own module, free of the rest of the analysis core, because the document_start
 * script asks it on every page: that script's size is paid on every page load.
 */

const ARTICLE_URL = [
  /\/(19|20)\d{2}[-/_]?(0[1-9]|1[0-2])[-/_]?([0-2]\d|3[01])?\//,
  /content_\d+/,
  /\/a\/\d+_\d+/,
  /\/(article|articles|story|stories|news|doc|detail|post|p)\/[\w-]*\d[\w-]*/i,
  /[/_-]\d{5,}[\w-]*\.s?html?$/i,
  /\/[\w-]*\d{6,}[\w-]*(\.s?html?)?$/,
  /\.shtml$/,
  /\/(19|20)\d{2}\/\d{2}\/\d{2}\//,
  /\/[a-z0-9]+(-[a-z0-9]+){4,}\/?$/i,
];
/**
 * Lists, searches and forums by their words; and the two forum engines whose threads have no such
 * word: Flarum's /d/15448-slug/3 and Discourse's /t/slug/123/4.
 */
const NON_ARTICLE_URL =
  /\/(list|lists|search|tag|tags|category|categories|channel|index|forum|forums|thread|threads|topic|bbs|board|question|questions)([_-]\d+)?(\/|\.|\?|$)|[?&](q|wd|query|keyword|kw)=|^https?:\/\/(bbs|tieba|forum|club)\.|\/d\/\d+(-[^/?#]*)?(\/\d+)?\/?([?#]|$)|\/t\/[^/?#]+\/\d+(\/\d+)?\/?([?#]|$)/i;

/** What a URL alone suggests; `path` is its path and query (the whole URL when it does not parse). */
export function urlShape(url: string, path: string): 'article' | 'list' | null {
  // List URLs often share article suffixes (index_3.shtml), so they are tested first.
  if (NON_ARTICLE_URL.test(url)) return 'list';
  return ARTICLE_URL.some((re) => re.test(path)) ? 'article' : null;
}

/** True when the URL alone looks like an article's (`/2024-02/23/`, `content_123.htm` …): the document_start hint. */
export function articleShapedUrl(url: string): boolean {
  let path = url;
  try {
    const u = new URL(url);
    path = u.pathname + u.search;
  } catch {
    // Tested whole, as pageSignals does.
  }
  return urlShape(url, path) === 'article';
}

/**
 * The quick check: can this page be an article at all? It reads the URL, `<head>`, the headings
 * and the page's long lines of text, and decides most pages (home, list, search pages) before any
 * full parse. Its own module, light on imports: the sentinel script runs it on every page.
 */
import { jsonLdArticle, metaIn, metaTags, pageTitles, readsAsTitle, type MetaTag, type PageTitles } from './page-meta';
import { because, type Cause } from './cause';
import { INVISIBLE_TAGS, textWeight, trimmedLength } from './text';
import { urlShape } from './url-shape';
import { SHOW_TEXT, UNORDERED_NODE_SNAPSHOT_TYPE } from './dom-constants';

/** Titles of search pages: “智能解析 - 搜索结果 - 知乎”, “Search results for …”. */
const SEARCH_TITLE = /搜[索尋][结結]果|搜[索尋][页頁]|search results?\b|results for\b/i;

/**
 * Open Graph types that say the page is something else: a shop's product, a person's profile, a
 * film, a book, a place. "website" is not among them: many portals give every page that type.
 */
const NOT_ARTICLE_OG_TYPE = /^(?:product(?:\.\w+)?|profile|music\.\w+|video\.(?:movie|episode|tv_show)|book|books\.\w+|place|business\.business|restaurant\.\w+|fitness\.\w+|game\.\w+)$/i;

/** Signals from the URL, `<head>` and title alone: no look at the body. */
export interface PageSignals {
  score: number;
  causes: Cause[];
  /** The page's metas as read for these signals: the quick look reads the titles from them, not from the page again. */
  metas: readonly MetaTag[];
}

export function pageSignals(doc: Document, url: string | null): PageSignals {
  let score = 0;
  const causes: Cause[] = [];
  const metas = metaTags(doc);
  const ogType = metaIn(metas, 'og:type');
  if (ogType && /article|news/i.test(ogType)) {
    score += 1;
    causes.push(because('signal_og_type', ogType));
  } else if (ogType && NOT_ARTICLE_OG_TYPE.test(ogType.trim())) {
    score -= 1.5;
    causes.push(because('signal_og_type_other', ogType));
  }
  if (jsonLdArticle(doc)) {
    score += 1;
    causes.push(because('signal_json_ld'));
  }
  if (metaIn(metas, 'article:published_time')) {
    score += 0.5;
    causes.push(because('signal_published_time'));
  }
  if (url) {
    let path = url;
    try {
      const u = new URL(url);
      path = u.pathname + u.search;
      if (u.pathname === '/' || /^\/(index|default|home)\.\w+$/i.test(u.pathname)) {
        score -= 2;
        causes.push(because('signal_site_root'));
      }
    } catch {
      // A malformed --url is only a weaker signal.
    }
    const shape = urlShape(url, path);
    if (shape === 'list') {
      score -= 1;
      causes.push(because('signal_list_url'));
    } else if (shape === 'article') {
      score += 0.75;
      causes.push(because('signal_article_url'));
    }
  }
  if (SEARCH_TITLE.test(doc.title ?? '')) {
    score -= 1.5;
    causes.push(because('signal_search_title'));
  }
  return { score, causes, metas };
}

/** The quick check's share of the headline candidates: `h1, h2, h3, [class*=title], [class*=headline]`. */
function isQuickHeadline(el: Element): boolean {
  const name = el.localName;
  if (name === 'h1' || name === 'h2' || name === 'h3') return true;
  const cls = el.getAttribute('class');
  return !!cls && (cls.includes('title') || cls.includes('headline'));
}

const INLINE_WRAPPERS = new Set(['SPAN', 'FONT', 'B', 'STRONG', 'EM', 'I', 'U', 'P', 'LI']);

/** A heading (not a big container that happens to be named *title*) that reads as the page title. */
function hasTitleHeadline(titles: PageTitles): boolean {
  return titles.headlineCandidates().some((el) => isQuickHeadline(el) && el.childElementCount <= 4 && readsAsTitle(titles, el));
}

/**
 * Text nodes of 20 characters or more that are not all white space: the candidates for lines of
 * prose (20 once trimmed, checked after). The browser's own XPath engine picks them: a list page
 * has thousands of text nodes and a few dozen such lines. Visiting every node from script cost
 * 1–2 µs each while the code is cold, as the sentinel meets every page: 12–15 ms on a list page of
 * 7,700 text nodes, now about 3.
 */
const LONG_TEXTS = './/text()[string-length() >= 20][normalize-space()]';

/**
 * The heaviest container of sentence-length texts: a story's paragraphs share one, in `<p>`s,
 * `<div>`s or `<br>` lines alike; a list page's summaries are spread over their items.
 */
function proseCluster(body: Element): number {
  const weights = new Map<Element, number>();
  const lines = body.ownerDocument.evaluate(LONG_TEXTS, body, null, UNORDERED_NODE_SNAPSHOT_TYPE, null);
  for (let i = 0; i < lines.snapshotLength; i++) {
    const line = lines.snapshotItem(i)!;
    const parent = line.parentElement;
    // Link texts and invisible ones are no prose.
    if (!parent || INVISIBLE_TAGS.has(parent.tagName) || parent.tagName === 'A' || parent.parentElement?.tagName === 'A') continue;
    const text = line.nodeValue ?? '';
    if (trimmedLength(text) < 20) continue;
    // Credit the block holding the line: past inline wrappers and the <p> itself.
    let host: Element | null = parent;
    while (host && INLINE_WRAPPERS.has(host.tagName)) host = host.parentElement;
    if (host) weights.set(host, (weights.get(host) ?? 0) + textWeight(text));
  }
  let cluster = 0;
  for (const w of weights.values()) cluster = Math.max(cluster, w);
  return cluster;
}

/** The share of the page's visible text that lies in links (as a link's child or grandchild). */
function linkShare(body: Element): number {
  let all = 0;
  let linked = 0;
  const walker = body.ownerDocument.createTreeWalker(body, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || INVISIBLE_TAGS.has(parent.tagName)) continue;
    const length = trimmedLength(node.nodeValue ?? '');
    all += length;
    if (parent.tagName === 'A' || parent.parentElement?.tagName === 'A') linked += length;
  }
  return all ? linked / all : 0;
}

/**
 * The cheap first look: false means "certainly not an article, do nothing more". It reads the
 * URL, `<head>`, the headings and the long lines of text; no layout, no clutter rules.
 * Home, list, search and forum pages fail it: no heading restates their title and their text
 * is spread over many linked items instead of one run of prose.
 */
export function quickCheck(doc: Document, url: string | null): boolean {
  return quickLook(doc, pageSignals(doc, url));
}

/**
 * `quickCheck` on signals already read from this page, just before (the full pass reuses them, and
 * the page's titles when it has them): the titles are read from the signals' metas.
 */
export function quickLook(doc: Document, signals: PageSignals, titles?: PageTitles): boolean {
  if (!doc.body) return false;
  let score = signals.score;
  if (score >= 1) return true;
  // The headline adds 1 and the prose at most 1: a score they can't lift to 1 is settled without
  // them. Home pages (site root, -2) and list URLs start there, and the prose pass is a large part
  // of the check's time on a big page while its code is cold, as the sentinel meets every page.
  if (score < -1) return false;
  if (hasTitleHeadline(titles ?? pageTitles(doc, signals.metas))) score += 1;
  // The prose adds nothing negative: a score at 1 already stands, and below 0 it can't reach 1.
  if (score >= 1) return true;
  if (score < 0) return false;
  const cluster = proseCluster(doc.body);
  // Only a middling cluster needs the link share, and that takes a visit to every text node.
  if (cluster >= 300 || (cluster >= 150 && linkShare(doc.body) < 0.3)) score += 1;
  else if (cluster >= 100) score += 0.5;
  return score >= 1;
}

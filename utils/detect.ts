/**
 * Is this page a single article? Signals are weighed into a score; `quickCheck` uses only the
 * cheap ones so the content script can dismiss most pages before any full parse.
 */
import type { ArticleBody } from './article-body';
import { type DomStats, linkDensity } from './dom-stats';
import { readsAsTitle, type PageTitles } from './page-meta';
import { englishReason } from './reasons';
import { because, type Cause } from './cause';
import type { PageSignals } from './quick-check';
import { INVISIBLE_TAGS, clip, collapseSpace, leadingRawText, textWeight } from './text';
import { SHOW_TEXT } from './dom-constants';

export interface Detection {
  isArticle: boolean;
  confidence: number;
  /** The signals that decided it, in English (the contract's `reasons`). */
  reasons: string[];
  /** The same signals as messages, for the popup to show in the reader's language. */
  causes: Cause[];
}


/**
 * The words and dates of a story's meta line: 来源, 作者, 责任编辑, a publication date. These
 * words and the labels below are also read in traditional characters (來源, 責任編輯, 樓主).
 */
export const META_MARKERS = /[来來]源[:：]|作者[:：]|[责責]任[编編][辑輯]|[发發][布佈][时時][间間]|[编編][辑輯][:：]|[记記]者|原[标標][题題]|本文[来來]源|稿源|\bBy\s+[A-Z]|(19|20)\d{2}[-/年.]\d{1,2}[-/月.]\d{1,2}/;
/** A meta line that names the story's source or writer, not only a date (a home page prints today's under its name). */
const SOURCED_META = /[来來]源[:：]|稿源|作者[:：]|[记記]者|\bBy\s+[A-Z]/;
/** The least a story under a headline reading as the page's title weighs: a few sentences ... */
const STORY_MIN_WEIGHT = 50;
/** ... or one, under a meta line that names its source or writer. */
const SOURCED_STORY_MIN_WEIGHT = 20;
const BREADCRUMB = /[当當]前位置|目前位置|您的位置|你的位置|您[现現]在的位置|首[页頁]\s*(>|»|›)/;
/** A word every forum label holds: most text nodes lack one, and are not collapsed to be tested. */
const FORUM_WORD = /[楼樓#]|沙[发發]|板凳|地板|只看|回[复覆]|[发發]表[于於]|reply|posted\s+by/i;
/** The longest raw text a forum label is looked for in (发表于 and a date and time, with space around). */
export const FORUM_LABEL_MAX = 60;
/**
 * Labels a forum prints on each post, as a whole short text of their own: 楼主, 沙发, 2楼, #3,
 * 发表于 …, 只看该作者. Matching whole texts keeps keyword spam (懒骨头沙发, 还珠楼主) out.
 */
const FORUM_LABEL = /^([楼樓]主|沙[发發]|板凳|地板|\d+\s*[楼樓#]|#\d+[楼樓]?|只看[该該]作者|只看[楼樓]主|回[复覆]\s*\d*\s*[楼樓]?|[发發]表[于於].{0,25}|引用.{0,20}[发發]表[于於].*|Reply\s*#?\d*|Posted by .{1,30})$/i;

export interface JudgeInput {
  doc: Document;
  body: ArticleBody | null;
  headline: Element | null;
  /** Text of the meta line under the headline. */
  metaLine: string;
  /** Cached text weights of the page (shared with the clutter rules). */
  stats: DomStats;
  /** Clutter regions found before the body (comments, teaser blocks …). */
  isClutter: (el: Element) => boolean;
  /** The URL and `<head>` signals, as read for the quick check. */
  signals: PageSignals;
  titles: PageTitles;
  /** The page's text nodes of up to FORUM_LABEL_MAX characters (see shortTextNodes): forum labels are among them. */
  shortTexts: readonly Text[];
}

/** The full verdict, once the body has been found. */
export function judgeArticle({ doc, body, headline, metaLine, stats, isClutter, signals: q, titles, shortTexts }: JudgeInput): Detection {
  let score = q.score;
  const causes = [...q.causes];
  const add = (s: number, why: Cause): void => {
    score += s;
    causes.push(why);
  };
  // A headline reading as the page's own title with the body right under it is how an article
  // page is laid out, however short the story; a list page's heading names the channel instead.
  const weight = body ? body.blocks.reduce((s, b) => s + b.weight, 0) : 0;
  // A few sentences at least: a slogan under a site-name heading is no story. A flash (新华社北京2月23日电
  // and one sentence) is one when the line under its headline says whose it is (来源：, 作者：, 记者).
  const minWeight = SOURCED_META.test(metaLine) ? SOURCED_STORY_MIN_WEIGHT : STORY_MIN_WEIGHT;
  const framed = !!headline && !!body && weight >= minWeight && readsAsTitle(titles, headline) && textBetween(headline, body.root) <= 300;
  if (!body) {
    add(-3, because('signal_no_paragraphs'));
  } else {
    const paragraphs = body.blocks.reduce((s, b) => s + b.lines, 0);
    const rootStats = stats.of(body.root);
    if (weight >= 400 && paragraphs >= 3) add(1.5, because('signal_dense_run', String(paragraphs), String(Math.round(weight))));
    else if (weight >= 150) add(0.5, because('signal_short_run', String(paragraphs)));
    else if (framed) add(-0.5, because('signal_short_story'));
    else add(-1.5, because('signal_little_text'));
    if (framed) add(1, because('signal_framed_headline'));
    // List and home pages: the link text dwarfs the best run of prose. A short story on a heavy
    // portal looks the same by totals, but its own text is prose, not links.
    const page = stats.of(doc.body!);
    const proseRoot = framed && linkDensity(rootStats) < 0.25;
    if (page.linkWeight > weight * 4 && weight < page.weight * 0.15 && !proseRoot) add(-2, because('signal_links_outweigh'));
    const forumLabels = countForumLabels(doc.body!, shortTexts, isClutter);
    if (forumLabels >= 6) add(-2.5, because('signal_forum_markers', String(forumLabels)));
    const posts = repeatedPosts(body.root, stats);
    if (posts >= 4) add(-2.5, because('signal_repeated_posts', String(posts)));
    const longItems = countRepeatedTeasers(body.root);
    // Each item of a list page brings a summary "paragraph"; together they outvote a story.
    if (longItems >= 8) add(longItems >= body.blocks.length * 0.5 ? -3 : -1.5, because('signal_linked_list', String(longItems)));
  }
  if (headline) add(0.5, because('signal_headline', clip(collapseSpace(headline.textContent ?? ''), 30)));
  if (META_MARKERS.test(metaLine)) add(0.75, because('signal_meta_line'));
  if (doc.querySelector('article')) add(0.25, because('signal_article_element'));
  if (doc.body && breadcrumbInLead(doc.body)) add(0.25, because('signal_breadcrumb'));

  const confidence = 1 / (1 + Math.exp(-(score - 1.25) * 1.5));
  return { isArticle: confidence >= 0.5, confidence: Math.round(confidence * 100) / 100, reasons: causes.map(englishReason), causes };
}

/** How much of the page's visible text, from the top, is searched for a breadcrumb. */
const BREADCRUMB_LEAD = 3000;

/**
 * A breadcrumb in `leadingText(body, BREADCRUMB_LEAD)`, without collapsing all of it: the pattern's
 * words hold no space and its `\s*` takes a raw run of spaces as it takes a collapsed one, so it
 * is tested on the raw text, and only the text up to the match is collapsed, to see that it ends
 * within the limit.
 */
function breadcrumbInLead(body: Element): boolean {
  const raw = leadingRawText(body, BREADCRUMB_LEAD);
  const m = BREADCRUMB.exec(raw);
  return !!m && collapseSpace(raw.slice(0, m.index + m[0].length)).length <= BREADCRUMB_LEAD;
}

/**
 * Reading weight of the text between the headline and the body root (meta line, share bar, lead
 * image caption), stopping early once it is clearly more than a header.
 */
function textBetween(headline: Element, root: Element): number {
  if (headline.contains(root) || root.contains(headline)) return 0;
  // DOCUMENT_POSITION_FOLLOWING (4): the root must come after the headline.
  if (!(headline.compareDocumentPosition(root) & 4)) return Infinity;
  const walker = headline.ownerDocument.createTreeWalker(headline.ownerDocument.body, SHOW_TEXT);
  walker.currentNode = headline;
  let weight = 0;
  for (let node = walker.nextNode(); node && weight <= 300; node = walker.nextNode()) {
    if (headline.contains(node)) continue;
    if (root.contains(node)) break;
    const parent = node.parentElement?.tagName;
    if (parent !== 'SCRIPT' && parent !== 'STYLE') weight += textWeight(node.nodeValue ?? '');
  }
  return weight;
}

/**
 * Short texts that are exactly a forum post label (see FORUM_LABEL), outside clutter regions:
 * an article's comment section carries the same labels.
 */
function countForumLabels(body: Element, shortTexts: readonly Text[], skip: (el: Element) => boolean): number {
  let n = 0;
  // Labels are rare, so where one sits is asked only of them.
  for (const node of shortTexts) {
    const v = node.nodeValue ?? '';
    if (FORUM_WORD.test(v) && FORUM_LABEL.test(collapseSpace(v)) && !insideSkipped(node, body, skip)) n++;
  }
  return n;
}

/** True when an element between `node` and `body` is invisible or skipped. */
function insideSkipped(node: Node, body: Element, skip: (el: Element) => boolean): boolean {
  for (let el = node.parentElement; el && el !== body; el = el.parentElement) {
    if (INVISIBLE_TAGS.has(el.tagName) || skip(el)) return true;
  }
  return false;
}

/**
 * A forum floor, a Q&A answer or a search result: the body sits in a container repeated with the
 * same class as its siblings, each with text of its own. Returns how many (0 when not repeated).
 * A story's own sections are merged into the root by the body vote, so they don't count here.
 */
function repeatedPosts(root: Element, stats: DomStats): number {
  let el: Element | null = root;
  for (let depth = 0; el && el.parentElement && el.tagName !== 'BODY' && depth <= 5; depth++, el = el.parentElement) {
    const cls = el.getAttribute('class')?.trim();
    if (!cls) continue;
    let n = 0;
    for (let sib = el.parentElement.firstElementChild; sib; sib = sib.nextElementSibling) {
      if (sib.tagName === el.tagName && sib.getAttribute('class')?.trim() === cls && stats.of(sib).weight >= 30) n++;
    }
    if (n >= 4) return n;
  }
  return 0;
}

/** Items of a list page inside the "body": many sibling blocks each led by a link. */
function countRepeatedTeasers(root: Element): number {
  let n = 0;
  for (const child of Array.from(root.children)) {
    const first = child.querySelector('a');
    if (first && textWeight(first.textContent ?? '') >= 6 && child.querySelectorAll('a').length <= 3) n++;
  }
  return n;
}

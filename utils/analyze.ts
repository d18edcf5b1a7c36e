/**
 * The page-analysis pipeline: one pure function from a Document to the contract's Analysis.
 * The content script and `npm run analyze` both call it, so what the CLI prints is what the
 * extension does.
 */
import type { Analysis, HiddenItem } from './analysis-types';
import { findArticleBody, type ArticleBody } from './article-body';
import { classifyElement, isHeadingLike, isShareLink, isStoryPager, markBoxes, nameTokens, namesNextStory, readMoreLabel, teaserHeading, teaserItems, teaserLabel, tickerVerdict, waitingBox, type ClutterContext, type Verdict, type WaitingBox } from './clutter';
import { FORUM_LABEL_MAX, META_MARKERS, judgeArticle, type Detection } from './detect';
import { pageSignals, quickLook } from './quick-check';
import { articleTitle, canonicalHref, findHeadline, mainTitleAbove, metaContent, metaLineText, pageTitles, publishedAt, titleLineAbove } from './page-meta';
import { extractProvenance, type Provenance } from './provenance';
import { ACCOUNT_CARD } from './provenance/self-media';
import { because, englishReason, type Cause, type Why } from './reasons';
import { profileArticle, type ArticleProfile } from './relatedness';
import { CARD_MAX_WEIGHT, HEADLINE_MIN_WEIGHT, isRelated, itemControls, noneRelated, scoreTeaser, scoreTeasers, unrelatedTeaser } from './teaser-judge';
import { idUniqueness, uniqueSelector } from './selector';
import { DomStats, linkDensity, type Weights } from './dom-stats';
import { INLINE_TAGS, INVISIBLE_TAGS, collapseSpace, hiddenByMarkup, leadingText, shortTextNodes, visibleText } from './text';
import { isFoldLabel } from './unfold';
import { DOCUMENT_POSITION_CONTAINED_BY as CONTAINED_BY, DOCUMENT_POSITION_FOLLOWING as FOLLOWING, ELEMENT_NODE, TEXT_NODE } from './dom-constants';

export interface AnalyzeOptions extends Partial<ClutterContext> {
  /** The page's URL when known (the content script's location, the CLI's --url). */
  url?: string | null;
  /**
   * Bodies of stories already read on this page under other addresses: a continuous-reading site
   * appends the next story below and moves the URL to it. They are not this page's story, and
   * they stay as they are (neither hidden nor searched for clutter).
   */
  otherStories?: readonly Element[];
  /**
   * The moment the page is read, when it is read live (the content script): a meta line's relative
   * date (3小时前, 昨天 14:20) is dated by it. A saved page's analysis has none.
   */
  now?: Date | null;
}

/** An element cleanup hides, with the item the popup and CLI report for it. */
export interface HiddenElement {
  el: Element;
  item: HiddenItem;
  /** The item's reason as a message, for the popup to show in the reader's language. */
  why: Why;
}

/** The analysis plus the live elements behind it, for the content script. */
export interface PageAnalysis {
  analysis: Analysis;
  root: Element | null;
  hidden: HiddenElement[];
}

/**
 * Stage one of the pipeline: detection, the body and what to hide — all cleanup needs. The
 * content script applies it before reading provenance, so the page is clean as early as possible.
 */
export interface PageLayout {
  /** The analysis without provenance and without the body's text (stage two adds them). */
  analysis: Analysis;
  root: Element | null;
  hidden: HiddenElement[];
  /** Floating boxes out of sight at load, for the cleanup to watch (see waitingBox). */
  waiting: WaitingBox[];
  /** What stage two reads; null when the page is not an article. */
  story: Story | null;
  /** The verdict's signals as messages, for the popup to show in the reader's language. */
  causes: Cause[];
}

interface Story {
  body: ArticleBody;
  headline: Element | null;
  /** True for an element that is itself clutter: a hidden item or a first-pass region. */
  isClutter: (el: Element) => boolean;
  /** The story's words, which teasers are judged against (at load, and those a page's script adds later). */
  profile: () => ArticleProfile;
}

/** The URL the contract reports: the given one, else the canonical link, else og:url. */
export function documentUrl(doc: Document, given?: string | null): string | null {
  if (given) return given;
  const found = canonicalHref(doc) || metaContent(doc, 'og:url');
  if (!found) return null;
  // The contract wants an absolute URL: resolve a relative one against the page, else drop it.
  try {
    return new URL(found, /^https?:/.test(doc.URL) ? doc.URL : undefined).href;
  } catch {
    return null;
  }
}

const EMPTY: Omit<Analysis, 'url' | 'isArticle' | 'confidence' | 'reasons'> = {
  title: null,
  publishedAt: null,
  publisher: null,
  originalTitle: null,
  article: null,
  hidden: [],
  sources: [],
  credits: [],
};

/** The start of the story that teasers are compared with: it carries the topic, more only costs time. */
const PROFILE_CHARS = 4000;

/** Stage one: detection, body and clutter (see {@link PageLayout}). */
export function analyzeLayout(doc: Document, options: AnalyzeOptions = {}): PageLayout {
  const url = documentUrl(doc, options.url);
  const signals = pageSignals(doc, url);
  const titles = pageTitles(doc, signals.metas);
  if (!doc.body || !quickLook(doc, signals, titles)) {
    const causes = [because('signal_quick_check_failed')];
    return notArticle(url, { isArticle: false, confidence: 0.05, reasons: causes.map(englishReason), causes }, null, null);
  }
  // One walk gives the short texts both close controls and forum labels are found among.
  const shortTexts = shortTextNodes(doc.body, FORUM_LABEL_MAX);
  const ctx: Classifier = withVerdictCache({ position: options.position && once(options.position), shown: options.shown, stats: options.stats ?? new DomStats(doc), boxes: markBoxes(doc.body, shortTexts) });
  const regions = findClutterRegions(doc.body, ctx);
  const others = new Set(options.otherStories);
  const body = findArticleBody(doc, (el) => regions.has(el) || others.has(el), ctx.stats);
  const found = findHeadline(doc, body?.root ?? null, ctx.stats, titles);
  const foundMeta = metaLineText(found, body?.root ?? null);
  const { causes, ...detection } = judgeArticle({ doc, body, headline: found, metaLine: foundMeta, stats: ctx.stats, isClutter: (el) => regions.has(el), signals, titles, shortTexts });
  // Detection judged the headline that restates the page's titles. An article without one may still
  // print its title on a classed line above the story (see titleLineAbove), or the headline apart
  // from the subtitle its page titles run on (see mainTitleAbove): that line is the headline for the
  // title, the date, the meta line and provenance, never for detection, so a list page gains nothing from it.
  const line = !found && detection.isArticle && body ? (titleLineAbove(doc, body.root) ?? mainTitleAbove(doc, body.root, titles)) : null;
  const headline = found ?? line;
  const metaLine = line ? metaLineText(line, body!.root) : foundMeta;
  const title = articleTitle(doc, headline);
  const date = publishedAt(doc, headline, body?.root ?? null, metaLine, url, options.now ?? null);
  if (!detection.isArticle || !body) return notArticle(url, { ...detection, causes }, title, date);

  // The profile leaves the regions out: a teaser block inside the root must not make itself related.
  // Built on first use: a page without teasers to score never needs it.
  let profile: ArticleProfile | undefined;
  // Nor do the story box's READ MORE lines, which point elsewhere.
  const articleProfile = (): ArticleProfile =>
    (profile ??= profileArticle(title ?? '', leadingText(body.root, PROFILE_CHARS, (el) => regions.has(el) || readMoreLabel(el, ctx.stats) !== null)));
  const { hidden, hiddenSet, pagers, waiting } = hiddenElements(doc.body, body, headline, regions, ctx, articleProfile, others);
  // Provenance reads nothing of the stories read before: not their headline or meta line either,
  // which lie in the block that holds each of them apart from this story.
  const otherBlocks = new Set([...others].map((other) => blockApart(other, body.root)));
  // The story's pagers stay on the page but are not its text: the body's text and provenance skip them.
  const isClutter = (el: Element): boolean => hiddenSet.has(el) || regions.has(el) || otherBlocks.has(el) || pagers.has(el);
  return {
    analysis: { url, ...detection, ...EMPTY, title, publishedAt: date, article: { selector: uniqueSelector(body.root), text: '' }, hidden: hidden.map((h) => h.item) },
    root: body.root,
    hidden,
    waiting,
    story: { body, headline, isClutter, profile: articleProfile },
    causes,
  };
}

/** The outermost ancestor of `el` (or `el`) that does not hold `root`: all of its block apart from root's. */
function blockApart(el: Element, root: Element): Element {
  let block = el;
  while (block.parentElement && !block.parentElement.contains(root)) block = block.parentElement;
  return block;
}

function notArticle(url: string | null, { causes, ...detection }: Detection, title: string | null, date: string | null): PageLayout {
  return { analysis: { url, ...detection, ...EMPTY, title, publishedAt: date }, root: null, hidden: [], waiting: [], story: null, causes };
}

/** The provenance of a laid-out article (null for a page that is not one). */
export function readProvenance(doc: Document, layout: PageLayout): Provenance | null {
  const { story } = layout;
  if (!story) return null;
  // A rights or reprint notice inside the story (【…作品的中文相关权益归腾讯公司所有】, 文章转载自X，
  // 版权归原作者所有) is hidden from the reader, yet it is this story's and names where it came from.
  const root = story.body.root;
  const notices = new Set(layout.hidden.filter((h) => h.item.kind === 'boilerplate' && root.contains(h.el)).map((h) => h.el));
  const isClutter = notices.size ? (el: Element): boolean => !notices.has(el) && story.isClutter(el) : story.isClutter;
  // Inside clutter or not, remembered per element: provenance asks it of every element it reads,
  // and walking each one's ancestors again made the question cost the page's depth every time.
  const excluded = new Map<Element, boolean>();
  const isExcluded = (el: Element): boolean => {
    let inside = excluded.get(el);
    if (inside === undefined) {
      const parent = el.parentElement;
      inside = isClutter(el) || (parent !== null && isExcluded(parent));
      excluded.set(el, inside);
    }
    return inside;
  };
  return extractProvenance({
    doc,
    articleRoot: root,
    headline: story.headline,
    isExcluded,
    isClutter,
    url: layout.analysis.url,
    publishedAt: layout.analysis.publishedAt,
  });
}

/** Stage two: the provenance and the body's text, read once the page is clean. */
export function completeAnalysis(doc: Document, layout: PageLayout, provenance = readProvenance(doc, layout)): PageAnalysis {
  const { analysis, root, hidden, story } = layout;
  if (!story || !provenance) return { analysis, root, hidden };
  return {
    analysis: {
      ...analysis,
      publishedAt: provenance.publishedAt,
      publisher: provenance.publisher,
      originalTitle: provenance.originalTitle,
      // Its own walk, beside provenance's walk of the story's lines: making it from those lines
      // saved no time in all (measured in Chromium), as theirs costs about twice this one.
      article: { selector: analysis.article!.selector, text: visibleText(story.body.root, story.isClutter) },
      sources: provenance.sources,
      credits: provenance.credits,
    },
    root,
    hidden,
  };
}

/** Runs the whole pipeline, keeping references to the elements it found. */
export function analyzePage(doc: Document, options: AnalyzeOptions = {}): PageAnalysis {
  return completeAnalysis(doc, analyzeLayout(doc, options));
}

/** The contract's plain-data analysis of a document. */
export function analyzeDocument(doc: Document, options: AnalyzeOptions = {}): Analysis {
  return analyzePage(doc, options).analysis;
}

/** `ask`, each element's answer computed once: the walk and the rules ask a box's layout alike. */
function once<T>(ask: (el: Element) => T): (el: Element) => T {
  const answers = new Map<Element, T>();
  return (el) => {
    if (!answers.has(el)) answers.set(el, ask(el));
    return answers.get(el)!;
  };
}

/** The clutter context plus a verdict per element, asked once though both passes visit it. */
interface Classifier extends ClutterContext {
  classify(el: Element): Verdict | null;
}

function withVerdictCache(ctx: ClutterContext): Classifier {
  const verdicts = new Map<Element, Verdict | null>();
  return {
    ...ctx,
    classify(el) {
      let v = verdicts.get(el);
      if (v === undefined) {
        v = classifyElement(el, ctx);
        verdicts.set(el, v);
      }
      return v;
    },
  };
}

/** Tags that can be clutter containers; walking only these keeps the passes cheap. */
const CONTAINER_TAGS = new Set(['DIV', 'SECTION', 'ASIDE', 'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'TR', 'TD', 'NAV', 'HEADER', 'FOOTER', 'IFRAME', 'INS', 'P', 'SPAN', 'FORM', 'CENTER', 'DD', 'LI', 'A', 'IMG', 'FIGURE', 'MAIN', 'ARTICLE']);

/**
 * A container tag, or a custom or unknown element (`<story-body>`, the `<text>` of an old portal
 * template): those wrap whole layouts, and skipping them left everything below unexamined. `tag`
 * is the element's tag name, which the caller has read already.
 */
function isContainer(el: Element, tag: string): boolean {
  if (CONTAINER_TAGS.has(tag)) return true;
  return !KNOWN_LEAF_TAGS.has(tag) && (tag.includes('-') || el.constructor.name === 'HTMLUnknownElement');
}

/** Common tags that are neither containers nor unknown: answered without asking for the constructor. */
const KNOWN_LEAF_TAGS = new Set(['BR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'EM', 'B', 'STRONG', 'I', 'U', 'FONT', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'LINK', 'META', 'INPUT', 'BUTTON', 'LABEL', 'SELECT', 'OPTION', 'TEXTAREA', 'HR', 'SMALL', 'SUP', 'SUB', 'TIME', 'PRE', 'BLOCKQUOTE', 'DT', 'TH', 'THEAD', 'TFOOT', 'CAPTION', 'COL', 'COLGROUP', 'VIDEO', 'AUDIO', 'SOURCE', 'PICTURE', 'CANVAS', 'EMBED', 'OBJECT', 'PARAM', 'MAP', 'AREA', 'CITE', 'CODE', 'ABBR', 'Q', 'S', 'DEL', 'MARK', 'WBR']);

interface Region {
  /** Absent for link lists: what becomes of them depends on where they sit (see linkListRegion). */
  verdict?: Verdict;
  /** For teaser blocks, the heading that named them ... */
  teaser?: string;
  /** ... and the line before them it was printed on, if not in them. */
  label?: Element;
  /** For a teaser block's name over its items as lines of their own (see linkRunAfter): the items. */
  items?: Element[];
  /** A teaser block's name printed apart, or one of its lines: judged with the block, never story text. */
  ofBlock?: boolean;
  /** A block of links with little text of its own. */
  linkList?: boolean;
}

/**
 * First pass, before the body is known: regions that are clutter by structure alone (teaser
 * blocks, comments, navigation, ad slots). The body vote skips them, so their paragraphs can't
 * pull the root their way.
 */
function findClutterRegions(body: Element, ctx: Classifier): Map<Element, Region> {
  const regions = new Map<Element, Region>();
  const visit = (el: Element): void => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const tag = child.tagName;
      const container = isContainer(child, tag) && !INVISIBLE_TAGS.has(tag);
      const region = container ? (teaserRegion(child, tag, ctx) ?? structuralRegion(child, ctx) ?? linkListRegion(child, ctx) ?? namedListRegion(child, ctx)) : null;
      if (region) regions.set(child, region);
      if (region?.label) regions.set(region.label, { ofBlock: true });
      // A name over lines of their own may be a heading (Al Jazeera's <h4>More:</h4>).
      const run = region || !(container || NAME_HEADINGS.has(tag)) ? null : linkRunAfter(child, ctx);
      if (run) {
        regions.set(child, { teaser: run.name, items: run.items });
        for (const item of run.items) regions.set(item, { ofBlock: true });
        child = run.items[run.items.length - 1]!;
        continue;
      }
      if (!container) continue;
      // A link list may be walked into rather than hidden whole (see hideLinkList), so the blocks
      // inside it are judged too.
      if (!region || region.linkList) visit(child);
    }
  };
  visit(body);
  return regions;
}

/** A story's own footer is named for it (article-footer, post_footer): its credits, its tags. */
const STORY_FOOTER_TOKENS = new Set(['article', 'story', 'post', 'entry', 'content', 'detail', 'text', 'body']);

/** The fewest links a box named a footer holds to be the site's (its pages, its licences): a bio's footer holds its networks. */
const SITE_FOOTER_MIN_LINKS = 5;

/** A <footer>, or a box named one (youth-footer, #footer) that links the site's pages and is not a story's. */
function isFooterBox(el: Element, tag: string, stats: DomStats): boolean {
  if (tag === 'FOOTER') return true;
  if (stats.of(el).links < SITE_FOOTER_MIN_LINKS) return false;
  const tokens = nameTokens(el);
  return tokens.includes('footer') && !tokens.some((t) => STORY_FOOTER_TOKENS.has(t));
}

/** The site's footer below the story, whatever its share of links (see siteFooterBelow in hiddenElements). */
const SITE_FOOTER: Verdict = { kind: 'boilerplate', why: because('reason_page_footer') };

function teaserRegion(el: Element, tag: string, ctx: Classifier): Region | null {
  // A <nav> is navigation whatever it lists: its links to the previous and next stories go as one.
  if (tag === 'NAV') return null;
  const w = ctx.stats.of(el);
  // Two teasers need two links, the next story's card one (see isNextStoryCard); the heading read
  // here is the one classifyElement reads of every container, read once for both.
  // A block with no text but its heading may be one whose items the site's script has yet to fill.
  const empty = isEmptyBlock(el, w, ctx);
  if (w.links === 0 && !empty) return null;
  const name = teaserHeading(el, ctx);
  if (!name) {
    const turn = storyTurn(el, w);
    return turn ? { verdict: { kind: 'teaser', why: because('reason_teaser_block', turn) }, teaser: turn } : null;
  }
  // The next story's empty slot is a page-turn link (see classifyElement), not a block to fill.
  if (empty && !namesNextStory(name)) return { verdict: { kind: 'teaser', why: because('reason_teasers_empty', name) } };
  const card = w.links === 1 && (isNextStoryCard(el, ctx) || isStoryTurnLine(w, name));
  if (w.links < 2 && !card) return null;
  return isTeaserBlock(el, w, name, ctx, card) ? { verdict: { kind: 'teaser', why: because('reason_teaser_block', name) }, teaser: name } : null;
}

/** Names of a box for the story before or after this one (msn's `paddle previous`, `paddle next`). */
const STORY_TURN_TOKENS = new Set(['prev', 'previous', 'next']);

/**
 * A box named for the previous or next story whose text is one linked headline (msn's paddles
 * beside the story): its name, so it is judged as that one teaser, like a 下一篇 card.
 */
function storyTurn(el: Element, w: Weights): string | null {
  if (w.links !== 1 || w.weight < HEADLINE_MIN_WEIGHT || w.weight >= CARD_MAX_WEIGHT || linkDensity(w) < 0.5) return null;
  return nameTokens(el).find((token) => STORY_TURN_TOKENS.has(token)) ?? null;
}

/**
 * The next story's card (36氪's: a 下一篇 heading over one linked headline, its summary and its
 * date): the heading is the block's own first element, without a link. A line reading 下一篇：
 * and a link is a page-turn line, left to the rules for those.
 */
function isNextStoryCard(el: Element, ctx: Classifier): boolean {
  const head = el.firstElementChild;
  return !!head && isHeadingLike(head) && ctx.stats.of(head).links === 0 && namesNextStory(ctx.stats.lead(head));
}

/** The most a turn line's label weighs beside its link: 阅读下一篇： and the marks around it. */
const TURN_LABEL_MAX_WEIGHT = 8;

/**
 * The previous or next story's line: its label and its one linked headline (上一篇：X, a 下一篇 :
 * label in a box of its own, then the link), judged as that one teaser, as the story's card is. A
 * line with 没有了 and no link is a page-turn link (see classifyElement).
 */
function isStoryTurnLine(w: Weights, name: string): boolean {
  return namesNextStory(name) && w.linkWeight >= HEADLINE_MIN_WEIGHT && w.weight - w.linkWeight <= TURN_LABEL_MAX_WEIGHT;
}

/** Whether a block of links named `name` holds teasers: its items, not a story that merely opens with such a heading. */
function isTeaserBlock(el: Element, w: Weights, name: string, ctx: Classifier, card = false): boolean {
  const items = teaserItems(el);
  // 阅读下一篇 heads the next story whatever it holds: one link, or a headline with its summary
  // beside the site's own links. Only a small block, so a story page's wrapper can't go with it.
  const nextStory = namesNextStory(name) && (items.length > 0 || card) && w.weight < CARD_MAX_WEIGHT;
  if (nextStory) return true;
  const itemWeight = items.reduce((s, i) => s + ctx.stats.of(i).weight, 0);
  // A story wrapper whose first heading happens to say 相关新闻 is not a teaser block: its weight
  // is neither in the items nor in links (items can be bare links with a date beside each).
  return items.length >= 2 && (itemWeight >= w.weight * 0.5 || linkDensity(w) >= 0.4);
}

/**
 * A teaser block whose name is printed just before it (a title div, then the list): its name, and
 * the label. A label that may say more than the name is asked outside the story's box only, once
 * the body is known, since inside the story such a line (排行榜前三名：) may introduce the story's
 * own list; `wholeLine` asks for a label that is the name and nothing more (see namedListRegion).
 */
function labelledTeasers(el: Element, ctx: Classifier, wholeLine = false): { name: string; label: Element } | null {
  const w = ctx.stats.of(el);
  if (w.links < 2) return null;
  const label = el.previousElementSibling;
  const name = wholeLine ? nameLine(label, ctx) : teaserLabel(label, ctx);
  return name && isTeaserBlock(el, w, name, ctx) ? { name, label: label! } : null;
}

/** The teaser block's name that `el` is, when it is that name and nothing more (see LABEL_MARKS). */
function nameLine(el: Element | null, ctx: Classifier): string | null {
  const name = teaserLabel(el, ctx);
  return name && ctx.stats.lead(el!).replace(LABEL_MARKS, '') === name ? name : null;
}

/** Headings that may name the teaser lines after them; no container, they are asked apart. */
const NAME_HEADINGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);

/** Blocks a heading tag may wrap in a page's template. */
const WRAPPED_BLOCKS = new Set(['DIV', 'UL', 'OL', 'DL', 'TABLE', 'P', 'SECTION']);

/**
 * A heading tag used as a wrapper of blocks (csdn's <h4> around its meta line, whose 0 条评论 is the
 * link to the comments): walked as a container, so what it holds is judged as anywhere else.
 */
function wrapsBlocks(heading: Element): boolean {
  for (let child = heading.firstElementChild; child; child = child.nextElementSibling) if (WRAPPED_BLOCKS.has(child.tagName)) return true;
  return false;
}

/** The most a line of a teaser run weighs: a headline, perhaps with its date. */
const LINK_LINE_MAX_WEIGHT = 100;

/** A line that is a link to another story: one or two links (a headline, its channel) and little else. */
function isLinkLine(el: Element, ctx: Classifier): boolean {
  const w = ctx.stats.of(el);
  return w.links >= 1 && w.links <= 2 && w.weight > 0 && w.weight < LINK_LINE_MAX_WEIGHT && linkDensity(w) >= 0.8;
}

/**
 * A teaser block's name on a line of its own, then its items as lines of their own rather than in a
 * box (相关阅读： over one linked headline per paragraph; Al Jazeera's More: over a list per
 * headline): the run of link lines after the name, two at least; null when there is none.
 */
function linkRunAfter(label: Element, ctx: Classifier): { name: string; items: Element[] } | null {
  const name = nameLine(label, ctx);
  if (!name) return null;
  const items: Element[] = [];
  for (let n = label.nextElementSibling; n && isLinkLine(n, ctx); n = n.nextElementSibling) items.push(n);
  return items.length >= 2 ? { name, items } : null;
}

/**
 * A teaser block named by a line before it that is the name and nothing more (More Great WIRED
 * Stories over its list, 【相关阅读】), wherever it stands: found before the body, so its items
 * can't vote for the story. A line that only opens with a name (排行榜前三名：) may introduce the
 * story's own list: such lines are asked outside the story's box, once it is known (see labelledTeasers).
 */
function namedListRegion(el: Element, ctx: Classifier): Region | null {
  const named = labelledTeasers(el, ctx, true);
  return named && { teaser: named.name, label: named.label };
}

/** The marks around a teaser block's name printed on its own line: 【相关阅读】, Related:, —— 推荐阅读 ——. */
const LABEL_MARKS = /^[\s/|｜【\[(（<《—-]+|[\s/|｜:：】\]）)>》—-]+$/g;

/** The heaviest heading an empty teaser block has (猜你喜欢, Related stories): all of its text. */
const EMPTY_BLOCK_MAX_WEIGHT = 30;

/**
 * A heading and nothing to read after it: the list it names is empty, or holds only placeholders
 * (links without text, empty images) for the site's script to fill. The heading is a heading (a
 * "Read more" link over an icon is the story's control) and holds no link itself.
 */
function isEmptyBlock(el: Element, w: Weights, ctx: Classifier): boolean {
  if (w.weight === 0 || w.weight > EMPTY_BLOCK_MAX_WEIGHT || w.linkWeight > 0 || el.childElementCount < 2) return false;
  const first = el.firstElementChild!;
  return isHeadingLike(first) && ctx.stats.of(first).weight === w.weight;
}

function structuralRegion(el: Element, ctx: Classifier): Region | null {
  const verdict = ctx.classify(el);
  if (!verdict) return null;
  // Kinds that never hold the story are certain before the body is known; a widget (share bar,
  // newsletter box) only while it is small, so a story wrapper named "tools" can't be lost.
  const weight = ctx.stats.of(el).weight;
  if (verdict.kind === 'comments') return { verdict };
  // Ad slots carry little text, or link text; a wrapper whose class merely contains "ad"
  // (Page-ad-margins, enableAdSlots) and holds unlinked prose may be the story's own.
  if (verdict.kind === 'ad') return weight < 60 || (weight < 300 && linkDensity(ctx.stats.of(el)) > 0.3) ? { verdict } : null;
  if (verdict.kind === 'navigation') return weight < 2000 ? { verdict } : null;
  // A share list is one by its links' texts, whatever its weight: no story wrapper passes that test.
  if (verdict.kind === 'widget') return weight < 80 || verdict.why.key === 'reason_share_links' ? { verdict } : null;
  // A copyright footer or disclaimer is sentence-like enough to outvote a one-paragraph story.
  if (verdict.kind === 'boilerplate') return weight < 150 ? { verdict } : null;
  return null;
}

/**
 * A block of many links with little unlinked text: a news box, a "more" rail or a menu, whatever
 * its name. Its summaries must not vote for the body. Inside the body root (old portals' one-cell
 * layouts) its unrelated blocks are hidden; outside, the list as a whole (see hideLinkList).
 */
function linkListRegion(el: Element, ctx: Classifier): Region | null {
  const w = ctx.stats.of(el);
  if (w.links < 6 || linkDensity(w) < 0.6 || w.weight - w.linkWeight >= 150) return null;
  return { linkList: true };
}

/**
 * Second pass: everything to hide. Elements holding story paragraphs or the headline are walked
 * into, never hidden; regions from the first pass are confirmed (teaser blocks item by item, by
 * relatedness). The hidden elements come also as a set; the story's pagers, kept, are returned apart.
 * Neither the stories read before (`others`) nor the floating boxes out of sight, returned apart
 * as `waiting`, are walked into.
 */
function hiddenElements(
  pageBody: Element,
  body: ArticleBody,
  headline: Element | null,
  regions: Map<Element, Region>,
  ctx: Classifier,
  profile: () => ArticleProfile,
  others: ReadonlySet<Element>,
): { hidden: HiddenElement[]; hiddenSet: Set<Element>; pagers: Set<Element>; waiting: WaitingBox[] } {
  const story = new Set<Element>();
  for (const b of body.blocks) for (let n: Element | null = b.el; n && n !== pageBody; n = n.parentElement) story.add(n);
  for (let n: Element | null = body.root; n && n !== pageBody; n = n.parentElement) story.add(n);
  // A page header holding the headline among its menus is walked into, so the headline stays.
  for (let n = headline; n && n !== pageBody; n = n.parentElement) story.add(n);
  // The stories read before are walked around: what holds one is never hidden, nor anything in it.
  for (const other of others) for (let n = other.parentElement; n && n !== pageBody; n = n.parentElement) story.add(n);
  // Link lists outside the story that are walked into rather than hidden whole: the meta line
  // between the headline and the body (source, date, byline; a strip of other stories' headlines
  // there is judged as any list, see isHeadlineStrip), a self-media account card (who posted the
  // story) and a header holding the site's search box, which stays usable.
  const isMetaZone = (el: Element): boolean =>
    headline !== null && (headline.compareDocumentPosition(el) & FOLLOWING) !== 0 && (el.compareDocumentPosition(body.root) & FOLLOWING) !== 0;
  const holdsField = (el: Element): boolean => el.querySelector('input, textarea, select') !== null;
  const followsHeadline = (el: Element): boolean => headline !== null && (headline.compareDocumentPosition(el) & FOLLOWING) !== 0;
  const precedesHeadline = (el: Element): boolean => headline !== null && (el.compareDocumentPosition(headline) & FOLLOWING) !== 0;
  // Between the headline and the story's first paragraph, inside the article's box or not.
  const firstBlock = body.blocks[0]?.el ?? body.root;
  const beforeStory = (el: Element): boolean => followsHeadline(el) && (el.compareDocumentPosition(firstBlock) & FOLLOWING) !== 0;
  // After the article's box, outside it: where a site puts its boxes of other stories.
  const belowStory = (el: Element): boolean => (body.root.compareDocumentPosition(el) & (FOLLOWING | CONTAINED_BY)) === FOLLOWING;
  const headedListBelow = (el: Element): boolean => belowStory(el) && hideHeadedList(el, ctx.stats, profile, hide);
  const tickerOutside = (el: Element): boolean => {
    const verdict = tickerVerdict(el, ctx.stats);
    if (!verdict || body.root.contains(el)) return false;
    hide(el, verdict);
    return true;
  };
  // A fold button left in the story's box while the story is shown whole (msn's Read More, gmw's
  // 阅读剩余全文（）: the page's script or its small-screen stylesheet would cut the story under it)
  // only leads nowhere. Where the page keeps the story's end out of sight, the button stays: it
  // may be what shows the rest. A story cut to a height is unfolded by the cleanup (see unfold.ts).
  const lastBlock = body.blocks[body.blocks.length - 1]?.el ?? body.root;
  const foldLeft = (el: Element): Verdict | null => {
    const w = ctx.stats.of(el);
    if (w.weight === 0 || w.weight > FOLD_MAX_WEIGHT) return null;
    const label = ctx.stats.lead(el);
    if (!isFoldLabel(label) || leadsElsewhere(el) || !atStoryEnd(el) || !(ctx.shown?.(lastBlock) ?? true)) return null;
    return { kind: 'widget', why: because('reason_fold', label) };
  };
  // After the story's last paragraph, in its box or among the few blocks right after it (where a
  // fold button sits under the box it cuts). One between paragraphs opens something else (a quote, a table).
  const atStoryEnd = (el: Element): boolean => {
    for (let next = body.root.nextElementSibling, n = 0; next && n < FOLD_NEAR; next = next.nextElementSibling, n++) if (next === el) return true;
    return body.root.contains(el) && (el.compareDocumentPosition(lastBlock) & FOLLOWING) === 0;
  };
  // The site's <footer> below the story is the site's whatever its share of links (WIRED's carries a
  // paragraph about WIRED); one inside an <article>, or printing the story's 来源 or 责任编辑, is that
  // story's own (its credits, its tags).
  const siteFooterBelow = (el: Element): boolean => belowStory(el) && !el.parentElement?.closest('article') && !holdsStoryLine(el, false);
  // The posting account's card and what holds it, found with one query: the walk asks it of many elements.
  const accountHolders = new Set<Element>();
  for (const card of Array.from(pageBody.querySelectorAll(ACCOUNT_CARD))) for (let n: Element | null = card; n && n !== pageBody && !accountHolders.has(n); n = n.parentElement) accountHolders.add(n);
  const holdsAccount = (el: Element): boolean => accountHolders.has(el);
  // Above the headline, outside the story's box, without the site's search box: a channel menu
  // whose taglines outweigh its links (see isTaglinedMenu).
  const menuAbove = (el: Element): boolean =>
    headline !== null && isTaglinedMenu(ctx.stats.of(el)) && (el.compareDocumentPosition(headline) & FOLLOWING) !== 0 && !body.root.contains(el) && !holdsField(el);
  const storyBlocks = new Set(body.blocks.map((b) => b.el));
  const out: HiddenElement[] = [];
  const pagers = new Set<Element>();
  const waiting: WaitingBox[] = [];
  // A pager of the story is kept (see below) and remembered, so the body's text skips it. True when it is one.
  const keepPager = (el: Element, needsTurn = false): boolean => {
    if (!isStoryPager(el, needsTurn)) return false;
    pagers.add(el);
    return true;
  };
  const ids = idUniqueness(pageBody.ownerDocument);
  const hiddenSet = new Set<Element>();
  const hide: Hide = (el, verdict, text) => {
    hiddenSet.add(el);
    out.push({ el, item: hiddenItem(el, verdict, ids, text), why: verdict.why });
  };
  // A breadcrumb bar that also holds the site's search box (cjn's): when the crumb is a line of its
  // own, only that line is hidden, so the box and its button stay usable.
  const crumbLineOf = (bar: Element): { line: Element; verdict: Verdict } | null => {
    for (let line = bar.firstElementChild; line; line = line.nextElementSibling) {
      const verdict = holdsField(line) ? null : ctx.classify(line);
      if (verdict?.why.key === 'reason_breadcrumb') return { line, verdict };
    }
    return null;
  };
  // Inside a story paragraph only its block children are looked at ('blocks'): its inline text is
  // the story, but old quirks-mode pages leave a <p> open around the teaser and ad tables after it.
  // Inside a link list in the body root ('links'), and around what a link list was kept for
  // ('around': the posting account's card, a search box), what no rule names is a teaser unless
  // related; the part holding what it was kept for is walked as ever once it is small (the card's
  // avatar, name and follow button; the box and its button).
  // Inside a tool bar kept for the meta line it prints ('meta', with the bar's verdict), its share
  // buttons go too. In a side column below the story ('side'), a headed box no rule names is a
  // widget of the site's (see sideWidget).
  // A side box: the author's profile, a visitor counter. One holding a field to use, or a list the
  // rules judge item by item (so its related stories stay), is walked instead. True when hidden.
  const sideWidget = (el: Element): boolean => {
    const name = sideBoxName(el, ctx.stats);
    if (name === null || ctx.stats.of(el).weight > SIDE_BOX_MAX_WEIGHT || el.querySelector(ENTRY_FIELDS) !== null) return false;
    for (const region of regions.keys()) if (el.contains(region)) return false;
    hide(el, { kind: 'widget', why: because('reason_side_box', name) });
    return true;
  };
  // A teaser block's name in the story's box (qq's 精彩视频推荐 over a video teaser) is judged once
  // the walk is done: when all that follows it in the box went as clutter, it names nothing shown.
  const storyLabels: Array<{ el: Element; name: string }> = [];
  // One outside the story's box (関連記事 over a list of links hidden whole) names the block printed
  // right after it: when that block went, the name is left over.
  const blockLabels: Array<{ el: Element; name: string }> = [];
  // A section's name above a list outside the story (工作动态 over an old portal's table of links)
  // goes when the list right after it went as teasers.
  const sectionNames: Array<{ el: Element; name: string }> = [];
  // A list's 更多 link on a line of its own outside the story (［更多］ under an old portal's table of
  // links) goes when the list beside it went as teasers; printed after a name (工作动态 ［更多］), it
  // is that section's name, and judged as one.
  const moreLinks: Array<{ el: Element; text: string }> = [];
  const listMoreLink = (el: Element, { name, text }: MoreLink): void => {
    if (name === undefined) moreLinks.push({ el, text });
    else sectionNames.push({ el, name });
  };
  // The label test first: contains() is a call into the DOM, and most elements that come here are no label.
  const endLabel = (el: Element): boolean => {
    const name = teaserLabel(el, ctx);
    if (!name) return false;
    (body.root.contains(el) ? storyLabels : blockLabels).push({ el, name });
    return true;
  };
  const visit = (el: Element, mode: 'walk' | 'blocks' | 'links' | 'around' | 'meta' | 'side' = 'walk', bar?: Verdict, keeps?: (el: Element) => boolean): void => {
    const walking = mode === 'walk' || mode === 'side';
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const tag = child.tagName;
      // A link back to the site closing a story paragraph (qq's 返回腾讯网首页>>, an icon and the
      // words) is none of its sentences; the paragraph's own links are words of the story.
      if (mode === 'blocks' && tag === 'A' && !child.nextElementSibling) {
        const verdict = ctx.classify(child);
        if (verdict?.why.key === 'reason_back_link') hide(child, verdict);
        continue;
      }
      if ((!isContainer(child, tag) && !(NAME_HEADINGS.has(tag) && (regions.has(child) || wrapsBlocks(child)))) || (mode === 'blocks' && INLINE_TAGS.has(tag)) || others.has(child)) continue;
      // A floating box the page keeps out of sight is its own, waiting to open (a login box): left
      // whole for the cleanup to watch, unless its own markings make it an ad.
      const box = waitingBox(child, ctx);
      if (box && ctx.classify(child)?.kind !== 'ad') {
        waiting.push(box);
        continue;
      }
      if (bar && tag === 'A' && isShareLink(child)) {
        hide(child, bar);
        continue;
      }
      // A READ MORE: <link> line in the story's box (a paragraph of it or not) points to another story.
      // Its weights are asked first: they answer from the cache, where contains() is a call into the DOM for every element walked.
      const readMore = readMoreLabel(child, ctx.stats);
      if (readMore && child !== body.root && body.root.contains(child)) {
        hideUnrelated(child, profile(), hide, readMore);
        continue;
      }
      if (storyBlocks.has(child) || story.has(child)) {
        visit(child, storyBlocks.has(child) ? 'blocks' : 'walk');
        continue;
      }
      const region = regions.get(child);
      // The story's own pager (1 2 3 下一页) leads to the rest of it, inside the article's box or not.
      if ((region?.linkList || mode === 'links') && keepPager(child)) continue;
      if (region?.linkList) {
        if (body.root.contains(child)) visit(child, 'links');
        else if (isMetaZone(child) && !isHeadlineStrip(child, ctx.stats)) visit(child);
        // The posting account's card and a search box stay; the lists beside them are teasers
        // (the account's other posts, the news boxes of a column beside the story). A page header
        // with a search box keeps its tools (无障碍, 简/繁, 登录): only what follows the headline.
        else if (holdsAccount(child)) visit(child, 'around', undefined, holdsAccount);
        else if (holdsField(child) && followsHeadline(child)) visit(child, 'around', undefined, holdsField);
        else if (holdsField(child)) visit(child);
        else if (!hideLinkList(child, ctx.stats.of(child), profile, hide) && !headedListBelow(child)) visit(child);
        continue;
      }
      if (region?.items) {
        hideUnrelatedItems(region.items, region.teaser!, profile(), hide, [child, ...region.items]);
        continue;
      }
      if (region?.ofBlock) continue;
      if (region?.teaser) {
        hideTeasers(child, region.teaser, profile(), hide, ctx, region.label);
        continue;
      }
      const verdict = region?.verdict ?? ctx.classify(child) ?? foldLeft(child) ?? (isFooterBox(child, tag, ctx.stats) && siteFooterBelow(child) ? SITE_FOOTER : null);
      const crumb = verdict?.why.key === 'reason_breadcrumb' && holdsField(child) ? crumbLineOf(child) : null;
      // Named by the line before it, outside the story's box; never by the headline or a line of the story.
      const labelled = verdict || region || body.root.contains(child) ? null : labelledTeasers(child, ctx);
      const named = labelled && labelled.label !== headline && !story.has(labelled.label) ? labelled : null;
      if (crumb) hide(crumb.line, crumb.verdict);
      // A tool bar or QR box that also holds a headline, or prints the story's date, 来源 or
      // 责任编辑, is walked into: those are the story's, the buttons and the code beside them not.
      else if (verdict?.kind === 'widget' && holdsStoryLine(child, beforeStory(child))) visit(child, 'meta', verdict);
      // So is a copyright notice that credits the story's editor: the credit is the story's. One
      // above the headline is the site's tagline (a blog's 照片與文字版權所有), not its footer.
      else if (verdict?.kind === 'boilerplate' && (EDITOR_CREDIT.test(visibleText(child)) || (verdict.why.key === 'reason_copyright' && precedesHeadline(child)))) visit(child);
      else if (verdict && body.root.contains(child) && isCreditedMedia(child, verdict)) continue;
      // A pager in a <nav> (or named one) is still the story's.
      else if (verdict?.kind === 'navigation' && keepPager(child, true)) continue;
      else if (verdict) {
        hide(child, verdict);
      }
      else if (named) hideTeasers(child, named.name, profile(), hide, ctx, named.label);
      else if (walking && menuAbove(child)) hide(child, menuVerdict(ctx.stats.of(child)));
      // The posting account's card with more links than its avatar and name (头条's card lists the
      // account's latest posts under it): the card stays, the posts are judged as teasers. A whole
      // side column holding the card is walked as ever, its boxes judged by their own rules.
      else if (walking && isAccountBox(ctx.stats.of(child)) && holdsAccount(child) && !isMetaZone(child)) visit(child, 'around', undefined, holdsAccount);
      else if (keeps?.(child)) visit(child, ctx.stats.of(child).links <= 2 ? 'walk' : 'around', undefined, keeps);
      else if ((mode === 'links' || mode === 'around') && ctx.stats.of(child).links > 0) {
        // A list's more link says nothing to score: it goes with the list it leads on (see moreLinks).
        const more = moreLink(child, ctx.stats);
        if (more) listMoreLink(child, more);
        else hideUnrelated(child, profile(), hide, undefined, mode === 'links' ? 'reason_unrelated_links' : keeps === holdsAccount ? 'reason_account_posts' : 'reason_other_links');
      }
      else if (bar) visit(child, 'meta', bar);
      else if (walking && (headedListBelow(child) || tickerOutside(child) || (mode === 'side' && sideWidget(child)))) continue;
      else if (walking && hideEmptyLabel(child, ctx, hide, belowStory)) continue;
      else if (walking && endLabel(child)) continue;
      // A pager of fewer links than a link list has (1 2 3 下一页) is kept as any other.
      else if (isPagerSized(ctx.stats.of(child)) && keepPager(child)) continue;
      else {
        // Where it stands is asked last: contains() is a call into the DOM, and few elements here are either.
        const section = sectionName(child, ctx.stats);
        const more = section ? null : moreLink(child, ctx.stats);
        if (section && !body.root.contains(child)) sectionNames.push({ el: child, name: section });
        else if (more && !body.root.contains(child)) listMoreLink(child, more);
        visit(child, mode === 'walk' && belowStory(child) && isSideColumn(child, ctx.stats) ? 'side' : 'walk');
      }
    }
  };
  visit(pageBody);
  const alone = (name: string): Verdict => ({ kind: 'teaser', why: because('reason_teaser_label_alone', name) });
  for (const { el, name } of storyLabels) if (!showsAfter(el, body.root, ctx.stats, hiddenSet)) hide(el, alone(name));
  for (const { el, name } of blockLabels) {
    const named = siblingWithText(el, ctx.stats, 'nextElementSibling');
    if (named && !showsText(named, ctx.stats, hiddenSet)) hide(el, alone(name));
  }
  if (sectionNames.length || moreLinks.length) {
    const teasers = new Set(out.filter((h) => h.item.kind === 'teaser').map((h) => h.el));
    const wentAsTeasers = (el: Element | null): boolean => el !== null && teasers.has(el);
    for (const { el, name } of sectionNames) if (wentAsTeasers(siblingWithText(el, ctx.stats, 'nextElementSibling')) && !holdsField(el)) hide(el, alone(name));
    for (const { el, text } of moreLinks) {
      // Under a list it leads on from that list; under a name (or nothing), on to the list after it.
      const before = siblingWithText(el, ctx.stats, 'previousElementSibling');
      const leadsOn = before !== null && ctx.stats.of(before).links > 0 ? before : siblingWithText(el, ctx.stats, 'nextElementSibling');
      if (wentAsTeasers(leadsOn)) hide(el, { kind: 'teaser', why: because('reason_more_link_alone', text) });
    }
  }
  return { hidden: out, hiddenSet, pagers, waiting };
}

/**
 * A teaser block's name below the story with nothing after it, the last line of a column that
 * holds more (a 相关新闻 whose list the site's script never filled): it names nothing on the page.
 * One alone in its wrapper may name the list in the wrapper's next sibling, so it stays. True
 * when hidden.
 */
function hideEmptyLabel(el: Element, ctx: Classifier, hide: Hide, belowStory: (el: Element) => boolean): boolean {
  // Where it stands is asked last: most elements come here, and few are labels.
  const name = teaserLabel(el, ctx);
  if (!name || !belowStory(el)) return false;
  const holdsAny = (n: Element): boolean => ctx.stats.of(n).weight > 0 || ctx.stats.of(n).links > 0;
  for (let next = el.nextElementSibling; next; next = next.nextElementSibling) if (holdsAny(next)) return false;
  for (let before = el.previousElementSibling; before; before = before.previousElementSibling) {
    if (holdsAny(before)) {
      hide(el, { kind: 'teaser', why: because('reason_teasers_empty', name) });
      return true;
    }
  }
  return false;
}

/**
 * A section's name: four to eight Han characters alone, no link, number or mark (工作动态, 本周热门).
 * A person's name is shorter (李明, 欧阳修), and a line with a mark is a label (编辑：李明) or a date.
 */
const SECTION_NAME = /^\p{Script=Han}{4,8}$/u;
/** The pattern's eight characters as a weight: asked first, from the cache, before the text is read. */
const SECTION_NAME_MAX_WEIGHT = 8;

function sectionName(el: Element, stats: DomStats): string | null {
  const w = stats.of(el);
  if (w.weight === 0 || w.weight > SECTION_NAME_MAX_WEIGHT || w.links > 0 || el.childElementCount > 1) return null;
  const lead = stats.lead(el);
  return SECTION_NAME.test(lead) ? lead : null;
}

/**
 * A list's “more” link as all of a line: 更多, ［更多］, 查看更多>>, More », after a section's name or not
 * (工作动态 ［更多］). The name is in the first group; it stands apart from the link (a space or the
 * link's bracket), so 查看更多 is read as the link it is.
 */
const MORE_LINK_LINE = /^(?:(\p{Script=Han}{2,8})(?:\s+|(?=[［\[【(（<])))?[［\[【(（<]?\s*(?:(?:查看|[阅閱][读讀]|[浏瀏][览覽])?更多|(?:see |view |read )?more)\s*(?:>>|»|›|>|＞+|→)?\s*[］\]】)）>]?$/iu;
/** The most such a line weighs: a section's name of eight characters, then 更多. */
const MORE_LINK_MAX_WEIGHT = 12;

/** A more link's line: its text, and its section's name if it prints one. */
interface MoreLink {
  name: string | undefined;
  text: string;
}

/** The more link's line `el` is; null for any other element. */
function moreLink(el: Element, stats: DomStats): MoreLink | null {
  const w = stats.of(el);
  if (w.links !== 1 || w.weight === 0 || w.weight > MORE_LINK_MAX_WEIGHT) return null;
  const text = stats.lead(el);
  const m = MORE_LINK_LINE.exec(text);
  return m ? { name: m[1], text } : null;
}

/**
 * The nearest sibling of `el` that holds text, after it or before it: the block a name printed above
 * it names, the list a more link printed under it leads on.
 */
function siblingWithText(el: Element, stats: DomStats, way: 'nextElementSibling' | 'previousElementSibling'): Element | null {
  let sibling = el[way];
  while (sibling && stats.of(sibling).weight === 0) sibling = sibling[way];
  return sibling;
}

/**
 * Whether any text after `el` in `box` shows, outside what was hidden. A link without text (qq's
 * invisible 转播 tip) names nothing a label could head.
 */
function showsAfter(el: Element, box: Element, stats: DomStats, hidden: ReadonlySet<Element>): boolean {
  for (let n = el; n !== box && n.parentElement; n = n.parentElement) {
    for (let next = n.nextElementSibling; next; next = next.nextElementSibling) if (showsText(next, stats, hidden)) return true;
  }
  return false;
}

/** Whether any text of `n` shows, outside what was hidden. */
function showsText(n: Element, stats: DomStats, hidden: ReadonlySet<Element>): boolean {
  if (hidden.has(n) || stats.of(n).weight === 0) return false;
  for (let c = n.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT_NODE ? c.nodeValue!.trim() !== '' : c.nodeType === ELEMENT_NODE && showsText(c as Element, stats, hidden)) return true;
  }
  return false;
}

/** The most a fold button weighs: 打开新浪新闻 阅读全文, "read the rest of the story". */
const FOLD_MAX_WEIGHT = 16;
/** How many blocks after the story's box a fold button may be (after a fade, a spacer). */
const FOLD_NEAR = 3;

/** Whether `el` is, or holds, a link somewhere (a page, a place in this one: #full), not "#" or a script: a button leads nowhere. */
function leadsElsewhere(el: Element): boolean {
  const links = el.tagName === 'A' ? [el] : Array.from(el.getElementsByTagName('a'));
  return links.some((a) => {
    const href = (a.getAttribute('href') ?? '').trim();
    return href !== '' && href !== '#' && !/^javascript:/i.test(href);
  });
}

/** The most a pager weighs: a dozen page numbers and the turns (|<< 上一页 … 下一页 >>|). */
const PAGER_MAX_WEIGHT = 40;

/** Small and mostly links, as a pager is: worth asking isStoryPager. */
function isPagerSized(w: Weights): boolean {
  return w.links >= 2 && w.weight < PAGER_MAX_WEIGHT && linkDensity(w) >= 0.5;
}

/** The story's editor (编辑：, not a site's 总编辑 or 值班编辑 in its notices). */
const EDITOR_CREDIT = /责任编辑|责编|(?<![总班])编辑[:：]/;
/** A meta line's labels: away from the headline a bare date or 记者 says nothing (扫码关注 2024-06-18, 记者招募). */
const STORY_LINE_LABEL = /来源[:：]|稿源|本文来源|原标题|原文标题|原题[:：]|发布时间|作者[:：]|责任编辑|责编|(?<![总班])编辑[:：]/;

/**
 * A headline (a copy of it too: sites print one per layout), or a meta line: between the headline
 * and the story its words or a date, elsewhere its labels.
 */
function holdsStoryLine(el: Element, nearHeadline: boolean): boolean {
  return el.querySelector('h1') !== null || (nearHeadline ? META_MARKERS : STORY_LINE_LABEL).test(visibleText(el));
}

/**
 * A photo of the story with its credit (Image copyright Getty Images, © Amazon), or a post it
 * embeds (a tweet, shown as a credited picture): the copyright or "social" that named it clutter
 * is the picture's. Asked only inside the article's box.
 */
function isCreditedMedia(el: Element, verdict: Verdict): boolean {
  if (verdict.kind === 'boilerplate') return verdict.why.key === 'reason_copyright' && (el.tagName === 'FIGURE' || el.querySelector('figure, img, picture') !== null);
  // A widget only by its class's "social" (social-embed): a share bar, QR box or newsletter box
  // with a picture is still one.
  const social = verdict.why.key === 'reason_widget_token' && verdict.why.args[0] === 'social';
  return social && (el.tagName === 'FIGURE' || el.querySelector('figure, blockquote') !== null);
}

/** Records an element to hide; `text` when it is already known. */
type Hide = (el: Element, verdict: Verdict, text?: string) => void;

/**
 * A hidden item whose selector, text and English reason are built on first read. The page is
 * clean without them; only a report (the popup's list, the CLI, a keep rule) reads them, so
 * building every hidden block's text up front made the reader wait for nothing.
 */
function hiddenItem(el: Element, verdict: Verdict, ids: (id: string) => boolean, known?: string): HiddenItem {
  let selector: string | undefined;
  let text = known;
  let reason: string | undefined;
  return {
    kind: verdict.kind,
    get selector() {
      return (selector ??= uniqueSelector(el, ids));
    },
    get text() {
      return (text ??= visibleText(el));
    },
    get reason() {
      return (reason ??= englishReason(verdict.why));
    },
  };
}

/**
 * A block of links that no rule names, or a labelled line of them (READ MORE: …): hidden unless it
 * is about the story. A line under a label is named by it; other links by where they are (`reason`).
 */
function hideUnrelated(el: Element, profile: ArticleProfile, hide: Hide, label?: string, reason: UnlabelledLinks = 'reason_unrelated_links'): void {
  const scored = scoreTeaser(el, profile);
  if (isRelated(scored)) return;
  hide(el, label ? unrelatedTeaser(label, scored) : { kind: 'teaser', why: because(reason, scored.score.toFixed(2)) }, scored.text);
}

/** Most links a box around the account's card holds: its avatar, its name and a few of its posts. */
const ACCOUNT_BOX_MAX_LINKS = 15;

/** More links than the card's avatar and name, and no more than a card with its latest posts holds. */
function isAccountBox(w: Weights): boolean {
  return w.links > 2 && w.links <= ACCOUNT_BOX_MAX_LINKS;
}

/** Links no rule names: in the article's box, beside the posting account's card, or beside the site's search box. */
type UnlabelledLinks = 'reason_unrelated_links' | 'reason_account_posts' | 'reason_other_links';

/** Average weight of a menu's links: channel names (国内, World), not headlines. */
const MENU_LINK_WEIGHT = 6;

/** Links longer than a menu's on average: headlines, not channel, author or tag names. */
function listsHeadlines(w: Weights): boolean {
  return w.linkWeight > w.links * MENU_LINK_WEIGHT;
}

/** A site menu's verdict, with its count of links. */
function menuVerdict(w: Weights): Verdict {
  return { kind: 'navigation', why: because('reason_link_menu', String(w.links)) };
}

/** Fewer links are a bar's few tools (登录, 注册), not a site's channel menu. */
const TAGLINED_MENU_MIN_LINKS = 20;
/** A channel's tagline (拉近你与现场距离, 深度记录社会冷暖): more text per link is prose. */
const TAGLINE_WEIGHT = 15;

/**
 * A site's channel menu with a line under each sub-channel's name (视频: 上直播 拉近你与现场距离,
 * 温度计 深度记录社会冷暖 …, in dropdowns shown on hover): many links of a channel name's length
 * (a name at least: links without text, over icons or quotes, name nothing), with a tagline's worth
 * of text at most beside each. The taglines outweigh the names, so it is no link list.
 */
function isTaglinedMenu(w: Weights): boolean {
  return w.links >= TAGLINED_MENU_MIN_LINKS && w.linkWeight >= w.links && !listsHeadlines(w) && w.weight - w.linkWeight <= w.links * TAGLINE_WEIGHT;
}

/**
 * A strip of other stories' headlines between the headline and the story (a video playlist): all
 * of its text is in its links but its title's ((16 Videos)), and none of it is a meta line. A
 * meta line prints something of its own (a date, By, 来源：) beside the links to its authors,
 * tags and share buttons.
 */
function isHeadlineStrip(el: Element, stats: DomStats): boolean {
  const w = stats.of(el);
  if (!listsHeadlines(w)) return false;
  const title = el.firstElementChild;
  const own = w.weight - w.linkWeight;
  const titled = own > 0 && title !== null && isHeadingLike(title) && stats.of(title).linkWeight === 0 && stats.of(title).weight === own;
  return (own === 0 || titled) && !holdsStoryLine(el, true);
}

/** The heaviest name a side column's box has (個人資訊, 瀏覽人次, Recent comments). */
const SIDE_BOX_HEADING_MAX_WEIGHT = 12;
/** Heavier, a box holds more than a widget's few lines. */
const SIDE_BOX_MAX_WEIGHT = 200;
/** Fewer headed boxes are a pair of blocks, not a column of them. */
const SIDE_COLUMN_MIN_BOXES = 3;
/** Fields a reader types in or picks from (a search box, an archive's month): a button is none. */
const ENTRY_FIELDS = 'input:not([type=button], [type=submit], [type=reset], [type=image], [type=hidden]), textarea, select';

/** The name of a box a side column is made of: a short heading without a link, then what it names. */
function sideBoxName(el: Element, stats: DomStats): string | null {
  const head = el.firstElementChild;
  if (!head || head === el.lastElementChild || !isHeadingLike(head)) return null;
  const w = stats.of(head);
  return w.weight > 0 && w.weight <= SIDE_BOX_HEADING_MAX_WEIGHT && w.links === 0 ? stats.lead(head) : null;
}

/** A column of headed boxes (a blog's sidebar): most of its blocks with text are such boxes. */
function isSideColumn(el: Element, stats: DomStats): boolean {
  if (el.childElementCount < SIDE_COLUMN_MIN_BOXES) return false;
  let blocks = 0;
  let boxes = 0;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (stats.of(child).weight === 0) continue;
    blocks++;
    if (sideBoxName(child, stats) !== null) boxes++;
  }
  return boxes >= SIDE_COLUMN_MIN_BOXES && boxes * 3 >= blocks * 2;
}

/**
 * A block of links outside the story (a sidebar, a rail of other stories, a site menu). A menu
 * is navigation; a list of headlines is a teaser block without a name, hidden whole unless most
 * of its items are about the story (a related-stories list nobody titled). Item by item, as for
 * named blocks, would leave rails of forty links with one or two stray lines. True when hidden.
 */
function hideLinkList(el: Element, w: Weights, profile: () => ArticleProfile, hide: Hide): boolean {
  if (!listsHeadlines(w)) {
    hide(el, menuVerdict(w));
    return true;
  }
  const vote = relatedVote(teaserItems(el), profile);
  if (vote.items > 0 && vote.related * 2 >= vote.items) return false;
  hide(el, { kind: 'teaser', why: because('reason_link_list_unrelated', String(vote.items || w.links), String(vote.related), vote.best.toFixed(2)) });
  return true;
}

/** How many of a list's items are about the story, of how many, and the best item's score. */
function relatedVote(items: readonly Element[], profile: () => ArticleProfile): { items: number; related: number; best: number } {
  const scored = scoreTeasers(items, profile());
  return { items: scored.length, related: scored.filter(isRelated).length, best: Math.max(0, ...scored.map((s) => s.score)) };
}

/** Names of lists that are the story's own papers, not other stories. */
const STORY_PAPERS = /附件|下载|文件|资料|文档|documents?|attachments?|downloads?|sources?|files?|references?/i;
/** A link to a document (a form to fill, a report): a list of them is the story's papers. */
const FILE_LINK = /\.(pdf|docx?|xlsx?|pptx?|wps|et|zip|rar|7z|txt|csv)(?:$|[?#])/i;

/** The heaviest heading a headed list has: a box's name (大公司, 观察员), not a paragraph. */
const LIST_HEADING_MAX_WEIGHT = 30;
/** A headed list's items are headlines (with a date or a column's name): heavier, an item is more. */
const LIST_ITEM_MAX_WEIGHT = 80;
/** Items of a headed list: fewer are a line or two the site prints, not a box of other stories. */
const LIST_MIN_ITEMS = 3;
/** Wrappers looked through for the list (a picture link beside it, a div around it). */
const LIST_WRAPPERS = 3;
/** Heavier, a block is a column or a page part, walked into rather than read as one box. */
const LIST_MAX_WEIGHT = 1200;

/**
 * A box below the story whose name no rule knows (大公司, 观察员: a topic's or a column's name): a
 * short heading, then three or more items alike (same tag), each a headline that carries a link.
 * Judged as an unnamed link list is: hidden whole unless half its items are about the story (a
 * topic box listing this story among others is not). True when hidden.
 */
function hideHeadedList(el: Element, stats: DomStats, profile: () => ArticleProfile, hide: Hide): boolean {
  const w = stats.of(el);
  if (w.links < LIST_MIN_ITEMS || w.weight > LIST_MAX_WEIGHT) return false;
  let kids: Element[] = [];
  for (let box = el, depth = 0; depth <= LIST_WRAPPERS; depth++) {
    kids = [];
    for (let c = box.firstElementChild; c; c = c.nextElementSibling) if (stats.of(c).weight > 0) kids.push(c);
    // One child holding all the text (beside an image link, say) wraps the list.
    if (kids.length !== 1 || isHeadingLike(kids[0]!)) break;
    box = kids[0]!;
  }
  const [head, ...items] = kids;
  if (!head || items.length < LIST_MIN_ITEMS || !isHeadingLike(head) || stats.of(head).weight > LIST_HEADING_MAX_WEIGHT) return false;
  // The story's own papers (附件：, Documents, Sources): their names seldom share its words.
  const name = collapseSpace(head.textContent ?? '');
  if (STORY_PAPERS.test(name)) return false;
  const tag = items[0]!.tagName;
  for (const item of items) {
    const iw = stats.of(item);
    if (item.tagName !== tag || iw.links === 0 || iw.weight > LIST_ITEM_MAX_WEIGHT) return false;
    if (FILE_LINK.test(item.querySelector('a')?.getAttribute('href') ?? '')) return false;
  }
  const vote = relatedVote(items, profile);
  if (vote.related * 2 >= vote.items) return false;
  hide(el, { kind: 'teaser', why: because('reason_headed_list_unrelated', name, String(vote.items), String(vote.related), vote.best.toFixed(2)) });
  return true;
}

function hideTeasers(block: Element, name: string, profile: ArticleProfile, hide: Hide, ctx: Classifier, label?: Element): void {
  const items = teaserItems(block);
  // A block of one teaser (the next story's card: a headline, its summary) is judged as that teaser.
  // A name printed apart never comes with one: such a block holds two items at least (see isTeaserBlock).
  if (items.length === 0) return hideUnrelated(block, profile, hide, name);
  const kept = hideUnrelatedItems(items, name, profile, hide, label ? [block, label] : [block], (item) => outOfSight(item, block, ctx));
  if (!kept) return;
  hideBesideItems(block, new Set(items), ctx, hide);
  // A related teaser stays, without its feed controls (头条's 不感兴趣 under each card).
  for (const item of kept) for (const { el, verdict } of itemControls(item, ctx, ctx.classify)) hide(el, verdict);
}

/**
 * What a teaser block kept for its related items holds beside them that is an ad or a widget
 * (39.net's QR box inside its 往期推荐 carousel, ifeng's 算法反馈 link in the row of its name): the
 * block's name and its "more" links stay with it.
 */
function hideBesideItems(block: Element, items: ReadonlySet<Element>, ctx: Classifier, hide: Hide): void {
  for (let child = block.firstElementChild; child; child = child.nextElementSibling) {
    if (items.has(child)) continue;
    if (holdsAny(child, items)) {
      hideBesideItems(child, items, ctx, hide);
      continue;
    }
    const verdict = ctx.classify(child);
    if (verdict?.kind === 'ad' || verdict?.kind === 'widget') hide(child, verdict);
    else if (child.childElementCount > 1) hideBesideItems(child, items, ctx, hide);
  }
}

function holdsAny(el: Element, items: ReadonlySet<Element>): boolean {
  for (const item of items) if (el.contains(item)) return true;
  return false;
}

/**
 * Whether a teaser item of `block` is out of sight: the page hides it, or a pane of the block
 * holding it, in its markup (a tab's pane, display:none), or does not draw it (browser).
 */
function outOfSight(item: Element, block: Element, ctx: Classifier): boolean {
  for (let el: Element | null = item; el && el !== block; el = el.parentElement) if (hiddenByMarkup(el)) return true;
  return !(ctx.shown?.(item) ?? true);
}

/**
 * Hides the unrelated teaser items; with none of them related (or none in sight, see `unseen`),
 * `whole` (the block, and its name where apart) goes instead. The items kept, or null when it went whole.
 */
function hideUnrelatedItems(items: readonly Element[], name: string, profile: ArticleProfile, hide: Hide, whole: readonly Element[], unseen?: (item: Element) => boolean): Element[] | null {
  const scored = scoreTeasers(items, profile);
  // Related items all out of sight (csdn's 最新报道 pane behind its tab, the pane shown empty) leave
  // the block showing only its name and tabs: it goes whole, as one with none related does.
  const none = noneRelated(name, scored) ?? (unseen && scored.filter(isRelated).every((s) => unseen(s.el)) ? { kind: 'teaser', why: because('reason_teaser_block', name) } satisfies Verdict : null);
  if (none) {
    for (const el of whole) hide(el, none);
    return null;
  }
  const kept: Element[] = [];
  for (const s of scored) {
    if (isRelated(s)) kept.push(s.el);
    else hide(s.el, unrelatedTeaser(name, s), s.text);
  }
  return kept;
}

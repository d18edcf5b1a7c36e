/** Page metadata the analysis reads: meta tags, JSON-LD, the headline and the publish date. */
import type { DomStats } from './dom-stats';
import { CHAR_KINDS, SPACE_CHAR, collapseSpace, isInvisible, trimmedLength, visibleText } from './text';
import { SHOW_TEXT } from './dom-constants';

/** A `<meta>` element and the keys that name it: its name, property and itemprop (any may be null). */
export interface MetaTag {
  el: Element;
  keys: Array<string | null>;
}

/**
 * The page's few `<meta>` elements with their keys, read once for all the names a reader asks
 * (the date asks eleven, the quick check three): in Firefox every DOM read of a content script
 * crosses a wrapper (an Xray) and costs several times what it does in the page. A snapshot: read
 * it again once the page may have changed.
 */
export function metaTags(doc: Document): MetaTag[] {
  // Filtered here, not by an attribute selector per name: that would scan the whole document
  // each time, and most names asked for are absent.
  const collection = doc.getElementsByTagName('meta');
  const metas: MetaTag[] = [];
  for (let i = 0; i < collection.length; i++) {
    const el = collection[i]!;
    // A meta may carry several of name / property / itemprop; any one of them names it.
    metas.push({ el, keys: [el.getAttribute('name'), el.getAttribute('property'), el.getAttribute('itemprop')] });
  }
  return metas;
}

/** The content of the first `<meta>` whose name or property is one of `names`. */
export function metaContent(doc: Document, ...names: string[]): string | null {
  return metaIn(metaTags(doc), ...names);
}

/** {@link metaContent} among metas already read (see {@link metaTags}). */
export function metaIn(metas: readonly MetaTag[], ...names: string[]): string | null {
  for (const name of names) {
    const wanted = name.toLowerCase();
    for (const { el, keys } of metas) {
      if (!keys.some((key) => isKey(key, wanted))) continue;
      const v = el.getAttribute('content');
      if (v && v.trim()) return v.trim();
    }
  }
  return null;
}

const isKey = (value: string | null, wanted: string): boolean => value !== null && value.length === wanted.length && value.toLowerCase() === wanted;

type JsonObject = Record<string, unknown>;

/** Every object found in the page's JSON-LD blocks (graphs flattened); malformed blocks are skipped. */
export function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as JsonObject);
      const graph = (v as JsonObject)['@graph'];
      if (graph) visit(graph);
    }
  };
  jsonLdBlocks(doc).forEach(visit);
  return out;
}

/** The page's `<script type="application/ld+json">` blocks, parsed (undefined for one that does not parse). */
export function jsonLdBlocks(doc: Document): unknown[] {
  const out: unknown[] = [];
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i]!;
    if (s.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json') out.push(parsedJson(s));
  }
  return out;
}

const parsed = new WeakMap<Element, { text: string; value: unknown }>();

/**
 * A script's JSON, parsed once however many readers ask (detection, the date, the publisher and
 * the source metadata each read the JSON-LD); undefined when it does not parse, as sites' JSON-LD
 * often does not. The result is shared: readers must not change it.
 */
export function parsedJson(script: Element): unknown {
  const text = script.textContent ?? '';
  const known = parsed.get(script);
  if (known && known.text === text) return known.value;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Broken JSON-LD is a hint missing, not an error.
  }
  parsed.set(script, { text, value });
  return value;
}

/** The href of the page's first `<link rel=canonical>` (a loop over the few links, not a scan of the whole page). */
export function canonicalHref(doc: Document): string | null {
  const links = doc.getElementsByTagName('link');
  for (let i = 0; i < links.length; i++) {
    if (links[i]!.getAttribute('rel')?.toLowerCase() === 'canonical') return links[i]!.getAttribute('href');
  }
  return null;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|Report|BackgroundNewsArticle)$/;

/** The JSON-LD object describing an article, if the page has one. */
export function jsonLdArticle(doc: Document): JsonObject | null {
  for (const o of jsonLdObjects(doc)) {
    const t = o['@type'];
    const types = Array.isArray(t) ? t : [t];
    if (types.some((x) => typeof x === 'string' && ARTICLE_TYPES.test(x))) return o;
  }
  return null;
}

/** The `<title>` without its site suffix (`标题_国际_海南信息港` → `标题`). */
export function titleWithoutSuffix(doc: Document): string {
  const raw = collapseSpace(doc.title ?? '');
  const parts = raw.split(/\s*(?:_|\||｜| - | – | — |--| @ |::)\s*/).filter(Boolean);
  return parts.length > 1 ? parts.reduce((a, b) => (b.length > a.length ? b : a)) : raw;
}

// `[class*=title]` takes .title and .article-title too.
const HEADLINE_SELECTOR = 'h1, h2, h3, .tit, [class*=title], [class*=headline]';

/** The titles the page announces for itself, normalised: og/twitter title, `<title>` without and with its suffix. */
export interface PageTitles {
  wanted: string[];
  /** Past this normalised length a text matches none of them (see matchLimit). */
  limit: number;
  /**
   * The elements that may be the headline (HEADLINE_SELECTOR), in document order: queried on
   * first use and kept, as the quick check and the headline search both look at them.
   */
  headlineCandidates(): Element[];
}

/**
 * Reads the page's titles; once per analysis, as detection and the headline search both compare
 * with them. `metas`: the page's metas when already read (see {@link metaTags}).
 */
export function pageTitles(doc: Document, metas: readonly MetaTag[] = metaTags(doc)): PageTitles {
  const wanted = [metaIn(metas, 'og:title', 'twitter:title'), titleWithoutSuffix(doc), collapseSpace(doc.title ?? '')]
    .filter((t): t is string => !!t)
    .map(normalizeTitle)
    .filter((t) => t.length >= 4);
  let candidates: Element[] | undefined;
  return { wanted, limit: matchLimit(wanted), headlineCandidates: () => (candidates ??= Array.from(doc.querySelectorAll(HEADLINE_SELECTOR))) };
}

/**
 * How well an element's text reads as the page's announced title: 3 equal, 2 close (a truncated
 * headline, or one with a kicker), 0 otherwise. A block that merely contains the title among
 * other links (a topic box listing this story) is not close.
 */
function titleMatch(text: string, wanted: string[]): number {
  let best = 0;
  for (const w of wanted) {
    if (text === w) return 3;
    const shorter = Math.min(text.length, w.length);
    const longer = Math.max(text.length, w.length);
    if ((w.includes(text) || text.includes(w)) && shorter >= longer * 0.6) best = 2;
  }
  return best;
}

const TAG_RANK: Record<string, number> = { H1: 1, H2: 0.6, H3: 0.4 };

/**
 * The headline element: the heading whose text best matches the `<title>` or og:title (an h1
 * over a title-classed div; never a link, which is how lists repeat a title), preferring among
 * equals the one nearest before the article root; else the first h1.
 */
export function findHeadline(doc: Document, articleRoot: Element | null, stats?: DomStats, titles = pageTitles(doc)): Element | null {
  const { wanted } = titles;
  const limit = Math.min(120, titles.limit);
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of titles.headlineCandidates()) {
    // A title-classed wrapper of a whole column is too long to be read at all: a CJK character
    // weighs 1 and counts 1, a word weighs 1.5 and counts at least 1, so past 1.5 × limit in
    // weight its text is past the limit in length.
    if (stats && stats.of(el).weight > limit * 1.5) continue;
    const raw = el.textContent ?? '';
    // Title-classed wrappers can hold whole columns: count before normalising all that text.
    const length = titleLength(raw, limit);
    if (length < 4 || length > limit) continue;
    const match = titleMatch(normalizeTitle(raw), wanted);
    if (!match || el.closest('a')) continue;
    // DOCUMENT_POSITION_FOLLOWING (4): the root comes after the headline, as on a page.
    const beforeRoot = !articleRoot || (el.compareDocumentPosition(articleRoot) & 4) !== 0 || el.contains(articleRoot) || articleRoot.contains(el);
    const score = match + (TAG_RANK[el.tagName] ?? 0) + (beforeRoot ? 1 : 0);
    // Later equals win only while they still precede the root: the nearest heading above the story.
    if (score > bestScore || (score === bestScore && beforeRoot && articleRoot)) {
      best = el;
      bestScore = score;
    }
  }
  return best ?? headlineByText(doc, wanted) ?? doc.querySelector('h1');
}

/** True when the element reads as the page's announced title (not a site logo or channel name in an h1). */
export function readsAsTitle({ wanted, limit }: PageTitles, el: Element): boolean {
  const raw = el.textContent ?? '';
  return titleLength(raw, limit) <= limit && titleMatch(normalizeTitle(raw), wanted) > 0;
}

/**
 * A normalised text longer than this matches none of the wanted titles (titleMatch wants the
 * shorter at least 0.6 of the longer), so it need not be normalised; one spare for rounding.
 */
function matchLimit(wanted: string[]): number {
  return Math.ceil(longestTitle(wanted) / 0.6) + 1;
}

const longestTitle = (wanted: string[]): number => Math.max(0, ...wanted.map((w) => w.length));

/**
 * Old table-layout portals print the headline in `<td><font><b>`: find the first text whose
 * element reads as the title, and take its outermost ancestor with the same text.
 */
function headlineByText(doc: Document, wanted: string[]): Element | null {
  if (!doc.body) return null;
  const longest = longestTitle(wanted);
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Only a text no longer than a wanted title can equal or lie inside one: most are normalised not at all.
    const length = titleLength(node.nodeValue ?? '', longest);
    if (length < 6 || length > longest) continue;
    const text = normalizeTitle(node.nodeValue ?? '');
    if (!wanted.some((w) => w === text || (w.includes(text) && text.length >= w.length * 0.6))) continue;
    let el = node.parentElement;
    // A linked title is a list's (an e-paper's list of the page's stories), though the cell that holds the link has its text.
    if (!el || el.closest('a')) continue;
    while (el.parentElement && el.parentElement !== doc.body && normalizeTitle(el.parentElement.textContent ?? '') === text) el = el.parentElement;
    if (el.tagName !== 'TITLE' && el.closest('a') === null) return el;
  }
  return null;
}

function normalizeTitle(s: string): string {
  return collapseSpace(s).replace(TITLE_NOISE, '');
}

const TITLE_NOISE = /[\s"“”'‘’《》:：,，!！?？]/g;
/** TITLE_NOISE's characters other than white space, by code. */
const NOISE_CODES = new Set(Array.from('"“”\'‘’《》:：,，!！?？', (ch) => ch.charCodeAt(0)));

/** normalizeTitle(s).length, counted without building it; stops counting once past `limit`. */
function titleLength(s: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n <= limit; i++) {
    // By code, with no pattern or string per character: a CJK headline is all non-ASCII.
    const c = s.charCodeAt(i);
    if (!(CHAR_KINDS[c]! & SPACE_CHAR) && !NOISE_CODES.has(c)) n++;
  }
  return n;
}

/** The headline text a reader sees. */
export function articleTitle(doc: Document, headline: Element | null): string | null {
  const fromEl = headline ? collapseSpace(headline.textContent ?? '') : '';
  if (fromEl) return fromEl;
  const og = metaContent(doc, 'og:title');
  if (og) return og;
  const t = titleWithoutSuffix(doc);
  return t || null;
}

/** Classes a story's own title line goes by where no heading tag marks it (rumor-title, Heading). */
const TITLE_CLASSES = '[class*=title], [class*=Title], [class*=heading], [class*=Heading]';
/** The longest title line taken: longer, it is a summary or a box. */
const TITLE_LINE_MAX = 80;

/**
 * The story's title line where no headline restates the page's titles and no h1 stands in (a
 * `<title>` naming only the site or the section, 科普中国-辟谣文章, or none at all): the nearest
 * title- or heading-classed element before the story that shares its box (its parent or the one
 * above holds the story), of a headline's length and without a link.
 */
export function titleLineAbove(doc: Document, root: Element): Element | null {
  let found: Element | null = null;
  for (const el of doc.querySelectorAll(TITLE_CLASSES)) {
    // DOCUMENT_POSITION_PRECEDING (2): the story starts before this one, and so before all later ones.
    if (el.compareDocumentPosition(root) & 2) break;
    if (el.contains(root)) continue;
    const box = el.parentElement;
    if (!box || !(box.contains(root) || box.parentElement?.contains(root))) continue;
    const length = collapseSpace(el.textContent ?? '').length;
    if (length >= 4 && length <= TITLE_LINE_MAX && !el.closest('a') && !el.querySelector('a')) found = el;
  }
  return found;
}

/** A subtitle run on after the headline in the page's titles: 主标题——副标题. */
const SUBTITLE_DASH = /—{2,}/;
/** How many texts before the story are read for its headline set apart from its subtitle. */
const MAIN_TITLE_TEXTS = 30;

/**
 * The headline where the page's titles run a subtitle on after it (主标题——副标题) but the page
 * prints the two on lines of their own, so no element reads as the whole title: the nearest text
 * before the story that is the part before the dash, not a link, in its outermost element of that
 * text. Read only a few texts back from the story, never the whole page.
 */
export function mainTitleAbove(doc: Document, root: Element, { wanted }: PageTitles): Element | null {
  const titled = wanted.find((w) => SUBTITLE_DASH.test(w));
  const main = titled ? normalizeTitle(titled.split(SUBTITLE_DASH)[0]!) : '';
  if (main.length < 6 || !doc.body) return null;
  for (const node of shownTextsBefore(root, MAIN_TITLE_TEXTS)) {
    const raw = node.nodeValue ?? '';
    let el = node.parentElement!;
    if (el.closest('a') || titleLength(raw, main.length) !== main.length || normalizeTitle(raw) !== main) continue;
    while (el.parentElement && el.parentElement !== doc.body && normalizeTitle(el.parentElement.textContent ?? '') === main) el = el.parentElement;
    return el;
  }
  return null;
}

/** The texts before `el`, nearest first: up to `max` that show something (not blank, not in an invisible element). */
function* shownTextsBefore(el: Element, max: number): Generator<Text> {
  const body = el.ownerDocument.body;
  if (!body) return;
  const walker = el.ownerDocument.createTreeWalker(body, SHOW_TEXT);
  walker.currentNode = el;
  for (let node = walker.previousNode(), n = 0; node && n < max; node = walker.previousNode()) {
    const parent = node.parentElement;
    if (!(node.nodeValue ?? '').trim() || !parent || isInvisible(parent)) continue;
    n++;
    yield node as Text;
  }
}

/**
 * 2024-02-23 09:42, 2024年2月23日 下午2:20, 2024年3月5日(火) 14時20分, 2024.03.05. 오후 2:20: the
 * date, then perhaps its weekday and which half of the day, then the time.
 */
const DATE_TIME =
  /((?:19|20)\d{2})\s*[-/年.년]\s*(\d{1,2})\s*[-/月.월]\s*(\d{1,2})\s*[日일]?(?:(?:T|\.?\s*)(?:[(（][^)）\d]{1,3}[)）]|(?:星期|周|週)[一二三四五六日天])?\s*(上午|下午|午前|午後|오전|오후)?\s*(\d{1,2})[:：時时](\d{2})(?:[:：](\d{2}))?)?/;
/** The afternoon's words of the 12-hour clocks above: 下午, 午後, 오후. */
const AFTERNOON = /^(?:下午|午後|오후)$/;
/** Taiwan's 民國 years (民國113年3月5日): the republic's first year was 1912. */
const ROC_DATE = /民[国國]\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})[:：](\d{2}))?/;
const ROC_YEAR_ZERO = 1911;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * English dates, the day before or after the month (March 5, 2024; Mar. 5, 2024; 5th March 2024;
 * a blog's Dec 28 Sat 2013), with the time after them when given (8:00 a.m., at 8:05 PM, 14:30).
 */
const EN_DATE =
  /\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?)?((?:19|20)\d{2})\b(?:,?\s*(?:at\s+)?(\d{1,2}):(\d{2})(?:\s*([ap])\.?\s?m\b\.?)?)?/i;

/** The ISO form of a calendar date (null for none, 2024-02-30), with its time when given. */
function isoOf(year: number, month: number, day: number, hour?: number, minute?: string, second?: string): string | null {
  if (month < 1 || month > 12 || day < 1 || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (hour === undefined || minute === undefined || hour > 23) return date;
  return `${date}T${String(hour).padStart(2, '0')}:${minute}:${(second ?? '00').padStart(2, '0')}`;
}

/** A 12-hour clock's hour on the 24-hour clock (12 a.m. is 0). */
function hour24(hour: number, half: string | undefined): number {
  if (!half) return hour;
  return (hour % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
}

/** Turns `2024-02-23 09:42`, `2024年2月23日`, `民國113年2月23日`, `Feb. 23, 2024 9:42 a.m.` into ISO 8601 (date or local date-time). */
export function isoDate(text: string): string | null {
  const m = DATE_TIME.exec(text);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]), m[5] === undefined ? undefined : hour24(Number(m[5]), m[4] ? (AFTERNOON.test(m[4]) ? 'p' : 'a') : undefined), m[6], m[7]);
  const roc = ROC_DATE.exec(text);
  if (roc) return isoOf(Number(roc[1]) + ROC_YEAR_ZERO, Number(roc[2]), Number(roc[3]), roc[4] === undefined ? undefined : Number(roc[4]), roc[5]);
  const en = EN_DATE.exec(text);
  // The day stands on one side of the month: March 2024 names no day.
  const day = en?.[1] ?? en?.[3];
  if (!en || day === undefined || (en[1] !== undefined && en[3] !== undefined)) return null;
  const hour = en[5] === undefined ? undefined : hour24(Number(en[5]), en[7]);
  return isoOf(Number(en[4]), MONTHS.indexOf(en[2]!.slice(0, 3).toLowerCase()) + 1, Number(day), hour, en[6]);
}

/** A date's label (发布日期：, 时间：, Published:), the date right after it. */
const DATE_LABEL = /(?:(?:发布|发表|更新|刊登)?(?:日期|时间)|(?:Published|Posted|Date)(?: on)?)\s*[:：]\s*/gi;
/** How far after its label a labelled date is read. */
const LABELLED_SPAN = 40;
/** How a date opens: a digit, 民國, a month's or a weekday's name. A label followed by other words (发布日期：待定) dates nothing. */
const DATE_START = /^(?:\d|民[国國]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun))/i;

/** The date a line states under a label (发布日期： 2019-03-06 责任编辑：龙慧 → 2019-03-06), as ISO. */
export function labelledDate(text: string): string | null {
  for (const m of text.matchAll(DATE_LABEL)) {
    const start = m.index + m[0].length;
    const after = text.slice(start, start + LABELLED_SPAN);
    const date = DATE_START.test(after) ? isoDate(after) : null;
    if (date) return date;
  }
  return null;
}

/**
 * A date said relative to the moment the page is read, as feeds and mobile portals print it:
 * 3小时前, 昨天 14:20, 刚刚; 3時間前, 昨日; 3시간 전, 어제; 3 hours ago, yesterday.
 */
const RELATIVE_AGO = /(\d{1,3})\s*(?:(分钟|分鐘|分|분|minutes?|mins?)|(小时|小時|時間|시간|hours?|hrs?)|(天|日|일|days?))\s*(?:前|전|ago)(?![\u4e00-\u9fff])/i;
const RELATIVE_DAY = /(刚刚|剛剛|たった今|방금|just now)|(今天|今日|오늘|today)|(昨天|昨日|어제|yesterday)|(前天|一昨日|그저께)/i;
const CLOCK = /^\s*(?:at\s+)?(\d{1,2})[:：](\d{2})/i;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The local calendar date of `t` (and its clock time, when the page stated one), as ISO. */
function localIso(t: Date, clock?: [number, string]): string | null {
  return isoOf(t.getFullYear(), t.getMonth() + 1, t.getDate(), clock?.[0], clock?.[1]);
}

/**
 * The date a relative phrase names, read at `now`: the day it falls on (the hour of 3小时前 is not
 * known closer than within the hour, so none is given), or the day and the clock time a day's name
 * is printed with (昨天 14:20). Null when the text says no such thing.
 */
export function relativeDate(text: string, now: Date): string | null {
  const ago = RELATIVE_AGO.exec(text);
  if (ago) {
    const n = Number(ago[1]);
    const span = ago[2] ? MINUTE : ago[3] ? 60 * MINUTE : DAY;
    return localIso(new Date(now.getTime() - n * span));
  }
  const day = RELATIVE_DAY.exec(text);
  if (!day) return null;
  if (day[1]) return localIso(now);
  // A day's name counts only with its clock time: 今日 alone may be a name (今日头条), not a date.
  const clock = CLOCK.exec(text.slice(day.index + day[0].length));
  if (!clock) return null;
  const back = day[2] ? 0 : day[3] ? 1 : 2;
  return localIso(new Date(now.getFullYear(), now.getMonth(), now.getDate() - back), [Number(clock[1]), clock[2]!]);
}

/** A date in a URL's path (/2024-02/23/, /2024/02/23/, /20240223/, t20240223_): portals file stories by the day they ran. */
const URL_DATE = /[/_t]((?:19|20)\d{2})[-/]?(\d{2})[-/]?(\d{2})(?=[/_.-]|$)/;
/**
 * A date without its year (03-05 08:00, 3月5日 08:00, 3/5(火) 14:20), as a meta line prints this
 * year's stories: month, day, the weekday in brackets when printed, hour, minute.
 */
const YEARLESS_DATE = /(?<![\d年./-])(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?(?:\s*[(（]([日月火水木金土])[)）]\s*|\s+)(\d{1,2})[:：](\d{2})(?![\d/-])/;
/** The weekdays' names as the brackets print them, from Sunday (Date#getDay's order). */
const WEEKDAYS = '日月火水木金土';
/** How many years back a yearless date is looked for on its printed weekday (the calendar repeats in 6 to 11). */
const WEEKDAY_YEARS = 6;

/** The date a URL's path files the story under, if any. */
function urlDate(url: string | null): { year: number; month: number; day: number } | null {
  const path = url ? url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/, '') : '';
  const m = URL_DATE.exec(path);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isoOf(year, month, day) ? { year, month, day } : null;
}

/**
 * The year a live page's yearless date falls in, read at `now`: the latest that does not put it
 * after today (a day's grace for the site's time zone), and on the printed weekday when there is
 * one. Null when no year of the last few puts the day on that weekday: then it is no date.
 */
function yearOf(month: number, day: number, weekday: string | undefined, now: Date): number | null {
  const latest = now.getTime() + DAY;
  for (let year = now.getFullYear(), n = 0; n <= WEEKDAY_YEARS; year--, n++) {
    const date = new Date(year, month - 1, day);
    if (date.getMonth() !== month - 1 || date.getTime() > latest) continue;
    if (weekday === undefined || WEEKDAYS[date.getDay()] === weekday) return year;
  }
  return null;
}

/**
 * A date a page states for machines: ISO 8601 kept as written (its offset with it), else read as
 * text. Many CMSes write the time after a space (PubDate 2022-02-11 09:52): it is the same time.
 */
function statedDate(candidate: string): string | null {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?))?(?![\d:])/.exec(candidate.trim());
  if (!iso) return isoDate(candidate);
  return iso[2] ? `${iso[1]}T${iso[2]}` : iso[1]!;
}

/**
 * The publish date: structured metadata first (a day alone there takes the time the meta line
 * prints on that day), then the meta line under the headline (the text
 * between the headline and the body), then a `<time>` element, then a short line just above the
 * headline, then the short blocks opening the story's box (see storyOpeningText), then a digital
 * edition's issue date (see editionDate), then (given the moment the page is read, `now`) a
 * relative date in the meta line.
 * Last the URL's date: it completes a meta line's date printed without its year, or stands alone;
 * without one, `now` completes such a date (see yearOf).
 */
export function publishedAt(
  doc: Document,
  headline: Element | null,
  articleRoot: Element | null,
  metaLine = metaLineText(headline, articleRoot),
  url: string | null = null,
  now: Date | null = null,
): string | null {
  const meta = metaContent(doc, 'article:published_time', 'og:article:published_time', 'pubdate', 'publishdate', 'PubDate', 'publish_date', 'datePublished', 'date', 'dc.date', 'sailthru.date', 'parsely-pub-date');
  const ld = jsonLdArticle(doc)?.['datePublished'];
  const fromLine = metaLine ? isoDate(metaLine) : null;
  for (const candidate of [meta, typeof ld === 'string' ? ld : null]) {
    const stated = candidate ? statedDate(candidate) : null;
    // Metadata naming only the day the meta line prints with its time (2024年05月10日06:58) gains that time.
    if (stated) return stated.length === 10 && fromLine?.startsWith(`${stated}T`) ? fromLine : stated;
  }
  if (fromLine) return fromLine;
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime');
  const timed = time ? statedDate(time) : null;
  if (timed) return timed;
  const above = isoDate(lineAboveText(headline, articleRoot));
  if (above) return above;
  const opening = storyOpeningText(headline, articleRoot);
  const boxed = opening ? (isoDate(opening) ?? stackedDate(opening)) : null;
  if (boxed) return boxed;
  const edition = editionDate(headline);
  if (edition) return edition;
  // A live page is read as it is shown, so its 3小时前 can be dated; a saved one cannot know when it was saved.
  const relative = now && metaLine ? relativeDate(metaLine, now) : null;
  if (relative) return relative;
  const yearless = YEARLESS_DATE.exec(metaLine);
  const inYear = (m: RegExpExecArray, year: number): string | null => isoOf(year, Number(m[1]), Number(m[2]), Number(m[4]), m[5]);
  const filed = urlDate(url);
  if (!filed) {
    // Nor can a saved page tell which year printed its 3/5(火) 14:20 as this year's: a live one can.
    const year = yearless && now ? yearOf(Number(yearless[1]), Number(yearless[2]), yearless[3], now) : null;
    return year === null ? null : inYear(yearless!, year);
  }
  // The meta line's month must be the URL's: a stray 12-31 is no date of this story.
  return (yearless && Number(yearless[1]) === filed.month ? inYear(yearless, filed.year) : null) ?? isoOf(filed.year, filed.month, filed.day);
}

/** How many levels above the headline the meta line is looked for (a title cell, its row, its table). */
const META_LINE_LEVELS = 4;

/**
 * The headline and the elements around it whose neighbours may be its meta line: its parent, then
 * each wrapper holding the headline alone (a table-layout portal prints the title in a table of
 * its own and the meta line in the next).
 */
function* headlineLevels(headline: Element | null, articleRoot: Element | null): Generator<Element> {
  const own = headline ? trimmedLength(headline.textContent ?? '') : 0;
  for (let level = headline, n = 0; level && level !== articleRoot && n <= META_LINE_LEVELS; n++) {
    yield level;
    const parent: Element | null = level.parentElement;
    level = n === 0 || (parent && trimmedLength(parent.textContent ?? '') === own) ? parent : null;
  }
}

/**
 * The text around the headline where portals print date, 来源 and 作者: the siblings that follow
 * the headline, up to the article root; when none has text, those that follow the next of its
 * levels (see headlineLevels).
 */
export function metaLineText(headline: Element | null, articleRoot: Element | null): string {
  const parts: string[] = [];
  let n = 0;
  for (const level of headlineLevels(headline, articleRoot)) {
    // The headline's own siblings are read further than a wrapper's, which may be a page column's.
    const reachedStory = readFollowing(level, n++ === 0 ? 4 : 2, articleRoot, parts);
    if (reachedStory || parts.join('').trim()) break;
  }
  return collapseSpace(parts.join(' ')).slice(0, 300);
}

/** The longest line above the headline read for its date: a dateline, not a block of teasers. */
const LINE_ABOVE_MAX = 40;

/** The short line of plain text printed just above the headline (a blog's "Dec 28 Sat 2013 00:28"), if any; dated links above it are teasers. */
function lineAboveText(headline: Element | null, articleRoot: Element | null): string {
  for (const level of headlineLevels(headline, articleRoot)) {
    const above = level.previousElementSibling;
    const raw = above?.textContent ?? '';
    // A whole column or header above the title is no dateline: settled before its text is read.
    if (raw.length > LINE_ABOVE_MAX * 10) return '';
    if (trimmedLength(raw) === 0) continue;
    if (above!.querySelector('a[href]')) return '';
    const text = collapseSpace(raw).trim();
    return text.length <= LINE_ABOVE_MAX ? text : '';
  }
  return '';
}

/** The most text the blocks opening the story's box may hold to be read for its date: a rail's date and byline, not a lead paragraph. */
const OPENING_MAX = 80;

/**
 * The short blocks that open the story's box, in front of the story (a rail beside it printing the
 * date, the account and share buttons: 2019 09/07 19:02 扬眼 分享), block by block, when the
 * headline's next sibling holds the story rather than a meta line.
 */
function storyOpeningText(headline: Element | null, articleRoot: Element | null): string {
  if (!articleRoot) return '';
  for (const level of headlineLevels(headline, articleRoot)) {
    const box = level.nextElementSibling;
    if (!box) continue;
    if (box === articleRoot || !box.contains(articleRoot)) return '';
    const parts: string[] = [];
    let length = 0;
    for (let child = box.firstElementChild; child && child !== articleRoot && !child.contains(articleRoot); child = child.nextElementSibling) {
      // Asked of the browser's own text first, so a long block is never walked.
      length += (child.textContent ?? '').length;
      if (length > OPENING_MAX * 2) return '';
      parts.push(visibleText(child));
    }
    const text = parts.join(' ').trim();
    // A sentence (2024年3月6日，县里召开…) is a lead paragraph's, dated by what it reports.
    return text.length <= OPENING_MAX && !SENTENCE_MARK.test(text) ? text : '';
  }
  return '';
}

/** A sentence's marks: a line holding one is prose, not a meta line. */
const SENTENCE_MARK = /[，。！？；]/;

/** A date set as a stack of blocks, opening the text: the year, then month/day, then the time (2019 09/07 19:02). */
const STACKED_DATE = /^((?:19|20)\d{2})\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s+(\d{1,2})[:：](\d{2}))?(?=\s|$)/;

function stackedDate(text: string): string | null {
  const m = STACKED_DATE.exec(text);
  return m ? isoOf(Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? undefined : Number(m[4]), m[5]) : null;
}

/** A digital edition's own words: 第A01版, 上一版 / 下一版, 版面导航, 数字报. */
const EDITION_WORD = /第\s*[A-Za-z]?\d{1,3}\s*版|[上下]一版|版面导航|数字报/;
/** A line that is a whole date with its year and nothing else but its weekday (2022年02月12日 星期六). */
const DATE_ALONE = /^\s*(?:19|20)\d{2}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?\s*(?:(?:星期|周|週)[一二三四五六日天])?\s*$/;
/** How many texts before the headline are read for a digital edition's date and its words. */
const EDITION_TEXTS = 60;

/**
 * A newspaper's digital edition (数字报) prints the date once, alone on a line in the bar
 * above the story with its page navigation (第A01版, 下一版), and no date by the headline: that is
 * the story's date. Read from the texts just before the headline, never a link's (a calendar of
 * past issues), and only where those texts show the edition's words, as elsewhere a date alone
 * in the page's bar is today's.
 */
function editionDate(headline: Element | null): string | null {
  if (!headline) return null;
  const texts: string[] = [];
  let date: string | null = null;
  for (const node of shownTextsBefore(headline, EDITION_TEXTS)) {
    const text = node.nodeValue ?? '';
    texts.push(text.trim());
    if (!date && text.length <= LINE_ABOVE_MAX && DATE_ALONE.test(text) && !node.parentElement!.closest('a')) date = isoDate(text);
  }
  // Joined in reading order: a vertical button prints 下一版 a character a line.
  return date && EDITION_WORD.test(texts.reverse().join('')) ? date : null;
}

/** Adds the texts of up to `max` siblings after `el` to `parts`; true when the story follows (what comes after it is not the meta line). */
function readFollowing(el: Element, max: number, articleRoot: Element | null, parts: string[]): boolean {
  for (let node = el.nextElementSibling, k = 0; node && k < max; node = node.nextElementSibling, k++) {
    if (articleRoot && (node === articleRoot || node.contains(articleRoot))) return true;
    parts.push(node.textContent ?? '');
  }
  return false;
}

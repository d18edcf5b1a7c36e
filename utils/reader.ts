/**
 * The reader view's article: Readability's rendering of a clone of the page, checked against the
 * analysis core's body and replaced by it when the two disagree badly (portals where Readability
 * takes the long teaser block, or keeps half the story), then sanitised. Pure DOM code.
 */
import { Readability } from '@mozilla/readability';
import DOMPurify, { type WindowLike } from 'dompurify';
import type { Analysis } from './analysis-types';
import { HIDDEN_ATTR, KEPT_ATTR } from './cleanup-style';
import { isoDate } from './page-meta';
import { storyLanguage } from './story-language';
import { collapseSpace, hiddenByMarkup, similarityTokens, textWeight, visibleText } from './text';

export interface ReaderArticle {
  title: string | null;
  byline: string | null;
  publisher: string | null;
  publishedAt: string | null;
  /** Sanitised article HTML: the only HTML the reader view renders. */
  html: string;
  /** The visible text of `html`, for anchoring highlights. */
  text: string;
  /**
   * The story's language (see {@link storyLanguage}). The story keeps it inside a reader in the
   * reader's own language, so a screen reader speaks it in the right voice and type is set in the
   * right faces.
   */
  lang: string;
  /** The story's writing direction as the page marks it (an Arabic page's rtl), null when unmarked. */
  dir: 'rtl' | 'ltr' | null;
  /** True when the core's body was shown instead of Readability's choice. */
  usedCoreBody: boolean;
  /** Why that source was chosen, with the overlap measured. */
  reason: string;
}

/** What the analysis core found on the page (`analyzePage`'s result fits). */
export interface CoreBody {
  root: Element | null;
  analysis: Analysis;
}

/** Sanitises article HTML; build it with `makePurifier`. */
export type Purify = (html: string) => string;

/**
 * Below these, Readability's choice is not the story: it kept too little of the core's text
 * (dropped half the story) or too much of its own text is not in the story (a teaser block).
 */
export const MIN_STORY_RECALL = 0.7;
export const MIN_STORY_PRECISION = 0.6;

/** Tags the reader never shows, together with everything inside them. */
const DROPPED_WITH_CONTENT = ['form', 'input', 'button', 'select', 'textarea', 'iframe', 'frame', 'frameset', 'object', 'embed', 'video', 'audio', 'canvas', 'style', 'link', 'meta', 'base'];

/**
 * The one sanitiser configuration for reader HTML, bound to `window` (the content script's, or
 * jsdom's in tests): no scripts, handlers, styles, frames, forms or media; links only to
 * http(s), mailto and fragments; images only with an http(s) src. Classes, ids and data
 * attributes go too, so page markup can't match the reader's stylesheet or carry our own
 * `data-sourcemark-*` marks into the view.
 */
export function makePurifier(window: WindowLike): Purify {
  const purifier = DOMPurify(window);
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    if (node.nodeName === 'IMG' && data.attrName === 'src' && !/^https?:/i.test(data.attrValue)) data.keepAttr = false;
  });
  // Judged on the attributes as the page gave them: the sanitiser drops width and height.
  const icons = new WeakSet<Node>();
  purifier.addHook('beforeSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG' && isSiteIcon(node as Element)) icons.add(node);
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    // An image without a usable source is only a broken-image icon; a favicon or spacer is the site's.
    if (node.nodeName === 'IMG' && (!(node as Element).hasAttribute('src') || icons.has(node))) (node as Element).remove();
  });
  const config = {
    USE_PROFILES: { html: true },
    FORBID_TAGS: DROPPED_WITH_CONTENT,
    ADD_FORBID_CONTENTS: DROPPED_WITH_CONTENT,
    FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'target'],
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  };
  return (html) => purifier.sanitize(html, config);
}

/** Site furniture among the story's pictures: favicons, spacers, tracking pixels. */
const ICON_SRC = /favicon|\.ico(?:$|[?#])|(?:^|[/_.-])(?:spacer|blank)(?:[_.-][^/]*)?\.(?:gif|png|jpe?g|webp|svg)\b/i;
/** An image declared this small or smaller on both sides is an icon. */
const ICON_MAX_PX = 24;

function isSiteIcon(img: Element): boolean {
  const width = Number(img.getAttribute('width'));
  const height = Number(img.getAttribute('height'));
  return ICON_SRC.test(img.getAttribute('src') ?? '') || (width > 0 && height > 0 && width <= ICON_MAX_PX && height <= ICON_MAX_PX);
}

/**
 * The reader article for `doc`, or null when neither Readability nor the core found one. The live
 * document is never modified: Readability runs on a clone and the core body is cloned.
 */
export function buildReaderArticle(doc: Document, core: CoreBody, purify: Purify): ReaderArticle | null {
  const { analysis, root } = core;
  const parsed = new Readability(withoutClutter(doc.cloneNode(true) as Document, analysis, doc.baseURI)).parse();
  const storyText = root ? analysis.article?.text || visibleText(root) : '';
  const choice = chooseSource(parsed?.textContent ?? null, storyText);
  const useCore = choice.useCore && root !== null;
  const body = useCore ? coreBodyClone(doc, root, analysis) : parsed?.content ? parseInert(doc, parsed.content) : null;
  if (!body) return null;
  unwrapLayoutTables(body);
  const publishedAt = analysis.publishedAt ?? parsed?.publishedTime ?? null;
  const publisher = analysis.publisher ?? parsed?.siteName ?? null;
  stripHeader(body, analysis.title, { dated: publishedAt !== null, named: publisher !== null });
  const html = purify(body.innerHTML);
  const text = visibleText(parseInert(doc, html));
  return {
    title: analysis.title ?? parsed?.title ?? null,
    byline: creditLine(analysis) ?? plausibleByline(parsed?.byline, analysis),
    publisher,
    publishedAt,
    html,
    text,
    lang: storyLanguage(doc.documentElement.lang, text),
    // Readability's is the dir of the story's nearest marked ancestor, <html> included; the core's alike.
    dir: writingDirection(useCore ? root.closest('[dir]')?.getAttribute('dir') : parsed?.dir),
    usedCoreBody: useCore,
    reason: choice.reason,
  };
}

function writingDirection(dir: string | null | undefined): ReaderArticle['dir'] {
  const d = dir?.trim().toLowerCase();
  return d === 'rtl' || d === 'ltr' ? d : null;
}

/** Whether to show the core's body rather than Readability's, with the measured overlap. */
export function chooseSource(readabilityText: string | null, storyText: string): { useCore: boolean; reason: string } {
  if (!storyText) return { useCore: false, reason: 'no core body: Readability used' };
  if (!readabilityText?.trim()) return { useCore: true, reason: 'Readability found no article: core body used' };
  const story = new Set(similarityTokens(storyText));
  const picked = new Set(similarityTokens(readabilityText));
  let shared = 0;
  for (const t of picked) if (story.has(t)) shared++;
  // A side without comparable tokens (symbols only) can't outvote the other.
  const recall = story.size ? shared / story.size : 1;
  const precision = picked.size && story.size ? shared / picked.size : 1;
  const measured = `Readability kept ${pct(recall)} of the story's tokens; ${pct(precision)} of its own are in the story`;
  const useCore = recall < MIN_STORY_RECALL || precision < MIN_STORY_PRECISION;
  return { useCore, reason: `${measured}: ${useCore ? 'core body used' : 'Readability used'}` };
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * A clone of the page for Readability without what the core hid (an ad inside the story, a
 * disclaimer and teasers after it: Readability keeps such blocks when they share the story's
 * container) and without our own injected UI, its lazy images resolved: Readability recovers only
 * lazy addresses ending .jpg/.png/.webp (not WeChat's …/640?wx_fmt=png) and no <picture>'s.
 */
function withoutClutter(clone: Document, analysis: Analysis, base: string): Document {
  for (const el of clutterUnder(clone, clone.documentElement, analysis)) el.remove();
  resolveUrls(clone.documentElement, base);
  return clone;
}

/**
 * What the reader leaves out under `scope`: what the core hid, found by its selectors or by the
 * marks on the live page, and our own UI (the provenance card's host, the reader overlay). Not
 * what the reader kept on the page ("Never hide this": the page's mark says so). Collected before
 * anything is removed, while the selectors still point where they did.
 */
function clutterUnder(doc: Document, scope: Element, analysis: Analysis): Set<Element> {
  const drop = new Set<Element>();
  for (const item of analysis.hidden) {
    const el = safeQuery(doc, item.selector);
    if (el && scope.contains(el) && el !== scope && !el.hasAttribute(KEPT_ATTR)) drop.add(el);
  }
  for (const el of Array.from(scope.querySelectorAll('*'))) {
    if ((el.hasAttribute(HIDDEN_ATTR) && !el.hasAttribute(KEPT_ATTR)) || el.tagName.startsWith('SOURCEMARK-')) drop.add(el);
  }
  return drop;
}

/**
 * The core body, copied into an inert document (nothing loads or runs there) without the clutter
 * the core hides inside it and the markup-hidden elements, with lazy images resolved and links
 * made absolute so they work outside the page.
 */
function coreBodyClone(doc: Document, root: Element, analysis: Analysis): Element {
  const drop = clutterUnder(doc, root, analysis);
  for (const el of Array.from(root.querySelectorAll('*'))) if (hiddenByMarkup(el)) drop.add(el);
  const clone = doc.implementation.createHTMLDocument('').importNode(root, true);
  // Map live elements to the copy by their child-index path before the copy changes.
  const targets = Array.from(drop, (el) => follow(clone, pathFrom(root, el)));
  for (const el of targets) el?.remove();
  resolveUrls(clone, doc.baseURI);
  return clone;
}

/** Sanitised or Readability HTML as the body of an inert document. */
function parseInert(doc: Document, html: string): HTMLElement {
  return new (doc.defaultView ?? globalThis).DOMParser().parseFromString(html, 'text/html').body;
}

/**
 * Old portals set the whole story inside a table's cell, beside spacer cells; drawn as a table, it
 * reads as a bordered box with empty columns. A table of one row, one of whose cells holds
 * paragraphs, is layout, not data: its cells' contents take its place, each in a block of its own.
 * A table of several rows (a timeline, questions and answers) stays a table.
 */
function unwrapLayoutTables(body: Element): void {
  for (const table of Array.from(body.querySelectorAll('table')).reverse()) {
    const rows = Array.from(table.querySelectorAll('tr')).filter((row) => row.closest('table') === table);
    const cells = rows.length === 1 ? Array.from(rows[0]!.children).filter((cell) => cell.matches('td, th')) : [];
    if (!cells.some((cell) => cell.querySelectorAll(':scope > p').length >= 2)) continue;
    const flow = table.ownerDocument.createElement('div');
    for (const cell of cells) {
      if (!collapseSpace(cell.textContent ?? '') && !cell.querySelector('img')) continue;
      const block = table.ownerDocument.createElement('div');
      block.append(...Array.from(cell.childNodes));
      flow.append(block);
    }
    table.replaceWith(flow);
  }
}

/**
 * The headline and its date line: the reader header shows them already. Where Readability left
 * the headline out, a date line may still open the story (2018-08-16; 香港電台-財經 above
 * 2024年5月22日週三 上午8:21; TNW中文站2016年10月14日07:17): that goes too, when the header
 * shows a date (and the name line above it, when it shows a publisher).
 */
function stripHeader(body: Element, title: string | null, header: { dated: boolean; named: boolean }): void {
  const headline = headlineIn(body, title);
  if (!headline) {
    if (header.dated) for (const el of openingDateLines(body, header.named)) el.remove();
    return;
  }
  for (const el of dateLinesAfter(headline)) el.remove();
  headline.remove();
}

const BLOCKS = 'p, div, li, h1, h2, h3, h4, h5, h6, table, section, article, blockquote, ul, ol, figure, header';
/** A sentence's marks: a line with one is the story speaking, not its date line. */
const SENTENCE = /[，。！？；]|[.!?](?<![ap]\.m\.)$/i;
/** What a date line holds besides its date: a weekday, 上午, its 来源 (来源：北京青年报), a site's name. */
const DATE_LINE_REST = 20;
/** A site's or column's name on the line above a date line (香港電台-財經). */
const NAME_LINE = 16;

/** The innermost blocks with text at the start of `body`, in order, up to `max`. */
function openingLines(body: Element, max: number): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(body.querySelectorAll(BLOCKS))) {
    if (out.length === max) break;
    if (!collapseSpace(el.textContent ?? '') || el.querySelector(BLOCKS)) continue;
    out.push(el);
  }
  return out;
}

function isDateLine(el: Element): boolean {
  const text = collapseSpace(el.textContent ?? '');
  const rest = text.replace(/[\d\s年月日时時分秒:：\-/.]/g, '');
  return !el.querySelector('img') && isoDate(text) !== null && rest.length <= DATE_LINE_REST && !SENTENCE.test(text);
}

/** The date line opening the story, and (with `named`) a name line just above it. */
function openingDateLines(body: Element, named: boolean): Element[] {
  const [first, second] = openingLines(body, 2);
  if (!first) return [];
  if (isDateLine(first)) return [first];
  const name = collapseSpace(first.textContent ?? '');
  const nameLine = named && name.length <= NAME_LINE && !/\d/.test(name) && !SENTENCE.test(name) && !first.querySelector('img');
  return nameLine && second && isDateLine(second) ? [first, second] : [];
}

function safeQuery(doc: Document, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    return null;
  }
}

function headlineIn(root: Element, title: string | null): Element | null {
  if (!title) return null;
  const want = collapseSpace(title);
  for (const el of Array.from(root.querySelectorAll('h1, h2, h3, [class*=title]'))) {
    if (collapseSpace(el.textContent ?? '') === want) return el;
  }
  return null;
}

/** The short lines right after the headline that carry the date (and usually 来源 / 作者). */
function dateLinesAfter(headline: Element): Element[] {
  const out: Element[] = [];
  for (let el = headline.nextElementSibling, n = 0; el && n < 2; el = el.nextElementSibling, n++) {
    const text = collapseSpace(el.textContent ?? '');
    if (textWeight(text) > 60 || el.querySelector('p, img') || !isoDate(text)) break;
    out.push(el);
  }
  return out;
}

function pathFrom(root: Element, el: Element): number[] {
  const path: number[] = [];
  for (let n: Element = el; n !== root && n.parentElement; n = n.parentElement) {
    path.unshift(Array.prototype.indexOf.call(n.parentElement.children, n));
  }
  return path;
}

function follow(root: Element, path: number[]): Element | null {
  let n: Element | null = root;
  for (const i of path) n = n?.children[i] ?? null;
  return n;
}

/** Lazy-loading attributes portals put the real image URL in. */
const LAZY_SRC = ['data-src', 'data-original', 'data-lazy-src', 'data-url', 'data-actualsrc', 'data-original-src', 'data-lazyload'];
/** What lazy loaders show until the picture comes: a data: URL, or a file named for it (loading.gif, grey.png). */
const PLACEHOLDER_SRC = /^data:|(?:^|[/_.-])(?:loading|lazy|blank|placeholder|grey|gray|spacer|transparent)[^/]*$/i;

/**
 * The address of the picture an image shows once the page has loaded it: its src, unless that is
 * missing or a lazy loader's placeholder, when the lazy attribute's, else the largest of its (or
 * its <picture>'s) srcset. Only http(s); null when it has none.
 */
function pictureAddress(img: Element, absolute: (url: string) => string | null): string | null {
  const src = img.getAttribute('src')?.trim() ?? '';
  const web = (url: string | null | undefined) => (url ? absolute(url.trim()) : null) ?? '';
  if (src && !PLACEHOLDER_SRC.test(src.split(/[?#]/)[0]!)) return web(src) || null;
  const sources = img.parentElement?.tagName === 'PICTURE' ? Array.from(img.parentElement.querySelectorAll('source')) : [];
  const sets = [img, ...sources].flatMap((el) => [el.getAttribute('data-srcset'), el.getAttribute('srcset')]);
  const candidates = [...LAZY_SRC.map((a) => img.getAttribute(a)), ...sets.map((set) => set && largestCandidate(set))];
  return candidates.map(web).find((url) => /^https?:/i.test(url)) ?? (web(src) || null);
}

/** The srcset candidate with the largest width (or density) descriptor. */
function largestCandidate(srcset: string): string | null {
  let best: { url: string; size: number } | null = null;
  // A candidate is an address without spaces, then descriptors up to the comma (commas inside an address stay).
  for (const m of srcset.matchAll(/([^\s,][^\s]*[^\s,]|[^\s,])\s*([^,]*)/g)) {
    const size = Number(/([\d.]+)[wx]/.exec(m[2]!)?.[1] ?? 1);
    if (!best || size > best.size) best = { url: m[1]!, size };
  }
  return best?.url ?? null;
}

/** Images given the address of the picture they show, and links made absolute, against `base`. */
function resolveUrls(root: Element, base: string): void {
  const absolute = (url: string): string | null => {
    try {
      return new URL(url, base).href;
    } catch {
      return null;
    }
  };
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const url = pictureAddress(img, absolute);
    if (url) img.setAttribute('src', url);
  }
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href')!;
    // Fragments stay relative: they point into the article itself.
    if (href.startsWith('#')) continue;
    const url = absolute(href);
    if (url) a.setAttribute('href', url);
  }
}

/** A byline from the core's author and reporter credits: read from the story's own lines. */
function creditLine(analysis: Analysis): string | null {
  const names = analysis.credits.filter((c) => c.role === 'author' || c.role === 'reporter').map((c) => c.name);
  return names.length ? [...new Set(names)].join(', ') : null;
}

/**
 * Readability's byline, where the core credits no writer, when it reads as names: not a number (a
 * portal's meta author 105464), nor a line of the page's with a date or an editor's code in it
 * (经济日报2024-05-13 06:16发布于北京, [责任编辑：杜智 PX209]), nor an outlet of the chain (163's
 * meta author names the portal): the header shows those as the publisher and sources.
 */
function plausibleByline(byline: string | null | undefined, analysis: Analysis): string | null {
  const text = collapseSpace(byline ?? '').trim();
  if (!text || text.length > BYLINE_MAX_CHARS || /\d{3}|@/.test(text) || /编辑|责编|发布于|来源[:：]/.test(text)) return null;
  const outlets = [analysis.publisher, ...analysis.sources.map((s) => s.outlet)];
  return outlets.some((o) => o && (text.includes(o) || o.includes(text))) ? null : text;
}

/** Longer than this, a "byline" is a sentence of the page, not names. */
const BYLINE_MAX_CHARS = 60;

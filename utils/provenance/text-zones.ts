/**
 * The parts of a page provenance is read from: the meta line between headline and body, the body,
 * and the few lines just after it. Everything else (teasers, sidebars, other stories) is never read,
 * so a 来源 or 责任编辑 printed there cannot leak into this article's chain.
 */

/** Where a line was read; patterns trust a bare outlet label only in the meta line. */
export type Zone = 'meta' | 'body' | 'tail';

/** One visible line of text (whitespace collapsed) and the zone it came from. */
export interface Line {
  text: string;
  zone: Zone;
}

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'OPTION', 'BUTTON', 'IFRAME', 'SVG']);
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'EM', 'FONT', 'I', 'KBD', 'LABEL', 'MARK',
  'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR',
]);
/** Enough for a meta line or an end-of-article block, small enough to stop before the next story. */
const META_LIMIT = 600;
const TAIL_LIMIT = 400;
const ELEMENT_NODE = 1;
/** A short element of an excluded block that only states the editor (责任编辑：X) still credits this article. */
const EDITOR_LABEL = /(?:责任编辑|责编)\s*[:：]/;
const CREDIT_ONLY_LIMIT = 40;
const TEXT_NODE = 3;

export type ExcludedTest = (el: Element) => boolean;

function isHiddenInline(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Appends the visible text of `node` to `out`, one string per block, skipping excluded subtrees. */
function collectText(node: Node, isExcluded: ExcludedTest, out: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    out[out.length - 1] += node.nodeValue ?? '';
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const el = node as Element;
  const tag = el.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag) || isHiddenInline(el)) return;
  if (isExcluded(el)) {
    // Cleanup may hide a share/tool bar that also carries this article's 责任编辑 line: keep those lines.
    for (const inner of el.querySelectorAll('p, span, div')) {
      const text = inner.textContent ?? '';
      if (text.length <= CREDIT_ONLY_LIMIT && EDITOR_LABEL.test(text) && !inner.closest('li, a')) out.push(text, '');
    }
    return;
  }
  if (tag === 'BR') {
    out.push('');
    return;
  }
  const block = !INLINE_TAGS.has(tag);
  if (block) out.push('');
  for (let child = el.firstChild; child; child = child.nextSibling) collectText(child, isExcluded, out);
  if (block) out.push('');
}

/** Collapses whitespace (including full-width and no-break spaces) the way a reader sees it. */
export function collapse(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

function toLines(chunks: string[], zone: Zone): Line[] {
  const lines: Line[] = [];
  for (const chunk of chunks) {
    const text = collapse(chunk);
    if (text) lines.push({ text, zone });
  }
  return lines;
}

/** Visible lines of one element and its descendants. */
export function elementLines(el: Element, zone: Zone, isExcluded: ExcludedTest): Line[] {
  const out = [''];
  collectText(el, isExcluded, out);
  return toLines(out, zone);
}

/**
 * The elements that follow `start` in document order (its next siblings, then its ancestors'
 * next siblings) until `verdict` says stop or about `limit` characters are read.
 */
function elementsAfter(start: Element, limit: number, verdict: (el: Element) => 'stop' | 'enter' | 'read'): Element[] {
  const read: Element[] = [];
  let length = 0;
  let cursor: Element | null = start;
  for (let depth = 0; cursor && depth < 4; depth++) {
    for (let el = cursor.nextElementSibling; el; el = el.nextElementSibling) {
      const v = verdict(el);
      if (v === 'stop') return read;
      if (v === 'enter') {
        // The body sits inside this sibling: read the children in front of it, then stop.
        for (let child = el.firstElementChild; child && verdict(child) === 'read'; child = child.nextElementSibling) read.push(child);
        return read;
      }
      read.push(el);
      length += (el.textContent ?? '').length;
      if (length >= limit) return read;
    }
    cursor = cursor.parentElement;
    if (!cursor || cursor.tagName.toUpperCase() === 'BODY') break;
  }
  return read;
}

function isTeaserBlock(el: Element, isExcluded: ExcludedTest): boolean {
  if (isExcluded(el)) return true;
  const tag = el.tagName.toUpperCase();
  if (/^H[1-4]$/.test(tag)) return true; // a new heading starts another block (相关阅读, 热门排行)
  // A list of several links is a teaser list, not an end-of-article credit line.
  return el.querySelectorAll('li a').length >= 3;
}

/** The meta line's elements: what lies between the headline and the body in document order. */
function metaElements(headline: Element | null, body: Element | null, isExcluded: ExcludedTest): Element[] {
  if (headline && !body) return elementsAfter(headline, META_LIMIT, (el) => (isExcluded(el) ? 'stop' : 'read'));
  if (!body) return [];
  if (headline && !body.contains(headline) && !headline.contains(body) && headline.compareDocumentPosition(body) & 4) {
    return elementsAfter(headline, META_LIMIT, (el) =>
      el === body ? 'stop' : el.contains(body) ? 'enter' : isExcluded(el) ? 'stop' : 'read',
    );
  }
  // No usable headline: the meta line is usually just before the body.
  const read: Element[] = [];
  let length = 0;
  for (let el = body.previousElementSibling; el && length < META_LIMIT / 2 && !isExcluded(el); el = el.previousElementSibling) {
    read.unshift(el);
    length += (el.textContent ?? '').length;
  }
  return read;
}

/** What provenance may read: the meta line's elements and all lines in document order. */
export interface ArticleText {
  metaElements: Element[];
  lines: Line[];
}

/** The meta line, body and tail of the article, never anything outside them. */
export function articleText(headline: Element | null, body: Element | null, isExcluded: ExcludedTest): ArticleText {
  const meta = metaElements(headline, body, isExcluded);
  const tail = body ? elementsAfter(body, TAIL_LIMIT, (el) => (isTeaserBlock(el, isExcluded) ? 'stop' : 'read')) : [];
  const lines = [
    ...meta.flatMap((el) => elementLines(el, 'meta', isExcluded)),
    ...(body ? elementLines(body, 'body', isExcluded) : []),
    ...tail.flatMap((el) => elementLines(el, 'tail', isExcluded)),
  ];
  return { metaElements: meta, lines };
}

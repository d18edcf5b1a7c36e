/** Text helpers shared by the analysis core: visible text, CJK-aware lengths, bigrams. */
import { ELEMENT_NODE, SHOW_TEXT, TEXT_NODE } from './dom-constants';

/** Elements whose text a reader never sees. */
export const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'HEAD', 'TITLE']);

const INVISIBLE_NAMES = new Set(Array.from(INVISIBLE_TAGS, (tag) => tag.toLowerCase()));

/**
 * An element of INVISIBLE_TAGS, by its local name: lower case for every element (`<svg>` included,
 * whose tagName is not upper-cased), so no tag name is upper-cased on every node of the page.
 */
export function isInvisible(el: Element): boolean {
  return isInvisibleName(el.localName);
}

/** {@link isInvisible} for a local name already read. */
export function isInvisibleName(localName: string): boolean {
  return INVISIBLE_NAMES.has(localName);
}


/** A run of whitespace, the ideographic and no-break spaces included. */
export const SPACE_RUN = /[\s\u3000\u00a0]+/g;

/**
 * The head of a text quoted in a reason (or with `from: 'end'` its tail), at most `max`
 * characters, with … where it was cut: a quote stopped short without a mark can read as the
 * page's words (“drags oil low”).
 */
export function clip(text: string, max: number, from: 'start' | 'end' = 'start'): string {
  const t = text.trim();
  if (t.length <= max) return t;
  // Never half of a surrogate pair.
  if (from === 'end') {
    const start = /[\uDC00-\uDFFF]/.test(t[t.length - max]!) ? t.length - max + 1 : t.length - max;
    return `…${t.slice(start).trimStart()}`;
  }
  const end = /[\uD800-\uDBFF]/.test(t[max - 1]!) ? max - 1 : max;
  return `${t.slice(0, end).trimEnd()}…`;
}

/** Collapses runs of whitespace (including the ideographic space) into one space and trims. */
export function collapseSpace(s: string): string {
  return s.replace(SPACE_RUN, ' ').trim();
}

/** A CJK character: one unit of reading (see textWeight). */
export const CJK_CHAR = 1;
/** A letter or digit of a Latin or Cyrillic word (see textWeight). */
export const WORD_CHAR = 2;
/** What `String.prototype.trim` removes: white space and line terminators. */
export const SPACE_CHAR = 4;
/** An ASCII letter or digit. */
export const ASCII_ALNUM = 8;
/** A CJK ideograph of the BMP blocks 0x3400–0x9fff and 0xf900–0xfaff. */
export const IDEOGRAPH = 16;
/** A Hangul syllable or a katakana letter: the units Korean words and Japanese loanwords are spelt in. */
export const SYLLABLE = 32;

/**
 * The kinds above of every UTF-16 code unit, by char code. Loops over every character of the page
 * read one byte here: a function call per character was most of their cost in the page's first
 * runs, before the JIT inlines such calls.
 */
export const CHAR_KINDS = new Uint8Array(0x10000);
// The ranges do not overlap, so each is one native fill (this runs wherever the content script loads).
const kind = (bits: number, from: number, to = from): void => void CHAR_KINDS.fill(bits, from, to + 1);
kind(CJK_CHAR | IDEOGRAPH, 0x3400, 0x9fff);
kind(CJK_CHAR | IDEOGRAPH, 0xf900, 0xfaff);
kind(CJK_CHAR, 0x3040, 0x30a0);
kind(CJK_CHAR | SYLLABLE, 0x30a1, 0x30fa);
kind(CJK_CHAR, 0x30fb);
kind(CJK_CHAR | SYLLABLE, 0x30fc);
kind(CJK_CHAR, 0x30fd, 0x30ff);
kind(CJK_CHAR | SYLLABLE, 0xac00, 0xd7a3);
kind(CJK_CHAR, 0xd7a4, 0xd7af);
kind(WORD_CHAR | ASCII_ALNUM, 0x30, 0x39);
kind(WORD_CHAR | ASCII_ALNUM, 0x41, 0x5a);
kind(WORD_CHAR | ASCII_ALNUM, 0x61, 0x7a);
kind(WORD_CHAR, 0xc0, 0x24f);
kind(WORD_CHAR, 0x400, 0x4ff);
for (const [from, to] of [[9, 13], [0x20], [0xa0], [0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f], [0x205f], [0x3000], [0xfeff]]) kind(SPACE_CHAR, from!, to);

/** `collapseSpace(s).length` without building the collapsed string: runs of space count one, ends none. */
export function collapsedLength(s: string): number {
  let n = 0;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    if (CHAR_KINDS[s.charCodeAt(i)]! & SPACE_CHAR) gap = n > 0;
    else {
      if (gap) n++;
      gap = false;
      n++;
    }
  }
  return n;
}

/** `s.trim().length` without building the trimmed string (run on every text node of a page). */
export function trimmedLength(s: string): number {
  let start = 0;
  let end = s.length;
  while (start < end && CHAR_KINDS[s.charCodeAt(start)]! & SPACE_CHAR) start++;
  while (end > start && CHAR_KINDS[s.charCodeAt(end - 1)]! & SPACE_CHAR) end--;
  return end - start;
}

/**
 * `el.tagName.toUpperCase()`, without the call where the tag name is upper case already (every HTML
 * element of an HTML page, told apart by its lower-case local name): this runs on every node of a walk.
 */
export function upperTag(el: Element): string {
  const tag = el.tagName;
  return tag === el.localName ? tag.toUpperCase() : tag;
}

/** True for an element node; works across realms (jsdom in Node, the page in a browser). */
export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

/**
 * The text nodes under `root` of at most `max` characters, in page order. Lengths are read without
 * making strings of the texts; labels (close buttons, forum post labels) are looked for among these.
 */
export function shortTextNodes(root: Element, max: number): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).length <= max) out.push(node as Text);
  }
  return out;
}

/**
 * True when an element is hidden by markup alone (no layout needed, so it works in Node too).
 * An inline `visibility: hidden` is not enough: pages use it to hold content back until their
 * scripts reveal it (WeChat's whole article ships that way), so a saved copy still carries it.
 */
export function hiddenByMarkup(el: Element): boolean {
  // Most elements carry no attribute at all; one call answers for them.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none/i.test(style);
}

/**
 * The text a reader sees in `root`, whitespace-collapsed, skipping scripts, styles, markup-hidden
 * elements and any element for which `skip` returns true. Block boundaries become spaces so
 * adjacent paragraphs don't run their words together.
 */
export function visibleText(root: Element, skip?: (el: Element) => boolean): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === TEXT_NODE) {
        parts.push(child.nodeValue ?? '');
      } else if (type === ELEMENT_NODE) {
        const el = child as Element;
        // Its name read once for both questions: in Firefox every DOM read of a content script
        // crosses a wrapper (an Xray) and costs several times what it does in the page.
        const name = el.localName;
        if (isInvisibleName(name) || hiddenByMarkup(el) || skip?.(el)) continue;
        const block = !INLINE_NAMES.has(name);
        if (block) parts.push(' ');
        walk(el);
        if (block) parts.push(' ');
      }
    }
  };
  walk(root);
  return collapseSpace(parts.join(''));
}

/**
 * The first `max` characters of an element's text (collapsed), without stringifying all of it,
 * leaving out the subtrees `skip` names.
 */
export function leadingText(el: Element, max: number, skip?: (el: Element) => boolean): string {
  return collapseSpace(leadingRawText(el, max, skip)).slice(0, max);
}

/** What leadingText collapses: the text nodes as they are, until at least `max` characters. */
export function leadingRawText(el: Element, max: number, skip?: (el: Element) => boolean): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && out.length < max; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === TEXT_NODE) out += child.nodeValue ?? '';
      else if (type === ELEMENT_NODE && !isInvisible(child as Element) && !skip?.(child as Element)) walk(child);
    }
  };
  walk(el);
  return out;
}

/** Tags that flow inside a line of text rather than starting a block. */
export const INLINE_TAGS = new Set([
  'A', 'SPAN', 'STRONG', 'B', 'EM', 'I', 'U', 'FONT', 'IMG', 'SUP', 'SUB', 'SMALL', 'BIG', 'CODE',
  'MARK', 'ABBR', 'CITE', 'Q', 'LABEL', 'TIME', 'S', 'DEL', 'INS', 'BDI', 'BDO', 'WBR', 'VAR', 'KBD', 'DFN',
]);

/** INLINE_TAGS by local name (see isInvisible). */
const INLINE_NAMES = new Set(Array.from(INLINE_TAGS, (tag) => tag.toLowerCase()));

/**
 * A length that treats one CJK character and one Latin word alike as about one unit of reading,
 * so thresholds work for Chinese and English pages.
 */
export function textWeight(s: string): number {
  // One pass over char codes: this runs on every text node of the page, so no regex or arrays.
  let cjk = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const k = CHAR_KINDS[s.charCodeAt(i)]!;
    if (k & CJK_CHAR) {
      cjk++;
      inWord = false;
    } else if (k & WORD_CHAR) {
      if (!inWord) words++;
      inWord = true;
    } else {
      inWord = false;
    }
  }
  return cjk + words * 1.5;
}

/** Tokens for similarity: CJK character bigrams plus lower-cased Latin words. */
export function similarityTokens(s: string): string[] {
  const tokens: string[] = [];
  for (const run of s.match(/[\u3400-\u9fff\uf900-\ufaff]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
  }
  for (const word of s.toLowerCase().match(/[a-z0-9]{2,}/g) ?? []) tokens.push(word);
  return tokens;
}

/** How much of a text's start is sampled to tell its language. */
const LANGUAGE_SAMPLE = 600;

/**
 * The language a CJK text is written in, told by its script where the script alone tells it: Hangul
 * is Korean, kana (about half of Japanese prose) Japanese, han without either Chinese. Null for
 * other text. For pages that declare no `lang`, and for the provenance patterns each language needs.
 */
export function writtenLanguage(text: string): 'ja' | 'ko' | 'zh' | null {
  const n = Math.min(text.length, LANGUAGE_SAMPLE);
  let kana = 0;
  let hangul = 0;
  let han = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3041 && c <= 0x30ff) kana++;
    else if (c >= 0xac00 && c <= 0xd7a3) hangul++;
    else if (CHAR_KINDS[c]! & IDEOGRAPH) han++;
  }
  if (n === 0) return null;
  if (hangul >= n * 0.3) return 'ko';
  if (kana >= n * 0.15) return 'ja';
  return han >= n * 0.3 ? 'zh' : null;
}


/**
 * Text and link weights of every element, computed bottom-up in one pass and cached. Rules ask
 * "how much text, how much of it linked" of many nested elements; answering each by walking the
 * subtree again made analysis quadratic on deep portal pages.
 */
import { SPACE_RUN, hiddenByMarkup, isInvisible, isInvisibleName, textWeight, trimmedLength } from './text';
import { ELEMENT_NODE, TEXT_NODE } from './dom-constants';

/** How much of an element's leading text the rules look at (headings such as 拓展阅读, 网友评论). */
export const LEAD_CHARS = 60;

export interface Weights {
  /** Reading weight of the visible text (see textWeight). */
  weight: number;
  /** The part of it inside links. */
  linkWeight: number;
  /** Number of links. */
  links: number;
}

const SPACE = 32;

const ZERO: Weights = { weight: 0, linkWeight: 0, links: 0 };

export class DomStats {
  // Plain Maps: a DomStats lives for one analysis, so weak entries would buy nothing and cost the
  // garbage collector extra work (ephemerons) on pages with thousands of elements.
  private readonly cache = new Map<Element, Weights>();
  private readonly leads = new Map<Element, string>();
  /** Elements the markup of `page` hides (see hiddenByMarkup), found with one query on first use. */
  private markupHidden: Set<Element> | undefined;

  /**
   * `page` is the document when the whole of it is analysed: what its markup hides is then found
   * with one query. Without it (the few nodes a page adds later) each element is asked: a query of
   * the whole document for each of those would cost more than the nodes themselves.
   */
  constructor(private readonly page?: Document) {}

  /**
   * The first words of `el`'s visible text (whitespace-collapsed, trimmed), built from its
   * children's cached leads so asking it of every nested container stays linear.
   */
  lead(el: Element): string {
    return this.rawLead(el).trim().slice(0, LEAD_CHARS);
  }

  private rawLead(el: Element): string {
    let s = this.leads.get(el);
    if (s !== undefined) return s;
    s = '';
    // Weighed already (as most elements a lead is asked of are), its weights say whether it shows
    // text: no second read of its name, which in a Firefox content script crosses an Xray wrapper.
    const weighed = this.cache.get(el);
    if (weighed === undefined ? !isInvisible(el) : weighed !== ZERO) {
      // Parts are collapsed and joined without doubling a space, so at most one space opens and
      // one closes the string: its length bounds the trimmed length without trimming each time.
      // Going on while it may still be short only ever adds text past the lead's end.
      for (let child = el.firstChild; child && s.length < LEAD_CHARS + 2; child = child.nextSibling) {
        const type = child.nodeType;
        const part = type === TEXT_NODE ? collapsedHead(child.nodeValue ?? '') : type === ELEMENT_NODE && !this.isHiddenText(child as Element) ? this.rawLead(child as Element) : '';
        s += s.charCodeAt(s.length - 1) === SPACE && part.charCodeAt(0) === SPACE ? part.slice(1) : part;
      }
    }
    this.leads.set(el, s);
    return s;
  }

  /**
   * Text the page's markup hides without a link in it (the address a script reads beside each
   * link, a label kept for later): left out of its parents' weights and leads, since a reader does
   * not see it and it made a list of links look like prose. Hidden links still count: a dropdown's
   * or a closed tab's, they tell what the block is (a menu, a list of stories), shown on a click.
   * The element's own weights stay what they are, so a box the page's script will show is judged.
   */
  private isHiddenText(el: Element): boolean {
    const hidden = this.page ? (this.markupHidden ??= new Set(Array.from(this.page.querySelectorAll(MARKUP_HIDDEN)).filter(hiddenByMarkup))).has(el) : hiddenByMarkup(el);
    return hidden && this.of(el).links === 0;
  }

  /** The weights of `el`, computing (and caching) its whole subtree on first use. */
  of(el: Element): Weights {
    return this.cache.get(el) ?? this.compute(el);
  }

  private compute(el: Element): Weights {
    // Read once: it says both whether the element shows text and whether it is a link. ZERO is
    // cached for the invisible only (rawLead relies on it).
    const name = el.localName;
    if (isInvisibleName(name)) {
      this.cache.set(el, ZERO);
      return ZERO;
    }
    let weight = 0;
    let linkWeight = 0;
    let links = 0;
    // Each child's type is read once: these loops visit every node of the page, and a DOM read is
    // a call into the browser that the JIT's middle tier does not inline.
    for (let child = el.firstChild; child; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === TEXT_NODE) weight += textWeight(child.nodeValue ?? '');
      else if (type === ELEMENT_NODE && !this.isHiddenText(child as Element)) {
        const w = this.of(child as Element);
        weight += w.weight;
        linkWeight += w.linkWeight;
        links += w.links;
      }
    }
    const isLink = name === 'a';
    const result = { weight, linkWeight: isLink ? weight : linkWeight, links: links + (isLink ? 1 : 0) };
    this.cache.set(el, result);
    return result;
  }
}

/**
 * Candidates for hiddenByMarkup: the selector over-matches (`style="border: none"`), the test
 * then decides. One query answers for a page, where asking every element its attributes is up to
 * four more calls into the browser per element.
 */
const MARKUP_HIDDEN = '[hidden], [aria-hidden=true i], [style*=none i]';

/**
 * The start of a text, whitespace-collapsed, long enough for any lead: collapsing a whole long
 * paragraph to keep 60 characters of it was most of what leads cost.
 */
function collapsedHead(text: string): string {
  // Most text nodes between elements are only the markup's indentation: no pattern needed for them.
  if (trimmedLength(text) === 0) return text === '' ? '' : ' ';
  for (let end = LEAD_CHARS * 2; ; end *= 4) {
    const head = text.slice(0, end).replace(SPACE_RUN, ' ');
    if (end >= text.length || head.trim().length >= LEAD_CHARS) return head;
  }
}

/** Share of an element's text that is link text (0 when it has no text). */
export function linkDensity(w: Weights): number {
  return w.weight ? w.linkWeight / w.weight : 0;
}

/**
 * A story the page shows only in part: its box is cut to a height (max-height, overflow hidden)
 * under a "展开全文" / "展开剩余80%" / "Continue reading" button that a mobile portal draws to hold
 * the reader or send them to its app. The whole text is in the page; cleanup shows it (by the box's
 * attribute, see cleanup-style) and hides the button. Pure DOM code: whether a box is cut is a
 * question of layout, asked of the caller.
 */
import { collapseSpace } from './text';

/** A fold button's whole label: 展开全文, 点击查看全文, 展开剩余 80%, 阅读剩余全文（80%）, 打开新浪新闻 阅读全文, Continue reading. */
const FOLD_LABEL =
  /^(?:点击)?(?:展开|查看|阅读|显示|展開|閱讀|顯示)(?:全文|全部|完整|剩余|剩餘|更多)(?:内容|內容|全文)?(?:\s*\d{1,2}\s*%|\s*[(（]\s*(?:\d{1,2}\s*%)?\s*[)）])?$|^(?:打开|下载|前往|打開|下載).{1,12}(?:阅读|查看|閱讀)全文$|^继续阅读(?:全文)?$|^繼續閱讀(?:全文)?$|^(?:continue reading|read (?:the )?(?:full|whole|rest of the) (?:story|article)|read more|show (?:the )?full (?:story|article)|show more)$/i;
/** A label longer than this is text, not a button. */
const LABEL_MAX = 24;
/** How far above the story's root a cut box is looked for: the root, its parent, and two wrappers more. */
const CLIP_LEVELS = 4;
/** Siblings after the cut box where its button may sit, and its own last children. */
const NEAR = 3;

export interface Fold {
  /** The box cut to a height, which holds the story. */
  clip: Element;
  /** The button (with the wrapper that holds only it, its fade with it): what to hide. */
  control: Element;
  label: string;
}

/** The label of `el` when all of its text is a fold button's. */
function foldLabel(el: Element): string | null {
  const raw = el.textContent ?? '';
  if (raw.length > LABEL_MAX * 4) return null;
  const label = collapseSpace(raw);
  return isFoldLabel(label) ? label : null;
}

/** Whether a collapsed text is all a fold button says (展开全文, 阅读剩余全文（80%）, Read more). */
export function isFoldLabel(text: string): boolean {
  return text.length <= LABEL_MAX && FOLD_LABEL.test(text);
}

/** The outermost element under `top` (itself included) whose whole text is a fold label, if any. */
function controlIn(top: Element): { control: Element; label: string } | null {
  const own = foldLabel(top);
  if (own) return { control: top, label: own };
  // Deeper only where the text is short: a block of prose holds no fold button worth a walk.
  if ((top.textContent ?? '').length > LABEL_MAX * 8) return null;
  for (let child = top.firstElementChild; child; child = child.nextElementSibling) {
    const found = controlIn(child);
    if (found) return found;
  }
  return null;
}

/** Whether `el` is a fold button or a small box holding one: a page's script may draw it after the analysis. */
export function holdsFoldControl(el: Element): boolean {
  return controlIn(el) !== null;
}

/** The boxes near `clip` a fold button sits in: its last children (an overlay inside the box), then the siblings after it. */
function* nearClip(clip: Element): Generator<Element> {
  for (let child = clip.lastElementChild, n = 0; child && n < NEAR; child = child.previousElementSibling, n++) yield child;
  for (let next = clip.nextElementSibling, n = 0; next && n < NEAR; next = next.nextElementSibling, n++) yield next;
}

/**
 * The cut box holding the story at `root` and its fold button, or null when the story is shown
 * whole or no such button is near (a box cut for another reason, a carousel, is left alone).
 * `isClipped` says whether a box hides part of its content by its height (layout, from the caller).
 */
export function findFold(root: Element | null, isClipped: (el: Element) => boolean): Fold | null {
  for (const el of root ? clipCandidates(root) : []) {
    if (!isClipped(el)) continue;
    for (const near of nearClip(el)) {
      // The story's own last paragraph is no button, whatever it says.
      if (near === root || near.contains(root!)) continue;
      const found = controlIn(near);
      if (found) return { clip: el, ...found };
    }
    return null;
  }
  return null;
}

/** The boxes that may cut the story at `root` to a height: the root, its parent and two wrappers more, never the page's body. */
export function clipCandidates(root: Element): Element[] {
  const body = root.ownerDocument.body;
  const boxes: Element[] = [];
  for (let el: Element | null = root; el && el !== body && boxes.length < CLIP_LEVELS; el = el.parentElement) boxes.push(el);
  return boxes;
}

/** What a story's box must hide, in CSS pixels, to count as cut: a rounding or a border is not a fold. */
const MIN_CUT_PX = 40;

/** Whether the live page's layout cuts `el` to a height: its overflow hidden and more content than it shows. */
export function isCutByHeight(el: Element): boolean {
  const overflow = el.ownerDocument.defaultView?.getComputedStyle(el).overflowY;
  return (overflow === 'hidden' || overflow === 'clip') && el.scrollHeight - el.clientHeight > MIN_CUT_PX;
}

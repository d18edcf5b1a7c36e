/**
 * Finds a passage of visible text in the page as a DOM Range, ignoring differences in
 * whitespace, so a provenance entry can scroll to the sentence it was read from.
 */
import { INVISIBLE_TAGS } from './text';
import { SHOW_TEXT } from './dom-constants';

const WS = /[\s\u3000\u00a0]/;

/**
 * The Range covering the first occurrence of `needle` in `root`'s visible text that `isShown`
 * accepts (its first and last characters' elements), else the first occurrence, or null. The
 * page passes what is rendered: a publisher's name is often first in a footer cleanup hid, and
 * scrolling there shows nothing.
 */
export function findTextRange(root: Element, needle: string, isShown: (el: Element) => boolean = () => true): Range | null {
  const doc = root.ownerDocument;
  const target = needle.replace(/[\s\u3000\u00a0]+/g, '');
  if (!target) return null;
  // Whitespace-free text of the page, with the text node and offset of every kept character.
  let flat = '';
  const nodes: Text[] = [];
  const offsets: number[] = [];
  const walker = doc.createTreeWalker(root, SHOW_TEXT, {
    acceptNode: (n) => (INVISIBLE_TAGS.has(n.parentElement?.tagName ?? '') ? 2 /* REJECT */ : 1 /* ACCEPT */),
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const value = node.nodeValue ?? '';
    for (let i = 0; i < value.length; i++) {
      if (WS.test(value[i]!)) continue;
      flat += value[i];
      nodes.push(node);
      offsets.push(i);
    }
  }
  const first = flat.indexOf(target);
  if (first < 0) return null;
  const shown = (i: number): boolean => !nodes[i]!.parentElement || isShown(nodes[i]!.parentElement!);
  let at = first;
  while (at >= 0 && !(shown(at) && shown(at + target.length - 1))) at = flat.indexOf(target, at + 1);
  if (at < 0) at = first;
  const end = at + target.length - 1;
  const range = doc.createRange();
  range.setStart(nodes[at]!, offsets[at]!);
  range.setEnd(nodes[end]!, offsets[end]! + 1);
  return range;
}

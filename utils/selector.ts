/** Unique CSS selectors for elements, so the CLI and the popup can name what was hidden. */

const SAFE_ID = /^[A-Za-z][\w-]*$/;

/** How often each id occurs in a document; counted once per analysis instead of per element. */
export function idCounts(doc: Document): Map<string, number> {
  const counts = new Map<string, number>();
  for (const el of Array.from(doc.querySelectorAll('[id]'))) counts.set(el.id, (counts.get(el.id) ?? 0) + 1);
  return counts;
}

function nthOfType(el: Element): number {
  let n = 1;
  for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (sib.tagName === el.tagName) n++;
  }
  return n;
}

/**
 * A selector that matches exactly `el`: `#id` when the id is unique, else a child path of
 * `tag:nth-of-type(n)` steps from the nearest ancestor with a unique id (or from `html`).
 */
export function uniqueSelector(el: Element, ids: Map<string, number> = idCounts(el.ownerDocument)): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.id && SAFE_ID.test(node.id) && ids.get(node.id) === 1) {
      steps.unshift(`#${node.id}`);
      break;
    }
    const tag = node.tagName.toLowerCase();
    if (!node.parentElement) {
      steps.unshift(tag);
      break;
    }
    steps.unshift(`${tag}:nth-of-type(${nthOfType(node)})`);
  }
  return steps.join(' > ');
}

/** Unique CSS selectors for elements, so the CLI and the popup can name what was hidden. */

const SAFE_ID = /^[A-Za-z][\w-]*$/;

function hasUniqueId(el: Element): boolean {
  const id = el.id;
  if (!id || !SAFE_ID.test(id)) return false;
  return el.ownerDocument.querySelectorAll(`#${id}`).length === 1;
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
export function uniqueSelector(el: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (hasUniqueId(node)) {
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

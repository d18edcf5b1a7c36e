/** Unique CSS selectors for elements, so the CLI and the popup can name what was hidden. */

const SAFE_ID = /^[A-Za-z][\w-]*$/;

/**
 * Whether an id occurs once in the document, asked of the document only for the ids a selector
 * meets (its id index answers quickly) and remembered: counting every id up front cost a whole-page
 * query on each analysis.
 */
export function idUniqueness(doc: Document): (id: string) => boolean {
  const known = new Map<string, boolean>();
  return (id) => {
    let unique = known.get(id);
    if (unique === undefined) known.set(id, (unique = doc.querySelectorAll(`#${id}`).length === 1));
    return unique;
  };
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
export function uniqueSelector(el: Element, isUnique: (id: string) => boolean = idUniqueness(el.ownerDocument)): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    // SAFE_ID also makes `#id` a valid selector for the uniqueness query.
    if (node.id && SAFE_ID.test(node.id) && isUnique(node.id)) {
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

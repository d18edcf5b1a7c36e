/**
 * Runs every page case in `test/fixtures/pages/` through the analysis pipeline; each expected
 * field (and each entry of a list field) is its own test, so one report names exactly what broke.
 */
import { describe, expect, it } from 'vitest';
import type { HiddenItem } from '../../utils/analysis-types';
import { loadPageCase, pageCaseNames, type PageCase, type PageCheck } from '../helpers/page-cases';
import { creditLines, sourceLine } from '../helpers/provenance-lines';

/** The hidden items whose element is `el` or one of its ancestors, found again by their selectors. */
function coveringItems(c: PageCase, el: Element): HiddenItem[] {
  return c.analysis.hidden.filter((h) => {
    const hiddenEl = c.doc.querySelector(h.selector);
    if (!hiddenEl) throw new Error(`hidden selector matches nothing: ${h.selector}`);
    return hiddenEl.contains(el);
  });
}

/** Guards negative checks: a phrase that is nowhere on the page (a typo) would pass them vacuously. */
function expectOnPage(c: PageCase, phrase: string): void {
  expect(c.doc.body.textContent?.replace(/\s+/g, ' '), 'phrase not on the page').toContain(phrase);
}

function assertCheck(c: PageCase, check: PageCheck): void {
  const { analysis } = c;
  const bodyText = (): string => {
    expect(analysis.article, 'no article body was found').not.toBeNull();
    return analysis.article!.text;
  };
  switch (check.field) {
    case 'isArticle':
      expect(analysis.isArticle, `reasons: ${analysis.reasons.join('; ')}`).toBe(check.want);
      return;
    case 'title':
    case 'publishedAt':
      expect(analysis[check.field]).toBe(check.want);
      return;
    case 'bodyIncludes':
      expect(bodyText()).toContain(check.want);
      return;
    case 'bodyExcludes':
      expectOnPage(c, check.want);
      expect(bodyText()).not.toContain(check.want);
      return;
    case 'hidden': {
      const want = check.want;
      if ('selector' in want) {
        const el = c.doc.querySelector(want.selector);
        expect(el, `selector matches nothing: ${want.selector}`).not.toBeNull();
        const kinds = coveringItems(c, el!).map((h) => h.kind);
        expect(kinds, `kinds of the hidden items covering ${want.selector}`).toContain(want.kind);
        return;
      }
      const found = analysis.hidden.some((h) => h.kind === want.kind && h.text.includes(want.includes));
      // Saying where the phrase did end up (another kind, or nowhere) makes a failure self-explaining.
      const holders = analysis.hidden.filter((h) => h.text.includes(want.includes)).map((h) => `${h.kind} ${h.selector}`);
      expect(found, `no hidden ${want.kind} holds it; hidden items holding it: ${holders.join(', ') || 'none'}`).toBe(true);
      return;
    }
    case 'visible': {
      expectOnPage(c, check.want);
      const holders = analysis.hidden.filter((h) => h.text.includes(check.want)).map((h) => `${h.kind} ${h.selector}`);
      expect(holders).toEqual([]);
      return;
    }
    case 'sources':
      expect(analysis.sources.map(sourceLine)).toEqual(check.want);
      return;
    case 'credits':
      expect(creditLines(analysis)).toEqual(check.want);
      return;
    case 'visibleElements': {
      const el = c.doc.querySelector(check.want);
      expect(el, `selector matches nothing: ${check.want}`).not.toBeNull();
      expect(coveringItems(c, el!).map((h) => `${h.kind} ${h.selector}`)).toEqual([]);
      return;
    }
  }
}

for (const name of pageCaseNames()) {
  describe(name, () => {
    const c = loadPageCase(name);
    for (const check of c.checks) {
      // A known core failure stays visible in the report and turns red once the core is fixed.
      const test = check.knownFailure ? it.fails : it;
      test(check.knownFailure ? `${check.name} [known failure: ${check.knownFailure}]` : check.name, () => assertCheck(c, check));
    }
  });
}

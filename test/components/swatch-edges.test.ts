// @vitest-environment jsdom
/**
 * Colour swatches carry no text: their edge must reach 3:1 against the surface they sit on (WCAG
 * 1.4.11), in light and dark schemes, and a pressed or chosen one must differ by more than colour.
 * Read from the sheets themselves, so a colour or rule changed back fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast } from '../helpers/contrast';

const read = (path: string) => readFileSync(join(__dirname, '../..', path), 'utf8');

/** A sheet's style rules, each with the media condition it sits under ('' for none). */
function rulesOf(path: string): Array<{ media: string; rule: CSSStyleRule }> {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(read(path));
  return Array.from(sheet.cssRules).flatMap((r) =>
    r instanceof CSSMediaRule ? (Array.from(r.cssRules) as CSSStyleRule[]).map((rule) => ({ media: r.media.mediaText, rule })) : r instanceof CSSStyleRule ? [{ media: '', rule: r }] : [],
  );
}

/** The custom properties `selector` sets in a scheme: the light ones, with the dark media's over them. */
function schemeVars(paths: string[], selector: string, scheme: 'light' | 'dark'): (name: string) => string {
  const rules = paths.flatMap(rulesOf).filter(({ media, rule }) => rule.selectorText === selector && (media === '' || (scheme === 'dark' && media === '(prefers-color-scheme: dark)')));
  // Media rules follow the plain ones in each sheet, and a later sheet follows the one it imports.
  return (name) => rules.map(({ rule }) => rule.style.getPropertyValue(name).trim()).filter(Boolean).at(-1)!;
}

const SWATCH = rulesOf('components/swatch.css');
const declared = (selector: string) => SWATCH.find(({ rule }) => rule.selectorText === selector)!.rule.style;
/** The colour of a var() value, read in a scheme. */
const resolve = (value: string, vars: (name: string) => string) => vars(/var\((--[\w-]+)\)/.exec(value)![1]!);

/** Each surface swatches sit on: the sheets that set its colours, the rule that sets them, and the backgrounds under a swatch. */
const SURFACES = {
  'highlight toolbar': { sheets: ['components/annotator.css'], selector: '.annotator', under: ['--bg'] },
  popup: { sheets: ['entrypoints/popup/style.css'], selector: ':root', under: ['--bg'] },
  // A highlight's row in the library is tinted while selected.
  library: { sheets: ['entrypoints/popup/style.css', 'entrypoints/library/style.css'], selector: ':root', under: ['--bg', '--selected'] },
};

describe('colour swatches', () => {
  it('every surface takes the swatch rules: the toolbar and popup import them, the library its popup sheet', () => {
    expect(read('components/annotator.css')).toMatch(/^@import '\.\/swatch\.css';$/m);
    expect(read('entrypoints/popup/style.css')).toMatch(/^@import '\.\.\/\.\.\/components\/swatch\.css';$/m);
    expect(read('entrypoints/library/style.css')).toMatch(/^@import '\.\.\/popup\/style\.css';$/m);
  });

  for (const [surface, { sheets, selector, under }] of Object.entries(SURFACES)) {
    for (const scheme of ['light', 'dark'] as const) {
      const vars = schemeVars(sheets, selector, scheme);
      it(`${surface}, ${scheme}: a swatch's edge reads at 3:1 or more on what it sits on`, () => {
        const edge = /^1px solid (var\(--[\w-]+\))$/.exec(declared('.swatch[data-color]').getPropertyValue('border'))![1]!;
        for (const background of under) expect(contrast(resolve(edge, vars), vars(background)), `${edge} on ${background}`).toBeGreaterThanOrEqual(3);
      });
      it(`${surface}, ${scheme}: a pressed or chosen swatch gains a second ring beyond a gap, at 3:1 or more`, () => {
        const [gap, ring] = declared('.swatch[aria-pressed="true"], .swatch[aria-checked="true"]').getPropertyValue('box-shadow').split(/,\s*(?![^(]*\))/);
        expect(gap).toBe('0 0 0 2px var(--bg)');
        expect(ring).toMatch(/^0 0 0 4px var\(--[\w-]+\)$/);
        expect(contrast(resolve(ring!, vars), vars('--bg'))).toBeGreaterThanOrEqual(3);
      });
    }
  }
});

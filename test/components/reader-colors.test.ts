// @vitest-environment jsdom
/**
 * Text on a highlight in each of the reader's themes reads at 4.5:1 or more (WCAG AA), with the
 * colours read from reader.css itself, so a colour changed back fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOR_VALUES, HIGHLIGHT_COLORS } from '@/utils/annotation-types';
import { contrast, over, parseColor } from '../helpers/contrast';

const sheet = new CSSStyleSheet();
sheet.replaceSync(readFileSync(join(__dirname, '../../components/reader.css'), 'utf8'));

/** The style rules of the sheet, with the media condition each sits under ('' for none). */
const rules = Array.from(sheet.cssRules).flatMap((r) =>
  r instanceof CSSMediaRule ? (Array.from(r.cssRules) as CSSStyleRule[]).map((s) => ({ media: r.media.mediaText, rule: s })) : [{ media: '', rule: r as CSSStyleRule }],
);
const declared = (selector: string, media = '') => rules.find((r) => r.media === media && r.rule.selectorText === selector)!.rule.style;

/** A theme's custom properties: the .reader defaults under its own. */
function theme(selector: string, media = ''): (name: string) => string {
  const own = declared(selector, media);
  const base = declared('.reader');
  return (name) => (own.getPropertyValue(name) || base.getPropertyValue(name)).trim();
}

const THEMES = {
  light: theme('.reader'),
  sepia: theme('.reader[data-theme="sepia"]'),
  dark: theme('.reader[data-theme="dark"]'),
  'auto, dark system': theme('.reader[data-theme="auto"]', '(prefers-color-scheme: dark)'),
  printed: theme('.reader[data-theme]', 'print'),
};

/** A property of the reader's ::highlight() rule for a colour, its var() read in the theme. */
function highlighted(color: string, property: string, vars: (name: string) => string): string {
  const value = declared(`.reader ::highlight(sourcemark-${color})`).getPropertyValue(property).trim();
  const name = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
  return name ? vars(name) : value;
}

describe('reader highlight colours', () => {
  for (const [name, vars] of Object.entries(THEMES)) {
    it(`${name}: text on every highlight reads at 4.5:1 or more`, () => {
      const ratios = Object.fromEntries(
        HIGHLIGHT_COLORS.map((c) => {
          const background = over(parseColor(highlighted(c, 'background-color', vars)), parseColor(vars('--r-bg')));
          return [c, Math.round(contrast(highlighted(c, 'color', vars), background) * 100) / 100];
        }),
      );
      for (const c of HIGHLIGHT_COLORS) expect(ratios[c], `${c} in ${JSON.stringify(ratios)}`).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('light: the highlights are the page’s colours', () => {
    for (const c of HIGHLIGHT_COLORS) expect(parseColor(THEMES.light(`--r-hl-${c}`))).toEqual(parseColor(COLOR_VALUES[c]));
  });
});

// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// What Chromium's extension_fonts.css gives every extension page before the page's own sheets.
const CHROMIUM_EXTENSION_PAGE = 'body { font-family: system-ui, sans-serif; font-size: 75%; }';

const read = (path: string) => readFileSync(join(__dirname, '../..', path), 'utf8');
const css = (path: string) => read(join('entrypoints', path)).replace(/^@import .*$/gm, '');

/** Applies the browser's sheet, then the page's (the UI fonts and the popup's first, as they import them). */
function styled(...sheets: string[]): void {
  for (const text of [CHROMIUM_EXTENSION_PAGE, read('components/ui-font.css'), ...sheets]) document.head.append(Object.assign(document.createElement('style'), { textContent: text }));
}

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('extension page text size', () => {
  it('popup and options pages: body text is the 13px of :root, in its CJK font stack, not 75% of it', () => {
    styled(css('popup/style.css'));
    document.body.innerHTML = '<main class="popup"><p>正文</p></main>';
    const text = getComputedStyle(document.querySelector('p')!);
    expect(text.fontSize).toBe('13px');
    expect(text.fontFamily).toBe('var(--sm-ui-font)'); // jsdom leaves var() as written
    expect(text.getPropertyValue('--sm-ui-font')).toContain('Noto Sans CJK SC');
  });

  it('library page: its own 14px, in the CJK font stack rather than the browser’s', () => {
    styled(css('popup/style.css'), css('library/style.css'));
    document.body.innerHTML = '<main class="library"><p>列表</p></main>';
    const text = getComputedStyle(document.querySelector('p')!);
    expect(text.fontSize).toBe('14px');
    expect(text.fontFamily).toBe('var(--sm-ui-font)');
    expect(text.getPropertyValue('--sm-ui-font')).toContain('Noto Sans CJK SC');
  });
});

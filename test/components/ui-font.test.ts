// @vitest-environment jsdom
/**
 * The extension's own text is set in the faces of the UI's language (components/ui-font.css).
 * jsdom styles no shadow root: ui-language.e2e.test.ts reads the card's on a page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cjkRegions, families } from '../helpers/font-stack';

const read = (path: string) => readFileSync(join(__dirname, '../..', path), 'utf8');
const UI_FONT = read('components/ui-font.css');
const style = (text: string) => Object.assign(document.createElement('style'), { textContent: text });

// Every lang_tag the build writes (wxt.config.ts adds zh-HK, zh-MO and zh-SG to the five files).
const CASES = [
  ['en', 'SC'],
  ['zh-CN', 'SC'],
  ['zh-SG', 'SC'],
  ['zh-TW', 'TC'],
  ['zh-HK', 'TC'],
  ['zh-MO', 'TC'],
  ['ja', 'JP'],
  ['ko', 'KR'],
] as const;

const uiFont = (el: Element) => getComputedStyle(el).getPropertyValue('--sm-ui-font');

afterEach(() => {
  document.documentElement.removeAttribute('lang');
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('the UI font', () => {
  it.each(CASES)('on an extension page in %s, names %s faces alone', (lang, region) => {
    document.head.append(style(UI_FONT));
    document.documentElement.lang = lang;
    expect([...new Set(cjkRegions(uiFont(document.body)))]).toEqual([region]);
  });

  it.each(CASES)('in %s, opens with the system’s UI face (Latin) before any CJK one', (lang) => {
    document.head.append(style(UI_FONT));
    document.documentElement.lang = lang;
    expect(families(uiFont(document.body)).slice(0, 2)).toEqual(['system-ui', '-apple-system']);
  });

  it.each(['entrypoints/popup/style.css', 'components/reader.css', 'entrypoints/content/card.css', 'components/annotator.css'])(
    '%s takes its font from it, and names no CJK face of its own',
    (path) => {
      const sheet = read(path);
      expect(sheet).toMatch(/^@import '[./]+(?:components\/)?ui-font\.css';$/m);
      expect(sheet).toMatch(/font(?:-family)?:[^;]*var\(--sm-ui-font\)/);
      expect(cjkRegions(sheet.replace(/[;{}]/g, ','))).toEqual([]);
    },
  );

  it('the reader tab’s message takes it too (its page loads reader.css)', () => {
    expect(read('entrypoints/reader/style.css')).toMatch(/\.reader-message \{ font: [^;]*var\(--sm-ui-font\);/);
  });
});

import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { groupByPage } from '../../../utils/export/bundle';
import { toHtml } from '../../../utils/export/html';
import type { PageRecord } from '../../../utils/annotation-types';
import { english } from '../../../utils/reasons';
import { cjkRegions, families } from '../../helpers/font-stack';
import { translator } from '../../helpers/locale';
import { quoteHighlight } from '../../helpers/records';
import { exportBundle } from './records';

describe('toHtml', () => {
  it('is inert whatever the pages say: no scripts, handlers, frames or non-http links; the text survives', () => {
    fc.assert(
      fc.property(exportBundle(), (bundle) => {
        const doc = new JSDOM(toHtml(bundle)).window.document;
        expect(doc.querySelectorAll('script, iframe, object, embed, img, form, base, link, svg, math').length).toBe(0);
        for (const el of doc.querySelectorAll('*')) {
          const handlers = [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name);
          expect(handlers).toEqual([]);
          if (el.tagName === 'STYLE') expect(el.textContent).not.toMatch(/url\(|@import/);
        }
        for (const a of doc.querySelectorAll('a')) expect(new URL(a.href).protocol).toMatch(/^https?:$/);
        const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
        expect(csp?.getAttribute('content')).toContain("default-src 'none'");

        // Every highlight is there as text, in reading order, and every page's title.
        const quotes = [...doc.querySelectorAll('blockquote')].map((q) => q.textContent);
        const groups = groupByPage(bundle);
        expect(quotes).toEqual(groups.flatMap((g) => g.highlights.map(({ highlight }) => highlight.quote.replace(/\r\n?/g, '\n'))));
        expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(
          groups.map((g) => (g.page.title || g.page.url).replace(/\r\n?/g, '\n')),
        );
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('links the page and the passage when the page is http(s)', () => {
    const [bundle] = fc.sample(exportBundle(), { numRuns: 1, seed: 5 });
    const url = 'https://news.example.com/story?id=7';
    const doc = new JSDOM(
      toHtml({
        ...bundle!,
        pages: [{ ...bundle!.pages[0]!, url }],
        highlights: bundle!.highlights.map((h) => ({ ...h, pageUrl: url })),
      }),
    ).window.document;
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs[0]).toBe(url);
    expect(hrefs.slice(1).every((h) => h!.startsWith(`${url}#:~:text=`))).toBe(true);
    expect(hrefs.length).toBe(1 + bundle!.highlights.length);
  });

  it('says which language its words are in', () => {
    const [bundle] = fc.sample(exportBundle(), { numRuns: 1, seed: 3 });
    const lang = (words = english) => new JSDOM(toHtml(bundle!, words)).window.document.documentElement.lang;
    expect([lang(), lang(translator('zh_CN')), lang(translator('zh_TW'))]).toEqual(['en', 'zh-CN', 'zh-TW']);
  });

  /** The font stack an element is set in: the last rule of the page's sheet naming one for it or, failing that, its nearest ancestor. */
  function fontOf(el: Element): string {
    const rules = [...el.ownerDocument.styleSheets].flatMap((sheet) => [...sheet.cssRules] as CSSStyleRule[]).filter((r) => r.style?.getPropertyValue('font-family'));
    for (let at: Element | null = el; at; at = at.parentElement) {
      const own = rules.filter((r) => at!.matches(r.selectorText)).at(-1);
      if (own) return own.style.getPropertyValue('font-family');
    }
    return '';
  }

  const page = (url: string, title: string): PageRecord => ({ url, title, publisher: null, provenance: null, firstSeen: '2025-01-15T08:00:00.000Z', lastSeen: '2025-01-15T08:00:00.000Z' });
  const PAGES = {
    ja: page('https://news.example.jp/a', '日銀、追加利上げを決定'),
    tw: page('https://news.example.tw/b', '立法院三讀通過預算案'),
    en: page('https://news.example.com/c', 'Budget passes'),
  };
  const QUOTES = { ja: '日本銀行は金融政策決定会合で、政策金利を引き上げることを決めた。', tw: '據中央社報導，這個問題在會議中引起討論。', en: 'The committee met on Tuesday.' };
  const bundle = {
    pages: Object.values(PAGES),
    highlights: (Object.keys(PAGES) as Array<keyof typeof PAGES>).map((k) => quoteHighlight(PAGES[k].url, QUOTES[k])),
    exportedAt: '2025-01-15T08:00:00.000Z',
  };

  it.each([
    ['en', 'system-ui', 'SC'],
    ['zh_CN', 'system-ui', 'SC'],
    ['zh_TW', 'system-ui', 'TC'],
    ['ja', 'system-ui', 'JP'],
    ['ko', 'system-ui', 'KR'],
  ] as const)('sets its own words in %s in the faces of that language, led by %s, %s type first', (lang, first, region) => {
    const doc = new JSDOM(toHtml(bundle, translator(lang))).window.document;
    for (const el of [doc.querySelector('body > h1')!, doc.querySelector('dt')!, doc.querySelector('.meta')!]) {
      expect(families(fontOf(el))[0]).toBe(first);
      expect(cjkRegions(fontOf(el))[0]).toBe(region);
    }
  });

  it.each(['en', 'zh_CN', 'ja'] as const)("in %s, marks each page's title and passages with the page's language and sets them in its faces", (lang) => {
    const doc = new JSDOM(toHtml(bundle, translator(lang))).window.document;
    const seen = [...doc.querySelectorAll('section')].map((section) =>
      [section.querySelector('h2')!, section.querySelector('blockquote')!].map((el) => `${el.getAttribute('lang') ?? 'none'} ${cjkRegions(fontOf(el))[0]}`),
    );
    const own = cjkRegions(fontOf(doc.body))[0];
    // The English page's words are in no script that tells a language: they take the export's.
    expect(seen).toEqual([['ja JP', 'ja JP'], ['zh-Hant TC', 'zh-Hant TC'], [`none ${own}`, `none ${own}`]]);
  });

  it("titles an export of one page with the page's title, in the page's language", () => {
    const doc = new JSDOM(toHtml({ ...bundle, pages: [PAGES.ja], highlights: bundle.highlights.slice(0, 1) })).window.document;
    expect(doc.querySelector('h1')!.getAttribute('lang')).toBe('ja');
    expect(cjkRegions(fontOf(doc.querySelector('h1')!))[0]).toBe('JP');
  });

  it("shows the export's time and the page's dates as readers read them", () => {
    const [bundle] = fc.sample(exportBundle(), { numRuns: 1, seed: 3 });
    const pages = bundle!.pages.map((p) => ({ ...p, provenance: { publisher: null, originalTitle: null, publishedAt: '2024-02-23T09:42:00+08:00', sources: [], credits: [] } }));
    const doc = new JSDOM(toHtml({ ...bundle!, pages, exportedAt: '2024-02-20T23:30:00.000Z' }, english, 'Asia/Shanghai')).window.document;
    expect(doc.querySelector('body > p.meta')?.textContent).toBe('Exported 2024-02-21 07:30');
    const published = [...doc.querySelectorAll('dt')].filter((dt) => dt.textContent === 'Published').map((dt) => dt.nextElementSibling?.textContent);
    expect(published.length).toBeGreaterThan(0);
    expect(new Set(published)).toEqual(new Set(['2024-02-23 09:42']));
  });
});

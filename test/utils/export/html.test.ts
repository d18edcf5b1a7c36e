import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { groupByPage } from '../../../utils/export/bundle';
import { toHtml } from '../../../utils/export/html';
import { english } from '../../../utils/reasons';
import { translator } from '../../helpers/locale';
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
    const [bundle] = fc.sample(exportBundle(), { numRuns: 1, seed: 3 });
    const url = 'https://news.example.com/story?id=7';
    const doc = new JSDOM(
      toHtml({
        ...bundle!,
        pages: bundle!.pages.map((p, i) => (i === 0 ? { ...p, url } : p)),
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

import { describe, expect, it, vi } from 'vitest';
import { parseHtml } from '../helpers/dom';
import { pageSignals, quickCheck } from '@/utils/quick-check';

const STORY = '<p>' + '江城市今年新建的十二座口袋公园已全部开放，市民在家门口就能找到休憩的去处。'.repeat(6) + '</p>';
const page = (title: string, body: string): string => `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;

describe('pageSignals', () => {
  it.each(['“充电桩”的搜索结果_华东新闻网', '「充電樁」的搜尋結果_華東新聞網', '充電樁 - 搜索結果 - 香江網', 'Search results for “chargers”'])('reads %s as a search page', (title) => {
    expect(pageSignals(parseHtml(page(title, '')), null).causes.map((c) => c.key)).toContain('signal_search_title');
  });
});

describe('pageSignals: og:type', () => {
  const typed = (type: string): string =>
    `<!doctype html><html><head><title>江城电热水壶 1.7L_江城商城</title><meta property="og:type" content="${type}"></head><body><h1>江城电热水壶 1.7L</h1>${STORY}</body></html>`;

  it.each(['product', 'product.item', 'profile', 'video.movie', 'book'])('fails a page whose og:type is %s, whatever its prose', (type) => {
    const doc = parseHtml(typed(type));
    expect(pageSignals(doc, null).causes.map((c) => c.key)).toContain('signal_og_type_other');
    expect(quickCheck(doc, 'http://shop.jiangcheng.example/item/kettle.html')).toBe(false);
  });

  it('leaves og:type website, which portals give every page, and video.other unweighed', () => {
    for (const type of ['website', 'video.other']) {
      const doc = parseHtml(typed(type));
      expect(pageSignals(doc, null).causes).toEqual([]);
      expect(quickCheck(doc, 'http://news.jiangcheng.example/shehui/park.html')).toBe(true);
    }
  });
});

describe('quickCheck', () => {
  it('passes a page whose heading restates its title over a run of prose', () => {
    const doc = parseHtml(page('口袋公园全部开放_江城新闻网', `<h1>口袋公园全部开放</h1>${STORY}`));
    expect(quickCheck(doc, 'http://news.jiangcheng.example/shehui/park.html')).toBe(true);
  });

  it('fails a list page without a heading', () => {
    const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/a/${i}.html">第${i}条新闻标题</a></li>`).join('');
    const doc = parseHtml(page('社会新闻_江城新闻网', `<ul>${links}</ul>`));
    expect(quickCheck(doc, 'http://news.jiangcheng.example/shehui/')).toBe(false);
  });

  // The prose pass is most of the check's time on a big page while its code is cold.
  it('settles a site root without reading its prose: its score can’t reach an article’s', () => {
    const doc = parseHtml(page('口袋公园全部开放_江城新闻网', `<h1>口袋公园全部开放</h1>${STORY}`));
    const reads = [vi.spyOn(doc, 'evaluate'), vi.spyOn(doc, 'createTreeWalker')];
    expect(quickCheck(doc, 'http://news.jiangcheng.example/')).toBe(false);
    for (const read of reads) expect(read).not.toHaveBeenCalled();
  });

  it('passes a page its title heading alone lifts to an article’s score without reading its prose', () => {
    const doc = parseHtml(page('口袋公园全部开放_江城新闻网', `<h1>口袋公园全部开放</h1>${STORY}`));
    const reads = [vi.spyOn(doc, 'evaluate'), vi.spyOn(doc, 'createTreeWalker')];
    expect(quickCheck(doc, 'http://news.jiangcheng.example/shehui/park.html')).toBe(true);
    for (const read of reads) expect(read).not.toHaveBeenCalled();
  });

  it('settles a list URL without a title heading the same way', () => {
    const doc = parseHtml(page('社会新闻_江城新闻网', STORY));
    const reads = [vi.spyOn(doc, 'evaluate'), vi.spyOn(doc, 'createTreeWalker')];
    expect(quickCheck(doc, 'http://news.jiangcheng.example/list/shehui.html')).toBe(false);
    for (const read of reads) expect(read).not.toHaveBeenCalled();
  });

  describe('the metas', () => {
    const titled = (ogTitle: string): string =>
      `<!doctype html><html><head><title>江城新闻网</title><meta property="og:title" content="${ogTitle}"></head><body><h1>口袋公园全部开放</h1></body></html>`;

    // Every DOM read of a content script crosses a wrapper in Firefox: the signals and the title heading share one read.
    it('reads the page’s metas once for the signals and the title heading', () => {
      const doc = parseHtml(titled('口袋公园全部开放'));
      const read = vi.spyOn(doc, 'getElementsByTagName');
      expect(quickCheck(doc, 'http://news.jiangcheng.example/shehui/park.html')).toBe(true);
      expect(read.mock.calls.filter(([tag]) => tag === 'meta')).toHaveLength(1);
    });

    it('reads them anew on each check: a page that changed its og:title is judged as it is now', () => {
      const doc = parseHtml(titled('口袋公园全部开放'));
      expect(quickCheck(doc, null)).toBe(true);
      doc.querySelector('meta')!.setAttribute('content', '江城今日天气预报');
      expect(quickCheck(doc, null)).toBe(false);
      expect(quickCheck(parseHtml(titled('口袋公园全部开放')), null)).toBe(true);
    });
  });

  describe('the prose pass', () => {
    // An article-shaped URL scores 0.75 and there is no title heading: the prose decides.
    const ARTICLE_URL = 'http://news.jiangcheng.example/2024-02/23/content_1234567.htm';
    const LINE = '江城市今年新建的十二座口袋公园已全部开放，市民在家门口就能找到休憩的去处。';

    it('counts a story written in <br> lines of one block', () => {
      const doc = parseHtml(page('社会新闻_江城新闻网', `<div>${Array(6).fill(LINE).join('<br>')}</div>`));
      expect(quickCheck(doc, ARTICLE_URL)).toBe(true);
    });

    // A list page's card: the whole summary block is one link.
    it('counts no link text, however long', () => {
      const card = `<a href="/a.html"><div>${Array(12).fill(LINE).join('<br>')}</div></a>`;
      const doc = parseHtml(page('社会新闻_江城新闻网', card));
      expect(quickCheck(doc, ARTICLE_URL)).toBe(false);
    });

    it('counts no text a reader never sees', () => {
      const doc = parseHtml(page('社会新闻_江城新闻网', `<div><script type="text/plain">${Array(12).fill(LINE).join('\n')}</script></div>`));
      expect(quickCheck(doc, ARTICLE_URL)).toBe(false);
    });

    it('counts short lines (under 20 characters) not at all', () => {
      const doc = parseHtml(page('社会新闻_江城新闻网', `<div>${Array(40).fill('江城口袋公园开放，市民休憩').join('<br>')}</div>`));
      expect(quickCheck(doc, ARTICLE_URL)).toBe(false);
    });

    // A neutral URL and no heading: only a cluster of 150 to 300 with few links lifts the page to 1.
    it('reads the link share only for a middling cluster', () => {
      const prose = `<div>${Array(5).fill(LINE).join('<br>')}</div>`;
      const url = 'http://news.jiangcheng.example/shehui/park';
      const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/a/${i}.html">江城新闻第${i}条标题的链接</a></li>`).join('');
      expect(quickCheck(parseHtml(page('社会新闻_江城新闻网', prose)), url)).toBe(true);
      expect(quickCheck(parseHtml(page('社会新闻_江城新闻网', `${prose}<ul>${links}</ul>`)), url)).toBe(false);
    });
  });
});

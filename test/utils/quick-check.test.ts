import { describe, expect, it, vi } from 'vitest';
import { parseHtml } from '../helpers/dom';
import { quickCheck } from '@/utils/quick-check';

const STORY = '<p>' + '江城市今年新建的十二座口袋公园已全部开放，市民在家门口就能找到休憩的去处。'.repeat(6) + '</p>';
const page = (title: string, body: string): string => `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;

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
    const walker = vi.spyOn(doc, 'createTreeWalker');
    expect(quickCheck(doc, 'http://news.jiangcheng.example/')).toBe(false);
    expect(walker).not.toHaveBeenCalled();
  });

  it('settles a list URL without a title heading the same way', () => {
    const doc = parseHtml(page('社会新闻_江城新闻网', STORY));
    const walker = vi.spyOn(doc, 'createTreeWalker');
    expect(quickCheck(doc, 'http://news.jiangcheng.example/list/shehui.html')).toBe(false);
    expect(walker).not.toHaveBeenCalled();
  });
});

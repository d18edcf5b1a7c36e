import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseHandedPage, parseReaderHash, readerHandoffHtml, readerHash } from '@/utils/reader-handoff';
import { parseHtml } from '../helpers/dom';

describe('readerHandoffHtml', () => {
  const html = `<html onload="boot()"><head><script>var a = 1;</script></head><body onclick="track()">
<form onsubmit="return false"><input name="q" onfocus="x()"></form><p>正文<a href="/a" onmouseover="y()">链接</a></p><script src="/ad.js"></script></body></html>`;

  it('hands over the page without inline event handlers, the page itself untouched', () => {
    const doc = parseHtml(html);
    const before = doc.documentElement.outerHTML;
    const handed = parseHtml(readerHandoffHtml(doc));
    const all = [handed.documentElement, ...Array.from(handed.querySelectorAll('*'))];
    expect(all.flatMap((el) => el.getAttributeNames()).filter((n) => n.startsWith('on'))).toEqual([]);
    expect(handed.querySelector('p')!.textContent).toBe('正文链接');
    expect(handed.querySelector('a')!.getAttribute('href')).toBe('/a');
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('readerHandoffHtml, apart from the page', () => {
  it("runs none of the page's custom element constructors", () => {
    const dom = new JSDOM('<body><x-widget>挂件</x-widget><p>正文</p></body>');
    let built = 0;
    dom.window.customElements.define('x-widget', class extends dom.window.HTMLElement {
      constructor() {
        super();
        built++;
      }
    });
    expect(built).toBe(1);
    expect(readerHandoffHtml(dom.window.document)).toContain('<x-widget>挂件</x-widget>');
    expect(built).toBe(1);
  });
});

describe('the reader tab address', () => {
  it('names the token and the article, which comes back as a link only when it is http(s)', () => {
    const hash = readerHash('2f1c4a9e-0000-4000-8000-000000000000', 'https://news.example.cn/a.html?id=1&p=2#top');
    expect(parseReaderHash(`#${hash}`)).toEqual({ token: '2f1c4a9e-0000-4000-8000-000000000000', url: 'https://news.example.cn/a.html?id=1&p=2#top' });
    expect(parseReaderHash(`#${readerHash('x', 'javascript:alert(1)')}`).url).toBeNull();
    expect(parseReaderHash('#').token).toBe('');
  });
});

describe('parseHandedPage', () => {
  const parser = new new JSDOM('').window.DOMParser();
  const url = 'http://www.example.gov.cn/xwzx/2024/content_1.htm';
  const resolved = (doc: Document) => [(doc.querySelector('img') as HTMLImageElement).src, (doc.querySelector('a') as HTMLAnchorElement).href];

  it("resolves the page's links and pictures against its own <base href>, itself relative to the page", () => {
    const doc = parseHandedPage(parser, '<head><base href="../2023/"></head><body><img src="p.jpg"><a href="a.htm">x</a></body>', url);
    expect(resolved(doc)).toEqual(['http://www.example.gov.cn/xwzx/2023/p.jpg', 'http://www.example.gov.cn/xwzx/2023/a.htm']);
  });
  it('resolves them against the page URL without one, or with one that does not parse', () => {
    for (const head of ['', '<base target="_blank">', '<base href="http://[bad">']) {
      const doc = parseHandedPage(parser, `<head>${head}</head><body><img src="p.jpg"><a href="a.htm">x</a></body>`, url);
      expect(resolved(doc)).toEqual(['http://www.example.gov.cn/xwzx/2024/p.jpg', 'http://www.example.gov.cn/xwzx/2024/a.htm']);
    }
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DomStats } from '@/utils/dom-stats';
import { findHeadline, pageTitles, parsedJson, readsAsTitle } from '@/utils/page-meta';

/** A page titled 海南发布台风预警 whose headline carries a kicker, under a site-name h1. */
function page(headline: string): Document {
  document.title = '海南发布台风预警';
  document.body.innerHTML = `
    <h1>海南信息港</h1>
    <div class="article-title">${headline}</div>
    <div id="text"><p>海南省气象台今天发布台风预警，提醒沿海地区做好防御准备。</p></div>`;
  return document;
}

describe('findHeadline', () => {
  it('finds a headline longer than the title by a kicker, within the 0.6 closeness rule', () => {
    const doc = page('快讯：海南发布台风预警');
    expect(findHeadline(doc, doc.getElementById('text'))?.className).toBe('article-title');
  });

  it('does not take a title-classed block that holds the title among much else', () => {
    const doc = page(`海南发布台风预警 ${'其他新闻标题'.repeat(10)}`);
    expect(findHeadline(doc, doc.getElementById('text'))?.tagName).toBe('H1');
  });
});

describe('findHeadline with the page’s weights', () => {
  it('never reads the text of a title-classed column too heavy to be the headline, and finds the same headline', () => {
    const doc = page('快讯：海南发布台风预警');
    const column = doc.createElement('div');
    column.className = 'title-list';
    column.textContent = '其他新闻标题'.repeat(40);
    doc.body.prepend(column);
    let reads = 0;
    const own = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!;
    Object.defineProperty(column, 'textContent', { get: () => (reads++, own.get!.call(column)), configurable: true });
    const root = doc.getElementById('text');
    expect(findHeadline(doc, root, new DomStats())?.className).toBe('article-title');
    expect(reads).toBe(0);
    expect(findHeadline(doc, root)?.className).toBe('article-title');
    expect(reads).toBe(1);
  });
});

describe('parsedJson', () => {
  it('parses a script once, again when its text changes, and gives undefined for broken JSON', () => {
    document.head.innerHTML = '<script type="application/ld+json">{"a":1}</script>';
    const script = document.head.firstElementChild!;
    const first = parsedJson(script);
    expect(first).toEqual({ a: 1 });
    expect(parsedJson(script)).toBe(first);
    script.textContent = '{"a":2}';
    expect(parsedJson(script)).toEqual({ a: 2 });
    script.textContent = '{broken';
    expect(parsedJson(script)).toBeUndefined();
  });
});

describe('readsAsTitle', () => {
  it('reads a kicker headline as the title and a long block as not', () => {
    const doc = page('快讯：海南发布台风预警');
    const titles = pageTitles(doc);
    expect(readsAsTitle(titles, doc.querySelector('.article-title')!)).toBe(true);
    expect(readsAsTitle(titles, doc.body)).toBe(false);
  });

  it('leaves out quotes, punctuation and every kind of space when measuring and comparing a heading', () => {
    document.title = '专家谈“芯片法案”：影响几何';
    // Spaced out with ideographic and no-break spaces and 《》: 30 characters, 11 once the noise is left out.
    const spaced = '专\u3000\u3000家\u3000\u3000谈《芯\u3000\u3000片\u3000\u3000法\u3000\u3000案》\u00a0\u00a0影\u3000\u3000响\u3000\u3000几\u3000\u3000何！';
    document.body.innerHTML = `<h1 id="h">${spaced}</h1><h2 id="other">专家谈芯片法案对产业链影响几何</h2>`;
    const titles = pageTitles(document);
    expect(titles.limit).toBeLessThan(spaced.length);
    expect(readsAsTitle(titles, document.getElementById('h')!)).toBe(true);
    expect(readsAsTitle(titles, document.getElementById('other')!)).toBe(false);
  });
});

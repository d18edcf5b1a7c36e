// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { collectTextBlocks, findArticleBody } from '@/utils/article-body';
import { DomStats } from '@/utils/dom-stats';

const blocksOf = (html: string) => {
  document.body.innerHTML = html;
  return collectTextBlocks(document.body, () => false, new DomStats()).map((b) => ({ id: b.el.id, weight: b.weight, lines: b.lines }));
};

describe('collectTextBlocks', () => {
  it('finds a paragraph of the least block weight (12 units) however deep its wrappers', () => {
    expect(blocksOf('<div><section><div><p id="p">一二三四五六七八九十甲乙</p></div></section></div>')).toEqual([{ id: 'p', weight: 12, lines: 1 }]);
  });

  it('leaves out lighter texts, headings, and the text of invisible elements', () => {
    expect(blocksOf('<div><p>一二三四五六七八九十甲</p><h2>一二三四五六七八九十甲乙丙</h2><script>一二三四五六七八九十甲乙丙</script></div>')).toEqual([]);
  });

  it('counts the lines of a div split by <br>, and its inline children as part of them', () => {
    const line = '一二三四五六七八九十甲乙';
    expect(blocksOf(`<div id="d">${line}<br>${line}<b>粗</b><br>短</div>`)).toEqual([{ id: 'd', weight: 25 + 1, lines: 2 }]);
  });
});

describe('findArticleBody: a story split between paragraphs and a chunk beside them', () => {
  const paragraph = (i: number) => `<div class="para">第${i}段：市政府今天公布了新的公交线路调整方案，涉及城东和城西的十二条线路，调整将在下月起分批实施。</div>`;
  const page = (before: number, inChunk: number) =>
    `<section><div id="story">${Array.from({ length: before }, (_, i) => paragraph(i + 1)).join('')}<div id="rest">${Array.from({ length: inChunk }, (_, i) => paragraph(before + i + 1)).join('')}</div></div></section><aside><p>侧栏的一段说明文字，与正文无关，但也是完整的句子，长度足够成为一个段落。</p></aside>`;
  const rootId = (html: string) => {
    document.body.innerHTML = html;
    return findArticleBody(document, () => false)?.root.id;
  };

  it('takes the paragraphs beside the chunk into the root, though none alone weighs much', () => {
    expect(rootId(page(4, 12))).toBe('story');
  });

  it('keeps the chunk as the root when only a stray paragraph sits beside it', () => {
    expect(rootId(page(1, 12))).toBe('rest');
  });
});

describe('findArticleBody: a story split into chunks of one kind', () => {
  const paragraph = (i: number) => `<p>第${i}段：市政府今天公布了新的公交线路调整方案，涉及城东和城西的十二条线路，调整将在下月起分批实施。</p>`;
  // A lead chunk, a photo, then the rest: each chunk a block of the same class, as site templates build them.
  const page = (leadClass: string, lead: number) =>
    `<div id="content"><div class="${leadClass}"><div class="text">${paragraph(1).repeat(lead)}</div></div>` +
    '<div class="block photo"><figure><img src="a.jpg"><figcaption>图为新线路的首班车。</figcaption></figure></div>' +
    `<div class="block text-block"><div class="text">${Array.from({ length: 8 }, (_, i) => paragraph(i + 2)).join('')}</div></div></div>`;
  const rootId = (html: string) => {
    document.body.innerHTML = html;
    return findArticleBody(document, () => false)?.root.id;
  };

  it('takes a lead chunk of the same kind as the root’s into the root, though it holds a fifth of the story', () => {
    expect(rootId(page('block text-block', 2))).toBe('content');
  });

  it('leaves a block of another kind with the same share outside', () => {
    expect(rootId(page('block promo', 2))).not.toBe('content');
  });
});

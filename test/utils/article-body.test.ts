// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { collectTextBlocks } from '@/utils/article-body';
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

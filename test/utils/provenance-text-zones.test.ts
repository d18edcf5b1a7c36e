import { describe, expect, it } from 'vitest';
import { elementLines, pageAndRootText } from '@/utils/provenance/text-zones';
import { parseHtml } from '../helpers/dom';

const doc = parseHtml(`<body>
  <div class="crumb">首页 &gt; 国际</div>
  <div id="story">
    <p>参考消息网2月23日报道 据新加坡《联合早报》网站2月20日报道，……</p>
    <div class="share">分享到：微博 微信<span>责任编辑：刘洋</span></div>
    <p>第二段<br>换行之后<b>加粗</b></p>
    <div class="teaser"><h3>拓展阅读</h3><ul><li><a href="#">据央视网报道</a></li></ul></div>
    <p style="display:none">隐藏的段落</p>
    <script>var x = '不代表本站立场';</script>
    <p>(编译/刘子彦)</p>
  </div>
  <div class="foot">本文来源于网络，不代表海南信息港立场 版权所有</div>
</body>`);
const story = doc.getElementById('story')!;
const excluded = (el: Element) => el.classList.contains('share') || el.classList.contains('teaser');

describe('elementLines', () => {
  it('gives one collapsed line per block and no empty lines for whitespace between blocks', () => {
    const el = parseHtml('<body><div>\n  <p>  甲\u3000 乙 </p>\n <div> </div><span> </span><span>丙</span> <b>丁</b><br> \n</div></body>').body;
    expect(elementLines(el, 'body', () => false)).toEqual([
      { text: '甲 乙', zone: 'body' },
      { text: '丙 丁', zone: 'body' },
    ]);
  });
});

describe('elementLines: text nodes', () => {
  it('joins inline text across an empty text node without a space, and across blank ones with one', () => {
    const el = parseHtml('<body><p><span>甲</span><span>乙</span></p><p><span>丙</span>\n\t<span>丁</span></p></body>').body;
    const first = el.querySelector('p')!;
    first.insertBefore(el.ownerDocument.createTextNode(''), first.lastChild);
    expect(elementLines(el, 'body', () => false).map((l) => l.text)).toEqual(['甲乙', '丙 丁']);
  });
});

const joined = (lines: { text: string }[]): string => lines.map((l) => l.text).join('\n');

describe('pageAndRootText', () => {
  it('reads in one walk exactly what the page walk and the body walk read apart', () => {
    const both = pageAndRootText(doc.body, story, excluded);
    expect(both.page).toEqual(joined(elementLines(doc.body, 'tail', () => false)));
    expect(both.root).toEqual(elementLines(story, 'body', excluded));
    expect(both.rootText).toEqual(joined(both.root));
  });

  it('keeps clutter out of the body lines but in the page text, and an excluded bar’s editor line in both', () => {
    const both = pageAndRootText(doc.body, story, excluded);
    expect(both.root.map((l) => l.text)).toContain('责任编辑：刘洋');
    expect(both.rootText).not.toContain('央视网');
    expect(both.page).toContain('据央视网报道');
    expect(both.page).not.toContain('隐藏的段落');
  });

  it('asks only whether an element is itself clutter below the root, with the same lines', () => {
    const withAncestors = (el: Element) => el.closest('.share, .teaser') !== null;
    const both = pageAndRootText(doc.body, story, withAncestors, excluded);
    expect(both.root).toEqual(elementLines(story, 'body', withAncestors));
    expect(both.root.map((l) => l.text)).toContain('责任编辑：刘洋');
  });

  it('reads a root outside the walked element by itself', () => {
    const other = parseHtml('<body><p>别处的正文第一段</p></body>').body;
    expect(pageAndRootText(doc.body, other, () => false).root).toEqual(elementLines(other, 'body', () => false));
  });
});

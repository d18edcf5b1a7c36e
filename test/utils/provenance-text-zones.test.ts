import { describe, expect, it } from 'vitest';
import { articleText, elementLines, pageTextHolding } from '@/utils/provenance/text-zones';
import { PLATFORMS } from '@/utils/provenance/self-media';
import { STATEMENT_MARKS, statedSite } from '@/utils/provenance/site-statements';
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

describe('elementLines: clutter in the body', () => {
  it('keeps clutter out of the body lines, but an excluded bar’s editor line in', () => {
    const lines = elementLines(story, 'body', excluded).map((l) => l.text);
    expect(lines).toContain('责任编辑：刘洋');
    expect(lines.join('\n')).not.toContain('央视网');
    expect(lines.join('\n')).not.toContain('隐藏的段落');
  });

  it('reads a body held back with visibility: hidden until a script shows it (WeChat), as the body text does', () => {
    const page = parseHtml(`<body><div id="js_content" style="visibility: hidden;">
      <p>据新华社报道，……</p><p style="display: none">隐藏的段落</p></div></body>`);
    const lines = elementLines(page.getElementById('js_content')!, 'body', () => false).map((l) => l.text);
    expect(lines).toEqual(['据新华社报道，……']);
  });

  it('asks only whether an element is itself clutter below the root, with the same lines', () => {
    const withAncestors = (el: Element) => el.closest('.share, .teaser') !== null;
    expect(elementLines(story, 'body', withAncestors, excluded)).toEqual(elementLines(story, 'body', withAncestors));
  });
});

const needles = (...more: string[]) => new RegExp([STATEMENT_MARKS, PLATFORMS, ...more].join('|'), 'gi');

describe('pageTextHolding', () => {
  const page = joined(elementLines(doc.body, 'tail', () => false));

  it('reads the lines that hold a mark, in page order, and no other', () => {
    expect(pageTextHolding(doc.body, needles())).toBe(['首页 > 国际', '本文来源于网络，不代表海南信息港立场 版权所有'].join('\n'));
  });

  it('gives the site’s statement and a name’s place as the whole page’s text does', () => {
    const held = pageTextHolding(doc.body, needles('刘子彦'));
    expect(statedSite(held)).toEqual(statedSite(page));
    expect(held.includes('刘子彦')).toBe(page.includes('刘子彦'));
  });

  it('finds a name split over inline elements, and leaves out scripts and hidden text', () => {
    const split = parseHtml('<body><div>主办：<b>江城</b>日报网</div><script>var a = "江城日报网";</script><p hidden>江城日报网</p><p>正文</p></body>');
    expect(pageTextHolding(split.body, needles('江城日报网'))).toBe('主办：江城日报网');
  });

  it('reads a block once when marks sit both in it and in a block inside it', () => {
    const nested = parseHtml('<body><div class="foot"><p>© 2020</p>江城日报网 版权所有</div><p>正文</p></body>');
    expect(pageTextHolding(nested.body, needles())).toBe('© 2020\n江城日报网 版权所有');
  });

  it('leaves out the code of scripts and styles inside blocks, whose `>` is no breadcrumb', () => {
    const wrapped = parseHtml(`<body><div id="wrap">
      <div class="nav"><script>if (a > b) { show("江城日报网"); }</script><style>a > b { color: red }</style>新闻中心</div>
      <p>正文</p>
      <div class="foot"><span>江城日报网</span><script>track()</script> © 2020</div>
    </div></body>`);
    expect(pageTextHolding(wrapped.body, needles('江城日报网'))).toBe('江城日报网 © 2020');
  });

  it('maps each mark to its block past comments, nested wrappers and blocks without one', () => {
    const deep = parseHtml(`<body><div id="wrap"><!-- 江城日报网 --><div><p>导航</p><div><span>首页</span><!-- © --></div></div>
      <div><div><p>正文</p><p>江城日报网 江城日报网 报道</p></div><p>无关</p><div><b>版权所有</b> 江城日报网</div></div></div></body>`);
    expect(pageTextHolding(deep.body, needles('江城日报网'))).toBe('江城日报网 江城日报网 报道\n版权所有 江城日报网');
  });

  it('is empty for a page without marks', () => {
    expect(pageTextHolding(parseHtml('<body><p>正文第一段</p><script>if (a > b) {}</script></body>').body, needles())).toBe('');
  });
});

describe('articleText: the tail', () => {
  const page = (between: string) =>
    parseHtml(`<body><div id="story"><p>正文第一段，讲述古镇水上巴士的试运行。</p><p>正文第二段。</p></div>${between}<p>责任编辑：马轶东</p><h3>热门推荐</h3></body>`);
  const notice =
    '<div class="statement"><p>特别声明：以上作品内容(包括在内的视频、图片或音频)为自媒体平台用户上传并发布，本平台仅提供信息存储空间服务。</p><p>Notice: The content above is uploaded and posted by the user of a social media platform, which merely provides information storage space services.</p></div>';
  const tailLines = (doc: Document) => {
    const hidden = (el: Element) => el.classList.contains('statement') || el.classList.contains('wrapper');
    return articleText(null, doc.getElementById('story'), hidden).lines.filter((l) => l.zone === 'tail').map((l) => l.text);
  };

  it('steps over a hidden disclaimer, however long, to the editor line after it', () => {
    expect(tailLines(page(notice))).toEqual(['责任编辑：马轶东']);
  });

  it('still ends at any other large hidden block', () => {
    const block = `<div class="wrapper"><p>${'其他栏目的一段很长的文字，'.repeat(12)}</p></div>`;
    expect(tailLines(page(block))).toEqual([]);
  });
  it('climbs through <font> wrappers without counting them as levels, to the editor line in the next table row', () => {
    // An old portal's story: four <font>s deep in a cell, the editor in the row below.
    const doc = parseHtml(
      '<body><table><tr><td><div id="content"><font><font><font><font id="story"><p>正文第一段，讲述古镇水上巴士的试运行。</p><p>正文第二段。</p></font></font></font></font></div></td></tr>' +
        '<tr><td><div align="right">（责任编辑：黄帅）</div></td></tr></table></body>',
    );
    expect(tailLines(doc)).toEqual(['（责任编辑：黄帅）']);
  });
});

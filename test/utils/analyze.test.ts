import { describe, expect, it } from 'vitest';
import { analyzeLayout, analyzePage } from '@/utils/analyze';
import { parseHtml } from '../helpers/dom';

const paragraphs = (line: string, n: number): string => `<p>${line}</p>`.repeat(n);
/** 晨光新闻网's story of three water plants: six paragraphs, then `end` in the story's box. */
const WATER_STORY = paragraphs('青溪县今年将新建三座水厂，县水利局介绍，工程完成后全县农村自来水普及率将达到百分之九十八。', 6);
const storyEndingWith = (end: string): Document =>
  parseHtml(
    `<html><head><title>青溪县新建三座水厂_晨光新闻网</title></head><body>
      <div class="main"><h1>青溪县新建三座水厂</h1><div class="info">2024-03-06 来源：青溪日报</div>
        <div class="content">${WATER_STORY}${end}</div></div></body></html>`,
    'http://news.example.test/2024-03/06/content_2.htm',
  );

/** The same story's page with `after` below the story's box and its editor's line. */
const storyFollowedBy = (after: string): Document =>
  parseHtml(
    `<html><head><title>青溪县新建三座水厂_晨光新闻网</title></head><body>
      <div class="main"><h1>青溪县新建三座水厂</h1><div class="info">2024-03-06 来源：青溪日报</div>
        <div class="content">${WATER_STORY}</div>
        <div class="editor">编辑：李明</div>${after}</div></body></html>`,
    'http://news.example.test/2024-03/06/content_2.htm',
  );
/** What cleanup hid as the element `selector` names, if it hid it. */
const hiddenItemOf = (doc: Document, selector: string) => analyzePage(doc, { url: doc.URL }).hidden.find((h) => h.el === doc.querySelector(selector))?.item;

/** A continuous-reading page: the second story, appended below the first, is the one the title names. */
const TWO_STORIES = `<html><head><title>青溪县新建三座水厂_晨光新闻网</title></head><body>
  <div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a> <a href="/city/">城市</a></div>
  <div class="main">
    <div class="story"><h1>读书节开幕</h1><div class="info">2024-03-05 来源：江城日报</div>
      <div class="content">${paragraphs('某地读书节今天开幕，市民在各个会场挑选图书，参加讲座和朗读活动，现场气氛热烈，书店延长了营业时间。', 8)}</div>
      <div class="share">分享到：<a href="#">微博</a><a href="#">微信</a><a href="#">QQ空间</a></div></div>
    <div class="story"><h1>青溪县新建三座水厂</h1><div class="info">2024-03-06 来源：青溪日报 记者 李明</div>
      <div class="content">${paragraphs('青溪县今年将新建三座水厂，县水利局介绍，工程完成后全县农村自来水普及率将达到百分之九十八。', 5)}</div>
      <div class="share">分享到：<a href="#">微博</a><a href="#">微信</a><a href="#">QQ空间</a></div>
      <div class="related"><h3>相关阅读</h3><ul>
        <li><a href="/a/1.htm">读书节首日迎来数万市民，各会场图书销售火爆</a></li>
        <li><a href="/a/2.htm">读书节朗读活动开幕，市民在会场朗读图书</a></li>
      </ul></div></div>
  </div></body></html>`;

describe('stories read before on the page (continuous reading)', () => {
  const doc = parseHtml(TWO_STORIES, 'http://news.example.test/2024-03/06/content_2.htm');
  const [first, second] = [...doc.querySelectorAll('.content')];

  it('without them, one template’s two stories make one body', () => {
    const { root } = analyzeLayout(doc, { url: doc.URL });
    expect([root?.contains(first!), root?.contains(second!)]).toEqual([true, true]);
  });

  it('sets them aside: the body, headline and sources are the other story’s', () => {
    const page = analyzePage(doc, { url: doc.URL, otherStories: [first!] });
    expect(page.root).toBe(second);
    expect(page.analysis.title).toBe('青溪县新建三座水厂');
    expect(page.analysis.publishedAt).toMatch(/^2024-03-06/);
    expect(page.analysis.sources.map((s) => s.outlet)).toEqual(['晨光新闻网', '青溪日报']);
  });

  // Scrolled back up: the site names the first story again, the second is the one read before.
  it('reads the first story again without the next one’s meta line, which follows it', () => {
    const back = parseHtml(TWO_STORIES.replace('<title>青溪县新建三座水厂_', '<title>读书节开幕_'), doc.URL);
    const [again, read] = [...back.querySelectorAll('.content')];
    const page = analyzePage(back, { url: back.URL, otherStories: [read!] });
    expect(page.root).toBe(again);
    expect(page.analysis.sources.map((s) => s.outlet)).toEqual(['晨光新闻网', '江城日报']);
    expect(page.analysis.credits).toEqual([]);
  });

  it('hides the new story’s teasers about the story set aside, and nothing of that story', () => {
    const { hidden } = analyzeLayout(doc, { url: doc.URL, otherStories: [first!] });
    expect(hidden.map((h) => h.el)).toContain(doc.querySelector('.related'));
    expect(hidden.filter((h) => h.el.contains(first!) || first!.contains(h.el))).toEqual([]);
  });
});

describe('teaser blocks with nothing in them yet', () => {
  /** A story page with `extra` after the story; the hidden items' kinds and reasons, and whether `selector` is hidden. */
  const hiddenWith = (extra: string, selector: string): { hidden: boolean; reasons: string[] } => {
    const doc = parseHtml(
      `<html><head><title>青溪县新建三座水厂_晨光新闻网</title></head><body><div class="main"><h1>青溪县新建三座水厂</h1>
        <div class="info">2024-03-06 来源：青溪日报</div>
        <div class="content">${paragraphs('青溪县今年将新建三座水厂，县水利局介绍，工程完成后全县农村自来水普及率将达到百分之九十八。', 5)}</div>
        ${extra}</div></body></html>`,
      'http://news.example.test/2024-03/06/content_2.htm',
    );
    const page = analyzePage(doc, { url: doc.URL });
    const target = doc.querySelector(selector)!;
    return { hidden: page.hidden.some((h) => h.el.contains(target)), reasons: page.analysis.hidden.map((h) => `${h.kind}: ${h.reason}`) };
  };

  it('hides a named block whose list the site has not filled', () => {
    const seen = hiddenWith('<div class="rel"><h2>相关阅读</h2><ul><li><a href="javascript:;"><img src=""></a></li><li><a href="javascript:;"></a></li></ul></div>', '.rel');
    expect(seen.reasons).toContain('teaser: “相关阅读”: a teaser block with nothing in it yet');
  });

  it('leaves the next story’s empty slot to the page-turn rule', () => {
    const seen = hiddenWith('<div class="next"><h3>阅读下一篇：</h3><div><a href="/a/3.htm"></a></div></div>', '.next');
    expect(seen.hidden).toBe(true);
    expect(seen.reasons.filter((r) => r.includes('下一篇'))).toEqual(['navigation: page-turn links (“阅读下一篇：”)']);
  });

  it('leaves a "Read more" control, and a wrapper whose first block is a filled list of related stories', () => {
    expect(hiddenWith('<div class="more"><a href="#full">Read more</a><i class="arrow"></i></div>', '.more').hidden).toBe(false);
    const related = '<div class="outer"><div class="xg"><h3>相关新闻</h3><ul><li><a href="/a/4.htm">青溪县三座水厂开工建设</a></li><li><a href="/a/5.htm">青溪县农村自来水普及率达到九成</a></li></ul></div><div class="clear"></div></div>';
    expect(hiddenWith(related, '.xg li').hidden).toBe(false);
  });
});

describe('a side column of headed boxes (a blog’s sidebar)', () => {
  const box = (id: string, name: string, inner: string): string => `<div class="box" id="${id}"><h4>${name}</h4><div>${inner}</div></div>`;
  const PROFILE = box('profile', '个人资料', '<dl><dt>昵称：</dt><dd>阿明</dd><dt>地区：</dt><dd>嘉义</dd></dl>');
  const COUNTER = box('counter', '浏览人次', '<ul><li>本日：128</li><li>累计：356410</li></ul>');
  const CLOCK = box('clock', '现在时间', '<span>09:20</span>');
  const story = `<div class="post"><h2>阿里山森林铁路搭车记</h2><div class="date">2024-03-16</div>
    <div class="body">${paragraphs('清晨五点从嘉义车站出发，森林铁路的小火车沿着山势一路盘旋，窗外从槟榔园换成竹林，再换成高大的柳杉。', 10)}</div></div>`;
  const page = (body: string): Document =>
    parseHtml(`<html><head><title>阿里山森林铁路搭车记 - 山海小旅行</title></head><body>${body}</body></html>`, 'https://shanhai.example.test/post/8841');
  const hiddenIds = (doc: Document): string[] => analyzePage(doc, { url: doc.URL }).hidden.map((h) => h.el.id);

  it('hides each box below the story as a widget, named by its heading', () => {
    const doc = page(`${story}<div class="side">${PROFILE}${COUNTER}${CLOCK}</div>`);
    const items = analyzePage(doc, { url: doc.URL }).analysis.hidden;
    expect(items.map((h) => [h.kind, h.reason])).toEqual([
      ['widget', 'side-column box (“个人资料”)'],
      ['widget', 'side-column box (“浏览人次”)'],
      ['widget', 'side-column box (“现在时间”)'],
    ]);
  });

  it('leaves two boxes alone: a pair of blocks is not a column', () => {
    expect(hiddenIds(page(`${story}<div class="side">${PROFILE}${COUNTER}</div>`))).toEqual([]);
  });

  it('leaves a column above the story alone: what precedes the story may be its masthead', () => {
    expect(hiddenIds(page(`<div class="side">${PROFILE}${COUNTER}${CLOCK}</div>${story}`))).toEqual([]);
  });

  it('keeps a box heavier than a widget’s few lines', () => {
    const essay = box('essay', '关于本站', `<p>${'这里记录每一趟走过的山与海，照片与文字都是自己拍摄和写下的，欢迎转载时注明出处并附上原文链接。'.repeat(5)}</p>`);
    expect(hiddenIds(page(`${story}<div class="side">${PROFILE}${COUNTER}${essay}</div>`))).toEqual(['profile', 'counter']);
  });
});

describe('a government page: its directory of links, its pager', () => {
  const hiddenUrl = (host: string, name: string): string => `<li style="display: none;">http://${host}.gov.example.test</li><li><a href="http://${host}.gov.example.test">${name}</a></li>`;
  const DEPARTMENTS = [
    ['fgw', '发展和改革委员会'], ['jyt', '教育厅'], ['kjt', '科学技术厅'], ['gxt', '工业和信息化厅'], ['gat', '公安厅'],
    ['mzt', '民政厅'], ['sft', '司法厅'], ['czt', '财政厅'], ['rst', '人力资源和社会保障厅'], ['zrzyt', '自然资源厅'],
  ].map(([host, name]) => hiddenUrl(host!, name!)).join('');
  // Fewer links than a link list has, so no first-pass region keeps it out of the body's text.
  const PAGER = '<div class="pager"><span>1</span><a href="?page=2">2</a><a href="?page=3">3</a><a href="?page=2">下一页</a></div>';
  const doc = parseHtml(
    `<html><head><title>全省春耕备耕有序推进_省政府网</title></head><body>
      <div class="detail"><h1>全省春耕备耕有序推进</h1><div class="info">2024-03-18 来源：省农业农村厅</div>
        <div class="content">${paragraphs('眼下正值春耕备耕关键时期，全省各地抢抓农时，组织农机手检修机具，农资供应充足，田间地头一派繁忙景象。', 8)}${PAGER}</div></div>
      <div class="friend-links"><ul>${DEPARTMENTS}</ul></div></body></html>`,
    'http://www.gov.example.test/2024-03/18/content_1.htm',
  );
  const page = analyzePage(doc, { url: doc.URL });
  const hidden = (selector: string): boolean => page.hidden.some((h) => h.el === doc.querySelector(selector));

  it('hides a list of links that the addresses kept hidden beside them made look like prose', () => {
    expect(hidden('.friend-links')).toBe(true);
  });

  it('keeps the story’s pager of a few links, and leaves it out of the body’s text', () => {
    expect(hidden('.pager')).toBe(false);
    expect(page.analysis.article?.text).toMatch(/繁忙景象。$/);
  });
});

describe('an ad label on a line of its own', () => {
  // Heavy enough that the notice is not read as a box labelled 広告 (the container rule).
  const ABOUT = '当ブログの記事の内容は、執筆した時点の情報に基づいています。ソフトウェアの更新により、手順が変わっている場合があります。';
  const AD = '<div class="slot"><script async src="//pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script><ins class="adsbygoogle"></ins></div>';
  const doc = parseHtml(
    `<html><head><title>Kindleの辞書を切り替える方法_ノート</title></head><body>
      <div class="post"><h1>Kindleの辞書を切り替える方法</h1>
        <div class="entry">${paragraphs('Kindle for PCで英単語を選択すると、内蔵の辞書が意味を表示します。設定から辞書を切り替えることもできます。', 8)}
          <p id="in-story">広告</p>${AD}${paragraphs('辞書の切り替えは、本を開いたまま設定画面から行えます。', 3)}
          <table id="spending"><tr><td id="cell">広告</td><td>1200万円</td></tr><tr><td>研究開発</td><td>3400万円</td></tr></table>
          <p id="sentence">広告の表示は設定で減らせます。</p></div></div>
      <div class="widget"><p><span>スポンサードリンク</span></p>${AD}</div>
      <div class="notice"><p>${ABOUT}</p><p id="orphan">広告</p><p>${ABOUT}</p></div></body></html>`,
    'http://note.example.test/kindle-dictionary/',
  );
  const page = analyzePage(doc, { url: doc.URL });
  const item = (selector: string) => page.hidden.find((h) => h.el === doc.querySelector(selector))?.item;

  it('goes, inside the story’s box or not', () => {
    expect(item('#in-story')).toMatchObject({ kind: 'ad', reason: 'labelled “広告”' });
  });

  it('takes the box it is all the text of, with the ad in it', () => {
    expect(item('.widget')).toMatchObject({ kind: 'ad', reason: 'labelled “スポンサードリンク”' });
  });

  // The ad it announced was blocked or never loaded: the label alone says nothing to a reader.
  it('goes when no ad is beside it', () => {
    expect(item('#orphan')).toMatchObject({ kind: 'ad', reason: 'labelled “広告”' });
  });

  it('is not a table’s cell or a sentence that names ads', () => {
    expect(item('#cell')).toBeUndefined();
    expect(item('#spending')).toBeUndefined();
    expect(item('#sentence')).toBeUndefined();
  });
});

describe('a teaser block’s name with nothing after it', () => {
  const RELATED = `<ul><li><a href="/a/1.htm">青溪县第一座水厂开工，农村自来水普及率将提高</a></li>
    <li><a href="/a/2.htm">青溪县水利局：三座水厂年内建成，全县农村通自来水</a></li></ul>`;
  const OTHERS = ['全民微信时代，语音消息发六十秒是种怎样的体验', '城市夜跑爱好者越来越多，跑步装备怎么选', '一只橘猫每天准时到便利店门口等店员下班', '海边小镇的清晨，渔船归港', '三分钟学会做一道家常红烧肉', '航拍秋天的草原，牛羊成群'];
  const UNRELATED = `<ul>${OTHERS.map((t, i) => `<li><a href="/o/${i}.htm">${t}</a></li>`).join('')}</ul>`;
  const pageWith = storyFollowedBy;
  const itemOf = hiddenItemOf;

  it('is hidden when it ends a column that holds more, its list never filled', () => {
    const doc = pageWith('<div class="about"><div id="label">相关新闻</div></div><script>fill()</script>');
    expect(itemOf(doc, '.about')).toMatchObject({ kind: 'teaser', reason: '“相关新闻”: a teaser block with nothing in it yet' });
  });

  it('stays alone in its wrapper, whose next sibling holds the list it names', () => {
    const doc = pageWith(`<div class="hd"><span id="label">相关新闻</span></div><div class="bd">${RELATED}</div>`);
    expect(itemOf(doc, '#label')).toBeUndefined();
    expect(itemOf(doc, '.hd')).toBeUndefined();
    expect(itemOf(doc, '.bd li')).toBeUndefined();
  });

  it('stays when a list follows it, and when it names no teaser block', () => {
    const listed = pageWith(`<div class="about"><div id="label">相关新闻</div></div><div class="list">${RELATED}</div>`);
    expect(itemOf(listed, '.about')).toBeUndefined();
    const other = pageWith('<div class="about"><div id="label">本文完</div></div>');
    expect(itemOf(other, '.about')).toBeUndefined();
  });

  // note100yen's 関連記事 over a list of links hidden as a whole, with more of the page after both.
  it('goes with the block printed right after it, when that block went', () => {
    const doc = pageWith(`<div id="label">相关阅读</div><div class="similar">${UNRELATED}</div><div class="blogroll">本站文章均为原创，欢迎订阅。</div>`);
    expect(itemOf(doc, '.similar')).toMatchObject({ kind: 'teaser' });
    expect(itemOf(doc, '#label')).toMatchObject({ kind: 'teaser', reason: '“相关阅读”: the name of a teaser block with nothing of it left to show' });
    const kept = pageWith(`<div id="label">相关阅读</div><div class="similar">${RELATED}</div><div class="blogroll">本站文章均为原创，欢迎订阅。</div>`);
    expect(itemOf(kept, '#label')).toBeUndefined();
  });

  // An old portal's column: its search box, then 工作动态 over a list of links to other stories.
  it('goes as a section’s short name over a list that went as teasers, and only then', () => {
    const column = (line: string): string => `<div class="col"><form><input type="text" name="q"><button>检索</button></form><div id="section">${line}</div>${UNRELATED}</div>`;
    const doc = pageWith(column('工作动态'));
    expect(itemOf(doc, '#section')).toMatchObject({ kind: 'teaser', reason: '“工作动态”: the name of a teaser block with nothing of it left to show' });
    // A person's name, a line with a mark or a number is no section's name; nor is a name over a box that went as a widget.
    for (const line of ['李明', '欧阳修', '编辑：李明', '2024年3月']) expect(itemOf(pageWith(column(line)), '#section')).toBeUndefined();
    const share = pageWith('<div class="col"><div id="section">工作动态</div><div class="share">分享到：<a href="#">微博</a><a href="#">微信</a><a href="#">QQ空间</a></div></div>');
    expect(itemOf(share, '.share')).toMatchObject({ kind: 'widget' });
    expect(itemOf(share, '#section')).toBeUndefined();
  });

  // The same column's ［更多］ under its list, a line of its own: the list went, so its link to more of it goes too.
  it('goes as a list’s 更多 link on a line of its own, with the list it leads on', () => {
    const FORM = '<form><input type="text" name="q"><button>检索</button></form>';
    const more = '<div id="more">［<a href="/gzdt.htm">更多</a>］</div>';
    const reason = '“［更多］”: the link to more of a list hidden beside it';
    // In a column walked around its search box, where links no rule names are scored, and right under the story.
    for (const column of [(inner: string) => `<div class="col">${FORM}${inner}</div>`, (inner: string) => inner]) {
      const doc = pageWith(column(`<div id="section">工作动态</div>${UNRELATED}${more}`));
      expect(itemOf(doc, '#more')).toMatchObject({ kind: 'teaser', reason });
      // Under a list kept for its related items it stays, whatever list comes after it.
      expect(itemOf(pageWith(column(`${RELATED}${more}${UNRELATED}`)), '#more')).toBeUndefined();
    }
    // Printed after a section's name, it heads the list after it, and goes with it as the name does.
    const row = pageWith(`<div class="col">${FORM}<div id="row">工作动态 <a href="/gzdt.htm">更多&gt;&gt;</a></div>${UNRELATED}</div>`);
    expect(itemOf(row, '#row')).toMatchObject({ kind: 'teaser', reason: '“工作动态”: the name of a teaser block with nothing of it left to show' });
    // 查看更多 is the link, not a section named 查看.
    const view = pageWith(`<div class="col">${FORM}${UNRELATED}<div id="more"><a href="/gzdt.htm">查看更多&gt;&gt;</a></div></div>`);
    expect(itemOf(view, '#more')).toMatchObject({ kind: 'teaser', reason: '“查看更多>>”: the link to more of a list hidden beside it' });
    // A headline that opens with 更多 is no such link.
    const headline = pageWith(`<div class="col">${FORM}${UNRELATED}<div id="more"><a href="/a/3.htm">更多农村家庭用上自来水</a></div></div>`);
    expect(itemOf(headline, '#more')?.reason ?? '').not.toContain('link to more');
  });

  describe('as the story’s last line', () => {
    // qq's 精彩视频推荐 over a player its script fills, and the site's rights notice after it.
    it('is hidden when what follows it in the story’s box was hidden or is empty', () => {
      const doc = storyEndingWith('<p id="label"><strong>精彩视频推荐</strong></p><p><script>player()</script></p><p>本文为晨光新闻网原创稿件，未经授权不得转载。</p>');
      expect(itemOf(doc, '#label')).toMatchObject({ kind: 'teaser', reason: '“精彩视频推荐”: the name of a teaser block with nothing of it left to show' });
      expect(analyzePage(doc, { url: doc.URL }).analysis.article?.text).not.toContain('精彩视频推荐');
      const videos = storyEndingWith(`<p id="label">精彩视频推荐</p><div class="videos">${UNRELATED}</div>`);
      expect(itemOf(videos, '#label')).toMatchObject({ kind: 'teaser' });
      expect(itemOf(videos, '.videos li')).toMatchObject({ kind: 'teaser' });
    });

    it('stays over the related items it names, and over the story’s text', () => {
      const related = storyEndingWith(`<p id="label">相关新闻</p><div class="list">${RELATED}</div>`);
      expect(itemOf(related, '#label')).toBeUndefined();
      const inside = storyEndingWith(`<p id="label">相关报道</p>${paragraphs('县水利局表示，三座水厂建成后将由县自来水公司统一管理，水价保持不变。', 2)}`);
      expect(itemOf(inside, '#label')).toBeUndefined();
    });
  });
});

describe('a teaser block named by the line before it, in the story’s box', () => {
  const STORY = paragraphs('Neo-banks promise to ease the pain of unexpected medical bills, but their accounts do little for savers living paycheck to paycheck.', 6);
  const pageWith = (end: string) =>
    parseHtml(
      `<html><head><title>The Neo-Bank Hangover | Wired</title></head><body>
        <article><h1>The Neo-Bank Hangover</h1><p class="byline">By Jane Doe</p>
          <div class="body">${STORY}${end}</div></article></body></html>`,
      'https://www.example.test/story/neo-bank-hangover/',
    );
  // Each item is a sentence with a link in it: too little linked text for a list of links.
  const item = (i: number, text: string, linked: string) => `<li>${text} <a href="/story/${i}/">${linked}</a></li>`;
  const UNRELATED = [
    item(1, 'YouTubers must unionize,', 'no matter what Google says'),
    item(2, 'Could an astronaut lost in space', 'use gravity to get around?'),
    item(3, 'The plan to boost drone batteries', 'with a teensy jet engine'),
  ].join('');
  const itemOf = (doc: Document, selector: string) => analyzePage(doc, { url: doc.URL }).hidden.find((h) => h.el === doc.querySelector(selector))?.item;

  it('goes with its name when none of its items is related, and its items are not the story', () => {
    const doc = pageWith(`<hr><div id="label">More Great WIRED Stories</div><ul id="list">${UNRELATED}</ul>`);
    expect(itemOf(doc, '#list')).toMatchObject({ kind: 'teaser', reason: expect.stringContaining('“More Great WIRED Stories”') });
    expect(itemOf(doc, '#label')).toMatchObject({ kind: 'teaser' });
    expect(analyzePage(doc, { url: doc.URL }).analysis.article?.text).not.toContain('astronaut');
  });

  it('keeps its name over a related item, and the item', () => {
    const doc = pageWith(`<div id="label">【相关阅读】</div><ul>${UNRELATED}${item(4, 'Why neo-banks', 'can’t fix medical bills for savers')}</ul>`);
    const hidden = analyzePage(doc, { url: doc.URL }).hidden.map((h) => h.el);
    expect(hidden).not.toContain(doc.querySelector('#label'));
    expect(hidden).not.toContain(doc.querySelector('li:last-child'));
    expect(hidden).toContain(doc.querySelector('li:first-child'));
  });

  // 排行榜 opens the line without being all of it: the list is the story's.
  it('is not a line that only opens with a teaser block’s name', () => {
    const doc = pageWith(`<p id="label">排行榜前三名：</p><ul id="list">${UNRELATED}</ul>`);
    expect(itemOf(doc, '#list')).toBeUndefined();
    expect(itemOf(doc, '#list li')).toBeUndefined();
  });
});

describe('a teaser block’s name over its items as lines of their own', () => {
  const line = (i: number, headline: string) => `<p id="l${i}"><a href="/a/${i}.htm">${headline}</a></p>`;
  const UNRELATED = line(1, '一只橘猫每天准时到便利店门口等店员下班') + line(2, '海边小镇的清晨，渔船归港') + line(3, '三分钟学会做一道家常红烧肉');
  const hiddenOf = (doc: Document) => analyzePage(doc, { url: doc.URL }).hidden.map((h) => h.el);

  it('goes with them when none is related, out of the body’s text', () => {
    const doc = storyEndingWith(`<p id="label">相关阅读：</p>${UNRELATED}`);
    const analysis = analyzePage(doc, { url: doc.URL });
    const item = analysis.hidden.find((h) => h.el === doc.querySelector('#label'))?.item;
    expect(item).toMatchObject({ kind: 'teaser', reason: '“相关阅读”: 3 teasers, none related to this article (best similarity 0.00)' });
    for (const id of ['#l1', '#l2', '#l3']) expect(analysis.hidden.map((h) => h.el)).toContain(doc.querySelector(id));
    expect(analysis.analysis.article?.text).not.toContain('橘猫');
  });

  it('stays over a related item, which stays too', () => {
    const doc = storyEndingWith(`<p id="label">相关阅读：</p>${UNRELATED}${line(4, '青溪县第一座水厂开工，农村自来水普及率将提高')}`);
    const hidden = hiddenOf(doc);
    expect(hidden).not.toContain(doc.querySelector('#label'));
    expect(hidden).not.toContain(doc.querySelector('#l4'));
    expect(hidden).toContain(doc.querySelector('#l1'));
  });

  // Al Jazeera's: a heading, then a list per headline.
  it('may be a heading over a list per item', () => {
    const doc = storyEndingWith('<h4 id="label">More:</h4><ul><li><h4><a href="/a/1.htm">A cat waits at the shop door every night</a></h4></li></ul><ul><li><h4><a href="/a/2.htm">Fishing boats return at dawn</a></h4></li></ul>');
    const hidden = hiddenOf(doc);
    expect(hidden).toContain(doc.querySelector('#label'));
    expect(hidden).toContain(doc.querySelectorAll('ul')[1]);
  });

  it('is not a line saying more than the name, one link line alone, or sentences holding a link', () => {
    for (const end of [
      `<p id="label">排行榜前三名：</p>${UNRELATED}`,
      `<p id="label">相关阅读：</p>${line(1, '一只橘猫每天准时到便利店门口等店员下班')}`,
      `<p id="label">相关报道：</p><p id="l1">店员说，<a href="/a/1.htm">这只橘猫</a>每天都准时来。</p><p id="l2">一位渔民告诉记者，<a href="/a/2.htm">渔船</a>清晨归港。</p>`,
    ]) {
      const doc = storyEndingWith(end);
      const hidden = hiddenOf(doc);
      expect(hidden, end).not.toContain(doc.querySelector('#label'));
      expect(hidden, end).not.toContain(doc.querySelector('#l1'));
    }
  });
});

describe('a box that is one link to subscribe to the outlet’s channel', () => {
  it('goes from between the story’s paragraphs, its words out of the body', () => {
    const line = 'The White House said on Saturday that the visit had been planned for months and was routine.';
    const doc = parseHtml(
      `<html><head><title>A routine visit? | Harbor Times</title></head><body>
        <article><h1>A routine visit?</h1><p class="byline">By Jane Doe</p>
          <div class="body">${paragraphs(line, 3)}
            <div class="promo"><a id="promo" href="https://www.youtube.com/user/HarborTimes?sub_confirmation=1"><img src="/tease.jpg">
              <div><p><b>THE POINT -- NOW ON YOUTUBE!</b></p><p>In each episode of his weekly YouTube show, our columnist will delve a little deeper into the surreal world of politics. Click to subscribe!</p></div></a></div>
            ${paragraphs(line, 3)}</div></article></body></html>`,
      'https://www.example.test/2019/11/18/politics/routine-visit/index.html',
    );
    const analysis = analyzePage(doc, { url: doc.URL });
    expect(analysis.hidden.find((h) => h.el === doc.querySelector('#promo'))?.item).toMatchObject({ kind: 'widget' });
    expect(analysis.analysis.article?.text).toContain('planned for months');
    expect(analysis.analysis.article?.text).not.toContain('subscribe');
  });
});

describe('a fold button left under a story shown whole', () => {
  it('goes from the story’s box when it leads nowhere, its words out of the body', () => {
    const doc = storyEndingWith('<div class="readmore"><a href="#">Read More</a></div>');
    expect(hiddenItemOf(doc, '.readmore')).toMatchObject({ kind: 'widget', reason: '“Read More” button: the whole story is shown instead' });
    expect(analyzePage(doc, { url: doc.URL }).analysis.article?.text).not.toContain('Read More');
  });

  it('goes from just below the story’s box, a percentage the page fills left empty', () => {
    const doc = storyFollowedBy('<div class="u-moreText">阅读剩余全文（<span class="u-percent"></span>）</div>');
    expect(hiddenItemOf(doc, '.u-moreText')).toMatchObject({ kind: 'widget' });
  });

  it('stays when it links to a page of its own, or while the page keeps the story’s end out of sight', () => {
    expect(hiddenItemOf(storyEndingWith('<div class="readmore"><a href="/2024-03/06/content_2_all.htm">阅读全文</a></div>'), '.readmore')).toBeUndefined();
    // Between the story's paragraphs it opens something of the story's (a long quote, a table).
    expect(hiddenItemOf(storyEndingWith(`<div class="readmore"><a href="#">展开全部</a></div>${WATER_STORY}`), '.readmore')).toBeUndefined();
    // CNN's: the rest of the story waits in a box the stylesheet hides until the button is pressed.
    const doc = storyEndingWith('<div class="readmore"><div id="more">Read More</div></div><div class="rest"><p>水厂建成后将由县水务公司统一运营管理，水价按现行标准执行。</p></div>');
    const shown = (el: Element): boolean => !el.closest('.rest');
    expect(analyzePage(doc, { url: doc.URL, shown }).hidden.some((h) => h.el === doc.querySelector('.readmore'))).toBe(false);
  });
});

describe('a link back to the site closing a story paragraph', () => {
  it('goes, and the paragraph’s text and its own links stay', () => {
    const doc = storyEndingWith(
      '<p id="last">县水利局表示，三座水厂建成后由<a id="own" href="/a/9.htm">县自来水公司</a>统一管理。<a id="back" href="http://news.example.test/"><img src="/favicon.ico"><span>返回晨光新闻网首页&gt;&gt;</span></a></p>',
    );
    const analysis = analyzePage(doc, { url: doc.URL });
    const itemOf = (selector: string) => analysis.hidden.find((h) => h.el === doc.querySelector(selector))?.item;
    expect(itemOf('#back')).toMatchObject({ kind: 'navigation', reason: 'link back to the site (“返回晨光新闻网首页>>”)' });
    expect(itemOf('#last')).toBeUndefined();
    expect(itemOf('#own')).toBeUndefined();
    expect(analysis.analysis.article?.text).toContain('县自来水公司统一管理。');
    expect(analysis.analysis.article?.text).not.toContain('返回');
  });

  it('stays when the paragraph goes on after it', () => {
    const doc = storyEndingWith('<p>县水利局表示，<a id="back" href="/">返回首页</a>后可查看三座水厂的建设进度。</p>');
    expect(analyzePage(doc, { url: doc.URL }).hidden.find((h) => h.el === doc.querySelector('#back'))).toBeUndefined();
  });
});

describe('the next story’s card below the story', () => {
  const pageWith = (headline: string, brief: string): Document =>
    parseHtml(
      `<html><head><title>青溪县新建三座水厂_晨光新闻网</title></head><body>
        <div class="main"><h1>青溪县新建三座水厂</h1><div class="info">2024-03-06 来源：青溪日报</div>
          <div class="content">${WATER_STORY}</div>
          <div class="next-card"><h3>下一篇</h3><div><a href="/a/2.htm">${headline}</a><p>${brief}</p><p>2小时前</p></div></div></div></body></html>`,
      'http://news.example.test/2024-03/06/content_2.htm',
    );
  const cardOf = (doc: Document) => analyzePage(doc, { url: doc.URL }).hidden.find((h) => h.el === doc.querySelector('.next-card'))?.item;

  it('goes when it leads to another subject, with its similarity in the reason', () => {
    const card = cardOf(pageWith('一座老钢厂改造成了创意园区', '厂房保留了原来的行车和高炉，成为年轻人打卡的地方。'));
    expect(card).toMatchObject({ kind: 'teaser', reason: 'unrelated teaser in “下一篇” (similarity 0.00)' });
  });

  it('stays when it leads to a story on the same subject', () => {
    expect(cardOf(pageWith('青溪县第二座水厂开工', '县水利局介绍，第二座水厂建成后全县农村自来水普及率将进一步提高。'))).toBeUndefined();
  });

  // The previous or next story's line, its label then its one linked headline, in the forms sites print it.
  it.each([
    ['上一篇：<a href="/a/2.htm">HEADLINE</a>', '上一篇'],
    ['<span>上一篇：</span><a href="/a/2.htm">HEADLINE</a>', '上一篇'],
    ['<div class="adjacent-post-title">下一篇 :</div><a href="/a/2.htm">HEADLINE</a>', '下一篇'],
    ['【下一篇】 <a href="/a/2.htm">HEADLINE</a>', '下一篇'],
  ])('goes as a line %s leading to another subject, and stays on the same subject', (line, name) => {
    const lineOf = (headline: string) => hiddenItemOf(storyFollowedBy(`<div class="turn" id="turn">${line.replace('HEADLINE', headline)}</div>`), '#turn');
    expect(lineOf('一座老钢厂改造成了创意园区')).toMatchObject({ kind: 'teaser', reason: `unrelated teaser in “${name}” (similarity 0.00)` });
    expect(lineOf('青溪县第二座水厂开工，农村自来水普及率将提高')).toBeUndefined();
  });
});

describe('a teaser block kept for its related items', () => {
  // The block's name (`head`), one related and one unrelated item, and what such blocks hold beside them.
  const keptBlock = (head: string): Document =>
    parseHtml(
      `<html><head><title>青溪县新建三座水厂_晨光新闻网</title></head><body>
        <div class="main"><h1>青溪县新建三座水厂</h1><div class="info">2024-03-06 来源：青溪日报</div>
          <div class="content">${WATER_STORY}</div>
          <div class="recommend">${head}<div class="wrap"><ul>
            <li id="related"><a href="/a/1.htm">青溪县第一座水厂开工，农村自来水普及率将提高</a></li>
            <li id="other"><a href="/a/2.htm">一只橘猫每天准时到便利店门口等店员下班</a></li></ul>
            <div id="float"><img src="/erw.jpg"><p>晨光深呼吸</p><p>扫一扫关注</p></div><div id="end">已显示全部内容</div></div>
            <a id="all" href="/zt/">【返回列表】</a><div id="ad" class="ad-slot"></div></div></div></body></html>`,
      'http://news.example.test/2024-03/06/content_2.htm',
    );
  const hiddenOf = (doc: Document) => {
    const hidden = analyzePage(doc, { url: doc.URL }).hidden;
    return (selector: string) => hidden.find((h) => h.el === doc.querySelector(selector))?.item;
  };

  it('loses the QR box, the ad and the end-of-list line beside its items, and keeps its name, its links and its related items', () => {
    const itemOf = hiddenOf(keptBlock('<h3 id="name">往期推荐</h3>'));
    expect(itemOf('#float')).toMatchObject({ kind: 'widget', reason: 'QR code' });
    expect(itemOf('#ad')).toMatchObject({ kind: 'ad' });
    expect(itemOf('#end')).toMatchObject({ kind: 'widget', reason: 'a list’s load-more button, loading line or end line (“已显示全部内容”)' });
    expect(itemOf('#other')).toMatchObject({ kind: 'teaser' });
    for (const kept of ['#related', '#name', '#all', '.recommend']) expect(itemOf(kept)).toBeUndefined();
  });

  it('loses the tool link printed in its name’s row, and keeps the name', () => {
    const itemOf = hiddenOf(keptBlock('<div class="title" id="head"><h3 id="name">为您推荐</h3><a id="feedback" href="/report">算法反馈</a></div>'));
    expect(itemOf('#feedback')).toMatchObject({ kind: 'widget', reason: 'tool bar (“算法反馈”)' });
    for (const kept of ['#head', '#name', '#related']) expect(itemOf(kept)).toBeUndefined();
  });
});

describe('the site’s footer below the story', () => {
  const ABOUT = '<p>The Harbor Ledger is where the city’s money is explained. It is the essential source of ideas that make sense of a harbor economy in constant change, from the docks to the banks.</p>';
  const LINKS = '<ul><li><a href="/about">About</a></li><li><a href="/contact">Contact</a></li></ul>';
  const page = (html: string): Document =>
    parseHtml(
      `<html><head><title>The Neo-Bank Hangover | Harbor Ledger</title></head><body>${html}</body></html>`,
      'https://www.ledger.example.com/story/neo-bank-hangover',
    );
  const STORY = paragraphs('Neo-banks promise to ease the pain of unexpected medical bills, but their accounts do little for savers living paycheck to paycheck.', 6);
  const itemOf = (doc: Document, selector: string) => analyzePage(doc, { url: doc.URL }).hidden.find((h) => h.el === doc.querySelector(selector))?.item;

  it('goes whole, its prose about the site with its links', () => {
    const doc = page(`<main><h1>The Neo-Bank Hangover</h1><div class="body">${STORY}</div></main><footer class="site-footer">${ABOUT}${LINKS}</footer>`);
    expect(itemOf(doc, 'footer')).toMatchObject({ kind: 'boilerplate', reason: 'page footer' });
  });

  it('goes whole when it is a box named a footer that links the site’s pages', () => {
    const SITE_LINKS = `<ul>${['About', 'Contact', 'Advertise', 'Careers', 'Privacy'].map((l) => `<li><a href="/${l.toLowerCase()}">${l}</a></li>`).join('')}</ul>`;
    const doc = page(`<main><h1>The Neo-Bank Hangover</h1><div class="body">${STORY}</div></main><div class="ledger-footer">${ABOUT}${SITE_LINKS}</div>`);
    expect(itemOf(doc, '.ledger-footer')).toMatchObject({ kind: 'boilerplate', reason: 'page footer' });
    // A story's own footer, and the footer of an author's box (her title, her networks), are no site's.
    const story = page(`<main><h1>The Neo-Bank Hangover</h1><div class="body">${STORY}</div><div class="article-footer">${ABOUT}${SITE_LINKS}</div></main>`);
    expect(itemOf(story, '.article-footer')).toBeUndefined();
    const bio = page(`<main><h1>The Neo-Bank Hangover</h1><div class="body">${STORY}</div></main><div class="bio"><p>Dana Whitfield covers banking for the Ledger.</p><div class="bio__footer">Ideas Contributor <a href="https://x.com/dana">X</a> <a href="https://instagram.com/dana">Instagram</a></div></div>`);
    expect(itemOf(bio, '.bio__footer')).toBeUndefined();
  });

  it('stays when it is a story’s own footer, inside its <article> or printing its source', () => {
    const doc = page(`<article><h1>The Neo-Bank Hangover</h1><div class="body">${STORY}</div><footer class="story-footer">${ABOUT}${LINKS}</footer></article>`);
    expect(itemOf(doc, 'footer')).toBeUndefined();
    const sourced = page(`<div class="story"><h1>The Neo-Bank Hangover</h1><div class="body">${STORY}</div><footer><p>来源：港城日报　记者：王海　摄影：李青　校对：陈明</p>${LINKS}</footer></div>`);
    expect(itemOf(sourced, 'footer')).toBeUndefined();
    expect(analyzePage(sourced, { url: sourced.URL }).analysis.sources.map((s) => s.outlet)).toContain('港城日报');
  });
});

describe('网易’s and 腾讯’s comment boxes at load', () => {
  /** 网易跟贴 as its script leaves it: a named box, its title bar, the SDK's #tie holding the thread. */
  const NETEASE = `<div class="tie-areas post_comment" id="post_comment_area">
      <div class="tie-title-bar"><i>跟贴</i><span class="tie-info"><span>跟贴</span><a href="https://comment.tie.example.test/A1.html">12</a><span>参与</span><a href="https://comment.tie.example.test/bbs/A1.html">85</a></span></div>
      <div id="tie"><div id="tieArea" class="tie-area">
        <div class="tie-input-bar"><form><textarea name="content"></textarea></form><div class="submit-row"><a href="https://tie.example.test/">跟贴广场</a><div class="submit-btn">马上发表</div></div></div>
        <p class="tie-reminder">网友评论仅供其表达个人看法，并不表明本站立场。</p>
        <div class="tie-hot"><div class="tie-list"><div class="single-tie"><div class="tie-bdy"><div class="tie-author">青溪网友</div><div class="tie-cnt">水厂早该建了，盼早日通水。</div></div></div></div></div>
      </div></div></div>`;
  /** 腾讯新闻's as its page's script draws it into the empty #Comment: a count, the box to write in, the end of the list. */
  const TENCENT = `<div id="Comment"><div class="qq_comment clearfix" aria-label="文章评论区"><div id="qqcom-comment">
      <div class="qqcom-comment-count"><span>评论 3</span><span class="qqcom-comment-protocol">文明上网理性发言，请遵守<a href="https://www.example.test/agreement.htm">《评论服务协议》</a></span></div>
      <div class="qqcom-comment-send"><textarea class="qqcom-comment-send-input"></textarea><div class="qqcom-comment-send-tips">请先<a>登录</a>后发表评论~</div></div>
      <div class="qqcom-comment-load-all">已显示所有评论</div></div></div></div>`;

  it.each([
    ['网易跟贴', NETEASE, '#post_comment_area'],
    ['腾讯', TENCENT, '#Comment'],
  ])('hides %s below the story, and in the story’s box after its last paragraph', (_, box, selector) => {
    expect(hiddenItemOf(storyFollowedBy(box), selector)?.kind).toBe('comments');
    const inside = storyEndingWith(box);
    expect(hiddenItemOf(inside, selector)?.kind).toBe('comments');
    expect(analyzePage(inside, { url: inside.URL }).analysis.article?.text).toContain('青溪县今年将新建三座水厂');
  });
});

describe('a copyright line above the headline', () => {
  const page = (tagline: string, footer: string): Document =>
    parseHtml(
      `<html><head><title>溪边的秋天_山海小旅行</title></head><body>
  <div id="header"><div id="site-name"><a href="/">山海小旅行</a></div><p id="tagline">${tagline}</p></div>
  <div class="post"><h1>溪边的秋天</h1><div class="info">2024-10-05</div>
    <div class="content">${paragraphs('沿着溪边的步道走了一个下午，枫叶刚刚开始变红，溪水清澈见底，偶尔有几只白鹭停在石头上休息。', 6)}</div></div>
  <div id="footer"><p id="rights">${footer}</p></div></body></html>`,
      'http://blog.example.test/2024/10/05/autumn.html',
    );

  it('is the site’s tagline and stays; the same line below the story is the footer and is hidden', () => {
    const doc = page('记录走过的山与海，照片与文字版权所有。', '记录走过的山与海，照片与文字版权所有。');
    const hidden = analyzeLayout(doc, { url: doc.URL }).analysis.hidden.map((h) => `${h.kind} ${h.selector}`);
    expect(hidden.some((h) => h.startsWith('boilerplate') && /#rights|#footer/.test(h))).toBe(true);
    expect(hidden.filter((h) => /#header|#tagline/.test(h))).toEqual([]);
  });
});

describe('a rights or reprint notice inside the story', () => {
  const doc = parseHtml(
    `<html><head><title>读书节开幕_晨光新闻网</title></head><body>
  <div class="main"><h1>读书节开幕</h1><div class="info">2024-03-05 08:00</div>
    <div class="content">${paragraphs('某地读书节今天开幕，市民在各个会场挑选图书，参加讲座和朗读活动，现场气氛热烈，书店延长了营业时间。', 6)}
      <p>文章转载自南湖周刊，版权归原作者所有，如有侵权请联系删除。</p></div></div></body></html>`,
    'http://www.chenguang.example.cn/a/20240305/1.html',
  );

  it('is hidden, and still names where the story came from', () => {
    const { analysis } = analyzePage(doc, { url: doc.URL });
    expect(analysis.hidden.map((h) => `${h.kind} ${h.text.slice(0, 7)}`)).toContain('boilerplate 文章转载自南湖');
    expect(analysis.article?.text).not.toContain('文章转载自');
    expect(analysis.sources.map((s) => `${s.role} ${s.outlet}`)).toEqual(['publisher 晨光新闻网', 'reprinted-from 南湖周刊']);
  });
});

describe('a tool bar below the story that prints a line of the story', () => {
  const page = (line: string): string => `<html><head><title>青溪县新建三座水厂_晨光新闻网</title></head><body>
    <div class="main"><h1>青溪县新建三座水厂</h1><div class="info">2024-03-06 来源：青溪日报</div>
      <div class="content">${paragraphs('青溪县今年将新建三座水厂，县水利局介绍，工程完成后全县农村自来水普及率将达到百分之九十八。', 5)}</div>
      <div class="tools"><span>${line}</span> <span>分享到：<a href="#">微博</a><a href="#">微信</a><a href="#">QQ空间</a></span></div></div>
  </body></html>`;

  it.each(['原标题：青溪三座水厂开工', '原题：青溪三座水厂开工', '原文标题：青溪三座水厂开工'])('keeps %s and hides the share buttons beside it', (line) => {
    const doc = parseHtml(page(line), 'http://news.example.test/2024-03/06/content_3.htm');
    const hidden = analyzeLayout(doc, { url: doc.URL }).hidden.map((h) => h.item.text);
    expect(hidden.some((text) => text.includes('QQ空间'))).toBe(true);
    expect(hidden.some((text) => text.includes('青溪三座水厂开工'))).toBe(false);
  });
});

describe('links beside what a link box was kept for', () => {
  const UNRELATED = ['高速公路国庆假期车流量创新高', '中学生机器人大赛在体育馆开幕', '秋季流感疫苗开始预约接种'];
  const links = (titles: string[]): string => `<ul class="posts">${titles.map((t, i) => `<li><a href="/item/${i}">${t}</a></li>`).join('')}</ul>`;
  const pageWith = (side: string) =>
    parseHtml(
      `<html><head><title>青溪县新建三座水厂_晨光新闻网</title></head><body>
        <div class="main"><h1>青溪县新建三座水厂</h1><div class="info">2024-03-06 来源：青溪日报</div>
          <div class="content">${WATER_STORY}</div></div>${side}</body></html>`,
      'http://news.example.test/2024-03/06/content_4.htm',
    );
  const itemOf = (doc: Document, selector: string) => analyzePage(doc, { url: doc.URL }).hidden.find((h) => h.el === doc.querySelector(selector))?.item;

  it('names the posting account’s other posts for what they are, the card kept', () => {
    const doc = pageWith(`<div class="right"><div class="user-card">
      <div class="user-card-head"><a href="/u/1"><img src="/a.png" alt=""></a><div class="user-card-name"><a href="/u/1">青溪日报</a></div></div>
      ${links(UNRELATED)}</div></div>`);
    expect(itemOf(doc, '.posts')).toMatchObject({ kind: 'teaser', reason: 'the posting account’s other posts (similarity 0.00)' });
    expect(itemOf(doc, '.user-card-head')).toBeUndefined();
  });

  it('keeps the posting account’s other posts when they follow the same story', () => {
    const doc = pageWith(`<div class="right"><div class="user-card">
      <div class="user-card-head"><a href="/u/1"><img src="/a.png" alt=""></a><div class="user-card-name"><a href="/u/1">青溪日报</a></div></div>
      ${links(['青溪县第一座水厂开工，农村自来水普及率将提高', '青溪县水利局：三座水厂年内建成', '青溪县农村自来水管网改造启动'])}</div></div>`);
    const hidden = analyzePage(doc, { url: doc.URL }).hidden;
    expect(hidden.some((h) => h.el.contains(doc.querySelector('.posts a')))).toBe(false);
  });

  it('names links beside the site’s search box without placing them in the story’s box', () => {
    // Six links make the bar a link list; each list of three is too few to be one of its own.
    const doc = pageWith(`<div class="bar"><form><input type="text" name="q"><button>搜索</button></form>${links(UNRELATED)}
      <ul class="more"><li><a href="/m/1">城市图书馆延长开放时间</a></li><li><a href="/m/2">老旧小区加装电梯启动</a></li><li><a href="/m/3">公交新线路下周开通</a></li></ul></div>`);
    expect(itemOf(doc, '.posts')).toMatchObject({ kind: 'teaser', reason: 'links to other stories (similarity 0.00)' });
    expect(itemOf(doc, 'form')).toBeUndefined();
  });
});

describe('floating boxes with a close control', () => {
  const LOGIN = `<div class="login-box"><a class="close" href="javascript:;">×</a><h4>邮箱账号登录</h4>
    <input name="user"><a href="/forgot">忘记密码</a><a href="/register">使用已有账号登录</a></div>`;
  const POP_UP = `<div class="pop"><span class="close">×</span><a href="/a/9.htm">和你侃：大A未迎开门红</a></div>`;
  /** The layout as the content script reads it: the page's styles say what floats and what is drawn. */
  const analyzeDrawn = (css: string) => {
    const doc = storyFollowedBy(LOGIN + POP_UP);
    const style = doc.createElement('style');
    style.textContent = `.login-box, .pop { position: fixed; } ${css}`;
    doc.head.append(style);
    const view = doc.defaultView!;
    return {
      doc,
      layout: analyzeLayout(doc, { url: doc.URL, position: (el) => view.getComputedStyle(el).position, shown: (el) => view.getComputedStyle(el).display !== 'none' }),
    };
  };

  it('hides one the page shows, and leaves one it keeps out of sight, whole, for the cleanup to watch', () => {
    const { doc, layout } = analyzeDrawn('.login-box { display: none; }');
    const login = doc.querySelector('.login-box')!;
    const popUp = doc.querySelector('.pop')!;
    expect(layout.hidden.find((h) => h.el === popUp)?.why).toEqual({ key: 'reason_floating_box', args: ['fixed'] });
    expect(layout.hidden.filter((h) => login.contains(h.el))).toEqual([]);
    expect(layout.waiting).toEqual([{ el: login, why: { key: 'reason_floating_box', args: ['fixed'] } }]);
  });

  it('hides both when both are drawn, and waits for none', () => {
    const { doc, layout } = analyzeDrawn('');
    const hidden = layout.hidden.map((h) => h.el);
    expect(hidden).toEqual(expect.arrayContaining([doc.querySelector('.login-box'), doc.querySelector('.pop')]));
    expect(layout.waiting).toEqual([]);
  });

  it('waits for nothing without layout (Node, the CLI)', () => {
    const doc = storyFollowedBy(LOGIN);
    expect(analyzeLayout(doc, { url: doc.URL }).waiting).toEqual([]);
  });
});

describe('a headline printed apart from the subtitle its page title runs on', () => {
  it('titles the story by the headline alone, and reads the meta line under the two', () => {
    // The <div> closes the <p>: the subtitle is a line of its own, as the reader sees it.
    const doc = parseHtml(
      `<html><head><title>青溪县新建三座水厂让农村用上放心水——写在全县农村供水工程开工之际_晨光新闻网</title></head><body>
        <div class="main"><p class="big">青溪县新建三座水厂让农村用上放心水<div>——写在全县农村供水工程开工之际</div></p>
          <div class="info">2024-03-06 09:52 来源：青溪日报</div>
          <div class="content">${WATER_STORY}</div></div></body></html>`,
      'http://news.example.test/content_2.htm',
    );
    const { analysis } = analyzePage(doc, { url: doc.URL });
    expect(analysis.isArticle).toBe(true);
    expect(analysis.title).toBe('青溪县新建三座水厂让农村用上放心水');
    expect(analysis.publishedAt).toBe('2024-03-06T09:52:00');
  });
});

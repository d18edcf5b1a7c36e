import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzePage } from '@/utils/analyze';
import { buildReaderArticle, chooseSource, makePurifier, type ReaderArticle } from '@/utils/reader';
import { storyLanguage } from '@/utils/story-language';
import { parseHtml } from '../helpers/dom';
import { collapseSpace as collapse } from '@/utils/text';

const purify = makePurifier(new JSDOM('').window);

/** The story of the teaser fixture: five paragraphs, each with a sentence the tests look for. */
const STORY = [
  '本报讯 记者从市文化和旅游局获悉，位于滨江新区的市图书馆新馆将于下月正式开放，新馆建筑面积四万二千平方米，可容纳藏书三百万册，阅览座位超过三千个。',
  '新馆设置了少儿阅读区、古籍修复展示区和数字体验区，读者可以在自助借还机上用身份证或电子读者证办理借阅，全馆实现无线网络全覆盖。',
  '古籍修复展示区采用透明玻璃隔断，市民可以隔着玻璃观看修复师为破损的地方志和家谱逐页补纸、压平、装订，馆方还计划每月举办一次公开课。',
  '为方便上班族，新馆开放时间调整为每天上午九点至晚上九点，周一上午闭馆进行设备维护，节假日照常开放，老馆将改建为社区分馆继续服务周边居民。',
  '市图书馆馆长表示，新馆开放后还将与全市二十六个街道分馆实现通借通还，读者在任一分馆借阅的图书都可以就近归还。',
];

/** Long, comma-rich teaser items on other topics: Readability's scoring prefers this block. */
const TEASERS = [
  '一季度全市外贸进出口总值同比增长百分之八点六，其中出口增长百分之十一点二，机电产品、新能源汽车零部件和光伏组件成为拉动增长的主要力量，民营企业进出口占比继续提高，对东盟、中东和拉美市场的出口增速明显快于平均水平。',
  '城市足球联赛周末在体育中心揭幕，来自各区的三十二支业余球队参赛，球员中既有外卖骑手、教师和程序员，也有退休职工和在校大学生，比赛将持续到十月，所有场次免费向市民开放，决赛将在奥体中心主场举行。',
  '长江大保护专项督查本周启动，督查组将重点整治违规设置的排污口、非法码头和岸线违建，对发现的问题建立台账、限期整改、逐一销号，对整改不力的单位将公开通报并约谈主要负责人，确保一江清水向东流。',
  '全市夏季用电负荷预计创出新高，电力部门提前完成二十座变电站的检修和扩容，新增应急发电车十二台，并与大型工业企业签订错峰用电协议，在高温时段优先保障居民生活、医院和学校用电，避免出现拉闸限电。',
  '地铁五号线南延段进入联调联试阶段，全长十八公里，设车站十二座，开通后从南部新城到市中心的通勤时间将由一个多小时缩短到四十分钟左右，沿线多个大型居住区的出行条件将得到明显改善，预计年底前开通运营。',
  '今年全市计划新建和改扩建公办幼儿园四十所，新增学位一万二千个，同时继续推进普惠性民办幼儿园认定工作，对符合条件的民办园给予生均经费补助，力争让更多适龄儿童在家门口就近入园，缓解入园难、入园贵问题。',
  '全市首批二十个外卖骑手驿站启用，驿站提供饮水、充电、休息和如厕服务，部分驿站还配备了微波炉和急救药箱，骑手可以通过手机地图查询附近驿站的位置和开放时间，相关部门表示年内将把驿站数量扩大到一百个。',
  '市场监管部门开展夏季食品安全专项检查，重点检查校园周边、旅游景区和夜市摊点，共出动执法人员八百余人次，检查经营主体三千余家，责令整改问题一百二十处，立案查处违法案件二十六起，并向社会公布了典型案例。',
];

/**
 * The same items headed as stories about the library: related, so the cleanup keeps them on the
 * page (and in the clone Readability reads), and Readability still prefers their long paragraphs.
 */
const RELATED_TEASERS = TEASERS.map((t) => `市图书馆新馆开放在即，${t}`);

function portalPage(story: string[], teasers: string[], extra = ''): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>市图书馆新馆下月开放 藏书三百万册_本地_江城新闻网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/bendi/">本地</a></div>
<div class="main"><div class="left">
<h1>市图书馆新馆下月开放 藏书三百万册</h1>
<div class="info"><span>2024-06-03 08:30</span><span>来源：江城日报</span></div>
<div class="zw">${story.map((p) => `<p>${p}</p>`).join('\n')}${extra}</div>
</div>
<div class="extend"><h3>相关阅读</h3><ul>${teasers.map((t, i) => `<li><h4><a href="/news/${i}.htm">${t.slice(0, 14)}</a></h4><p>${t}</p></li>`).join('\n')}</ul></div>
</div>
<div class="footer">Copyright 江城新闻网 版权所有</div></body></html>`;
}

const PAGE_URL = 'http://news.example.cn/bendi/2024-06/03/content_1.htm';

/** Everything a page may try to smuggle into the reader, inside the story itself. */
const HOSTILE = `
<p>图为新馆外景。<img src="/favicon.ico" alt="icon"><img src="/img/spacer.gif" alt="spacer"><img src="/img/clear_spacer_1x1.gif" alt="spacer2"><img src="/img/arrow.png" width="16" height="16" alt="arrow"><img src="/img/lib.jpg" alt="新馆" onerror="alert(1)"><img src="data:image/png;base64,AAAA" alt="data"><img src="javascript:alert(2)" alt="js"><img src="data:image/gif;base64,R0lGOD" data-original="/img/lazy.jpg" alt="lazy"></p>
<script>alert(3)</script>
<p onclick="alert(4)" style="color:red" class="reader-controls" id="content" data-sourcemark-anchor="1">点击<a href="javascript:alert(5)">这里</a>或<a href=" JaVaScRiPt:alert(6)">那里</a>查看<a href="/bendi/map.htm" onmouseover="alert(7)">交通地图</a>，新馆周边设有三个公交站。</p>
<iframe src="https://evil.example/frame"></iframe><form action="/vote"><input name="q"><button>投票支持</button></form><input name="p" value="搜索">
<svg onload="alert(8)"><circle r="1"></circle></svg><style>body{display:none}</style><object data="/x.swf">插件内容</object>`;

function read(html: string, url = PAGE_URL): { article: ReaderArticle | null; doc: Document } {
  const doc = parseHtml(html, url);
  return { article: buildReaderArticle(doc, analyzePage(doc, { url }), purify), doc };
}

/** Every element of sanitised html, parsed the way a browser would. */
function elementsOf(html: string): Element[] {
  return Array.from(new JSDOM(html).window.document.body.querySelectorAll('*'));
}

describe('reader html is sanitised', () => {
  // One page where Readability's output is used, one where the core body replaces it.
  const cases = [
    { name: 'Readability output', html: portalPage([...STORY, HOSTILE], []), usedCoreBody: false },
    { name: 'core body', html: portalPage(STORY, RELATED_TEASERS, HOSTILE), usedCoreBody: true },
  ];
  for (const c of cases) {
    describe(c.name, () => {
      const { article } = read(c.html);
      const els = elementsOf(article!.html);

      it('took the expected path with the hostile paragraph in it', () => {
        expect(article!.usedCoreBody).toBe(c.usedCoreBody);
        expect(article!.text).toContain('新馆周边设有三个公交站');
      });
      it('keeps no scripts, frames, forms, styles, plugins or svg', () => {
        const tags = new Set(els.map((e) => e.tagName.toLowerCase()));
        for (const tag of ['script', 'iframe', 'form', 'input', 'button', 'style', 'svg', 'object']) expect(tags).not.toContain(tag);
        expect(article!.text).not.toContain('投票支持');
        expect(article!.text).not.toContain('插件内容');
      });
      it('keeps no event handlers, style, class, id or data attributes', () => {
        const names = els.flatMap((e) => e.getAttributeNames());
        expect(names.filter((n) => /^on|^style$|^class$|^id$|^data-/.test(n))).toEqual([]);
      });
      it('keeps only http(s), mailto and fragment links', () => {
        const hrefs = els.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href')!);
        expect(hrefs).toContain('http://news.example.cn/bendi/map.htm');
        expect(hrefs.filter((h) => !/^(https?:|mailto:|#)/.test(h))).toEqual([]);
        expect(article!.html.toLowerCase()).not.toContain('javascript');
      });
      it("keeps images with an absolute http(s) src only, lazy ones resolved, not the site's icons", () => {
        const imgs = els.filter((e) => e.tagName === 'IMG');
        expect(imgs.map((i) => [i.getAttribute('alt'), i.getAttribute('src')])).toEqual([
          ['新馆', 'http://news.example.cn/img/lib.jpg'],
          ['lazy', 'http://news.example.cn/img/lazy.jpg'],
        ]);
      });
    });
  }

  it('leaves the live document untouched', () => {
    const doc = parseHtml(portalPage(STORY, TEASERS, HOSTILE), PAGE_URL);
    const core = analyzePage(doc, { url: PAGE_URL });
    const before = doc.documentElement.outerHTML;
    buildReaderArticle(doc, core, purify);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

/** The ways portals defer their pictures: each should show the picture, none its placeholder. */
const LAZY = `<p>图为新馆阅览室。<img data-src="/image?id=7" alt="data-src"><img srcset="/img/s.jpg 300w, /img/l.jpg 1200w" alt="srcset">
<picture><source srcset="https://cdn.example.cn/p.webp 1x, https://cdn.example.cn/p@2x.webp 2x"><img alt="picture"></picture>
<img src="/img/loading.gif" data-original="/img/real.jpg" alt="placeholder"><img src="/img/grey.png" alt="grey, nothing lazy">
<img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" data-src="https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png" alt="wechat">
<img data-src="javascript:alert(1)" srcset="data:image/gif;base64,R0lGOD 1x" alt="js"></p>`;

describe('lazy-loaded pictures', () => {
  const cases = [
    { name: 'Readability output', html: portalPage([...STORY, LAZY], []), usedCoreBody: false },
    { name: 'core body', html: portalPage(STORY, RELATED_TEASERS, LAZY), usedCoreBody: true },
  ];
  for (const c of cases) {
    it(`show the picture, not the placeholder, http(s) only (${c.name})`, () => {
      const { article } = read(c.html);
      expect(article!.usedCoreBody).toBe(c.usedCoreBody);
      const imgs = elementsOf(article!.html).filter((e) => e.tagName === 'IMG');
      expect(imgs.map((i) => [i.getAttribute('alt'), i.getAttribute('src')])).toEqual([
        ['data-src', 'http://news.example.cn/image?id=7'],
        ['srcset', 'http://news.example.cn/img/l.jpg'],
        ['picture', 'https://cdn.example.cn/p@2x.webp'],
        ['placeholder', 'http://news.example.cn/img/real.jpg'],
        ['grey, nothing lazy', 'http://news.example.cn/img/grey.png'],
        ['wechat', 'https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png'],
      ]);
      expect(article!.html).not.toMatch(/srcset=|javascript/i);
    });
  }
});

describe('writing direction', () => {
  const AR = 'قال مسؤولون في وزارة الاقتصاد يوم الثلاثاء إن معدل النمو الاقتصادي ارتفع خلال الربع الأول من العام الحالي بنسبة 5.6 في المئة، وأضاف المتحدث أن الحكومة ستواصل دعم الشركات الصغيرة.';
  const page = (html: string) => `<!doctype html><html lang="ar"${html}><head><meta charset="utf-8"><title>ارتفاع معدل النمو الاقتصادي</title></head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>ارتفاع معدل النمو الاقتصادي</h1>${Array.from({ length: 8 }, (_, i) => `<p>${AR} (${i})</p>`).join('')}</article></body></html>`;

  it("is the page's: rtl for an Arabic page marked so, none for an unmarked one", () => {
    expect(read(page(' dir="rtl"'), 'http://news.example.com/2024/03/05/ar.htm').article!.dir).toBe('rtl');
    expect(read(page(''), 'http://news.example.com/2024/03/05/ar.htm').article!.dir).toBeNull();
    expect(read(portalPage(STORY, RELATED_TEASERS).replace('<body>', '<body dir="ltr">')).article).toMatchObject({ usedCoreBody: true, dir: 'ltr' });
  });
});

describe('choosing between Readability and the core body', () => {
  it('uses the core body when Readability takes the long teaser block the cleanup keeps', () => {
    const html = portalPage(STORY, RELATED_TEASERS);
    // The fixture must really fool Readability, or this test proves nothing.
    const raw = new Readability(parseHtml(html, PAGE_URL)).parse()!.textContent!;
    expect(raw).toContain(RELATED_TEASERS[0]);

    const { article } = read(html);
    expect(article!.usedCoreBody).toBe(true);
    expect(article!.reason).toMatch(/core body used/);
    for (const p of STORY) expect(article!.text).toContain(p);
    for (const t of TEASERS) expect(article!.text).not.toContain(t.slice(0, 20));
  });

  it.each([
    ['a date line', ['2018-08-16'], []],
    ['a site’s name over its date line', ['香港電台-財經', '2024年5月22日週三 上午8:21'], []],
    ['a date line with its source', ['2024年05月17日08:59 来源：北京青年报'], []],
    ['an English date line', ['Nov. 20, 2019 5:52 AM EST'], []],
    ['a short sentence that opens with a date (the story’s own)', ['2024年5月17日，天气晴。'], ['2024年5月17日，天气晴。']],
    ['a name line over no date', ['香港電台-財經'], ['香港電台-財經']],
  ])('takes out a date line opening a story whose headline it does not hold: %s', (_name, lines, kept) => {
    const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>新馆开放_江城新闻网</title></head><body>
<div class="zw">${[...lines, ...STORY].map((p) => `<p>${p}</p>`).join('\n')}</div></body></html>`;
    const { article } = read(html);
    const opening = article!.text.slice(0, article!.text.indexOf(STORY[0]!.slice(0, 6)));
    expect(collapse(opening)).toBe(kept.join(' '));
  });

  it('sets a story an old portal lays out in a table cell as paragraphs, and keeps a table of data', () => {
    const data = '<table><tr><th>馆区</th><th>藏书</th></tr><tr><td><p>新馆</p><p>东区</p></td><td>三百万册</td></tr></table>';
    const cell = `<td>${STORY.slice(0, 3).map((p) => `<p>${p}</p>`).join('')}${data}${STORY.slice(3).map((p) => `<p>${p}</p>`).join('')}</td>`;
    const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>新馆开放_江城新闻网</title></head><body>
<div id="artibody"><table width="760"><tr><td width="8"><br></td>${cell}<td width="8"><br></td></tr></table></div></body></html>`;
    const { article } = read(html);
    const tables = elementsOf(article!.html).filter((el) => el.localName === 'table');
    // The data table stays, paragraphs in its cells or not: it has rows.
    expect(tables.map((t) => collapse(t.textContent!))).toEqual(['馆区藏书新馆东区三百万册']);
    for (const p of STORY) expect(article!.text).toContain(p);
  });

  it('shows the headline and date in the header only, never repeated in the body', () => {
    for (const teasers of [TEASERS, []]) {
      const { article } = read(portalPage(STORY, teasers));
      expect(article!.title).toBe('市图书馆新馆下月开放 藏书三百万册');
      expect(article!.publishedAt).toBe('2024-06-03T08:30:00');
      expect(article!.text).not.toContain('藏书三百万册 ');
      expect(article!.text).not.toContain('2024-06-03');
      expect(article!.text.startsWith('本报讯')).toBe(true);
    }
  });

  it.each([
    ['declared, and the story in it', 'zh-TW', '據中央社報導，這個問題', 'zh-TW'],
    ['declared with a region the script cannot tell', 'zh-CN', '据新加坡《联合早报》报道', 'zh-CN'],
    ['declared for a story in a Latin script', 'en-GB', 'The committee met on Tuesday.', 'en-GB'],
    ['declared English over a Chinese story (a template left it)', 'en', '据新加坡《联合早报》报道，这个问题', 'zh'],
    ['declared English over a story in traditional characters', 'en', '據中央社報導，這個問題', 'zh-Hant'],
    ['declared Chinese, no region, over traditional characters', 'zh', '據中央社報導，這個問題', 'zh-Hant'],
    ['declared Japanese over a story heavy in kanji', 'ja', '東京証券取引所は日経平均株価', 'ja'],
    ['none, traditional characters', '', '香港電台財經消息，據報導，這個問題', 'zh-Hant'],
    ['none, simplified characters', '', '据新加坡《联合早报》报道', 'zh'],
    ['none, and no script to tell', '', 'The committee met on Tuesday.', ''],
  ])('tells the story’s language: %s', (_name, declared, text, lang) => {
    expect(storyLanguage(declared, text)).toBe(lang);
  });

  it('keeps the language the page declares, and tells it by the story’s script when it declares none', () => {
    expect(read(portalPage(STORY, [])).article!.lang).toBe('zh-CN');
    expect(read(portalPage(STORY, []).replace(' lang="zh-CN"', '')).article!.lang).toBe('zh');
    for (const [page, lang] of [['ja-portal-reprint', 'ja'], ['ko-portal-reprint', 'ko']]) {
      const html = readFileSync(`test/fixtures/pages/${page}/source.html`, 'utf8').replace(/ lang="\w+"/, '');
      expect(read(html).article!.lang).toBe(lang);
    }
  });

  const pages = [
    { name: 'the demo portal page', file: 'demo/portal-article.html', url: 'http://hainan.sczixun.cn/guoji/2024-02/23/content_30327.htm', story: '他说:“作为视频生成领域的先驱,这给了我们很大的优势。”', title: '外媒:Sora横空出世,中国将加快追赶步伐' },
    { name: 'an English news page', file: 'test/fixtures/pages/english-news-more-stories/source.html', url: 'https://news.example.com/a', story: 'crane operators extended a strike', title: 'Port strike halts container traffic at Rotterdam for second day' },
  ];
  for (const p of pages) {
    it(`uses Readability's output on ${p.name}`, () => {
      const { article } = read(readFileSync(p.file, 'utf8'), p.url);
      expect(article!.usedCoreBody).toBe(false);
      expect(article!.reason).toMatch(/Readability used/);
      expect(article!.text).toContain(p.story);
      expect(article!.title).toBe(p.title);
    });
  }

  it('uses Readability on a page the core does not call an article', () => {
    const { article } = read(readFileSync('test/fixtures/pages/list-page/source.html', 'utf8'));
    expect(article?.usedCoreBody).toBe(false);
  });

  it("leaves out what the core hid from Readability's output: the ad, disclaimer and teasers in the story's box", () => {
    const clutter = `<div class="statement">特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台用户上传并发布，本平台仅提供信息存储服务。</div>
<div class="hot"><h3>热点推荐</h3><ul><li><a href="/a.htm">泰国榴莲满大街卖不出去，水果商贩怒斥</a><span>2024-05-23</span></li><li><a href="/b.htm">中国历史的黄巢时刻，细思恐极</a><span>2024-05-22</span></li></ul></div>`;
    const html = portalPage(STORY, [], clutter).replace('<div class="zw">', '<div class="zw"><div class="gg"><a href="https://ads.example/click"><img src="/ad.jpg" alt="广告"></a></div>');
    // Readability alone keeps them, or this test proves nothing.
    const raw = new Readability(parseHtml(html, PAGE_URL)).parse()!;
    expect(raw.textContent).toContain('特别声明');
    expect(raw.textContent).toContain('泰国榴莲');
    expect(raw.content).toContain('ads.example');

    const { article } = read(html);
    expect(article!.usedCoreBody).toBe(false);
    for (const p of STORY) expect(article!.text).toContain(p);
    expect(article!.text).not.toContain('特别声明');
    expect(article!.text).not.toContain('泰国榴莲');
    expect(article!.html).not.toContain('ads.example');
  });

  it('keeps what the reader kept on the page ("Never hide this"), on either path', () => {
    const kept = '<div class="statement" data-sourcemark-hidden="boilerplate" data-sourcemark-kept="">本文图片由读者张三提供，特此致谢。</div>';
    for (const teasers of [[], RELATED_TEASERS]) {
      const { article } = read(portalPage(STORY, teasers, kept));
      expect(article!.usedCoreBody).toBe(teasers.length > 0);
      expect(article!.text).toContain('本文图片由读者张三提供');
    }
    // Marked hidden and not kept, it stays out.
    const { article } = read(portalPage(STORY, [], kept.replace(' data-sourcemark-kept=""', '')));
    expect(article!.text).not.toContain('本文图片由读者张三提供');
  });

  it('keeps a story picture whose name merely contains a furniture word', () => {
    const { article } = read(portalPage([...STORY.slice(0, 4), `${STORY[4]}<img src="/img/myspacerocket-launch.jpg" alt="火箭">`], []));
    expect(article!.html).toContain('myspacerocket-launch.jpg');
  });

  it("takes the writer from the story's credits, and a page's meta author only when it reads as a name", () => {
    const withAuthor = (author: string, story = STORY): ReaderArticle => read(portalPage(story, []).replace('</title>', `</title><meta name="author" content="${author}">`)).article!;
    const uncredited = STORY.map((p) => p.replace('本报讯 记者', ''));
    expect(withAuthor('105464', uncredited).byline).toBeNull();
    expect(withAuthor('经济日报2024-05-13 06:16发布于北京', uncredited).byline).toBeNull();
    expect(withAuthor('[责任编辑：杜智]', uncredited).byline).toBeNull();
    expect(withAuthor('name, email@gmail.com', uncredited).byline).toBeNull();
    expect(withAuthor('王乐文', uncredited).byline).toBe('王乐文');
    // The page's own outlets are the header's publisher and sources, not a writer.
    expect(withAuthor('江城新闻网', uncredited).byline).toBeNull();
    expect(withAuthor('江城日报', uncredited).byline).toBeNull();
    const credited = [`本报讯（记者 方敏）${STORY[0]!.slice(6)}`, ...STORY.slice(1)];
    expect(withAuthor('105464', credited).byline).toBe('方敏');
  });

  const story = STORY.join(' ');
  const measures: Array<{ name: string; readability: string | null; useCore: boolean }> = [
    { name: 'same text', readability: story, useCore: false },
    { name: 'story plus a one-line disclaimer', readability: `${story} 本文来源于网络，不代表本站立场`, useCore: false },
    { name: 'no article found', readability: null, useCore: true },
    { name: 'blank article', readability: '  ', useCore: true },
    { name: 'half the story dropped', readability: STORY.slice(0, 2).join(' '), useCore: true },
    { name: 'the teaser block only', readability: TEASERS.join(' '), useCore: true },
    { name: 'story plus the teaser block', readability: `${story} ${TEASERS.join(' ')}`, useCore: true },
  ];
  for (const m of measures) {
    it(`measures overlap: ${m.name} -> ${m.useCore ? 'core body' : 'Readability'}`, () => {
      expect(chooseSource(m.readability, story).useCore).toBe(m.useCore);
    });
  }

  it('keeps Readability when there is no core body to compare with', () => {
    expect(chooseSource('anything at all', '').useCore).toBe(false);
  });
});

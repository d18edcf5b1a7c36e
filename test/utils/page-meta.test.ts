// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { DomStats } from '@/utils/dom-stats';
import { findHeadline, isoDate, labelledDate, metaContent, metaLineText, relativeDate, pageTitles, parsedJson, publishedAt, readsAsTitle, titleLineAbove } from '@/utils/page-meta';

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

describe('titleLineAbove', () => {
  /** The text of the title line found above #story in a page whose body is `html`. */
  const lineOf = (html: string): string | null => {
    document.body.innerHTML = html;
    return titleLineAbove(document, document.getElementById('story')!)?.textContent?.trim() ?? null;
  };
  const STORY = '<div id="story"><p>近日网上流传一段视频，称有人能徒手接住飞行中的子弹。专家表示这并不可能。</p></div>';

  it('finds the title-classed line above the story', () => {
    expect(lineOf(`<div class="rumor-article"><div class="rumor-title"> 徒手抓子弹真的存在吗？ </div><div class="rumor-info">2021-03-02</div>${STORY}</div>`)).toBe('徒手抓子弹真的存在吗？');
  });

  it('finds a heading-classed line of an old table template', () => {
    expect(lineOf(`<table><tr><td><div class="Function"><a href="#">推荐</a></div><div class="Heading">广汽回应现代合资内幕 全面合作项目即将展开</div>${STORY}</td></tr></table>`)).toBe(
      '广汽回应现代合资内幕 全面合作项目即将展开',
    );
  });

  it('takes the line nearest the story, not a box title earlier in its column', () => {
    expect(lineOf(`<div><div class="box-title">本站公告栏目</div><div class="news-title">暴雨过后城区积水已全部排除</div>${STORY}</div>`)).toBe('暴雨过后城区积水已全部排除');
  });

  it('leaves a side column’s title, a linked title and a title inside the story', () => {
    const side = '<div class="side"><div class="col"><div class="side-title">今日天气晴转多云</div></div></div>';
    const linked = '<div class="item-title"><a href="/a/2">另一篇新闻的标题在这里</a></div>';
    const inside = '<div id="story"><div class="sub-title">小标题在正文中间</div><p>近日网上流传一段视频，称有人能徒手接住飞行中的子弹。</p></div>';
    expect(lineOf(`${side}<div>${linked}${inside}</div>`)).toBeNull();
  });
});

describe('metaLineText', () => {
  /** The meta line read between #title and #story in a page whose body is `html`. */
  const metaOf = (html: string): string => {
    document.body.innerHTML = html;
    return metaLineText(document.getElementById('title'), document.getElementById('story'));
  };
  const STORY = '<div id="story"><p>近日，演艺圈接连曝出艺人遇袭事件，警方已介入调查。</p></div>';

  it('reads the siblings after the headline', () => {
    expect(metaOf(`<div><h1 id="title">明星遇袭事件回顾</h1><div class="info">2005-04-27 14:32 来源：千龙新闻网</div>${STORY}</div>`)).toBe('2005-04-27 14:32 来源：千龙新闻网');
  });

  it('reads the table after a table holding the headline alone, as old portal templates print it', () => {
    const title = '<table><tbody><tr><td class="line_ti"><div id="title" class="title">明星遇袭事件回顾</div></td></tr></tbody></table>';
    const meta = '<table><tbody><tr><td>2005-04-27 14:32更新 来源：千龙新闻网</td></tr></tbody></table>';
    expect(metaOf(`<div>${title}${meta}${STORY}</div>`)).toBe('2005-04-27 14:32更新 来源：千龙新闻网');
  });

  it('does not climb out of a wrapper that holds more than the headline', () => {
    const header = '<div class="thread-head"><div class="crumbs">社区 › 公告</div><div><h2 id="title">明星遇袭事件回顾</h2></div></div>';
    expect(metaOf(`<div>${header}<div class="post">Emin 2023年10月2日 发布 #1</div></div>${STORY}`)).toBe('');
  });

  it('reads nothing after the story when the story follows the headline', () => {
    expect(metaOf(`<div><h1 id="title">明星遇袭事件回顾</h1>${STORY}</div><div class="footer">2005-04-27 14:32 来源：千龙新闻网</div>`)).toBe('');
  });
});

describe('publishedAt: the line above the headline', () => {
  const dateOf = (html: string): string | null => {
    document.head.innerHTML = '';
    document.body.innerHTML = html;
    return publishedAt(document, document.getElementById('title'), document.getElementById('story'));
  };
  const STORY = '<div id="story"><p>一波波的楓紅，讓山上的營地熱鬧了起來，週末的營位早早就訂滿了。</p></div>';

  it('reads a blog’s date printed above the headline, over the title’s wrapper', () => {
    const head = '<ul class="article-head"><li class="publish">Dec 28 Sat 2013 00:28</li><li class="title"><h2 id="title">新竹尖石 美樹營地賞楓</h2></li></ul>';
    expect(dateOf(`<div class="article">${head}${STORY}</div>`)).toBe('2013-12-28T00:28:00');
  });

  it('reads no date from a dated link above the headline, or from a longer block', () => {
    const teaser = '<div class="prev">2013-12-20 <a href="/p/1">梅花山莊</a></div>';
    expect(dateOf(`<div>${teaser}<h2 id="title">新竹尖石 美樹營地賞楓</h2>${STORY}</div>`)).toBeNull();
    const notice = '<div class="notice">2013-12-20 起，梅花山莊的營位一律改為線上預約，現場不再受理，詳情請見營地公告</div>';
    expect(dateOf(`<div>${notice}<h2 id="title">新竹尖石 美樹營地賞楓</h2>${STORY}</div>`)).toBeNull();
  });
});

describe('relativeDate', () => {
  // Read on 5 March 2024 at 10:30, local time.
  const now = new Date(2024, 2, 5, 10, 30);

  it.each([
    ['3小时前 来源：江城日报', '2024-03-05'],
    ['12小时前', '2024-03-04'],
    ['25分钟前', '2024-03-05'],
    ['2天前', '2024-03-03'],
    ['刚刚', '2024-03-05'],
    ['昨天 14:20 来源：江城日报', '2024-03-04T14:20:00'],
    ['前天 09:05', '2024-03-03T09:05:00'],
    ['今天 08:00', '2024-03-05T08:00:00'],
    ['3時間前 毎日新聞', '2024-03-05'],
    ['昨日 14:20', '2024-03-04T14:20:00'],
    ['3시간 전', '2024-03-05'],
    ['어제 14:20', '2024-03-04T14:20:00'],
    ['Updated 3 hours ago', '2024-03-05'],
    ['Yesterday at 9:15', '2024-03-04T09:15:00'],
  ])('reads %s', (text, iso) => {
    expect(relativeDate(text, now)).toBe(iso);
  });

  // 今日 names a site, a day's name without its clock time dates nothing, 前往 is no 前.
  it.each(['来源：今日头条', '阅读 3 分钟', '昨天 来源：江城日报', '5 min read', '他3天前往北京'])('reads no date in %s', (text) => {
    expect(relativeDate(text, now)).toBeNull();
  });
});

describe('publishedAt: a relative date', () => {
  const dateOf = (meta: string, now: Date | null): string | null => {
    document.head.innerHTML = '';
    document.body.innerHTML = `<h1 id="title">台风预警发布</h1><div class="info">${meta}</div><div id="story"><p>海南省气象台今天发布台风预警。</p></div>`;
    return publishedAt(document, document.getElementById('title'), document.getElementById('story'), undefined, null, now);
  };

  it('dates a live page’s 3小时前 by the moment it is read, and a saved page’s not at all', () => {
    expect(dateOf('3小时前 来源：江城日报', new Date(2024, 2, 5, 10, 30))).toBe('2024-03-05');
    expect(dateOf('3小时前 来源：江城日报', null)).toBeNull();
  });

  it('prefers a date the meta line states in full', () => {
    expect(dateOf('2024-03-04 18:00 （3小时前） 来源：江城日报', new Date(2024, 2, 5, 10, 30))).toBe('2024-03-04T18:00:00');
  });

  // A portal prints this year's stories without the year (毎日新聞 3/5(火) 14:20配信, 03-05 14:20).
  it('gives a live page’s date without its year the latest year not after the moment it is read', () => {
    const now = new Date(2024, 2, 5, 16, 0);
    expect(dateOf('毎日新聞 3/5(火) 14:20配信', now)).toBe('2024-03-05T14:20:00');
    expect(dateOf('03-04 09:00 来源：江城日报', now)).toBe('2024-03-04T09:00:00');
    expect(dateOf('12-31 23:59 来源：江城日报', now)).toBe('2023-12-31T23:59:00');
    // Tomorrow in the site's time zone may be today here; a week ahead is last year's.
    expect(dateOf('03-06 00:30 来源：江城日报', now)).toBe('2024-03-06T00:30:00');
    expect(dateOf('03-12 09:00 来源：江城日报', now)).toBe('2023-03-12T09:00:00');
    expect(dateOf('毎日新聞 3/5(火) 14:20配信', null)).toBeNull();
  });

  it('takes the year in which the printed weekday falls on that day, or none', () => {
    // 3/5 was a Sunday in 2023 and a Saturday in 2022.
    expect(dateOf('毎日新聞 3/5(日) 14:20配信', new Date(2024, 2, 5, 16, 0))).toBe('2023-03-05T14:20:00');
    expect(dateOf('毎日新聞 3/5(土) 14:20配信', new Date(2024, 2, 5, 16, 0))).toBe('2022-03-05T14:20:00');
    expect(dateOf('毎日新聞 2/30(火) 14:20配信', new Date(2024, 2, 5, 16, 0))).toBeNull();
  });
});

describe('labelledDate', () => {
  it.each([
    ['发布日期： 2019-03-06 责任编辑： 龙慧', '2019-03-06'],
    ['版权声明 来源：当代商报 时间：2019-09-23 14:34:05 作者：', '2019-09-23T14:34:05'],
    ['复核 时间：2019-09-24 17:08 分享到：', '2019-09-24T17:08:00'],
    ['Published: March 5, 2024', '2024-03-05'],
  ])('reads %s', (text, iso) => {
    expect(labelledDate(text)).toBe(iso);
  });

  it.each(['时间：3月5日上午9时', '2019-03-06 责任编辑：龙慧', '发布日期：待定。会议定于2019-03-06召开，地点另行通知。'])('reads no date under a label in %s', (text) => {
    expect(labelledDate(text)).toBeNull();
  });
});

describe('publishedAt: a <time> element', () => {
  it('keeps the offset of an ISO datetime, as metadata’s is kept', () => {
    document.head.innerHTML = '';
    document.body.innerHTML = `<h1 id="title">台风预警发布</h1><div class="info"><time datetime="2024-03-05T14:20:00+09:00">3/5(火) 14:20</time>配信</div><div id="story"><p>海南省气象台今天发布台风预警。</p></div>`;
    expect(publishedAt(document, document.getElementById('title'), document.getElementById('story'))).toBe('2024-03-05T14:20:00+09:00');
  });
});

describe('publishedAt: the URL’s date', () => {
  /** The publish date of a page without metadata or `<time>`, its meta line `meta`, at `url`. */
  const dateOf = (meta: string, url: string | null): string | null => {
    document.head.innerHTML = '';
    document.body.innerHTML = `<h1 id="title">台风预警发布</h1><div class="info">${meta}</div><div id="story"><p>海南省气象台今天发布台风预警。</p></div>`;
    return publishedAt(document, document.getElementById('title'), document.getElementById('story'), undefined, url);
  };

  it('gives a meta line’s date without its year the year of the URL’s date', () => {
    expect(dateOf('02-23 09:42 来源：参考消息网', 'http://hainan.example.cn/guoji/2024-02/23/content_30402.htm')).toBe('2024-02-23T09:42:00');
    expect(dateOf('2月23日 09:42 来源：参考消息网', 'https://news.example.com/a/20240223/123.html')).toBe('2024-02-23T09:42:00');
  });

  it('takes the URL’s date alone when the meta line has none, or one of another month', () => {
    expect(dateOf('来源：参考消息网', 'https://www.example.com/2024/02/23/typhoon/')).toBe('2024-02-23');
    expect(dateOf('12-31 23:59 来源：参考消息网', 'https://news.example.com/gn/t20240223_5566.shtml')).toBe('2024-02-23');
  });

  it('prefers a dated meta line, and reads no date from a URL without one, or from an id that is no calendar day', () => {
    expect(dateOf('2024-02-22 18:00 来源：参考消息网', 'https://www.example.com/2024/02/23/typhoon/')).toBe('2024-02-22T18:00:00');
    expect(dateOf('02-23 09:42', 'https://www.example.com/news/532601.html')).toBeNull();
    expect(dateOf('02-23 09:42', 'https://www.example.com/news/20241399/')).toBeNull();
    expect(dateOf('02-23 09:42', null)).toBeNull();
  });
});

describe('isoDate', () => {
  it.each([
    ['2024年3月5日 08:00 来源：江城日报', '2024-03-05T08:00:00'],
    ['发布时间：2024-03-05 08:00:00', '2024-03-05T08:00:00'],
    ['2024.03.05', '2024-03-05'],
    ['Published March 5, 2024 8:00 a.m. ET', '2024-03-05T08:00:00'],
    ['Updated Mar. 5, 2024 at 8:05 PM EST', '2024-03-05T20:05:00'],
    ['5 March 2024, 14:30 GMT', '2024-03-05T14:30:00'],
    ['Tuesday, 5th March 2024', '2024-03-05'],
    ['Dec 12, 2023 12:10 am', '2023-12-12T00:10:00'],
    ['Dec 28 Sat 2013 00:28', '2013-12-28T00:28:00'],
    ['中華民國113年3月5日 08:00', '2024-03-05T08:00:00'],
    ['民国113年3月5日', '2024-03-05'],
    // The half of the day before the time, on the 12-hour clocks of Chinese, Japanese and Korean pages.
    ['2024年3月5日 下午2:20', '2024-03-05T14:20:00'],
    ['2024年3月5日 上午12:05', '2024-03-05T00:05:00'],
    ['2024年3月5日 星期二 14:20', '2024-03-05T14:20:00'],
    ['2024年3月5日(火) 14時20分', '2024-03-05T14:20:00'],
    ['2024年3月5日 午後2時20分', '2024-03-05T14:20:00'],
    ['입력 2024.03.05. 오후 2:20', '2024-03-05T14:20:00'],
    ['기사입력 2024.03.05. 오전 9:05', '2024-03-05T09:05:00'],
    ['2024년 3월 5일 14:20', '2024-03-05T14:20:00'],
    ['2024-03-05T14:20:00+09:00', '2024-03-05T14:20:00'],
  ])('reads %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  it.each(['The plan may change in 2024.', 'March 2024', 'Page 5 of 2024 results', '113年度预算', 'February 30, 2024', '2024-02-30 08:00'])('finds no date in %s', (text) => {
    expect(isoDate(text)).toBeNull();
  });
});

describe('publishedAt: metadata', () => {
  const dateOf = (head: string): string | null => {
    document.head.innerHTML = head;
    document.body.innerHTML = '<h1 id="title">青溪县新建三座水厂</h1><div id="story"><p>青溪县今年将新建三座水厂。</p></div>';
    return publishedAt(document, document.getElementById('title'), document.getElementById('story'));
  };

  it('keeps the time a CMS writes after a space, as ISO', () => {
    expect(dateOf('<meta name="PubDate" content="2024-03-06 09:52">')).toBe('2024-03-06T09:52');
    expect(dateOf('<meta name="publishdate" content="2024-03-06 09:52:17">')).toBe('2024-03-06T09:52:17');
  });

  it('takes the time the meta line prints beside metadata naming only its day, never another day’s', () => {
    const withLine = (head: string, line: string): string | null => {
      document.head.innerHTML = head;
      document.body.innerHTML = `<h1 id="title">青溪县新建三座水厂</h1><div class="info">${line}</div><div id="story"><p>青溪县今年将新建三座水厂。</p></div>`;
      return publishedAt(document, document.getElementById('title'), document.getElementById('story'));
    };
    expect(withLine('<meta name="publishdate" content="2024-03-06">', '2024年03月06日09:52 来源：青溪日报')).toBe('2024-03-06T09:52:00');
    expect(withLine('<meta name="publishdate" content="2024-03-06">', '2024年03月05日18:00 来源：青溪日报')).toBe('2024-03-06');
    expect(withLine('<meta name="PubDate" content="2024-03-06 10:15">', '2024年03月06日09:52 来源：青溪日报')).toBe('2024-03-06T10:15');
  });

  it('keeps an ISO date as written, its offset with it', () => {
    expect(dateOf('<meta property="article:published_time" content="2024-03-06T09:52:00+08:00">')).toBe('2024-03-06T09:52:00+08:00');
    expect(dateOf('<meta name="PubDate" content="2024-03-06">')).toBe('2024-03-06');
  });
});

describe('metaContent', () => {
  const head = '<meta name="description" content="x"><meta property="og:title" content=" "><meta itemprop="datePublished" content="2024-03-05"><meta name="PubDate" content=" 2024-03-06 ">';

  it('answers for the first name asked that a meta with content carries, as name, property or itemprop, in any case', () => {
    document.head.innerHTML = head;
    expect(metaContent(document, 'og:title', 'pubdate', 'datePublished')).toBe('2024-03-06');
    expect(metaContent(document, 'datepublished', 'pubdate')).toBe('2024-03-05');
    expect(metaContent(document, 'og:title', 'keywords')).toBeNull();
  });

  // In Firefox each DOM read of a content script crosses an Xray wrapper, and the date alone is
  // asked by eleven names: each meta's keys are read once for all of them.
  it('reads each meta’s keys once however many names are asked', () => {
    document.head.innerHTML = head;
    const read = vi.spyOn(Element.prototype, 'getAttribute');
    try {
      metaContent(document, 'a', 'b', 'c', 'd', 'e', 'f');
      expect(read).toHaveBeenCalledTimes(4 * 3);
    } finally {
      read.mockRestore();
    }
  });
});

describe('publishedAt: a rail opening the story’s box', () => {
  const STORY = '<div id="story"><p>青溪县今年将新建三座水厂，县水利局介绍，工程完成后全县农村自来水普及率将达到百分之九十八。</p></div>';
  const dateOf = (opening: string): string | null => {
    document.head.innerHTML = '';
    document.body.innerHTML = `<h1 id="title">青溪县新建三座水厂</h1><div class="content">${opening}${STORY}</div>`;
    return publishedAt(document, document.getElementById('title'), document.getElementById('story'));
  };

  it('reads a date stacked a block a line: the year, month/day, the time', () => {
    const rail = '<div class="rail"><div class="y">2024</div><div class="md">03<!-- -->/<!-- -->06</div><div class="t">09:52</div><div><a href="/u/8">青溪发布</a></div><div>分享</div></div>';
    expect(dateOf(rail)).toBe('2024-03-06T09:52:00');
    expect(dateOf('<div class="info">2024-03-06 09:52 来源：青溪日报</div>')).toBe('2024-03-06T09:52:00');
  });

  it('reads no date from a lead paragraph opening the box, nor a year that opens a sentence', () => {
    const lead = '<div class="lead">2024年3月6日，青溪县召开全县农村供水工程推进会，会议部署了今年新建三座水厂的任务，要求各乡镇做好征地和管网配套工作。</div>';
    expect(dateOf(lead)).toBeNull();
    expect(dateOf('<div class="note">2024 3/4的村庄已通自来水</div>')).toBeNull();
  });
});

describe('publishedAt: a digital edition’s date', () => {
  const STORY = '<div id="story"><p>青溪县今年将新建三座水厂，县水利局介绍，工程完成后全县农村自来水普及率将达到百分之九十八。</p></div>';
  const dateOf = (bar: string): string | null => {
    document.head.innerHTML = '';
    document.body.innerHTML = `${bar}<div class="art"><h2 id="title">青溪县新建三座水厂</h2>${STORY}</div>`;
    return publishedAt(document, document.getElementById('title'), document.getElementById('story'));
  };
  const DATE = '<div class="issue"><strong>2024年03月06日</strong> <a href="/old/">往期回顾</a></div>';

  it('reads the issue’s date printed alone in the bar above the story, beside the pages’ navigation', () => {
    expect(dateOf(`<div class="pages"><a href="node_1.htm">第A01版：要闻</a> <a href="node_2.htm">下一版</a></div>${DATE}`)).toBe('2024-03-06');
    // A vertical button prints its word a character a line.
    expect(dateOf(`${DATE}<div class="btn"><a href="node_2.htm">下<br>一<br>版</a></div>`)).toBe('2024-03-06');
  });

  it('reads no date alone in a bar without the edition’s words (a portal’s today), nor a linked one', () => {
    expect(dateOf(`<div class="top"><a href="/">首页</a> ${DATE}</div>`)).toBeNull();
    expect(dateOf('<div class="pages"><a href="node_1.htm">第A01版：要闻</a> <a href="/2024-03/05/">2024年03月05日</a></div>')).toBeNull();
  });
});

describe('findHeadline: a title listed as a link before the headline', () => {
  it('takes the headline printed in its own cell, not the linked item of the page’s list of stories', () => {
    document.title = '青溪县新建三座水厂--晨光日报';
    document.body.innerHTML = `
      <table id="list"><tr><td><a href="content_1.htm"><div>青溪县新建三座水厂</div></a></td></tr></table>
      <table><tr><td class="big">青溪县新建三座水厂</td></tr><tr><td class="sub">全县农村自来水普及率将达到百分之九十八</td></tr></table>
      <div id="story"><p>青溪县今年将新建三座水厂，县水利局介绍，工程完成后全县农村自来水普及率将达到百分之九十八。</p></div>`;
    const headline = findHeadline(document, document.getElementById('story'));
    expect(headline?.closest('#list')).toBeNull();
    expect(headline?.textContent?.trim()).toBe('青溪县新建三座水厂');
  });
});

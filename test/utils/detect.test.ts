// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { analyzeLayout } from '@/utils/analyze';

/** A thread whose posts are long enough to read as a story, each under one kind of post label. */
function thread(labels: string[]): Document {
  const post = (label: string, i: number) =>
    `<div class="post"><span class="label">${label}</span><p>${'这是第' + i + '位网友的长篇回复，讨论了这个话题的方方面面，并且给出了自己的看法和理由。'.repeat(3)}</p></div>`;
  document.title = '讨论：城市交通怎么改';
  document.body.innerHTML = `<h1>讨论：城市交通怎么改</h1><div id="posts">${labels.map(post).join('')}</div>`;
  return document;
}

const forumReason = (doc: Document) => analyzeLayout(doc).analysis.reasons.find((r) => r.startsWith('forum thread markers'));

describe('forum thread markers', () => {
  it('counts every kind of post label, whatever its case or spacing', () => {
    const labels = ['楼主', '沙发', '3楼', '#4', '只看该作者', '回复 5楼', '发表于 2024-01-02 10:00', 'Reply #8', 'Posted\n  by lin'];
    expect(forumReason(thread(labels))).toMatch(/^forum thread markers \(9 post labels/);
  });

  it('counts the labels of forums written in traditional characters', () => {
    const labels = ['樓主', '沙發', '3樓', '只看該作者', '回覆 5樓', '發表於 2024-01-02 10:00'];
    expect(forumReason(thread(labels))).toMatch(/^forum thread markers \(6 post labels/);
  });

  it('does not count words that only contain a label', () => {
    expect(forumReason(thread(['懒骨头沙发', '还珠楼主', '沙发客', '楼主说', '回复了我', '地板砖']))).toBeUndefined();
  });
});

/** A story page whose visible text opens with `lead` (before the headline). */
function story(lead: string): Document {
  document.title = '海南发布台风预警_海南信息港';
  const paragraph = '<p>海南省气象台今天发布台风预警，提醒沿海渔船回港避风，各地做好防御准备工作。</p>'.repeat(6);
  document.body.innerHTML = `${lead}<h1>海南发布台风预警</h1><div id="content">${paragraph}</div>`;
  return document;
}

const hasBreadcrumb = (doc: Document) => analyzeLayout(doc).analysis.reasons.includes('breadcrumb');

describe('breadcrumb signal', () => {
  it('reads a breadcrumb whose arrow sits in its own text between links, across line breaks', () => {
    expect(hasBreadcrumb(story('<div class="crumb"><a href="/">首页</a>\n      &gt;\n      <a href="/gj/">国际</a></div>'))).toBe(true);
  });

  it('reads a breadcrumb in traditional characters', () => {
    expect(hasBreadcrumb(story('<div class="crumb"><a href="/">首頁</a> &gt; <a href="/gj/">國際</a></div>'))).toBe(true);
    expect(hasBreadcrumb(story('<div>目前位置：<a href="/">首頁</a></div>'))).toBe(true);
    expect(hasBreadcrumb(story('<div>當前位置：<a href="/">首頁</a></div>'))).toBe(true);
  });

  it('looks only at the page’s first 3000 visible characters', () => {
    const filler = (n: number) => `<p>${'资讯'.repeat(n / 2)}</p>`;
    const crumb = '<div>当前位置</div>';
    expect(hasBreadcrumb(story(`${filler(2990)}${crumb}`))).toBe(true);
    // A run of spaces before it counts once collapsed: the label still ends within the 3000.
    expect(hasBreadcrumb(story(`${filler(2980)}<p>${' '.repeat(12)}当前位置</p>`))).toBe(true);
    expect(hasBreadcrumb(story(`${filler(3000)}${crumb}`))).toBe(false);
    // Read as part of a longer text, but ending past the 3000th character.
    expect(hasBreadcrumb(story(`<p>${'资'.repeat(2998)}当前位置</p>`))).toBe(false);
  });
});

describe('forum thread markers outside the thread', () => {
  const labels = ['楼主', '沙发', '3楼', '#4', '只看该作者', '回复 5楼', '板凳'].map((l) => `<li><span>${l}</span> 说得好</li>`).join('');

  it('are counted in the page, and not inside its comment section', () => {
    expect(forumReason(story(`<ul>${labels}</ul>`))).toMatch(/^forum thread markers \(7 post labels/);
    const doc = story('');
    doc.body.insertAdjacentHTML('beforeend', `<div id="comments"><h3>网友评论</h3><ul>${labels}</ul></div>`);
    expect(forumReason(doc)).toBeUndefined();
  });
});

describe('meta line signal', () => {
  const metaReason = (meta: string): boolean => {
    const doc = story('');
    doc.querySelector('h1')!.insertAdjacentHTML('afterend', `<div class="info">${meta}</div>`);
    return analyzeLayout(doc).analysis.reasons.includes('meta line with source/author/date');
  };

  it('reads the meta line’s words in simplified and traditional characters', () => {
    expect(metaReason('来源：江城日报')).toBe(true);
    expect(metaReason('來源：聯合報')).toBe(true);
    expect(metaReason('責任編輯：陳怡君')).toBe(true);
    expect(metaReason('發佈時間 上午十點')).toBe(true);
    expect(metaReason('分享 收藏')).toBe(false);
  });
});

describe('a one-sentence story under its headline', () => {
  const page = (meta: string, story: string): Document => {
    document.title = '青溪县第一座水厂今天通水_晨光新闻网';
    document.body.innerHTML = `<div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a> <a href="/city/">城市</a> <a href="/tech/">科技</a></div>
      <div class="main"><h1>青溪县第一座水厂今天通水</h1><div class="info">${meta}</div>
      <div class="content"><p>${story}</p></div></div>
      <div class="footer">晨光新闻网 版权所有</div>`;
    return document;
  };
  const FLASH = '晨光新闻网青溪3月6日电 青溪县第一座水厂今天正式通水。';

  it('is an article when the line under the headline names its source or writer', () => {
    expect(analyzeLayout(page('2024-03-06 09:12 来源：青溪日报', FLASH)).analysis.isArticle).toBe(true);
    expect(analyzeLayout(page('2024-03-06 09:12 记者 李明', FLASH)).analysis.isArticle).toBe(true);
  });

  it('is not when that line is only a date, as a home page prints today’s under its name', () => {
    expect(analyzeLayout(page('2024年3月6日 星期三', FLASH)).analysis.isArticle).toBe(false);
  });

  it('is not when the sentence is a slogan of a few words, whatever the line above it says', () => {
    expect(analyzeLayout(page('来源：青溪日报', '清清青溪水，浓浓家乡情，青溪欢迎您')).analysis.isArticle).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeLayout } from '@/utils/analyze';
import { DomStats } from '@/utils/dom-stats';
import { englishReason } from '@/utils/reasons';
import { lateTeasers, noneRelated, type StoryToJudge } from '@/utils/teaser-judge';
import { parseHtml } from '../helpers/dom';

const STORY = '<p>青溪县今年将新建三座水厂，县水利局介绍，工程完成后全县农村自来水普及率将达到百分之九十八。</p>'.repeat(6);
const RELATED = '青溪县第一座水厂开工，农村自来水普及率将提高';
const UNRELATED = '一只橘猫每天准时到便利店门口等店员下班';

/** The water-plant story's page with `after` below the story, as it stands when the analysis runs. */
function loaded(after: string): { doc: Document; story: StoryToJudge } {
  const doc = parseHtml(
    `<html><head><title>青溪县新建三座水厂_晨光新闻网</title></head><body>
      <div class="main"><h1>青溪县新建三座水厂</h1><div class="info">2024-03-06 来源：青溪日报</div>
        <div class="content" id="story">${STORY}</div>${after}</div></body></html>`,
    'http://news.example.test/2024-03/06/content_2.htm',
  );
  const { story } = analyzeLayout(doc, { url: doc.URL });
  if (!story) throw new Error('the page should read as an article');
  return { doc, story: { root: story.body.root, profile: story.profile } };
}

/** Adds `html` at the end of `parent`, as a page's script does, and judges what it added. */
function add(doc: Document, story: StoryToJudge, parent: string, html: string) {
  const holder = doc.createElement('div');
  holder.innerHTML = html;
  const added = holder.firstElementChild!;
  doc.querySelector(parent)!.append(added);
  return lateTeasers(added, story, { stats: new DomStats(doc) }).map((t) => ({ id: t.el.id, reason: englishReason(t.verdict.why) }));
}

/** A feed's card: its thumbnail's link, its headline, its source and its comment count, all links. */
const card = (id: string, headline: string) =>
  `<div class="card" id="${id}"><a href="/a/${id}.htm"><img src="/t.jpg"></a><a href="/a/${id}.htm">${headline}</a><span><a href="/media/1">晨光新闻网</a> · <a href="/a/${id}.htm#comments">12评论</a></span></div>`;

describe('teasers a page’s script adds after the analysis', () => {
  // sina's feed: the name in the block's tab row, the cards five levels below it, filled when the request returns.
  const FEED = `<div class="blk-related" id="block"><div class="tabs"><a href="javascript:;" class="cur">相关新闻</a></div>
    <div class="tab-cont"><div id="pane"><div class="feed"><div class="list" id="list"></div><div class="loading">加载中</div></div></div></div></div>`;

  it('judges each card filled into a named feed: the one on another subject goes, the one on this story stays', () => {
    const { doc, story } = loaded(FEED);
    expect(add(doc, story, '#list', card('other', UNRELATED))).toEqual([{ id: 'other', reason: 'unrelated teaser in “相关新闻” (similarity 0.00)' }]);
    expect(add(doc, story, '#list', card('same', RELATED))).toEqual([]);
  });

  it('takes the feed controls out of a card it keeps, the card whole otherwise', () => {
    // 头条's 相关推荐: a 不感兴趣 button beside each card's source and comment count.
    const withDislike = (id: string, headline: string) => card(id, headline).replace(/<\/div>$/, `<div class="bar" id="${id}-x"><div class="action-dislike">不感兴趣</div></div></div>`);
    const { doc, story } = loaded(FEED);
    expect(add(doc, story, '#list', withDislike('same', RELATED))).toEqual([{ id: 'same-x', reason: 'tool bar (“不感兴趣”)' }]);
    expect(add(doc, story, '#list', withDislike('other', UNRELATED)).map((t) => t.id)).toEqual(['other']);
  });

  it('leaves what the script fills into a card already there (its comment count, its source): less than a headline', () => {
    const { doc, story } = loaded(FEED);
    add(doc, story, '#list', card('same', RELATED));
    expect(add(doc, story, '#same', '<a id="count" href="/a/same.htm#comments">1116评论</a>')).toEqual([]);
    expect(add(doc, story, '#same', '<a id="source" href="/media/2">国家应急广播</a>')).toEqual([]);
  });

  it('judges a page of the feed item by item', () => {
    const { doc, story } = loaded(FEED);
    const page = `<ul id="page"><li id="a">${card('a1', UNRELATED)}</li><li id="b">${card('b1', RELATED)}</li><li id="c">${card('c1', '一座老钢厂改造成了创意园区')}</li></ul>`;
    expect(add(doc, story, '#list', page).map((t) => t.id)).toEqual(['a', 'c']);
  });

  it('takes a whole block added with its name as at load: whole when nothing in it is about the story, else item by item', () => {
    const block = (id: string, items: string[]) => `<div id="${id}"><h3>为你推荐</h3><ul>${items.map((h, i) => `<li id="${id}-${i}"><a href="/a/${i}.htm">${h}</a></li>`).join('')}</ul></div>`;
    const { doc, story } = loaded('');
    expect(add(doc, story, '.main', block('none', [UNRELATED, '一座老钢厂改造成了创意园区']))).toEqual([
      { id: 'none', reason: '“为你推荐”: 2 teasers, none related to this article (best similarity 0.00)' },
    ]);
    expect(add(doc, story, '.main', block('some', [UNRELATED, RELATED])).map((t) => t.id)).toEqual(['some-0']);
  });

  it('leaves what lands in the story, in a block no teaser name heads, or carries no link', () => {
    const { doc, story } = loaded(`<div class="comments" id="comments"><h3>网友评论</h3><ul id="thread"></ul></div>${FEED}`);
    expect(add(doc, story, '#story', `<p id="update">更新：<a href="/a/9.htm">${UNRELATED}</a></p>`)).toEqual([]);
    expect(add(doc, story, '#thread', `<li id="reply"><a href="/u/1">晨光网友</a>：${UNRELATED}</li>`)).toEqual([]);
    expect(add(doc, story, '#list', `<div id="spinner">${UNRELATED}</div>`)).toEqual([]);
  });

  it('leaves a whole story added under one headline: more than a card', () => {
    const { doc, story } = loaded(FEED);
    const next = `<div id="next-story"><h2><a href="/a/7.htm">${UNRELATED}</a></h2>${'<p>店员说，这只橘猫已经连续三年每天晚上九点准时出现在便利店门口，风雨无阻。</p>'.repeat(12)}</div>`;
    expect(add(doc, story, '#list', next)).toEqual([]);
  });

  it('leaves the next story’s slot, filled late, to the page-turn rules', () => {
    const { doc, story } = loaded('<div class="next" id="next"><span>下一篇：</span></div>');
    expect(add(doc, story, '#next', `<a id="turn" href="/a/3.htm">${UNRELATED}</a>`)).toEqual([]);
  });
});

describe('noneRelated', () => {
  const el = parseHtml('<p>x</p>', 'https://a.example/').body;
  const teaser = (score: number) => ({ el, text: 'x', score });

  it('tells a block of teasers as many, and one teaser as one', () => {
    expect(englishReason(noneRelated('为你推荐', [teaser(0.04), teaser(0.1)])!.why)).toBe('“为你推荐”: 2 teasers, none related to this article (best similarity 0.10)');
    expect(englishReason(noneRelated('next', [teaser(0.26)])!.why)).toBe('unrelated teaser in “next” (similarity 0.26)');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { REREADS_PER_MINUTE, closeSession, hiddenOnPage, isAnotherStory, mountCard, readAgainIn, rememberStory, storiesBesides, storyReplaced, type Card, type PageSession, type ReadStory } from '@/entrypoints/content/page-session';
import { analyzeLayout, analyzePage } from '@/utils/analyze';
import { Cleanup } from '@/utils/cleanup';
import { pageInfoFrom } from '@/utils/page-info';
import { HIDDEN_ATTR } from '@/utils/cleanup-style';
import { parseHtml } from '../helpers/dom';

const SEED = `<html><head><title>读书节开幕_晨光新闻网</title></head><body>
  <h1>读书节开幕</h1><div class="info">2024-03-05 来源：江城日报</div>
  <div id="story">${'<p>某地读书节今天开幕，市民在各个会场挑选图书，参加讲座和朗读活动，现场气氛热烈。</p>'.repeat(6)}</div>
  <div class="ad-slot">广告</div></body></html>`;

/** A session for the page as the content script builds it, cleanup applied. */
function session(): PageSession {
  const doc = parseHtml(SEED, 'http://news.example.test/2024-03/05/content_1.htm');
  const page = analyzePage(doc, { url: doc.URL });
  const cleanup = new Cleanup(doc, { root: page.root, keep: new Set() });
  cleanup.mark(page.hidden);
  cleanup.setActive(true);
  return { url: doc.URL, layout: { analysis: page.analysis, root: page.root, hidden: page.hidden, waiting: [], story: null, causes: [] }, page, cleanup, card: null, closed: false };
}

/** A card mount that finishes when the test says so. */
function slowMount() {
  let finish: () => void = () => undefined;
  const card: Card = { remove: vi.fn() };
  const mount = vi.fn(() => new Promise<Card>((resolve) => (finish = () => resolve(card))));
  return { card, mount, finish: () => finish() };
}

describe('page sessions', () => {
  it('mounts the card above an article that names its sources', async () => {
    const s = session();
    expect(s.page.analysis.sources.length).toBeGreaterThan(0);
    const { card, mount, finish } = slowMount();
    const mounted = mountCard(s, mount);
    finish();
    await mounted;
    expect(mount).toHaveBeenCalledWith(s.page.root, s.page.analysis);
    expect(s.card).toBe(card);
    expect(card.remove).not.toHaveBeenCalled();
  });

  it('takes away a card that finishes mounting after its page was replaced', async () => {
    const s = session();
    const { card, mount, finish } = slowMount();
    const mounted = mountCard(s, mount);
    closeSession(s);
    finish();
    await mounted;
    expect(card.remove).toHaveBeenCalledTimes(1);
  });

  it('closing undoes the cleanup and takes the card away', async () => {
    const s = session();
    const doc = s.page.root!.ownerDocument;
    expect(doc.querySelectorAll(`[${HIDDEN_ATTR}]`).length).toBeGreaterThan(0);
    const { card, mount, finish } = slowMount();
    const mounted = mountCard(s, mount);
    finish();
    await mounted;
    closeSession(s);
    expect(card.remove).toHaveBeenCalledTimes(1);
    expect(doc.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(0);
  });

  it('mounts no card where there is nothing to show or no cleanup', async () => {
    const s = session();
    const { mount } = slowMount();
    await mountCard({ ...s, cleanup: null }, mount);
    await mountCard({ ...s, page: { ...s.page, analysis: { ...s.page.analysis, sources: [], credits: [] } } }, mount);
    expect(mount).not.toHaveBeenCalled();
  });
});

/** A continuous-reading page: a second story appended below the first, the title naming `titled`. */
function twoStories(titled: string): Document {
  const story = (headline: string, line: string): string =>
    `<div class="story"><h1>${headline}</h1><div class="info">2024-03-05 来源：江城日报</div><div class="content">${`<p>${line}</p>`.repeat(6)}</div></div>`;
  return parseHtml(
    `<html><head><title>${titled}_晨光新闻网</title></head><body><div class="main">
      ${story('读书节开幕', '某地读书节今天开幕，市民在各个会场挑选图书，参加讲座和朗读活动，现场气氛热烈。')}
      ${story('青溪县新建三座水厂', '青溪县今年将新建三座水厂，工程完成后全县农村自来水普及率将达到百分之九十八。')}
    </div></body></html>`,
    'http://news.example.test/2024-03/06/content_2.htm',
  );
}

describe('a story the page draws anew', () => {
  it('is replaced once the element analysed has left the document, not while it stays', () => {
    const s = session();
    expect(storyReplaced(s)).toBe(false);
    const story = s.page.root!;
    story.replaceWith(story.cloneNode(true));
    expect(storyReplaced(s)).toBe(true);
  });

  it('is never replaced on a page that is not an article (nothing was hidden or shown)', () => {
    const s = session();
    s.page.root!.remove();
    expect(storyReplaced({ ...s, cleanup: null })).toBe(false);
  });

  it('leaves what went with it out of what the popup lists as hidden', () => {
    const s = session();
    const ad = s.cleanup!.items.find((t) => t.el.matches('.ad-slot'))!;
    expect(hiddenOnPage(s.cleanup).map((h) => h.id)).toContain(ad.id);
    ad.el.remove();
    expect(hiddenOnPage(s.cleanup).map((h) => h.id)).not.toContain(ad.id);
    expect(hiddenOnPage(null)).toEqual([]);
  });

  it(`is read again at most ${REREADS_PER_MINUTE} times a minute, and again once the minute has passed`, () => {
    const times: number[] = [];
    const waits = [0, 1_000, 2_000, 3_000, 59_999, 60_000, 61_000].map((now) => readAgainIn(times, now));
    expect(waits).toEqual([0, 0, 0, 57_000, 1, 0, 0]);
  });
});

describe('stories read on a continuous-reading page', () => {
  const story = (url: string, root: Element, headline: Element | null): ReadStory => ({
    url,
    root,
    headline,
    info: () => ({ url, title: '', publisher: null, provenance: null }),
    hidden: () => [],
    opening: (root.textContent ?? '').slice(0, 200),
  });
  const read = (doc: Document, i: number): ReadStory => story(`http://news.example.test/${i}.htm`, doc.querySelectorAll('.content')[i]!, doc.querySelectorAll('h1')[i]!);

  it('offers the stories read under other addresses that are still on the page', () => {
    const doc = twoStories('青溪县新建三座水厂');
    const first = read(doc, 0);
    const stories = new Map<string, ReadStory>([
      ['http://news.example.test/a.htm', first],
      ['http://news.example.test/b.htm', story('http://news.example.test/b.htm', doc.createElement('div'), null)],
      ['http://news.example.test/c.htm', read(doc, 1)],
    ]);
    expect(storiesBesides(stories, 'http://news.example.test/c.htm#comments')).toEqual([first]);
  });

  it('does not offer a story whose element the site reused for the next one', () => {
    const doc = twoStories('青溪县新建三座水厂');
    const first = read(doc, 0);
    const stories = new Map<string, ReadStory>([['http://news.example.test/a.htm', first]]);
    first.root.innerHTML = '<p>下一篇报道在同一个元素里展开，文字已经完全不同。</p>';
    expect(storiesBesides(stories, 'http://news.example.test/b.htm')).toEqual([]);
  });

  it('forgets a story read in the same place under another address (a URL rewritten in place)', () => {
    const doc = twoStories('读书节开幕');
    doc.querySelectorAll('.story')[1]!.remove();
    const layout = analyzeLayout(doc, { url: doc.URL });
    const stories = new Map<string, ReadStory>([['http://news.example.test/2024-03/06/content_2.htm', story(doc.URL, layout.story!.body.root, null)]]);
    rememberStory(stories, { ...session(), url: `${doc.URL}?t=30`, layout }, doc.title);
    expect([...stories.keys()]).toEqual([`${doc.URL}?t=30`]);
  });

  it('forgets the stories the page took away: a single-page site that moved on keeps none of its old pages', () => {
    const doc = twoStories('读书节开幕');
    const stories = new Map<string, ReadStory>([['http://news.example.test/1.htm', read(doc, 0)]]);
    // The site draws its next page in place of the last (a router's move).
    doc.body.innerHTML = doc.body.innerHTML;
    doc.querySelectorAll('.story')[1]!.remove();
    const layout = analyzeLayout(doc, { url: doc.URL });
    rememberStory(stories, { ...session(), url: doc.URL, layout }, doc.title);
    expect([...stories.keys()]).toEqual([doc.URL]);
  });

  it('remembers a session’s story under its address, with the page a highlight in it is saved with', () => {
    const doc = twoStories('读书节开幕');
    const layout = analyzeLayout(doc, { url: doc.URL });
    const stories = new Map<string, ReadStory>();
    const s = { ...session(), url: `${doc.URL}#top`, layout };
    rememberStory(stories, s, doc.title);
    const kept = stories.get(doc.URL)!;
    expect(kept).toMatchObject({ url: `${doc.URL}#top`, root: layout.story!.body.root, headline: layout.story!.headline });
    expect(kept.info()).toEqual(pageInfoFrom(s.page.analysis, s.url, doc.title));
  });

  it('keeps what the session’s cleanup hid inside the story, for the next story to hide again', () => {
    // The page as first read: one story, an ad inside it and one below.
    const doc = twoStories('读书节开幕');
    doc.querySelectorAll('.story')[1]!.remove();
    const first = doc.querySelector('.content')!;
    first.insertAdjacentHTML('beforeend', '<div class="ad-slot">广告</div>');
    doc.querySelector('.main')!.insertAdjacentHTML('afterend', '<div class="ad-slot">广告</div>');
    const page = analyzePage(doc, { url: doc.URL });
    expect(page.root).toBe(first);
    const cleanup = new Cleanup(doc, { root: page.root, keep: new Set() });
    cleanup.mark(page.hidden);
    const layout = { analysis: page.analysis, root: page.root, hidden: page.hidden, waiting: [], story: analyzeLayout(doc, { url: doc.URL }).story, causes: [] };
    const stories = new Map<string, ReadStory>();
    rememberStory(stories, { url: doc.URL, layout, page, cleanup, card: null, closed: false }, doc.title);
    const ads = [...doc.querySelectorAll('.ad-slot')];
    expect(cleanup.items.map((t) => t.el)).toEqual(expect.arrayContaining(ads));
    expect(stories.get(doc.URL)!.hidden().map((h) => h.el)).toEqual([ads[0]]);
  });

  it('takes the story the title names below the one read for another story', () => {
    const doc = twoStories('青溪县新建三座水厂');
    const others = [read(doc, 0)];
    const layout = analyzeLayout(doc, { url: doc.URL, otherStories: [others[0]!.root] });
    expect(layout.root).toBe(read(doc, 1).root);
    expect(isAnotherStory(layout, others)).toBe(true);
  });

  it('does not when the title still names the story read (a URL rewritten in place)', () => {
    const doc = twoStories('读书节开幕');
    const others = [read(doc, 0)];
    const layout = analyzeLayout(doc, { url: doc.URL, otherStories: [others[0]!.root] });
    expect(layout.story?.headline).toBe(others[0]!.headline);
    expect(isAnotherStory(layout, others)).toBe(false);
  });
});

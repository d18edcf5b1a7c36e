/**
 * Comment widgets a page's script adds after load, in each real browser: the site's script fills
 * the empty 畅言 box under the story (<div id="SOHUCS">) and adds a Disqus thread with its frame a
 * moment after load, unasked; both go as comments, listed as added after load, as the same
 * widgets present at load do, and "Show original" or "Never hide this" brings them back. Comments
 * the reader's click on 查看评论 loads stay: theirs. With the comments kind left on pages (options
 * page), the late ones show too. A page that mounts 畅言 in the story's own box, below its last
 * paragraph, and fills 网易跟贴's named box over two steps (the SDK's empty wrapper first) loses
 * both, and none of the story. A list the script fills with comments, 250 at a time, goes once, whole,
 * and so does one whose first comment comes alone and whose 加载更多评论 button closes it, one its
 * 网友评论 heading opens, and one whose button an empty spacer and an item out of sight follow. A
 * comment the reader keeps stays in sight when the thread it came first in goes around it.
 */
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, serveSite } from './harness';
import type { TestPage } from './harness/types';

const LATE = '/2024-03/05/content_9917.htm';
const ON_CLICK = '/2024-03/05/content_9918.htm';
const IN_STORY = '/2024-03/05/content_9919.htm';
const FILLED = '/2024-03/05/content_9920.htm';
const ONE_FIRST = '/2024-03/05/content_9921.htm';
const HEADED = '/2024-03/05/content_9922.htm';
const TAILED = '/2024-03/05/content_9923.htm';
const KEPT_ALONE = '/2024-03/05/content_9924.htm';
const KEPT_FIRST = '/2024-03/05/content_9925.htm';
/** How long after load the site's script brings its comments. */
const COMMENTS_AFTER_MS = 1_500;
/** A story of a city's new metro line, in ten paragraphs. */
const STORY = Array.from({ length: 10 }, (_, i) => `<p>（${i + 1}）江城地铁五号线今天开通试运营，全线设站二十二座，早晚高峰行车间隔四分钟，沿线居民通勤时间将缩短一半。</p>`).join('');
/** What a comment script draws: a heading, a box to write in, two comments. */
const THREAD = `<div class="module-cmt-header"><h3>网友评论</h3></div><textarea placeholder="来说两句吧"></textarea>
  <ul class="cmt-list"><li>江城网友：终于等到了，上班能省半小时。</li><li>江城网友：希望早点开通六号线。</li></ul>`;

const page = (body: string, script: string, inStory = '') => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>江城地铁五号线开通试运营_江城网</title><meta property="og:type" content="article"></head>
<body><div class="nav"><a href="/">江城网</a> <a href="/gn/">国内</a> <a href="/gj/">国际</a></div>
<h1>江城地铁五号线开通试运营</h1>
<div class="info">2024-03-05 08:00 来源：江城日报</div>
<div id="text">${STORY}${inStory}</div>
${body}
<div class="foot"><a href="/about">关于江城网</a></div>
<script>const THREAD = ${JSON.stringify(THREAD)};
${script}</script>
</body></html>`;

/** The site's scripts bring 畅言 into its empty box, and a Disqus thread under it, unasked. */
const LATE_PAGE = page(
  '<div id="SOHUCS" sid="9917"></div>',
  `setTimeout(() => {
    const main = document.createElement('div');
    main.id = 'SOHU_MAIN';
    main.innerHTML = THREAD;
    document.getElementById('SOHUCS').append(main);
    const disqus = document.createElement('div');
    disqus.id = 'disqus_thread';
    disqus.innerHTML = '<iframe title="Disqus" src="about:blank" style="width: 100%; height: 300px; border: 0"></iframe>';
    document.querySelector('.foot').before(disqus);
  }, ${COMMENTS_AFTER_MS});`,
);

/** What 网易's SDK draws in its wrapper: the box to write in, its notice, the hot comments, no heading. */
const TIE = `<div class="tie-input-bar"><textarea></textarea><div class="submit-btn">马上发表</div></div>
  <p class="tie-reminder">网友评论仅供其表达个人看法，并不表明本站立场。</p>
  <div class="tie-hot"><div class="tie-list"><div class="single-tie"><div class="tie-author">江城网友</div><div class="tie-cnt">终于等到了。</div></div></div></div>`;

/**
 * 畅言's box at the end of the story's own box, 网易跟贴's named box under it with the SDK's empty
 * #tie: the scripts fill 畅言's, and add 网易's wrapper, then fill that a moment later.
 */
const IN_STORY_PAGE = page(
  '<div class="tie-areas post_comment" id="post_comment_area"><div id="tie"></div></div>',
  `setTimeout(() => {
    const main = document.createElement('div');
    main.id = 'SOHU_MAIN';
    main.innerHTML = THREAD;
    document.getElementById('SOHUCS').append(main);
    const area = document.createElement('div');
    area.id = 'tieArea';
    area.className = 'tie-area';
    document.getElementById('tie').append(area);
    setTimeout(() => { area.innerHTML = ${JSON.stringify(TIE)}; }, 500);
  }, ${COMMENTS_AFTER_MS});`,
  '<div id="SOHUCS" sid="9919"></div>',
);

/** A list under the story the site's script fills with 1,000 comments, 250 at a time. */
const FILLED_PAGE = page(
  '<ul id="replies"></ul>',
  `setTimeout(() => {
    let n = 0;
    const more = () => {
      const items = Array.from({ length: 250 }, () => Object.assign(document.createElement('li'), { className: 'reply-item', textContent: '江城网友' + n++ + '：终于等到了。' }));
      document.getElementById('replies').append(...items);
      if (n < 1000) setTimeout(more, 200);
    };
    more();
  }, ${COMMENTS_AFTER_MS});`,
);

/**
 * A list under the story whose script brings one comment first, then a page of 249 closed by its
 * 加载更多评论 button, then two more pages inserted before the button.
 */
const ONE_FIRST_PAGE = page(
  '<ul id="replies"></ul>',
  `const reply = (n) => Object.assign(document.createElement('li'), { className: 'reply-item', textContent: '江城网友' + n + '：终于等到了。' });
  const replies = document.getElementById('replies');
  setTimeout(() => replies.append(reply(0)), ${COMMENTS_AFTER_MS});
  setTimeout(() => {
    const more = Object.assign(document.createElement('li'), { className: 'load-more', innerHTML: '<button>加载更多评论</button>' });
    replies.append(...Array.from({ length: 249 }, (_, n) => reply(n + 1)), more);
    setTimeout(() => more.before(...Array.from({ length: 250 }, (_, n) => reply(n + 250))), 300);
    setTimeout(() => more.before(...Array.from({ length: 250 }, (_, n) => reply(n + 500))), 600);
  }, ${COMMENTS_AFTER_MS + 400});`,
);

/**
 * A list under the story, named for nothing, its script fills with its 网友评论 heading and 250
 * comments, then 250 more (a list named for comments goes whole whatever closes it: see TAILED_PAGE).
 */
const HEADED_PAGE = page(
  '<ul id="list"></ul>',
  `const reply = (n) => Object.assign(document.createElement('li'), { className: 'reply-item', textContent: '江城网友' + n + '：终于等到了。' });
  const list = document.getElementById('list');
  setTimeout(() => {
    const heading = Object.assign(document.createElement('li'), { className: 'hd', innerHTML: '<h3>网友评论</h3>' });
    list.append(heading, ...Array.from({ length: 250 }, (_, n) => reply(n)));
    setTimeout(() => list.append(...Array.from({ length: 250 }, (_, n) => reply(n + 250))), 300);
  }, ${COMMENTS_AFTER_MS});`,
);

/**
 * A list under the story, named for nothing, that its script gives its 加载更多评论 button, the
 * 没有更多了 line it keeps out of sight and an empty spacer, then fills with comments before the
 * button, 250 at a time. (The button alone in a list named for comments makes that list a comment
 * section, hidden whole before its comments come.)
 */
const TAILED_PAGE = page(
  '<ul id="list"></ul>',
  `const reply = (n) => Object.assign(document.createElement('li'), { className: 'reply-item', textContent: '江城网友' + n + '：终于等到了。' });
  const list = document.getElementById('list');
  setTimeout(() => {
    list.innerHTML = '<li class="load-more"><button>加载更多评论</button></li><li class="no-more" style="display: none">没有更多了</li><li class="clear"></li>';
    const more = list.firstElementChild;
    setTimeout(() => more.before(...Array.from({ length: 250 }, (_, n) => reply(n))), 300);
    setTimeout(() => more.before(...Array.from({ length: 250 }, (_, n) => reply(n + 250))), 600);
  }, ${COMMENTS_AFTER_MS});`,
);

/** The comment a list's script brings first, alone, on both pages below: the reader keeps it on the first. */
const SAID_FIRST = '江城网友：我先说两句，五号线终于开通了。';
/** The list's script brings that comment, and with `thread` 100 more after it a moment later. */
const keptFirstPage = (thread: boolean) =>
  page(
    '<ul id="replies"></ul>',
    `const reply = (text) => Object.assign(document.createElement('li'), { className: 'reply-item', textContent: text });
  const replies = document.getElementById('replies');
  setTimeout(() => replies.append(reply(${JSON.stringify(SAID_FIRST)})), ${COMMENTS_AFTER_MS});
  if (${thread}) setTimeout(() => replies.append(...Array.from({ length: 100 }, (_, n) => reply('江城网友' + n + '：终于等到了。'))), ${COMMENTS_AFTER_MS + 400});`,
  );

/** Comments the reader loads with the page's 查看评论 button. */
const ON_CLICK_PAGE = page(
  '<button id="show-comments">查看评论</button><div id="comment-slot"></div>',
  `document.getElementById('show-comments').addEventListener('click', () => {
    const box = document.createElement('div');
    box.id = 'comment-box';
    box.className = 'comment-box';
    box.innerHTML = THREAD;
    document.getElementById('comment-slot').append(box);
  });`,
);

const ids = ['SOHUCS', 'disqus_thread'];

describe.each(browsers)('comment widgets a page adds after load, in $name', (target) => {
  const site = serveSite(target, {
    routes: {
      [LATE]: { body: LATE_PAGE, contentType: 'text/html; charset=utf-8' },
      [ON_CLICK]: { body: ON_CLICK_PAGE, contentType: 'text/html; charset=utf-8' },
      [IN_STORY]: { body: IN_STORY_PAGE, contentType: 'text/html; charset=utf-8' },
      [FILLED]: { body: FILLED_PAGE, contentType: 'text/html; charset=utf-8' },
      [ONE_FIRST]: { body: ONE_FIRST_PAGE, contentType: 'text/html; charset=utf-8' },
      [HEADED]: { body: HEADED_PAGE, contentType: 'text/html; charset=utf-8' },
      [TAILED]: { body: TAILED_PAGE, contentType: 'text/html; charset=utf-8' },
      [KEPT_ALONE]: { body: keptFirstPage(false), contentType: 'text/html; charset=utf-8' },
      [KEPT_FIRST]: { body: keptFirstPage(true), contentType: 'text/html; charset=utf-8' },
    },
  });

  /** Opens the page and waits past the script's timer without looking: a look counts as the reader acting. */
  async function openLate(): Promise<TestPage> {
    const tab = await site.browser().openPage(site.url(LATE));
    await new Promise((resolve) => setTimeout(resolve, COMMENTS_AFTER_MS + 1_500));
    return tab;
  }
  const seen = (tab: TestPage) => tab.evaluate((list) => list.map((id) => document.getElementById(id)?.checkVisibility() ?? null), ids);

  it('hides the comments the site’s script brings unasked, listed as added after load, and "Show original" shows them', async () => {
    const tab = await openLate();
    await tab.waitForSelector('#SOHUCS[data-sourcemark-hidden="comments"]', { timeoutMs: 5_000 });
    await tab.waitForSelector('#disqus_thread[data-sourcemark-hidden="comments"]', { timeoutMs: 5_000 });
    expect(await seen(tab)).toEqual([false, false]);
    expect(await tab.evaluate(() => Array.from(document.querySelectorAll('#text p'), (p) => p.checkVisibility()).every(Boolean))).toBe(true);

    const popup = await site.browser().openPopupFor(tab);
    await popup.waitForSelector('details[data-kind="comments"] summary', { timeoutMs: 10_000 });
    await popup.click('details[data-kind="comments"] summary');
    await popup.waitForSelector('details[data-kind="comments"] .item-reason', { timeoutMs: 5_000 });
    const reasons = await popup.evaluate(() => Array.from(document.querySelectorAll('details[data-kind="comments"] .item-reason'), (el) => el.textContent ?? ''));
    expect(reasons.filter((r) => /added after load|页面加载后出现/.test(r))).toHaveLength(2);
    await popup.click('[data-testid="toggle-original"]');
    await tab.waitForSelector('html[data-sourcemark-cleanup="off"]', { timeoutMs: 5_000 });
    expect(await seen(tab)).toEqual([true, true]);
    await popup.close();
    await tab.close();
  });

  it('hides a widget filled in the story’s box below its last paragraph, and 网易’s box filled in two steps', async () => {
    const tab = await site.browser().openPage(site.url(IN_STORY));
    await new Promise((resolve) => setTimeout(resolve, COMMENTS_AFTER_MS + 2_000));
    await tab.waitForSelector('#SOHUCS[data-sourcemark-hidden="comments"]', { timeoutMs: 5_000 });
    await tab.waitForSelector('#post_comment_area[data-sourcemark-hidden="comments"]', { timeoutMs: 5_000 });
    const shown = await tab.evaluate(() => ({
      widgets: ['SOHUCS', 'post_comment_area'].map((id) => document.getElementById(id)!.checkVisibility()),
      story: Array.from(document.querySelectorAll('#text p'), (p) => p.checkVisibility()).every(Boolean),
    }));
    expect(shown).toEqual({ widgets: [false, false], story: true });
    await tab.close();
  });

  it.each([
    ['its script fills comment by comment', FILLED, '#replies', 1000],
    ['whose first comment comes alone and whose button closes it', ONE_FIRST, '#replies', 750],
    ['its 网友评论 heading opens', HEADED, '#list', 500],
    ['whose button a spacer and an item out of sight follow', TAILED, '#list', 500],
  ])('hides a list %s once, as one item, with every comment in it', async (_, path, list, count) => {
    const tab = await site.browser().openPage(site.url(path));
    await new Promise((resolve) => setTimeout(resolve, COMMENTS_AFTER_MS + 2_000));
    await tab.waitForSelector(`${list}[data-sourcemark-hidden="comments"]`, { timeoutMs: 5_000 });
    const shown = await tab.evaluate(
      (id) => ({
        items: document.querySelectorAll(`${id} > li.reply-item`).length,
        listed: document.querySelectorAll(`${id} > li[data-sourcemark-hidden]`).length,
        visible: Array.from(document.querySelectorAll(`${id} > li`), (li) => li.checkVisibility()).filter(Boolean).length,
      }),
      list,
    );
    expect(shown).toEqual({ items: count, listed: 0, visible: 0 });
    const popup = await site.browser().openPopupFor(tab);
    await popup.waitForSelector('details[data-kind="comments"] .count', { timeoutMs: 10_000 });
    expect(await popup.evaluate(() => document.querySelector('details[data-kind="comments"] .count')!.textContent)).toBe('1');
    await popup.close();
    await tab.close();
  });

  it('keeps in sight the comment the reader keeps when the thread it came first in goes around it', async () => {
    const openComments = async (tab: TestPage) => {
      const popup = await site.browser().openPopupFor(tab);
      await popup.waitForSelector('details[data-kind="comments"] summary', { timeoutMs: 10_000 });
      await popup.click('details[data-kind="comments"] summary');
      await popup.waitForSelector('details[data-kind="comments"] li button', { timeoutMs: 5_000 });
      return popup;
    };
    const sight = (tab: TestPage) => tab.evaluate(() => Array.from(document.querySelectorAll('#replies > li'), (li) => li.checkVisibility()));
    // The comment comes alone and goes; the reader keeps it.
    const alone = await site.browser().openPage(site.url(KEPT_ALONE));
    await new Promise((resolve) => setTimeout(resolve, COMMENTS_AFTER_MS + 500));
    await alone.waitForSelector('#replies > li[data-sourcemark-hidden="comments"]', { timeoutMs: 5_000 });
    const popup = await openComments(alone);
    await popup.click('details[data-kind="comments"] li button');
    await pollUntil(() => sight(alone), (v) => v.length === 1 && v[0] === true, 'the kept comment shown', { timeoutMs: 5_000, intervalMs: 50 });
    await popup.close();
    await alone.close();

    // On the next page the thread comes after it and goes; the kept comment stays in sight.
    const tab = await site.browser().openPage(site.url(KEPT_FIRST));
    await new Promise((resolve) => setTimeout(resolve, COMMENTS_AFTER_MS + 1_500));
    await tab.waitForSelector('#replies[data-sourcemark-hidden="comments"]', { timeoutMs: 5_000 });
    expect(await sight(tab)).toEqual([true, ...Array.from({ length: 100 }, () => false)]);
    // The rule taken back, as the test found the settings: the thread goes whole.
    const again = await openComments(tab);
    await again.click('details[data-kind="comments"] li.kept button');
    await pollUntil(() => sight(tab), (v) => v.length === 101 && !v.some(Boolean), 'the whole thread hidden', { timeoutMs: 5_000, intervalMs: 50 });
    await again.close();
    await tab.close();
  });

  it('leaves the comments the reader’s click on 查看评论 loads', async () => {
    const tab = await site.browser().openPage(site.url(ON_CLICK));
    await tab.waitForSelector('html[data-sourcemark-cleanup="on"]', { timeoutMs: 10_000 });
    await tab.click('#show-comments');
    await tab.waitForSelector('#comment-box', { timeoutMs: 5_000 });
    // Past the cleanup's batch.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const box = await tab.evaluate(() => {
      const el = document.getElementById('comment-box')!;
      return { shown: el.checkVisibility(), marked: el.closest('[data-sourcemark-hidden]') !== null };
    });
    expect(box).toEqual({ shown: true, marked: false });
    await tab.close();
  });

  it('"Never hide this" keeps a late thread shown, on this visit and the next', async () => {
    const tab = await openLate();
    await tab.waitForSelector('#disqus_thread[data-sourcemark-hidden="comments"]', { timeoutMs: 5_000 });
    const popup = await site.browser().openPopupFor(tab);
    await popup.waitForSelector('details[data-kind="comments"] summary', { timeoutMs: 10_000 });
    await popup.click('details[data-kind="comments"] summary');
    await popup.waitForSelector('details[data-kind="comments"] li button', { timeoutMs: 5_000 });
    await popup.click('details[data-kind="comments"] li button');
    const kept = await pollUntil(() => seen(tab), (v) => v.filter(Boolean).length === 1, 'one thread shown', { timeoutMs: 5_000, intervalMs: 50 });
    await popup.close();
    await tab.close();

    // The next visit: the rule keeps the same thread when the script brings it again.
    const next = await openLate();
    await next.waitForSelector('#SOHUCS[data-sourcemark-hidden="comments"]', { timeoutMs: 5_000 });
    await next.waitForSelector('#disqus_thread[data-sourcemark-hidden="comments"]', { timeoutMs: 5_000 });
    expect(await seen(next)).toEqual(kept);
    // The rule taken back, as the test found the settings.
    const again = await site.browser().openPopupFor(next);
    await again.waitForSelector('details[data-kind="comments"] summary', { timeoutMs: 10_000 });
    await again.click('details[data-kind="comments"] summary');
    await again.waitForSelector('details[data-kind="comments"] li button', { timeoutMs: 5_000 });
    await again.click('details[data-kind="comments"] li button');
    await pollUntil(() => seen(next), (v) => !v.some(Boolean), 'both threads hidden again', { timeoutMs: 5_000, intervalMs: 50 });
    await again.close();
    await next.close();
  });

  it('shows them with the comments kind left on pages', async () => {
    const options = await site.browser().openExtensionPage('options.html');
    await options.waitForSelector('input[data-kind="comments"]', { timeoutMs: 10_000 });
    await options.click('input[data-kind="comments"]');
    try {
      const tab = await openLate();
      await tab.waitForSelector('html[data-sourcemark-cleanup="on"]', { timeoutMs: 5_000 });
      // Judged and listed as comments, as at load, and left on the page as the settings say.
      await tab.waitForSelector('#SOHUCS[data-sourcemark-hidden="comments"]', { timeoutMs: 5_000 });
      await tab.waitForSelector('#disqus_thread[data-sourcemark-hidden="comments"]', { timeoutMs: 5_000 });
      expect(await seen(tab)).toEqual([true, true]);
      await tab.close();
    } finally {
      await options.click('input[data-kind="comments"]');
      await options.close();
    }
  });
});

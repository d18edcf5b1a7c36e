/**
 * A single-page site that moves from one story to another without a page load: the analysis
 * reads the new story once it is drawn, the old card and cleanup go, the new ones come. A page
 * that draws its story anew at the same address (a framework's re-render) is read again alike.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, drawnYellow, highlightYellow, serveSite, yellowOnVisit } from './harness';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/pages/${name}/source.html`, import.meta.url), 'utf8');
const FIRST = fixture('seed-portal');
const NEXT = fixture('teasers-long-paragraphs');
const CHANNEL = fixture('list-page');
const THIRD = fixture('table-layout-portal');
const POLL = { intervalMs: 100, timeoutMs: 30_000 };

/** The outlets on the provenance card(s) now on the page, card by card. */
function cardOutlets(): string[][] {
  return [...document.querySelectorAll('sourcemark-provenance')].map((host) =>
    [...host.shadowRoot!.querySelectorAll('.chain-steps li button')].map((b) => b.textContent ?? ''),
  );
}

const FIRST_PATH = '/spa/2024-02/23/content_3567.htm';
const NEXT_PATH = '/spa/2024-05/17/content_88153.htm';
const CHANNEL_PATH = '/spa/list/minsheng/';
const RERENDER_PATH = '/spa/2024-02/23/content_3568.htm';
/** The first story, for the test of a page that writes itself anew. */
const REWRITTEN_PATH = '/spa/2024-02/23/content_3570.htm';
/** The next story on its own address, for the test of a site that swaps the body (its highlight counts alone). */
const NEXT_SWAPPED_PATH = '/spa/2024-05/17/content_88154.htm';
/** The first story under a router that draws the page again from its own copy on popstate (a hash change too). */
const ROUTER_PATH = '/spa/2024-02/23/content_3569.htm';
const ROUTED = FIRST.replace(
  '</body>',
  `<script>const drawn = document.body.innerHTML; addEventListener('popstate', () => { document.body.innerHTML = drawn; });</script></body>`,
);

/**
 * What a site's router does: the next story's head and body drawn in place, then the URL pushed.
 * Turbo's navigation (`swap`) puts the next page's body element in place of the old one.
 */
function moveTo([html, path, swap]: [string, string, boolean?]): void {
  const next = new DOMParser().parseFromString(html, 'text/html');
  document.title = next.title;
  for (const el of document.head.querySelectorAll('meta[name], meta[property]')) el.remove();
  document.head.append(...[...next.head.querySelectorAll('meta[name], meta[property]')].map((el) => document.adoptNode(el)));
  if (swap) document.body.replaceWith(document.adoptNode(next.body));
  else document.body.replaceChildren(...[...next.body.childNodes].map((n) => document.adoptNode(n)));
  history.pushState({}, '', path);
}

/** What a framework's re-render does: the story's column drawn again, from the page's own HTML. */
function redrawColumn(html: string): void {
  const fresh = new DOMParser().parseFromString(html, 'text/html');
  document.querySelector('.left')!.innerHTML = fresh.querySelector('.left')!.innerHTML;
}

/** Whether the share bar and the disclaimer under the story show, and how many elements in the document are hidden. */
function clutterSeen(): { share: boolean; statement: boolean; hidden: number } {
  const shows = (selector: string) => document.querySelector(selector)!.checkVisibility();
  return { share: shows('.share'), statement: shows('.statement'), hidden: document.querySelectorAll('[data-sourcemark-hidden]').length };
}

/** What a continuous-reading site does: the next story appended below the one read, then its title and URL. */
function appendStory([html, path]: [string, string]): void {
  const next = new DOMParser().parseFromString(html, 'text/html');
  document.querySelector('.left')!.append(document.adoptNode(next.querySelector('.article')!));
  document.title = next.title;
  history.replaceState({}, '', path);
}

/** Whether the story paragraph holding `text` shows, on each of these texts. */
function paragraphsShown(texts: string[]): boolean[] {
  return texts.map((text) => [...document.querySelectorAll('p')].find((p) => p.textContent?.includes(text))?.checkVisibility() ?? false);
}

describe.each(browsers)('a single-page site in $name', (target) => {
  const site = serveSite(target, {
    routes: {
      [FIRST_PATH]: { body: FIRST, contentType: 'text/html; charset=utf-8' },
      [NEXT_PATH]: { body: NEXT, contentType: 'text/html; charset=utf-8' },
      [NEXT_SWAPPED_PATH]: { body: NEXT, contentType: 'text/html; charset=utf-8' },
      [CHANNEL_PATH]: { body: CHANNEL, contentType: 'text/html; charset=utf-8' },
      [RERENDER_PATH]: { body: FIRST, contentType: 'text/html; charset=utf-8' },
      [ROUTER_PATH]: { body: ROUTED, contentType: 'text/html; charset=utf-8' },
      [REWRITTEN_PATH]: { body: FIRST, contentType: 'text/html; charset=utf-8' },
    },
  });

  it('analyses the next story when the site moves to it, and shows only its card', async () => {
    const page = await site.browser().openPage(site.url(FIRST_PATH));
    const first = await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the first story’s card', POLL);
    expect(first[0]).toContain('联合早报');

    await page.evaluate(moveTo, [NEXT, NEXT_PATH] as [string, string]);
    const next = await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1 && c[0]!.includes('江城日报'), 'the next story’s card', POLL);
    expect(next[0]).not.toContain('联合早报');
    // The next story's clutter is hidden, its story is not.
    const seen = await page.evaluate(() => {
      const shown = (text: string): boolean | null => {
        const el = [...document.querySelectorAll('body *')].reverse().find((e) => e.textContent?.includes(text));
        return el ? el.checkVisibility() : null;
      };
      return { teaser: shown('一季度全市外贸进出口同比增长8.6%'), story: shown('幸福里小区的方案前后改了四稿') };
    });
    expect(seen).toEqual({ teaser: false, story: true });

    const popup = await site.browser().openPopupFor(page);
    const verdict = (): Promise<string> => popup.evaluate(() => document.querySelector('.verdict')?.textContent ?? '');
    await pollUntil(verdict, (v) => v.includes('江城新闻网'), 'the popup’s verdict on the next story', POLL);
    await popup.close();
    await page.close();
  });

  it('reads the page again when it draws its story anew in place: the card comes back, the clutter goes again, the popup counts what is there', async () => {
    const page = await site.browser().openPage(site.url(RERENDER_PATH));
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the first story’s card', POLL);
    expect(await page.evaluate(clutterSeen)).toMatchObject({ share: false, statement: false });

    await page.evaluate(redrawColumn, FIRST);
    const again = await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the card over the story drawn anew', POLL);
    expect(again[0]).toContain('联合早报');
    const seen = await page.evaluate(clutterSeen);
    expect(seen).toMatchObject({ share: false, statement: false });
    // The count is of what is hidden in the document, not of the elements the redraw dropped.
    const popup = await site.browser().openPopupFor(page);
    const counted = () => popup.evaluate(() => Number(/(\d+)\D*$/.exec(document.querySelector('[data-testid="verdict"]')?.textContent ?? '')?.[1]));
    expect(await pollUntil(counted, (n) => n === seen.hidden, 'the popup’s count', POLL)).toBe(seen.hidden);
    await popup.close();
    await page.close();
  });

  it('reads the page again when its router draws it anew on a change of the hash alone', async () => {
    const page = await site.browser().openPage(site.url(ROUTER_PATH));
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the first story’s card', POLL);
    // The old card goes with the body the router replaces: the one waited for is a new one.
    await page.evaluate(() => {
      document.querySelector('sourcemark-provenance')!.setAttribute('data-old', '');
      location.hash = '#comments';
    });
    await pollUntil(() => page.evaluate(() => document.querySelector('sourcemark-provenance:not([data-old])') !== null), Boolean, 'a new card', POLL);
    const again = await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the card after the redraw', POLL);
    expect(again[0]).toContain('联合早报');
    expect(await page.evaluate(clutterSeen)).toMatchObject({ share: false, statement: false });
    await page.close();
  });

  // An old portal's script may write the whole document anew after load (document.open), which
  // takes the root element, and with it what the analysis put in the head, away.
  it('reads a page that writes itself anew: the card comes back, the clutter goes again, its highlight is drawn in its colour', async () => {
    const page = await site.browser().openPage(site.url(REWRITTEN_PATH));
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the first story’s card', POLL);
    const quote = await highlightYellow(page, '有网民兴奋地说', 12);
    await page.evaluate((html) => {
      document.open();
      document.write(html);
      document.close();
    }, FIRST);
    const again = await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the card over the page written anew', POLL);
    expect(again[0]).toContain('联合早报');
    expect(await page.evaluate(clutterSeen)).toMatchObject({ share: false, statement: false });
    const painted = () =>
      page.evaluate(() => ({
        rules: [...document.querySelectorAll('style')].some((style) => style.textContent!.includes('::highlight(sourcemark-yellow)')),
        drawn: [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcemark-yellow')!].filter((r) => !r.collapsed && r.startContainer.isConnected).map((r) => r.toString()),
      }));
    expect(await pollUntil(painted, (p) => p.drawn.length === 1, 'the highlight on the page written anew', POLL)).toEqual({ rules: true, drawn: [quote] });
    await page.close();
  });

  it('files a highlight made after the move under the page moved to', async () => {
    const page = await site.browser().openPage(site.url(`${FIRST_PATH}?highlight=1`));
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the first story’s card', POLL);
    await page.evaluate(moveTo, [NEXT, NEXT_PATH] as [string, string]);
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1 && c[0]!.includes('江城日报'), 'the next story’s card', POLL);
    const quote = await highlightYellow(page, '幸福里小区的方案', 12);
    await page.close();

    // The next story loaded on its own address shows it: the highlight belongs to that page.
    expect(await yellowOnVisit(site.browser(), site.url(NEXT_PATH))).toEqual([quote]);
  });

  it('highlights on a site that puts each page’s body in place of the last (Turbo): drawn on the body shown, and offered there', async () => {
    const first = site.url(`${FIRST_PATH}?turbo=1`);
    const page = await site.browser().openPage(first);
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the first story’s card', POLL);
    const kept = await highlightYellow(page, '有网民兴奋地说', 12);
    await page.evaluate(moveTo, [NEXT, NEXT_SWAPPED_PATH, true] as [string, string, boolean]);
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1 && c[0]!.includes('江城日报'), 'the next story’s card', POLL);
    const made = await highlightYellow(page, '幸福里小区的方案', 12);
    // Back to the first page, a body of its own again: its highlight is found in that body, the one shown.
    await page.evaluate(moveTo, [FIRST, first, true] as [string, string, boolean]);
    const shown = () => page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcemark-yellow')!].filter((r) => !r.collapsed && r.startContainer.isConnected).map((r) => r.toString()));
    expect(await pollUntil(shown, (d) => d.length === 1, 'the first story’s highlight on the body shown', POLL)).toEqual([kept]);
    await page.close();

    expect(await yellowOnVisit(site.browser(), site.url(NEXT_SWAPPED_PATH))).toEqual([made]);
  });

  // Only the sentinel runs on a channel page; it sees the move through the Navigation API.
  it('analyses a story the site moves to from a page that is not an article', async () => {
    const page = await site.browser().openPage(site.url(CHANNEL_PATH));
    // The sentinel runs once the page is idle, shortly after load: the move must come after it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await page.evaluate(moveTo, [NEXT, NEXT_PATH] as [string, string]);
    const next = await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the story’s card', POLL);
    expect(next[0]).toContain('江城日报');
    await page.close();
  });

  // The site keeps its frame and swaps only the story's block for a list: what the story's
  // analysis put on the frame (the card, the hidden teasers and ads) must go with it.
  it('takes the card and the cleanup away when the site moves to a page that is not an article', async () => {
    const page = await site.browser().openPage(site.url(`${FIRST_PATH}?away=1`));
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the story’s card', POLL);
    const before = await page.evaluate(() => document.querySelectorAll('[data-sourcemark-hidden]').length);
    expect(before).toBeGreaterThan(0);
    await page.evaluate(() => {
      const items = Array.from({ length: 30 }, (_, i) => `<li><a href="/spa/2024-02/${i + 1}/content_${i}.htm">第${i + 1}条国际新闻的标题</a></li>`);
      document.title = '国际新闻_海南信息港';
      document.querySelector('#text')!.innerHTML = `<ul>${items.join('')}</ul>`;
      history.pushState({}, '', '/spa/list/guoji/');
    });
    const after = await pollUntil(
      () => page.evaluate(() => ({ cards: document.querySelectorAll('sourcemark-provenance').length, hidden: document.querySelectorAll('[data-sourcemark-hidden]').length })),
      (s) => s.cards === 0 && s.hidden === 0,
      'the card and the hidden marks gone',
      POLL,
    );
    expect(after).toEqual({ cards: 0, hidden: 0 });
    await page.close();
  });

  // A router that passes through a page on its way (or a site rewriting its URL as it goes).
  it('reads a burst of moves once, at the page it ends on', async () => {
    const page = await site.browser().openPage(site.url(`${FIRST_PATH}?burst=1`));
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the first story’s card', POLL);
    await page.evaluate(moveTo, [NEXT, NEXT_PATH] as [string, string]);
    await page.evaluate(moveTo, [THIRD, '/spa/2024-06/03/content_4410.htm'] as [string, string]);
    const last = await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1 && c[0]!.includes('青溪县水利局'), 'the last story’s card', POLL);
    expect(last[0]).not.toContain('江城日报');
    await page.close();
  });

  it('reads the story a continuous-reading site appends and moves the URL to, and the first again on the way back', async () => {
    const page = await site.browser().openPage(site.url(`${FIRST_PATH}?continuous=1`));
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the first story’s card', POLL);
    // An ad the portal slips in between the first story's paragraphs, hidden as it comes.
    await page.evaluate(() => document.querySelector('#text p:nth-of-type(3)')!.insertAdjacentHTML('afterend', '<div class="ad-slot" id="in-story-ad">云服务器 限时特惠<span>广告</span></div>'));
    const adShown = (): Promise<boolean> => page.evaluate(() => document.getElementById('in-story-ad')!.checkVisibility());
    await pollUntil(adShown, (shown) => !shown, 'the ad in the story hidden', POLL);
    const back = await page.evaluate(() => [document.title, location.href]);
    await page.evaluate(appendStory, [NEXT, NEXT_PATH] as [string, string]);
    const next = await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1 && c[0]!.includes('江城日报'), 'the appended story’s card', POLL);
    expect(next[0]).not.toContain('联合早报');
    // Both stories stay readable, and the first keeps its ad hidden.
    expect(await page.evaluate(paragraphsShown, ['Sora的横空出世', '幸福里小区5栋'])).toEqual([true, true]);
    expect(await adShown()).toBe(false);
    const popup = await site.browser().openPopupFor(page);
    await pollUntil(() => popup.evaluate(() => document.querySelector('.verdict')?.textContent ?? ''), (v) => v.includes('江城新闻网'), 'the popup’s verdict on the appended story', POLL);
    await popup.close();

    // Scrolled back up, the site moves its title and URL back to the first story.
    await page.evaluate(([title, href]) => {
      document.title = title!;
      history.replaceState({}, '', href);
    }, back);
    const first = await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1 && c[0]!.includes('联合早报'), 'the first story’s card again', POLL);
    expect(first[0]).not.toContain('江城日报');
    expect(await page.evaluate(paragraphsShown, ['Sora的横空出世', '幸福里小区5栋'])).toEqual([true, true]);
    await page.close();
  });

  it('files a highlight in the story read before under its own address, while the URL names the appended one', async () => {
    const first = site.url(`${FIRST_PATH}?continuous-highlight=1`);
    const page = await site.browser().openPage(first);
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the first story’s card', POLL);
    // An address no earlier test highlighted on.
    await page.evaluate(appendStory, [NEXT, `${NEXT_PATH}?continuous-highlight=1`] as [string, string]);
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1 && c[0]!.includes('江城日报'), 'the appended story’s card', POLL);
    const quote = await highlightYellow(page, 'Sora的横空出世', 8);
    // Back to the first story's address: its highlight stays drawn.
    await page.evaluate((href) => history.replaceState({}, '', href), first);
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1 && c[0]!.includes('联合早报'), 'the first story’s card again', POLL);
    expect(await page.evaluate(drawnYellow)).toEqual([quote]);
    await page.close();

    expect(await yellowOnVisit(site.browser(), first)).toEqual([quote]);
  });

  it('keeps "Show original", chosen for the tab, on the next story', async () => {
    const page = await site.browser().openPage(site.url(`${FIRST_PATH}?original=1`));
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the first story’s card', POLL);
    const popup = await site.browser().openPopupFor(page);
    await popup.waitForSelector('[data-testid="toggle-original"]', { timeoutMs: 10_000 });
    await popup.click('[data-testid="toggle-original"]');
    const switched = (): Promise<string | null> => page.evaluate(() => document.documentElement.getAttribute('data-sourcemark-cleanup'));
    await pollUntil(switched, (v) => v === 'off', 'the original page', POLL);
    await popup.close();

    await page.evaluate(moveTo, [NEXT, NEXT_PATH] as [string, string]);
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1 && c[0]!.includes('江城日报'), 'the next story’s card', POLL);
    const seen = await page.evaluate(() => ({
      cleanup: document.documentElement.getAttribute('data-sourcemark-cleanup'),
      teaser: [...document.querySelectorAll('li, p, div')].reverse().find((e) => e.textContent?.includes('一季度全市外贸进出口同比增长8.6%'))?.checkVisibility() ?? null,
    }));
    expect(seen).toEqual({ cleanup: 'off', teaser: true });
    await page.close();
  });

  it('lets a change of settings decide again after "Show original", on the next story too', async () => {
    const page = await site.browser().openPage(site.url(`${FIRST_PATH}?decide=1`));
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1, 'the first story’s card', POLL);
    const switched = (): Promise<string | null> => page.evaluate(() => document.documentElement.getAttribute('data-sourcemark-cleanup'));
    const popup = await site.browser().openPopupFor(page);
    await popup.waitForSelector('[data-testid="toggle-original"]', { timeoutMs: 10_000 });
    await popup.click('[data-testid="toggle-original"]');
    await pollUntil(switched, (v) => v === 'off', 'the original page', POLL);
    // Off on this site, then on again: the settings now say on.
    const siteButton = (): Promise<string> => popup.evaluate(() => document.querySelector('[data-testid="toggle-site"]')?.textContent ?? '');
    const offLabel = await siteButton();
    await popup.click('[data-testid="toggle-site"]');
    await pollUntil(siteButton, (label) => label !== offLabel, 'the site switched off', POLL);
    await popup.click('[data-testid="toggle-site"]');
    await pollUntil(siteButton, (label) => label === offLabel, 'the site switched on again', POLL);
    await pollUntil(switched, (v) => v === 'on', 'cleanup on again', POLL);
    await popup.close();

    await page.evaluate(moveTo, [NEXT, NEXT_PATH] as [string, string]);
    await pollUntil(() => page.evaluate(cardOutlets), (c) => c.length === 1 && c[0]!.includes('江城日报'), 'the next story’s card', POLL);
    expect(await switched()).toBe('on');
    await page.close();
  });
});

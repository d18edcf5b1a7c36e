/**
 * A tab the reader stays in a long time: a single-page site changing story many times, a story
 * clicked in again and again. What the analysis keeps for a story must go with it, and a press
 * must leave nothing behind. Counted in Chromium, whose DevTools protocol collects the garbage and
 * counts the DOM nodes (detached ones too) and event listeners alive in the tab (Firefox has no
 * such count to read).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { findChromium, launchChromiumWithExtension, watchChromiumErrors, type ChromiumWithExtension } from '../../scripts/lib/chromium';
import { createStaticServer, type StaticServer } from '../../scripts/lib/server';
import { liveErrorLogs, retireErrorLog } from './harness/error-logs';
import type { ErrorLog } from '../../scripts/lib/extension-errors';

/** One story with its clutter, as the site's router draws it: each has a source, so each gets a card. */
function storyHtml(i: number): string {
  const paragraphs = Array.from({ length: 12 }, (_, k) => `<p>（${k + 1}）第${i}篇：江城地铁${i}号线今天开通试运营，全线设站二十二座，早晚高峰行车间隔四分钟，沿线居民通勤时间将缩短一半。</p>`).join('');
  return `<div class="nav"><a href="/">江城网</a> <a href="/gn/">国内</a></div>
<div class="main"><div class="article"><h1>江城地铁${i}号线开通试运营</h1><div class="info">2024-03-05 08:00 来源：江城日报</div>
<div id="text">${paragraphs}</div></div>
<div class="share"><a href="https://service.weibo.com/share/share.php?url=${i}">微博</a> <a href="https://connect.qq.com/widget/shareqq/index.html?url=${i}">QQ</a> <a href="https://www.facebook.com/sharer/sharer.php?u=${i}">Facebook</a></div></div>
<div class="foot"><a href="/about">关于江城网</a></div>`;
}

const FIRST = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>江城地铁0号线开通试运营_江城网</title><meta property="og:type" content="article"></head><body>${storyHtml(0)}</body></html>`;
const path = (i: number): string => `/2024-03/05/content_${i}.htm`;
/** A first page heavier than the stories after it: a portal's whole page, with a long list of links below the story. */
const LINKS = 2_000;
const HEAVY_FIRST = FIRST.replace('</body>', `<ul class="site-map">${Array.from({ length: LINKS }, (_, k) => `<li><a href="/c/${k}/">栏目${k}</a></li>`).join('')}</ul></body>`);
const HEAVY_PATH = '/2024-03/06/content_0.htm';

/** What the site's router does: the next story drawn in place of the last, then its address. */
function moveTo([i, html, to]: [number, string, string]): void {
  document.title = `江城地铁${i}号线开通试运营_江城网`;
  document.body.innerHTML = html;
  history.pushState({}, '', to);
}

/** Once the analysis has read story `i`: its body is the one the cleanup marks, and its card is up. */
async function readStory(page: Page, i: number): Promise<void> {
  await page.waitForFunction(
    (i) => {
      const root = document.querySelector('[data-sourcemark-selectable]');
      return !!root?.isConnected && root.textContent!.includes(`第${i}篇`) && document.querySelectorAll('sourcemark-provenance').length === 1;
    },
    i,
    { timeout: 20_000 },
  );
}

/** DOM nodes and event listeners alive in the tab once the garbage is collected. */
async function alive(cdp: CDPSession): Promise<{ nodes: number; jsEventListeners: number }> {
  for (let k = 0; k < 3; k++) await cdp.send('HeapProfiler.collectGarbage');
  return cdp.send('Memory.getDOMCounters');
}

const executablePath = findChromium();

describe.skipIf(!executablePath)('a long stay in one tab, in chromium', () => {
  let server: StaticServer;
  let browser: ChromiumWithExtension;
  let errors: ErrorLog;
  beforeAll(async () => {
    server = createStaticServer({ root: process.cwd(), routes: { [path(0)]: { body: FIRST, contentType: 'text/html; charset=utf-8' }, [HEAVY_PATH]: { body: HEAVY_FIRST, contentType: 'text/html; charset=utf-8' } } });
    await server.start();
    browser = await launchChromiumWithExtension({ executablePath: executablePath!, headless: true });
    errors = await watchChromiumErrors(browser.context, browser.extensionUrl(''));
    liveErrorLogs.add(errors);
  });
  afterAll(async () => {
    await browser?.close();
    if (errors) retireErrorLog(errors);
    await server?.close();
  });

  it('keeps none of the stories it has left: their elements, cleanup and card are released', async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await page.goto(server.url(path(0)));
    await readStory(page, 0);
    const moveAndRead = async (i: number) => {
      await page.evaluate(moveTo, [i, storyHtml(i), path(i)] as [number, string, string]);
      await readStory(page, i);
    };
    for (const i of [1, 2]) await moveAndRead(i);
    const early = (await alive(cdp)).nodes;
    const story = await page.evaluate(() => document.body.getElementsByTagName('*').length);
    for (let i = 3; i <= 12; i++) await moveAndRead(i);
    // Ten stories later the tab holds what it held then, give or take less than one story's
    // elements: a story kept for each move would add ten.
    expect((await alive(cdp)).nodes).toBeLessThan(early + story);
    await page.close();
  });

  it('keeps nothing of the page it was first loaded on, once the site has moved on', async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await page.goto(server.url(HEAVY_PATH));
    await readStory(page, 0);
    for (const i of [1, 2, 3]) {
      await page.evaluate(moveTo, [i, storyHtml(i), path(i)] as [number, string, string]);
      await readStory(page, i);
    }
    // The first page's 4,000 nodes of links are gone with it.
    expect((await alive(cdp)).nodes).toBeLessThan(2 * LINKS);
    await page.close();
  });

  it('keeps nothing of the reader’s presses in the story', async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await page.goto(server.url(path(0)));
    await readStory(page, 0);
    const at = (await page.locator('#text p').nth(3).boundingBox())!;
    const press = async (times: number) => {
      for (let i = 0; i < times; i++) await page.mouse.click(at.x + 10 + i, at.y + 5);
    };
    await press(5);
    const early = (await alive(cdp)).jsEventListeners;
    await press(30);
    // A listener kept for each press would add thirty, or sixty.
    expect((await alive(cdp)).jsEventListeners).toBeLessThan(early + 10);
    await page.close();
  });
});

/**
 * The extension's three parts work together in each real browser: the content script cleans the
 * demo article, the popup shows that tab's verdict, and the background answers messages.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POPUP_MARKS } from '../../entrypoints/popup/marks';
import { createStaticServer, type StaticServer } from '../../scripts/lib/server';
import { browsers, type E2EBrowser, type TestPage } from './harness';

const DEMO_DIR = fileURLToPath(new URL('../../demo', import.meta.url));
// Screenshots of failed tests land beside the builds, which git ignores.
const FAILURE_DIR = fileURLToPath(new URL('../../.output/e2e-failures', import.meta.url));

/** The slice of the extension API the tests call from an extension page. */
interface RuntimeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

describe.each(browsers)('foundation in $name', (target) => {
  let server: StaticServer;
  let browser: E2EBrowser;
  let demo: TestPage;
  const opened: TestPage[] = [];

  beforeAll(async () => {
    server = createStaticServer({ root: DEMO_DIR });
    await server.start();
    browser = await target.launch();
    demo = await browser.openPage(server.url('/portal-article.html'));
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      await mkdir(FAILURE_DIR, { recursive: true });
      const pages = [demo, ...opened].filter(Boolean);
      await Promise.all(
        pages.map((page, i) => page.screenshot(`${FAILURE_DIR}/${target.name}-${task.name.replace(/\W+/g, '-')}-${i}.png`)),
      );
    }
    await Promise.all(opened.splice(0).map((page) => page.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('content script hides the ad and keeps the article text', async () => {
    await demo.waitForSelector('html[data-sourcemark-cleanup="on"]', { timeoutMs: 10_000 });
    const seen = await demo.evaluate(() => {
      const ad = document.querySelector('#ad-top');
      // The script may hide the ad itself or a wrapper around it; either is marked with its kind.
      const hidden = ad?.closest('[data-sourcemark-hidden]');
      const paragraphs = [...document.querySelectorAll('#text p')];
      return {
        hiddenKind: hidden?.getAttribute('data-sourcemark-hidden') ?? null,
        hiddenDisplay: hidden ? getComputedStyle(hidden).display : null,
        adVisible: ad?.checkVisibility() ?? null,
        paragraphs: paragraphs.length,
        visibleParagraphs: paragraphs.filter((p) => p.checkVisibility()).length,
      };
    });
    expect(seen).toMatchObject({ hiddenKind: 'ad', hiddenDisplay: 'none', adVisible: false });
    expect(seen.paragraphs).toBeGreaterThan(0);
    expect(seen.visibleParagraphs).toBe(seen.paragraphs);
  });

  it('popup shows the verdict for the demo tab', async () => {
    const popup = await browser.openPopupFor(demo);
    opened.push(popup);
    await popup.waitForSelector('[data-testid="verdict"]', { timeoutMs: 10_000 });
    const verdict = await popup.evaluate(() => document.querySelector('[data-testid="verdict"]')?.textContent ?? '');
    expect(verdict).toContain('海南信息港');
  });

  // Bold text alone read as a label: nothing said the outlets and names show their line on the page.
  it("popup underlines the chain's outlets and names, dotted, as things to pick", async () => {
    const popup = await browser.openPopupFor(demo);
    opened.push(popup);
    await popup.waitForSelector('.chain-steps strong', { timeoutMs: 10_000 });
    const underlined = await popup.evaluate(() =>
      [...document.querySelectorAll('.chain .linklike strong, .chain .credit-name')].map((el) => {
        const s = getComputedStyle(el);
        return `${el.textContent}: ${s.textDecorationLine} ${s.textDecorationStyle}`;
      }),
    );
    expect(underlined).toEqual(['海南信息港', '参考消息网', '联合早报', '纽约时报', '刘子彦'].map((name) => `${name}: underline dotted`));
  });

  it('popup marks its opening in order: requests sent, answers in, list rendered (what the bench reads)', async () => {
    const popup = await browser.openPopupFor(demo);
    opened.push(popup);
    await popup.waitForSelector('[data-testid="verdict"]', { timeoutMs: 10_000 });
    const names = [POPUP_MARKS.requestsSent, POPUP_MARKS.answered, POPUP_MARKS.rendered];
    const times = await popup.evaluate((list) => list.map((name) => performance.getEntriesByName(name, 'mark').map((m) => m.startTime)), names);
    // Each mark once, and in that order.
    expect(times.map((t) => t.length)).toEqual([1, 1, 1]);
    const at = times.flat();
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('background answers a ping from an extension page', async () => {
    const page = await browser.openExtensionPage('popup.html');
    opened.push(page);
    const reply = await page.evaluate(() => {
      const scope = globalThis as { browser?: RuntimeApi; chrome?: RuntimeApi };
      // Firefox's MV2 `chrome` takes callbacks; its `browser` and Chromium's MV3 `chrome` return promises.
      return (scope.browser ?? scope.chrome)!.runtime.sendMessage({ type: 'ping' });
    });
    expect(reply).toMatchObject({ type: 'pong' });
  });
});

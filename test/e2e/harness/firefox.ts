/** The Firefox side of the harness: Puppeteer over WebDriver BiDi driving `scripts/lib/firefox`'s browser. */
import { writeFile } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { openPopupForTab } from '../../../scripts/lib/extension-tabs';
import { launchFirefoxWithExtension } from '../../../scripts/lib/firefox';
import type { BrowserTarget, E2EBrowser, TestPage } from './types';

async function goto(page: Page, url: string): Promise<void> {
  if (!url.startsWith('moz-extension:')) {
    await page.goto(url);
    return;
  }
  // Over BiDi, navigating to a moz-extension: page may never report its load, so the navigation
  // is left running (its late rejection, e.g. on close, is expected) and we watch the document.
  page.goto(url).catch(() => undefined);
  await page.waitForFunction((target: string) => location.href === target && document.readyState === 'complete', {}, url);
}

function wrap(page: Page): TestPage {
  return {
    url: () => page.url(),
    goto: (url) => goto(page, url),
    // Our args are plain JSON data, which Puppeteer passes through unchanged; TS can't see that generically.
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>,
    waitForSelector: async (selector, options) => {
      await page.waitForSelector(selector, { timeout: options?.timeoutMs });
    },
    setViewport: (size) => page.setViewport(size),
    screenshot: async (path, options) => {
      await writeFile(path, await page.screenshot({ fullPage: options?.fullPage }));
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** Firefox with the MV2 build; FIREFOX_PATH picks the binary. */
export const firefoxTarget: BrowserTarget = {
  name: 'firefox',
  async launch(): Promise<E2EBrowser> {
    const ext = await launchFirefoxWithExtension({ headless: true });
    const newTab = async (url: string): Promise<TestPage> => {
      const tab = wrap(await ext.browser.newPage());
      await tab.goto(url);
      return tab;
    };
    return {
      openPage: newTab,
      openExtensionPage: (path) => newTab(ext.extensionUrl(path)),
      async openPopupFor(page) {
        const tab = wrap(await ext.browser.newPage());
        await openPopupForTab(tab, ext.extensionUrl, page);
        return tab;
      },
      close: () => ext.close(),
    };
  },
};

/** The Firefox side of the harness: Puppeteer over WebDriver BiDi driving `scripts/lib/firefox`'s browser. */
import { writeFile } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { openPopupForTab } from '../../../scripts/lib/extension-tabs';
import { pollUntil } from '../../../scripts/lib/poll';
import { launchFirefoxWithExtension, puppeteerTab } from '../../../scripts/lib/firefox';
import type { BrowserTarget, E2EBrowser, TestPage } from './types';

function wrap(page: Page): TestPage {
  return {
    ...puppeteerTab(page),
    url: () => page.url(),
    waitForSelector: async (selector, options) => {
      await page.waitForSelector(selector, { timeout: options?.timeoutMs });
    },
    setViewport: (size) => page.setViewport(size),
    click: (selector) => page.click(selector),
    type: (selector, text) => page.type(selector, text, { delay: 20 }),
    screenshot: async (path, options) => {
      await writeFile(path, await page.screenshot({ fullPage: options?.fullPage }));
    },
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
      async waitForTab(part, options) {
        // Over BiDi a tab the extension opens may keep reporting about:blank; ask each document instead.
        const find = async () => {
          for (const page of await ext.browser.pages()) {
            const href = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
            if (href.includes(part)) return page;
          }
          return undefined;
        };
        return wrap((await pollUntil(find, Boolean, `a tab with ${part}`, { intervalMs: 100, ...options }))!);
      },
      async openPopupFor(page) {
        const tab = wrap(await ext.browser.newPage());
        await openPopupForTab(tab, ext.extensionUrl, page);
        return tab;
      },
      close: () => ext.close(),
    };
  },
};

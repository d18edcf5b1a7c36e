/** The Chromium side of the harness: Playwright driving the browser `scripts/lib/chromium` launches. */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { disablePageScripts, findChromium, launchChromiumWithExtension, playwrightTab, watchChromiumErrors } from '../../../scripts/lib/chromium';
import { openPopupForTab } from '../../../scripts/lib/extension-tabs';
import { pollUntil } from '../../../scripts/lib/poll';
import { liveErrorLogs, retireErrorLog } from './error-logs';
import { drag } from './pointer';
import { shadowCall } from './shadow';
import type { BrowserTarget, E2EBrowser, TestPage } from './types';

function wrap(page: Page): TestPage {
  return {
    ...playwrightTab(page),
    url: () => page.url(),
    waitForSelector: async (selector, options) => {
      await page.waitForSelector(selector, { state: 'attached', timeout: options?.timeoutMs });
    },
    setViewport: (size) => page.setViewportSize(size),
    click: (selector) => page.click(selector),
    type: (selector, text) => page.locator(selector).pressSequentially(text, { delay: 20 }),
    clickAt: ({ x, y }) => page.mouse.click(x, y),
    hoverAt: ({ x, y }) => page.mouse.move(x, y),
    dragMouse: (from, to) => drag(page.mouse, from, to),
    typeKeys: (text) => page.keyboard.type(text, { delay: 20 }),
    press: (keys) => page.keyboard.press(keys),
    screenshot: async (path, options) => {
      await page.screenshot({ path, fullPage: options?.fullPage });
    },
    runScript: async (source) => {
      await page.evaluate(source);
    },
    inShadow: async (host, fn, arg) => {
      const cdp = await page.context().newCDPSession(page);
      try {
        const { result: found } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(host)})` });
        const { node } = found.objectId ? await cdp.send('DOM.describeNode', { objectId: found.objectId, depth: 1, pierce: true }) : { node: null };
        const root = node?.shadowRoots?.[0];
        // The function runs on the root (its `this`), or on the document when there is none.
        const { object } = root
          ? await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId })
          : await cdp.send('Runtime.evaluate', { expression: 'document' }).then((r) => ({ object: r.result }));
        const call = shadowCall(fn as never, arg);
        const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId!,
          functionDeclaration: `function () { return (${call}).call(null, ${root ? 'this' : 'null'}); }`,
          awaitPromise: true,
          returnByValue: true,
        });
        if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
        return JSON.parse(result.value as string);
      } finally {
        await cdp.detach();
      }
    },
    close: () => page.close(),
    download: async (selector) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      const path = await file.path();
      return { filename: file.suggestedFilename(), text: await readFile(path, 'utf8') };
    },
    upload: (selector, path) => page.setInputFiles(selector, path),
  };
}

/** Chromium with the MV3 build; CHROME_PATH picks the binary. */
export const chromiumTarget: BrowserTarget = {
  name: 'chromium',
  async launch(options = {}): Promise<E2EBrowser> {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('no Chromium found: install Debian `chromium` or set CHROME_PATH');
    const ext = await launchChromiumWithExtension({
      executablePath,
      headless: true,
      colorScheme: options.colorScheme,
      lang: options.lang,
      args: options.namedHosts ? ['--host-resolver-rules=MAP * 127.0.0.1'] : [],
    });
    const errors = await watchChromiumErrors(ext.context, ext.extensionUrl(''));
    liveErrorLogs.add(errors);
    const newTab = async (url: string): Promise<TestPage> => {
      const tab = wrap(await ext.context.newPage());
      await tab.goto(url);
      return tab;
    };
    // Tabs waitForTab returned: the next call waits for another one (two readers open are two tabs).
    const found = new WeakSet<object>();
    return {
      openPage: newTab,
      async openPageWithoutScripts(url) {
        const page = await ext.context.newPage();
        await disablePageScripts(ext.context, page);
        const tab = wrap(page);
        await tab.goto(url);
        return tab;
      },
      openExtensionPage: (path) => newTab(ext.extensionUrl(path)),
      async waitForTab(part, options) {
        const find = async () => ext.context.pages().find((p) => !found.has(p) && p.url().includes(part));
        const page = (await pollUntil(find, Boolean, `a tab with ${part}`, options))!;
        found.add(page);
        await page.waitForLoadState('load');
        return wrap(page);
      },
      async openPopupFor(page) {
        const tab = wrap(await ext.context.newPage());
        await openPopupForTab(tab, ext.extensionUrl, page);
        return tab;
      },
      async close() {
        await ext.close();
        retireErrorLog(errors);
      },
    };
  },
};

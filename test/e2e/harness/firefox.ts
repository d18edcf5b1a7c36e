/** The Firefox side of the harness: Puppeteer over WebDriver BiDi driving `scripts/lib/firefox`'s browser. */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, KeyInput, Page } from 'puppeteer-core';
import { openPopupForTab } from '../../../scripts/lib/extension-tabs';
import { pollUntil } from '../../../scripts/lib/poll';
import { launchFirefoxWithExtension, puppeteerTab, watchFirefoxErrors } from '../../../scripts/lib/firefox';
import { liveErrorLogs, retireErrorLog } from './error-logs';
import { drag } from './pointer';
import { shadowCall } from './shadow';
import type { BrowserTarget, E2EBrowser, TestPage } from './types';

/**
 * Clicks and waits for the one new file in Firefox's download folder. Firefox writes `<name>.part`
 * beside an empty `<name>`, so the download is done when no .part is left and the file has content
 * (an export is never empty; checking both leaves no moment between the two files to misread). It
 * may also first save under a random name and rename the file: one gone before it is read is
 * still moving.
 */
async function downloadInto(dir: string, click: () => Promise<void>): Promise<{ filename: string; text: string }> {
  const before = new Set(await readdir(dir));
  await click();
  const done = async () => {
    const added = (await readdir(dir)).filter((f) => !before.has(f));
    if (added.length === 0 || added.some((f) => f.endsWith('.part'))) return undefined;
    const size = await stat(join(dir, added[0]!)).then(
      (file) => file.size,
      (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? 0 : Promise.reject(err)),
    );
    return size > 0 ? added[0] : undefined;
  };
  const filename = (await pollUntil(done, Boolean, `a download in ${dir}`, { intervalMs: 100 }))!;
  return { filename, text: await readFile(join(dir, filename), 'utf8') };
}

/**
 * A user clicks only in the tab in front. Puppeteer first waits for an IntersectionObserver
 * report, which Firefox gives a hidden tab only on its throttled refresh (a popup tab stays
 * behind the page it is for): measured 0.7–15 s a click there, against 0.1–0.5 s in front.
 */
async function clickInFront(page: Page, selector: string): Promise<void> {
  await page.bringToFront();
  await page.click(selector);
}

/** The parts of Puppeteer's WebDriver BiDi session used to reach a closed shadow root, which its own API does not. */
interface BidiSession {
  send(method: string, params: object): Promise<{ result: BidiEvaluated }>;
}
type BidiEvaluated = { type: 'success'; result: { type: string; value?: unknown } } | { type: 'exception'; exceptionDetails: { text: string } };

/**
 * Runs `fn` with the shadow root of `host`: the document's node is serialised with its shadow
 * tree (`includeShadowTree: 'all'` names a closed root too), and the function called with that root.
 */
async function inShadowOverBidi<R>(page: Page, host: string, fn: (root: ShadowRoot | null, arg: never) => R, arg: unknown): Promise<R> {
  const session = (page.browser() as unknown as { connection: BidiSession }).connection;
  const target = { context: (page.mainFrame() as unknown as { _id: string })._id };
  const answer = (evaluated: BidiEvaluated) => {
    if (evaluated.type === 'exception') throw new Error(evaluated.exceptionDetails.text);
    return evaluated.result;
  };
  const found = answer(
    (
      await session.send('script.evaluate', {
        expression: `document.querySelector(${JSON.stringify(host)})`,
        target,
        awaitPromise: false,
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
      })
    ).result,
  ) as { type: string; value?: { shadowRoot?: { sharedId?: string } | null } };
  const root = found.type === 'node' ? found.value?.shadowRoot?.sharedId : undefined;
  const called = answer(
    (
      await session.send('script.callFunction', {
        functionDeclaration: shadowCall(fn, arg),
        target,
        awaitPromise: true,
        arguments: [root ? { sharedId: root } : { type: 'null' }],
      })
    ).result,
  );
  return JSON.parse(called.value as string) as R;
}

function wrap(page: Page, downloadDir: string): TestPage {
  return {
    ...puppeteerTab(page),
    url: () => page.url(),
    waitForSelector: async (selector, options) => {
      await page.waitForSelector(selector, { timeout: options?.timeoutMs });
    },
    setViewport: (size) => page.setViewport(size),
    click: (selector) => clickInFront(page, selector),
    type: (selector, text) => page.type(selector, text, { delay: 20 }),
    clickAt: ({ x, y }) => page.mouse.click(x, y),
    hoverAt: async ({ x, y }) => {
      // Firefox keeps a tab behind others out of :hover, as it keeps it from clicks (clickInFront).
      await page.bringToFront();
      await page.mouse.move(x, y);
    },
    dragMouse: (from, to) => drag(page.mouse, from, to),
    typeKeys: (text) => page.keyboard.type(text, { delay: 20 }),
    press: async (keys) => {
      // Puppeteer has no "Control+Enter" form: hold the modifiers, press the key, let go.
      const parts = keys.split('+') as KeyInput[];
      const key = parts.pop()!;
      for (const modifier of parts) await page.keyboard.down(modifier);
      await page.keyboard.press(key);
      for (const modifier of parts.reverse()) await page.keyboard.up(modifier);
    },
    screenshot: async (path, options) => {
      await writeFile(path, await page.screenshot({ fullPage: options?.fullPage }));
    },
    runScript: async (source) => {
      await page.evaluate(source);
    },
    inShadow: (host, fn, arg) => inShadowOverBidi(page, host, fn as never, arg),
    close: () => page.close(),
    download: (selector) => downloadInto(downloadDir, () => clickInFront(page, selector)),
    upload: async (selector, path) => {
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector} to upload into`);
      await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
    },
  };
}

/** Firefox with the MV2 build; FIREFOX_PATH picks the binary. */
export const firefoxTarget: BrowserTarget = {
  name: 'firefox',
  async launch(options = {}): Promise<E2EBrowser> {
    if (options.lang) throw new Error('Firefox ESR as packaged has no interface language but en-US (see LaunchOptions.lang)');
    const downloadDir = await mkdtemp(join(tmpdir(), 'sourcemark-firefox-downloads-'));
    const ext = await launchFirefoxWithExtension({
      headless: true,
      downloadDir,
      colorScheme: options.colorScheme,
      prefs: options.namedHosts ? { 'network.dns.forceResolve': '127.0.0.1' } : {},
    });
    const errors = await watchFirefoxErrors(ext.browser, ext.extensionUrl(''));
    liveErrorLogs.add(errors);
    const wrapped = (page: Page) => wrap(page, downloadDir);
    const newTab = async (url: string): Promise<TestPage> => {
      const tab = wrapped(await ext.browser.newPage());
      await tab.goto(url);
      return tab;
    };
    // Tabs waitForTab returned: the next call waits for another one (two readers open are two tabs).
    const found = new WeakSet<object>();
    return {
      openPage: newTab,
      // Firefox has no per-site switch, nor does its BiDi (ESR 153) take one: readers block a site's
      // scripts with an add-on that sends a Content-Security-Policy, which the test's server sends.
      openPageWithoutScripts: newTab,
      openExtensionPage: (path) => newTab(ext.extensionUrl(path)),
      async waitForTab(part, options) {
        // Over BiDi a tab the extension opens may keep reporting about:blank; ask each document instead.
        const find = async () => {
          for (const page of await ext.browser.pages()) {
            if (found.has(page)) continue;
            const href = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
            if (href.includes(part)) return page;
          }
          return undefined;
        };
        const page = (await pollUntil(find, Boolean, `a tab with ${part}`, { intervalMs: 100, ...options }))!;
        found.add(page);
        return wrapped(page);
      },
      async openPopupFor(page) {
        const tab = wrapped(await ext.browser.newPage());
        await openPopupForTab(tab, ext.extensionUrl, page);
        return tab;
      },
      async close() {
        await ext.close();
        await rm(downloadDir, { recursive: true, force: true });
        retireErrorLog(errors);
      },
    };
  },
};

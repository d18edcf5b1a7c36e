/**
 * `npm run smoke [-- --browser chromium|firefox] [--only <substring>] [--page-scripts]`: the built
 * extension, as a reader installs it, on every corpus page in real Chromium and Firefox. Eval and
 * bench run the analysis core on its own; this checks what a reader meets: the sentinel's verdict,
 * cleanup on the live page, the card, and no error of the extension's own (thrown or logged; in
 * Firefox all but what its pages log, see watchFirefoxErrors). Skipped when the corpus is absent.
 *
 * Each page is opened at its recorded address (over http, on the smoke server's port), every host
 * name resolving to 127.0.0.1: the sentinel reads the address a reader's browser would, and a
 * saved page's own requests get a 404 or a refused connection at once. The page's own scripts are
 * off: they call servers that are not there. With --page-scripts they run: closer to a live page,
 * but some saved pages then redirect to a host that is not there, rewrite themselves or never
 * finish parsing, and are listed as not cleaned for that. Nothing is asserted; mismatches are listed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { HIDDEN_ATTR, ROOT_ATTR } from '../utils/cleanup-style';
import { collectBenchPages, type BenchPage } from './lib/bench-pages';
import { CHROME_BUILD_DIR, disablePageScripts, findChromium, launchChromiumWithExtension, watchChromiumErrors } from './lib/chromium';
import { FIREFOX_BUILD_DIR, firefoxPath, launchFirefoxWithExtension, watchFirefoxErrors } from './lib/firefox';
import { createStaticServer } from './lib/server';
import { addressKey, pageAddresses, routesByAddress } from './lib/smoke-addresses';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** How long an article may take to be cleaned: the sentinel, the analysis script's injection, the analysis. */
const ARTICLE_WAIT_MS = 15_000;
/** How long a non-article is watched before it counts as left alone. */
const OTHER_WAIT_MS = 2_000;
const CARD = 'sourcemark-provenance';

/** What one page showed. */
interface Seen {
  cleaned: boolean;
  hidden: number;
  card: boolean;
  errors: string[];
}

/** One browser's way to open a page and read what the extension did to it. */
interface Driver {
  name: string;
  visit(url: string, article: boolean): Promise<Seen>;
  close(): Promise<void>;
}

/** In the page: whether cleanup is on, how many elements it hides, whether the card is there. */
function pageState([rootAttr, hiddenAttr, card]: [string, string, string]): Omit<Seen, 'errors'> {
  return {
    cleaned: document.documentElement.getAttribute(rootAttr) === 'on',
    hidden: document.querySelectorAll(`[${hiddenAttr}]`).length,
    card: document.querySelector(card) !== null,
  };
}
const STATE_ARGS: [string, string, string] = [ROOT_ATTR, HIDDEN_ATTR, CARD];

/** How long the card may take once the page is clean: it is drawn in the task after cleanup. */
const CARD_WAIT_MS = 3_000;

/**
 * Waits for cleanup on an article, then for its card (a page with no source or credit gets none, so
 * that wait may run out), or watches a non-article for a while; never throws.
 */
async function settle(waitFor: (selector: string, ms: number) => Promise<unknown>, article: boolean): Promise<void> {
  if (!article) return new Promise((resolve) => setTimeout(resolve, OTHER_WAIT_MS));
  const cleaned = await waitFor(`html[${ROOT_ATTR}]`, ARTICLE_WAIT_MS).then(() => true, () => false);
  if (cleaned) await waitFor(CARD, CARD_WAIT_MS).catch(() => undefined);
}

async function chromiumDriver(pageScripts: boolean): Promise<Driver> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: install Debian `chromium` or set CHROME_PATH');
  const ext = await launchChromiumWithExtension({ executablePath, headless: true, args: ['--host-resolver-rules=MAP * 127.0.0.1'] });
  // One log for the browser, taken after each page: an error the extension raised on a page after
  // it was read would be listed under the next one.
  const errors = await watchChromiumErrors(ext.context, ext.extensionUrl(''));
  return {
    name: 'Chromium',
    async visit(url, article) {
      const page: PlaywrightPage = await ext.context.newPage();
      try {
        if (!pageScripts) await disablePageScripts(ext.context, page);
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        await settle((selector, ms) => page.waitForSelector(selector, { state: 'attached', timeout: ms }), article);
        return { ...(await page.evaluate(pageState, STATE_ARGS)), errors: errors.take() };
      } finally {
        await page.close();
      }
    },
    close: () => ext.close(),
  };
}

async function firefoxDriver(pageScripts: boolean): Promise<Driver> {
  // Every host name resolves to 127.0.0.1; page scripts off unless asked for (content scripts run either way).
  const prefs = { 'network.dns.forceResolve': '127.0.0.1', 'javascript.enabled': pageScripts };
  const ff = await launchFirefoxWithExtension({ headless: true, prefs });
  const errors = await watchFirefoxErrors(ff.browser, ff.extensionUrl(''));
  return {
    name: 'Firefox',
    async visit(url, article) {
      const page: PuppeteerPage = await ff.browser.newPage();
      try {
        await page.goto(url, { waitUntil: 'domcontentloaded' }).catch(async (err: unknown) => {
          // An ad or video frame a page's script adds, failing to connect, fails Firefox's navigate
          // ("Address rejected") while the page itself loads: only the page's own address counts.
          const at = await page.evaluate(() => location.href).catch(() => '');
          if (at !== new URL(url).href) throw err;
        });
        await settle((selector, ms) => page.waitForSelector(selector, { timeout: ms }), article);
        return { ...(await page.evaluate(pageState, STATE_ARGS)), errors: errors.take() };
      } finally {
        await page.close();
      }
    },
    close: () => ff.close(),
  };
}

function describe(seen: Seen): string {
  return `${seen.cleaned ? `cleaned, ${seen.hidden} hidden` : 'not cleaned'}${seen.card ? ', card' : ''}`;
}

async function run(driver: Driver, pages: BenchPage[], urls: (page: BenchPage) => string[]): Promise<void> {
  let articles = 0;
  let cleanedArticles = 0;
  let cards = 0;
  let others = 0;
  let leftAlone = 0;
  let errors = 0;
  const odd: string[] = [];
  const failed: string[] = [];
  const local: string[] = [];
  for (const page of pages) {
    const article = page.isArticle === 'yes';
    let seen: Seen | null = null;
    let failure = '';
    const addresses = urls(page);
    for (const address of addresses) {
      seen = await driver.visit(address, article).catch((err: unknown) => {
        failure = String(err).split('\n')[0]!;
        return null;
      });
      if (seen) {
        if (address !== addresses[0]) local.push(page.name);
        break;
      }
    }
    if (!seen) {
      failed.push(`  ${page.name}: ${failure}`);
      continue;
    }
    errors += seen.errors.length;
    const alone = !seen.cleaned && !seen.card;
    if (article) {
      articles++;
      if (seen.cleaned) cleanedArticles++;
      if (seen.card) cards++;
    } else if (page.isArticle === 'no') {
      others++;
      if (alone) leftAlone++;
    }
    const expected = page.isArticle === 'yes' ? seen.cleaned : page.isArticle === 'no' ? alone : true;
    if (!expected || seen.errors.length) odd.push(`  ${page.name} (is_article ${page.isArticle}): ${describe(seen)}${seen.errors.map((e) => `\n      error: ${e}`).join('')}`);
  }
  console.log(`${driver.name}: ${cleanedArticles} of ${articles} articles cleaned (a card on ${cards}: the others have no source or credit to show); ${leftAlone} of ${others} non-articles left alone; extension errors ${errors}`);
  for (const line of odd) console.log(line);
  if (local.length) console.log(`  at their corpus path on 127.0.0.1, the browser reaching their site only over https: ${local.join(', ')}`);
  if (failed.length) console.log(`  not opened (${failed.length}):\n${failed.join('\n')}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { browser: { type: 'string' }, only: { type: 'string' }, 'page-scripts': { type: 'boolean', default: false } } });
  const site = await collectBenchPages(REPO_ROOT, values.only ?? null);
  if (!site.corpus) {
    console.log('Corpus not found (../shared/corpus or $SOURCEMARK_CORPUS): smoke skipped.');
    return 0;
  }
  const wanted = values.browser ? [values.browser] : ['chromium', 'firefox'];
  const builds: Record<string, string> = { chromium: CHROME_BUILD_DIR, firefox: FIREFOX_BUILD_DIR };
  for (const name of wanted) {
    if (!builds[name]) {
      console.error(`--browser wants chromium or firefox, got ${name}`);
      return 2;
    }
    if (!existsSync(join(builds[name], 'manifest.json'))) {
      console.error(`No build in ${builds[name]}: run npm run build first.`);
      return 2;
    }
  }
  if (wanted.includes('firefox') && !existsSync(firefoxPath())) {
    console.error(`No Firefox at ${firefoxPath()}; set FIREFOX_PATH.`);
    return 2;
  }
  const byAddress = routesByAddress(site.pages, site.routes);
  const server = createStaticServer({ root: site.root, route: (host, path, search) => byAddress.get(addressKey(host, path, search)) });
  const { port } = new URL(await server.start());
  const open = (page: BenchPage): string[] =>
    pageAddresses(page).map((address) => {
      address.port = port;
      return address.href;
    });
  const pageScripts = values['page-scripts'];
  try {
    for (const name of wanted) {
      const driver = name === 'chromium' ? await chromiumDriver(pageScripts) : await firefoxDriver(pageScripts);
      try {
        await run(driver, site.pages, open);
      } finally {
        await driver.close();
      }
    }
  } finally {
    await server.close();
  }
  return 0;
}

process.exitCode = await main();

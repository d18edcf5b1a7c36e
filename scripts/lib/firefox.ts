/**
 * Launching Firefox with the built extension installed, over WebDriver BiDi (puppeteer-core; no
 * geckodriver). Shared by the e2e harness and benchmarks.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { ErrorLog, firefoxUncaught } from './extension-errors';
import type { ColorScheme, ExtensionTab } from './extension-tabs';
import { pollUntil } from './poll';

/** Where `wxt build -b firefox` puts the Firefox (MV2) build. */
export const FIREFOX_BUILD_DIR = fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url));

/** The Firefox binary: FIREFOX_PATH if set, else Debian's firefox-esr as CI installs it. */
export function firefoxPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.FIREFOX_PATH || '/usr/bin/firefox-esr';
}

// Firefox gives every install a random moz-extension:// host; pinning it through this pref lets
// tests address extension pages without first asking the browser.
const EXTENSION_UUID = '6f1c2a9e-3b4d-4e8f-9a1b-5c7d2e0f4a63';

/** Options for {@link launchFirefoxWithExtension}. */
export interface FirefoxLaunchOptions {
  headless: boolean;
  executablePath?: string;
  /** Unpacked extension directory; defaults to {@link FIREFOX_BUILD_DIR}. */
  extensionDir?: string;
  /** Saves every download straight into this folder, without asking (tests read the files there). */
  downloadDir?: string;
  /** The `prefers-color-scheme` every page sees; the browser's own when unset. */
  colorScheme?: ColorScheme;
  /** More preferences for the fresh profile (every host name resolved to one address, page scripts off). */
  prefs?: Record<string, unknown>;
}

/** A running Firefox with the extension installed. */
export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>/<path>` */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * Firefox's own download settings: into one folder (folderList 2 = the folder in browser.download.dir),
 * no dialog and no downloads panel. WebDriver BiDi reports no downloads, so the folder is how a test sees one.
 */
function downloadPrefs(dir: string): Record<string, unknown> {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
    'browser.download.start_downloads_in_tmp_dir': false,
  };
}

/**
 * The scheme web and extension pages see (content-override: 0 dark, 1 light): Puppeteer cannot
 * emulate media features over BiDi, so it is set at launch.
 */
function schemePrefs(scheme: ColorScheme | undefined): Record<string, unknown> {
  return scheme ? { 'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1 } : {};
}

/** Launches Firefox with a fresh profile, over WebDriver BiDi, with nothing installed. */
export function launchFirefox(options: { headless: boolean; executablePath?: string; args?: string[]; prefs?: Record<string, unknown> }): Promise<Browser> {
  return puppeteer.launch({ browser: 'firefox', executablePath: options.executablePath ?? firefoxPath(), headless: options.headless, args: options.args, extraPrefsFirefox: options.prefs });
}

/** Launches Firefox with a fresh profile and installs the extension as a temporary add-on. */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<FirefoxWithExtension> {
  const extensionDir = options.extensionDir ?? FIREFOX_BUILD_DIR;
  // The add-on id is read from the build rather than repeated here, so it can't drift.
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  const browser = await launchFirefox({
    headless: options.headless,
    executablePath: options.executablePath,
    // Installing a temporary add-on from a path over BiDi needs system access.
    args: ['--remote-allow-system-access'],
    prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }), ...(options.downloadDir ? downloadPrefs(options.downloadDir) : {}), ...schemePrefs(options.colorScheme), ...options.prefs },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (err) {
    await browser.close();
    throw err;
  }
  return {
    browser,
    extensionUrl: (path) => `moz-extension://${EXTENSION_UUID}/${path}`,
    close: () => browser.close(),
  };
}

/**
 * Navigates and waits for the new document's load. Over BiDi, navigating to a moz-extension:
 * page may never report its load, so that navigation is left running (its late rejection, e.g. on
 * close, is expected) and we watch the document instead.
 */
async function gotoInFirefox(page: Page, url: string): Promise<void> {
  if (!url.startsWith('moz-extension:')) {
    await page.goto(url);
    return;
  }
  page.goto(url).catch(() => undefined);
  // While the old document is torn down an evaluation can fail with a protocol error (its realm is
  // gone); that means "not there yet", so poll until the deadline rather than fail on the first one.
  const arrived = () =>
    page.evaluate((target: string) => location.href === target && document.readyState === 'complete', url).catch(() => false);
  await pollUntil(arrived, Boolean, `Firefox to load ${url}`);
}

/** A Puppeteer page as the driver-neutral {@link ExtensionTab} that `openPopupForTab` drives. */
export function puppeteerTab(page: Page): ExtensionTab {
  return {
    goto: (url) => gotoInFirefox(page, url),
    // Our args are plain JSON data, which Puppeteer passes through unchanged; TS can't see that generically.
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>,
    bringToFront: () => page.bringToFront(),
  };
}

/**
 * Logs the extension's errors: what its content scripts log as errors, from every tab the browser
 * has or opens, and whatever of its scripts throws or leaves rejected, from the browser's output.
 * Firefox's WebDriver BiDi (ESR 153) reports nothing from an extension page (no console entry, no
 * error, its address read as about:blank), and a content script's rejection without a stack; but
 * Firefox prints every uncaught error and unhandled rejection to its stderr with the script's
 * address (see firefoxUncaught): content scripts', extension pages' and the background's alike.
 * What an extension page logs as an error is printed without its source, so it is not counted.
 */
export async function watchFirefoxErrors(browser: Browser, extensionOrigin: string): Promise<ErrorLog> {
  const log = new ErrorLog(extensionOrigin);
  const watch = (page: Page) => {
    page.on('console', (m) => log.console({ type: m.type(), text: m.text(), url: m.location().url, pageUrl: page.url() }));
  };
  (await browser.pages()).forEach(watch);
  browser.on('targetcreated', (target: Target) => {
    // A tab closed before its page is read has nothing left to watch.
    target.page().then((page) => page && watch(page), () => undefined);
  });
  const output = browser.process()?.stderr;
  if (!output) throw new Error('Firefox: no browser output to read its uncaught errors from');
  createInterface({ input: output }).on('line', (line) => {
    const thrown = firefoxUncaught(line);
    if (thrown) log.thrown(thrown);
  });
  return log;
}

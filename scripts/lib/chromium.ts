/**
 * Launching Chromium (or Chrome) with the built extension loaded, shared by `npm start`, the e2e
 * harness and benchmarks so the flags live in one place.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ErrorLog, workerThrow, type CdpExceptionDetails } from './extension-errors';
import type { ColorScheme, ExtensionTab } from './extension-tabs';

/** Where `wxt build` puts the Chromium (MV3) build. */
export const CHROME_BUILD_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

/** Browsers tried in order when CHROME_PATH is unset: Debian's chromium first, as CI installs it. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The browser to use: CHROME_PATH if set, else the first installed candidate, else null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROME_PATH) return env.CHROME_PATH;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

// Flags every launch shares, with or without the extension.
const COMMON_ARGS = [
  // Containers and CI run as root without a user namespace sandbox.
  '--no-sandbox',
  '--disable-gpu',
  // Keep the browser from talking to the network on its own: tests only reach 127.0.0.1.
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches a plain headless browser (no extension, no profile), e.g. for benchmarks of the bundled core. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: COMMON_ARGS });
}

/** Options for {@link launchChromiumWithExtension}. */
export interface ChromiumLaunchOptions {
  executablePath: string;
  headless: boolean;
  /** Unpacked extension directory; defaults to {@link CHROME_BUILD_DIR}. */
  extensionDir?: string;
  viewport?: { width: number; height: number };
  /** The `prefers-color-scheme` every page sees; the browser's own when unset. */
  colorScheme?: ColorScheme;
  /** The browser's interface language (`ja`, `zh-TW`), which picks the extension's locale; the system's when unset. */
  lang?: string;
  /** More command-line flags (`--host-resolver-rules=…`). */
  args?: string[];
}

/** A running browser with the extension loaded. */
export interface ChromiumWithExtension {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://<id>/<path>` */
  extensionUrl(path: string): string;
  /** Closes the browser and deletes its throwaway profile. */
  close(): Promise<void>;
}

// How long to wait for the extension's service worker before trying the CDP fallback; on a
// working --load-extension it is already up when the launch resolves.
const LOAD_EXTENSION_GRACE_MS = 5_000;

/**
 * Launches a fresh-profile browser with the extension loaded and resolves its id.
 *
 * Extensions only run in a persistent context, hence a temporary user-data dir. Chromium honours
 * `--load-extension`; branded Chrome (137+) ignores it, so when no extension service worker shows
 * up we load the build through CDP's `Extensions.loadUnpacked`, which needs
 * `--enable-unsafe-extension-debugging` and must not be blocked by Playwright's default
 * `--disable-extensions` (dropped via ignoreDefaultArgs; `--disable-extensions-except` still keeps
 * any other extension out).
 */
export async function launchChromiumWithExtension(options: ChromiumLaunchOptions): Promise<ChromiumWithExtension> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD_DIR;
  const userDataDir = await mkdtemp(join(tmpdir(), 'sourcemark-chromium-'));
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath: options.executablePath,
      headless: options.headless,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
      // On Linux the interface language comes from --lang and the LANGUAGE variable; pages' navigator.language from `locale`.
      ...(options.lang ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang } } : {}),
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--enable-unsafe-extension-debugging',
        ...(options.lang ? [`--lang=${options.lang}`] : []),
        ...(options.args ?? []),
        ...COMMON_ARGS,
      ],
    })
    .catch(async (err: unknown) => {
      await rm(userDataDir, { recursive: true, force: true });
      throw err;
    });
  const close = async (): Promise<void> => {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  };
  try {
    const extensionId = await resolveExtensionId(context, extensionDir);
    return { context, extensionId, extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`, close };
  } catch (err) {
    await close();
    throw err;
  }
}

async function resolveExtensionId(context: BrowserContext, extensionDir: string): Promise<string> {
  const isExtensionWorker = (url: string): boolean => url.startsWith('chrome-extension://');
  const loaded = context.serviceWorkers().find((w) => isExtensionWorker(w.url()));
  const worker =
    loaded ??
    (await context
      .waitForEvent('serviceworker', { predicate: (w) => isExtensionWorker(w.url()), timeout: LOAD_EXTENSION_GRACE_MS })
      .catch(() => null));
  if (worker) return new URL(worker.url()).host;
  const browser = context.browser();
  if (!browser) throw new Error('Chromium: extension did not load and no browser CDP session is available');
  const cdp = await browser.newBrowserCDPSession();
  const { id } = await cdp.send('Extensions.loadUnpacked', { path: extensionDir }).catch((err: unknown) => {
    throw new Error(`Chromium did not load ${extensionDir} (--load-extension failed or was ignored); Extensions.loadUnpacked says: ${String(err)}`);
  });
  return id;
}

/** A Playwright page as the driver-neutral {@link ExtensionTab} that `openPopupForTab` drives. */
export function playwrightTab(page: Page): ExtensionTab {
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    // Our args are plain JSON data, for which Playwright's Unboxed<A> is A; TS can't see that generically.
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg),
    bringToFront: () => page.bringToFront(),
  };
}

/**
 * Logs the extension's errors in every tab of the context and those its service worker logs (the
 * context's console carries both), and what the worker throws (see watchWorkerThrows).
 */
export async function watchChromiumErrors(context: BrowserContext, extensionOrigin: string): Promise<ErrorLog> {
  const log = new ErrorLog(extensionOrigin);
  context.on('console', (m) => log.console({ type: m.type(), text: m.text(), url: m.location().url, pageUrl: m.page()?.url() }));
  context.on('weberror', (e) => log.thrown({ message: e.error().message, stack: e.error().stack, pageUrl: e.page()?.url() }));
  await watchWorkerThrows(context, extensionOrigin, log);
  return log;
}

/**
 * Playwright reports what a service worker logs but not what it throws (probed: no weberror, no
 * pageerror). A browser-level CDP session attached to the worker does get both uncaught errors and
 * unhandled rejections, as Runtime.exceptionThrown. It attaches unflattened, so Playwright's own
 * session with the worker is left alone, and to each of the extension's workers as it starts:
 * Chromium stops an idle one and starts a new one on the next event.
 */
async function watchWorkerThrows(context: BrowserContext, extensionOrigin: string, log: ErrorLog): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('Chromium: no browser CDP session to watch the service worker with');
  const cdp = await browser.newBrowserCDPSession();
  const workers = new Map<string, string>();
  cdp.on('Target.targetCreated', ({ targetInfo: { type, url, targetId } }) => {
    if (type !== 'service_worker' || !url.startsWith(extensionOrigin)) return;
    const attached = cdp.send('Target.attachToTarget', { targetId, flatten: false }).then(({ sessionId }) => {
      workers.set(sessionId, url);
      return cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.enable' }) });
    });
    // A worker stopped before the attach landed has nothing left to throw; nor has a closed browser.
    attached.catch(() => undefined);
  });
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const url = workers.get(sessionId);
    const parsed = JSON.parse(message) as { method?: string; params?: { exceptionDetails: CdpExceptionDetails } };
    if (url && parsed.method === 'Runtime.exceptionThrown' && parsed.params) log.thrown(workerThrow(parsed.params.exceptionDetails, url));
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => workers.delete(sessionId ?? ''));
  // Discovery announces the targets already there too: the worker that started with the browser.
  await cdp.send('Target.setDiscoverTargets', { discover: true });
}

/**
 * Switches a tab's own scripts off as the browser's per-site setting does (what Playwright's
 * javaScriptEnabled: false sends); extension content scripts still run, but their timers stop too.
 */
export async function disablePageScripts(context: BrowserContext, page: Page): Promise<void> {
  await (await context.newCDPSession(page)).send('Emulation.setScriptExecutionDisabled', { value: true });
}

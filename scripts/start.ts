/**
 * `npm start`: build the Chromium extension, serve demo/ on 127.0.0.1 and open the demo article in
 * Chromium (or Chrome) with Sourcemark loaded.
 *
 * With `--headless`, or on Linux without a display, nobody could look at a window, so it instead
 * waits for the cleanup, saves screenshots of the page, of the popup for its tab and of the reader view into
 * ./demo-output/ (or `--out DIR`), prints their paths and exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_CANDIDATES, findChromium, launchChromiumWithExtension, playwrightTab } from './lib/chromium';
import { openPopupForTab } from './lib/extension-tabs';
import { createStaticServer } from './lib/server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEMO_PAGE = '/portal-article.html';

/** The value after `flag` on the command line, if given. */
function option(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main(): Promise<number> {
  const headless = process.argv.includes('--headless') || !hasDisplay();
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(
      `No Chromium or Chrome found. Install one (Debian: apt-get install chromium) or set CHROME_PATH.\nLooked at: ${CHROMIUM_CANDIDATES.join(', ')}`,
    );
    return 1;
  }

  const outputDir = option('--out') ?? `${ROOT}demo-output`;
  // Only the Chromium build: it is all this script loads, and half the wait of `npm run build`.
  // `--no-build` is for the e2e test, which runs after the suite's own build.
  const build = process.argv.includes('--no-build') ? { status: 0 } : spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('Build failed; see the output above.');
    return 1;
  }

  const server = createStaticServer({ root: `${ROOT}demo` });
  const demoUrl = new URL(DEMO_PAGE, await server.start()).href;
  const browser = await launchChromiumWithExtension({ executablePath, headless, viewport: { width: 1280, height: 800 } });
  try {
    // A persistent context opens with one blank tab: use it rather than leave it lying around.
    const demo = browser.context.pages()[0] ?? (await browser.context.newPage());
    await demo.goto(demoUrl);
    if (!headless) {
      console.log(`Demo open at ${demoUrl} in ${executablePath}. Click the Sourcemark toolbar button; close the browser to quit.`);
      await new Promise<void>((done) => {
        browser.context.on('close', () => done());
        process.once('SIGINT', () => done());
      });
      return 0;
    }

    await demo.waitForSelector('html[data-sourcemark-cleanup="on"]', { state: 'attached', timeout: 15_000 });
    await mkdir(outputDir, { recursive: true });
    const pageShot = `${outputDir}/demo-page.png`;
    await demo.screenshot({ path: pageShot, fullPage: true });

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await openPopupForTab(playwrightTab(popup), browser.extensionUrl, playwrightTab(demo));
    await popup.waitForSelector('[data-testid="verdict"]', { timeout: 15_000 });
    const popupShot = `${outputDir}/popup.png`;
    await popup.screenshot({ path: popupShot });

    // The reader view, opened the way a reader would: the card's "Reader view" button.
    const readerTab = browser.context.waitForEvent('page', { timeout: 15_000 });
    // A real click: the card drops input the page's scripts make up (see trusted-input.ts), so a
    // scripted `click()` would do nothing. Playwright's CSS locators reach into the open shadow root.
    await demo.locator('sourcemark-provenance [data-testid="open-reader"]').click();
    const reader = await readerTab;
    await reader.setViewportSize({ width: 1100, height: 800 });
    await reader.waitForSelector('[data-testid="reader-content"] p', { timeout: 15_000 });
    const readerShot = `${outputDir}/reader.png`;
    await reader.screenshot({ path: readerShot });

    console.log(`Cleanup applied on ${demoUrl}\nScreenshots:\n  ${pageShot}\n  ${popupShot}\n  ${readerShot}`);
    return 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

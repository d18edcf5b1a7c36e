/**
 * The suite's check that the extension raised no error (no-extension-errors.ts) is only as good as
 * the watchers feeding it, and they read what each browser happens to report. Here a throwaway
 * extension raises every kind of error the watchers claim to catch, from each of its places, and
 * the page's own script raises some too, which must not count.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorLog } from '../../scripts/lib/extension-errors';
import { findChromium, launchChromiumWithExtension, watchChromiumErrors } from '../../scripts/lib/chromium';
import { launchFirefoxWithExtension, puppeteerTab, watchFirefoxErrors } from '../../scripts/lib/firefox';
import { pollUntil } from '../../scripts/lib/poll';
import { createStaticServer, type StaticServer } from '../../scripts/lib/server';

// The content script asks the background to fail, so its errors come once the watcher is up.
const CONTENT = `
console.error('probe-content-logged');
setTimeout(() => { throw new Error('probe-content-thrown'); });
setTimeout(() => { Promise.reject(new Error('probe-content-rejected')); });
chrome.runtime.sendMessage('fail');
`;
const BACKGROUND = `
chrome.runtime.onMessage.addListener(() => {
  setTimeout(() => { throw new Error('probe-background-thrown'); });
  setTimeout(() => { Promise.reject(new Error('probe-background-rejected')); });
});
`;
const PAGE_SCRIPT = `
console.error('probe-page-logged');
setTimeout(() => { throw new Error('probe-page-thrown'); });
setTimeout(() => { Promise.reject(new Error('probe-page-rejected')); });
`;
const WEB_PAGE = `<p>A page whose own script fails.</p><script>
console.error('site-logged');
setTimeout(() => { throw new Error('site-thrown'); });
setTimeout(() => { Promise.reject(new Error('site-rejected')); });
</script>`;

const THROWN = ['probe-content-thrown', 'probe-content-rejected', 'probe-background-thrown', 'probe-background-rejected', 'probe-page-thrown', 'probe-page-rejected'];

/** Writes the probe extension into `dir`, with the manifest's `background` part for the browser. */
async function writeProbe(dir: string, background: object): Promise<string> {
  await mkdir(dir);
  const manifest = {
    name: 'error probe',
    version: '1',
    ...background,
    content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['content.js'], run_at: 'document_idle' }],
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'content.js'), CONTENT);
  await writeFile(join(dir, 'background.js'), BACKGROUND);
  await writeFile(join(dir, 'page.html'), '<p>probe</p><script src="page.js"></script>');
  await writeFile(join(dir, 'page.js'), PAGE_SCRIPT);
  return dir;
}

/** What the log holds once every expected error is in it (or the wait ran out), all of it. */
async function collect(log: ErrorLog, expected: string[]): Promise<string> {
  let seen = '';
  await pollUntil(
    async () => (seen += log.take().join('\n') + '\n'),
    (all) => expected.every((e) => all.includes(e)),
    `the errors ${expected.join(', ')}`,
    { timeoutMs: 15_000, intervalMs: 100 },
  ).catch(() => undefined);
  // A moment more, for a page error that would arrive late and wrongly.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return seen + log.take().join('\n');
}

describe('the e2e error watchers', () => {
  let dir: string;
  let site: StaticServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sourcemark-error-probe-'));
    await writeFile(join(dir, 'site.html'), WEB_PAGE);
    site = createStaticServer({ root: dir });
    await site.start();
  });

  afterAll(async () => {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('Chromium: every error of the extension, its service worker and pages included, and none of the page', async () => {
    const ext = await writeProbe(join(dir, 'chromium'), { manifest_version: 3, background: { service_worker: 'background.js' } });
    const executablePath = findChromium();
    if (!executablePath) throw new Error('no Chromium found: install Debian `chromium` or set CHROME_PATH');
    const browser = await launchChromiumWithExtension({ executablePath, headless: true, extensionDir: ext });
    try {
      const log = await watchChromiumErrors(browser.context, browser.extensionUrl(''));
      await (await browser.context.newPage()).goto(site.url('/site.html'));
      await (await browser.context.newPage()).goto(browser.extensionUrl('page.html'));
      const expected = [...THROWN, 'probe-content-logged', 'probe-page-logged'];
      const seen = await collect(log, expected);
      for (const error of expected) expect(seen).toContain(error);
      expect(seen).not.toContain('site-');
    } finally {
      await browser.close();
    }
  });

  it("Firefox: every error of the extension but what its pages log, and none of the page's", async () => {
    const ext = await writeProbe(join(dir, 'firefox'), { manifest_version: 2, background: { scripts: ['background.js'] }, browser_specific_settings: { gecko: { id: 'error-probe@sourcemark.test' } } });
    const browser = await launchFirefoxWithExtension({ headless: true, extensionDir: ext });
    try {
      const log = await watchFirefoxErrors(browser.browser, browser.extensionUrl(''));
      await (await browser.browser.newPage()).goto(site.url('/site.html'));
      await puppeteerTab(await browser.browser.newPage()).goto(browser.extensionUrl('page.html'));
      const expected = [...THROWN, 'probe-content-logged'];
      const seen = await collect(log, expected);
      for (const error of expected) expect(seen).toContain(error);
      expect(seen).not.toContain('site-');
    } finally {
      await browser.close();
    }
  });
});

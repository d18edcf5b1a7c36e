/**
 * `npm run bench` measures the content script's work in pages whose own scripts are off (they would
 * change the page mid-measurement): the core must run there as it is, so a page the bench cannot
 * measure is a page missing from its figures. The demo page, measured as the bench measures each
 * corpus page, in Chromium.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bundleBenchPage } from '../../scripts/lib/bench-bundle';
import { ISOLATION_HEADERS, benchContext, measurePage } from '../../scripts/lib/bench-run';
import { findChromium, launchChromium } from '../../scripts/lib/chromium';
import { createStaticServer, type StaticServer } from '../../scripts/lib/server';

const DEMO_DIR = fileURLToPath(new URL('../../demo', import.meta.url));
const executablePath = findChromium();

describe.skipIf(!executablePath)('the bench’s measurement of a page, in chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = createStaticServer({ root: DEMO_DIR, headers: ISOLATION_HEADERS });
    await server.start();
    browser = await launchChromium(executablePath!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('times detection and cleanup, provenance, the body text and Readability on the demo page, its scripts off', async () => {
    const context = await benchContext(browser, server.origin);
    const timing = await measurePage(context, server.url('/portal-article.html'), await bundleBenchPage(), {
      runs: 1,
      url: null,
      withQuickCheck: false,
      timeoutMs: 20_000,
    });
    expect(timing.isolated).toBe(true);
    for (const ms of [timing.ours, timing.provenance, timing.bodyText, timing.readability]) expect(ms).toBeGreaterThan(0);
    await context.close();
  });
});

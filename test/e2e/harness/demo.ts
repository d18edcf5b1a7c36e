/** The bundled demo page served from 127.0.0.1 and open in a fresh browser, for a describe block. */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { createStaticServer, type StaticServer } from '../../../scripts/lib/server';
import type { BrowserTarget, E2EBrowser, TestPage } from './types';

const DEMO_DIR = fileURLToPath(new URL('../../../demo', import.meta.url));

/** Registers the hooks; the page is ready once `readySelector` is attached. */
export function openDemo(target: BrowserTarget, readySelector: string): { browser: () => E2EBrowser; demo: () => TestPage } {
  let server: StaticServer;
  let browser: E2EBrowser;
  let demo: TestPage;
  beforeAll(async () => {
    server = createStaticServer({ root: DEMO_DIR });
    await server.start();
    browser = await target.launch();
    demo = await browser.openPage(server.url('/portal-article.html'));
    await demo.waitForSelector(readySelector, { timeoutMs: 10_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { browser: () => browser, demo: () => demo };
}

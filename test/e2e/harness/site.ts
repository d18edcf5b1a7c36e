/** Pages served from 127.0.0.1 and a fresh browser with the extension, for a describe block. */
import { afterAll, beforeAll } from 'vitest';
import { createStaticServer, type Route, type StaticServer } from '../../../scripts/lib/server';
import type { BrowserTarget, E2EBrowser, LaunchOptions } from './types';

export interface Site {
  browser(): E2EBrowser;
  /** The served address of a path. */
  url(path: string): string;
}

/**
 * Registers the hooks: files under `root` (the working directory by default) and `routes`, served
 * while the block runs, with `headers` on every response.
 */
export function serveSite(
  target: BrowserTarget,
  { root = process.cwd(), routes = {}, headers, launch }: { root?: string; routes?: Record<string, Route>; headers?: Record<string, string>; launch?: LaunchOptions },
): Site {
  let server: StaticServer;
  let browser: E2EBrowser;
  beforeAll(async () => {
    server = createStaticServer({ root, routes, headers });
    await server.start();
    browser = await target.launch(launch);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { browser: () => browser, url: (path) => server.url(path) };
}

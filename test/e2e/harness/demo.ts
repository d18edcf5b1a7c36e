/** The bundled demo page served from 127.0.0.1 and open in a fresh browser, for a describe block. */
import { fileURLToPath } from 'node:url';
import { beforeAll } from 'vitest';
import { serveSite } from './site';
import type { BrowserTarget, E2EBrowser, LaunchOptions, TestPage } from './types';

const DEMO_DIR = fileURLToPath(new URL('../../../demo', import.meta.url));

/** Registers the hooks; the page is ready once `readySelector` is attached. `launch` says how the browser starts. */
export function openDemo(target: BrowserTarget, readySelector: string, launch?: LaunchOptions): { browser: () => E2EBrowser; demo: () => TestPage } {
  const site = serveSite(target, { root: DEMO_DIR, launch });
  let demo: TestPage;
  // Registered after serveSite's hook, so it runs once the server and browser are up.
  beforeAll(async () => {
    demo = await site.browser().openPage(site.url('/portal-article.html'));
    await demo.waitForSelector(readySelector, { timeoutMs: 10_000 });
  });
  return { browser: site.browser, demo: () => demo };
}

/**
 * Which of the demo page's landmarks a reader can see right now (run in the page, so it is
 * self-contained): its ads, its 拓展阅读 items, its share bar, the navigation cleanup marked, the story.
 */
export function demoVisibility() {
  const seen = (sel: string) => [...document.querySelectorAll(sel)].map((el) => el.checkVisibility());
  return {
    ads: seen('#ad-top, #ad-side, #float-ad, .cloud-ads a'),
    teasers: seen('.extend li'),
    share: seen('.share'),
    navigation: seen('[data-sourcemark-hidden="navigation"]'),
    story: seen('#text p'),
  };
}


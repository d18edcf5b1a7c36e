/**
 * A client-rendered portal: the page comes as a skeleton and its script fetches the story's body
 * after load. Whether the first look found an article-shaped skeleton (the analysis already here)
 * or nothing but the address (only the sentinel here), the story is read once it is drawn.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { quickCheck } from '../../utils/quick-check';
import { parseHtml } from '../helpers/dom';
import { browsers, serveSite } from './harness';

const DEMO = readFileSync(fileURLToPath(new URL('../../demo/portal-article.html', import.meta.url)), 'utf8');
const BODY = /<div class="content" id="text">([\s\S]*?)<\/div>/.exec(DEMO)![1]!;
const BODY_PATH = '/api/story-body';
/** The demo with grey bars for a story, filled from BODY_PATH `delayMs` after the page's script runs. */
const skeleton = (delayMs: number, html = DEMO): string =>
  html.replace(
    BODY,
    '<div class="skeleton" style="height:16px;background:#eee;margin:8px 0"></div>'.repeat(6) +
      `<script>setTimeout(async () => { document.getElementById('text').innerHTML = await (await fetch('${BODY_PATH}')).text(); }, ${delayMs});</script>`,
  );
/** With its headline: the quick check passes on the skeleton, and the analysis finds no story there. */
const WITH_HEADLINE = '/news/2024-02/23/content_71.htm';
/** Without one: only the article-shaped address speaks for it, and the quick check turns it away. */
const ADDRESS_ONLY = '/news/2024-02/23/content_72.htm';
const NO_HEADLINE = skeleton(1500, DEMO.replace(/<h1>[\s\S]*?<\/h1>/, '<h1></h1>'));
const POLL = { intervalMs: 100, timeoutMs: 15_000 };

/** Whether cleanup is on, the card is in, and the share bar shows. */
function cleaned() {
  return {
    cleanup: document.documentElement.getAttribute('data-sourcemark-cleanup'),
    card: document.querySelector('sourcemark-provenance') !== null,
    share: document.querySelector('.share')!.checkVisibility(),
  };
}

it('the page without a headline is one the quick check turns away until its story is there', () => {
  const url = `http://127.0.0.1${ADDRESS_ONLY}`;
  expect(quickCheck(parseHtml(NO_HEADLINE), url)).toBe(false);
  expect(quickCheck(parseHtml(NO_HEADLINE.replace(/<script>setTimeout[\s\S]*?<\/script>/, BODY)), url)).toBe(true);
});

describe.each(browsers)('a story fetched after load, in $name', (target) => {
  const html = (body: string) => ({ body, contentType: 'text/html; charset=utf-8' });
  const site = serveSite(target, {
    routes: { [WITH_HEADLINE]: html(skeleton(1500)), [ADDRESS_ONLY]: html(NO_HEADLINE), [BODY_PATH]: html(BODY) },
  });

  it.each([
    ['its headline is in the skeleton', WITH_HEADLINE],
    ['only its address says article', ADDRESS_ONLY],
  ])('is read once drawn, when %s', async (_case, path) => {
    const page = await site.browser().openPage(site.url(path));
    const state = await pollUntil(() => page.evaluate(cleaned), (s) => s.card, 'the card over the late story', POLL);
    expect(state).toEqual({ cleanup: 'on', card: true, share: false });
    await page.close();
  });
});

/**
 * A portal that blocks selecting its story (user-select: none in its CSS and inline, selectstart
 * cancelled by an attribute, a property and a listener, mousedown cancelled, dragstart, copy and
 * the context menu refused): in each real browser, with cleanup on, a drag over the story selects
 * it and makes a highlight, while the page's blocks stay outside the story and on its own links;
 * "Show original" gives the page its own behaviour back.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, clickInAnnotator, selectText, serveSite, type TextSpan } from './harness';

const DEMO = readFileSync(fileURLToPath(new URL('../../demo/portal-article.html', import.meta.url)), 'utf8');
const PATH = '/news/2024-02/23/content_9.htm';
/** What such portals print: each blocker a different way, as they come in the wild. */
const BLOCKERS = `<style>body, .content { -webkit-user-select: none; user-select: none; }</style>
<script>
  document.onselectstart = () => false;
  document.addEventListener('selectstart', (e) => e.preventDefault());
  window.downs = 0;
  document.addEventListener('mousedown', (e) => { window.downs++; if (!e.target.closest('a')) e.preventDefault(); });
  document.oncontextmenu = () => false;
</script>`;
const PAGE = DEMO.replace('</head>', `${BLOCKERS}</head>`)
  .replace('<body>', '<body onselectstart="return false" ondragstart="return false" oncopy="return false">')
  .replace('<div class="content" id="text">', '<div class="content" id="text" style="-webkit-user-select: none; user-select: none">')
  .replace('其部分技术源于Meta公司发布的LLaMA模型。', '$&<a id="llama" href="#llama">LLaMA</a>');
const STORY: TextSpan = { paragraphs: '#text p', first: 1, startChars: 4, last: 1, endChars: 30 };
/** The site's name at the top, outside the story: the page's blocks stay there. */
const MASTHEAD: TextSpan = { phrase: '海南信息港', length: 5 };

/** A portal whose script alone cancels the press a selection begins with: nothing in its markup says so. */
const SCRIPT_PATH = '/news/2024-02/23/content_10.htm';
/** An ordinary portal listening to presses on its story (a word look-up, say), forbidding nothing. */
const LISTENING_PATH = '/news/2024-02/23/content_11.htm';
const LISTENING = DEMO.replace('</head>', `<script>window.downs = 0; document.addEventListener('mousedown', () => window.downs++);</script></head>`);
const SCRIPT_ONLY = DEMO.replace('</head>', `<script>document.addEventListener('mousedown', (e) => e.preventDefault());</script></head>`);

describe.each(browsers)('a story the page blocks selecting, in $name', (target) => {
  const site = serveSite(target, {
    routes: {
      [PATH]: { body: PAGE, contentType: 'text/html; charset=utf-8' },
      [SCRIPT_PATH]: { body: SCRIPT_ONLY, contentType: 'text/html; charset=utf-8' },
      [LISTENING_PATH]: { body: LISTENING, contentType: 'text/html; charset=utf-8' },
    },
  });

  // A page that forbids nothing keeps every press for its own handlers and other tools; one whose
  // script alone cancels it is known by that, and passed over from the next press on.
  it('that forbids nothing hears every press on it, with cleanup on', async () => {
    const page = await site.browser().openPage(site.url(LISTENING_PATH));
    await page.waitForSelector('html[data-sourcemark-cleanup="on"]', { timeoutMs: 10_000 });
    await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    expect((await selectText(page, STORY)).length).toBeGreaterThan(20);
    expect(await page.evaluate(() => (window as unknown as { downs: number }).downs)).toBeGreaterThan(0);
    await page.close();
  });

  // (selectText drags again, up to three times, when a drag selected nothing: as a reader would.)
  it('whose script alone blocks it is selected once it has cancelled a press', async () => {
    const page = await site.browser().openPage(site.url(SCRIPT_PATH));
    await page.waitForSelector('html[data-sourcemark-cleanup="on"]', { timeoutMs: 10_000 });
    await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    expect((await selectText(page, STORY)).length).toBeGreaterThan(20);
    await page.close();
  });

  it('is selected and highlighted with cleanup on; outside it, and under "Show original", the page keeps its blocks', async () => {
    const page = await site.browser().openPage(site.url(PATH));
    await page.waitForSelector('html[data-sourcemark-cleanup="on"]', { timeoutMs: 10_000 });
    await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    const quote = (await selectText(page, STORY)).replace(/\s+/g, ' ').trim();
    expect(quote.length).toBeGreaterThan(20);
    await clickInAnnotator(page, '.toolbar .swatch[data-color="green"]');
    const drawn = () => page.evaluate(() => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcemark-green') ?? [])].map((r) => r.toString()));
    expect(await pollUntil(drawn, (d) => d.length === 1, 'the green highlight', { intervalMs: 100, timeoutMs: 30_000 })).toEqual([quote]);
    expect(await selectText(page, MASTHEAD)).toBe('');
    // The page still hears a press on its own link in the story.
    const downs = await page.evaluate(() => (window as unknown as { downs: number }).downs);
    const link = await page.evaluate(() => {
      const a = document.getElementById('llama')!;
      a.scrollIntoView({ block: 'center' });
      const r = a.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.clickAt(link);
    expect(await page.evaluate(() => (window as unknown as { downs: number }).downs)).toBe(downs + 1);

    const popup = await site.browser().openPopupFor(page);
    await popup.waitForSelector('[data-testid="toggle-original"]', { timeoutMs: 10_000 });
    await popup.click('[data-testid="toggle-original"]');
    await page.waitForSelector('html[data-sourcemark-cleanup="off"]', { timeoutMs: 5_000 });
    await popup.close();
    expect(await selectText(page, { ...STORY, first: 2, last: 2 })).toBe('');
    await page.close();
  });
});

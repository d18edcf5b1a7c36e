/**
 * A page that is not an article gets only the small sentinel script; the analysis script is loaded
 * there when the reader needs it: selecting text offers the colour toolbar, a highlight saved there
 * is drawn again on the next visit, and the popup still gives the page's verdict.
 */
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { quickCheck } from '../../utils/quick-check';
import { articleShapedUrl } from '../../utils/url-shape';
import { parseHtml } from '../helpers/dom';
import { browsers, drawnYellow, highlightYellow, serveSite, yellowOnVisit } from './harness';

const PATH = '/about.html';
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>联系我们</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a> <a href="/about.html">联系我们</a></div>
<h2>编辑部</h2><p id="note">来信请寄江城市新华路一号，邮编四三零零零零。</p><p>工作时间：周一至周五。</p></body></html>`;
const POLL = { intervalMs: 100, timeoutMs: 30_000 };
// An article-shaped address (the document_start script hides ad-network slots there) on a list page.
const LIST_PATH = '/2024-02/23/content_9.htm';
const LIST_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>新闻列表</title></head>
<body><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/2024-02/${i + 1}/content_${i}.htm">江城新闻第${i + 1}条标题</a></li>`).join('')}</ul>
<ins class="adsbygoogle" id="slot" style="display:block;width:300px;height:250px;background:#eee"></ins></body></html>`;

describe.each(browsers)('a page that is not an article, in $name', (target) => {
  const site = serveSite(target, {
    routes: { [PATH]: { body: PAGE, contentType: 'text/html; charset=utf-8' }, [LIST_PATH]: { body: LIST_PAGE, contentType: 'text/html; charset=utf-8' } },
  });

  it('gives back the ad slots hidden early on an article-shaped address once the page proves no article', async () => {
    // The address the document_start script hides slots on, and a page the quick check turns away.
    expect(articleShapedUrl(site.url(LIST_PATH))).toBe(true);
    expect(quickCheck(parseHtml(LIST_PAGE), site.url(LIST_PATH))).toBe(false);
    const page = await site.browser().openPage(site.url(LIST_PATH));
    const state = () => page.evaluate(() => ({ early: document.documentElement.hasAttribute('data-sourcemark-early'), slot: document.getElementById('slot')!.checkVisibility() }));
    expect(await pollUntil(state, (s) => !s.early, 'the early rule lifted', { intervalMs: 100, timeoutMs: 10_000 })).toEqual({ early: false, slot: true });
    await page.close();
  });

  it('selecting text loads the toolbar; the highlight made there is drawn again on the next visit', async () => {
    const first = await site.browser().openPage(site.url(PATH));
    const quote = await highlightYellow(first, '来信请寄', 8);
    await first.close();

    expect(await yellowOnVisit(site.browser(), site.url(PATH))).toEqual([quote]);
  });

  it('a highlight restored elsewhere (the library) is drawn at once in an open tab of the page', async () => {
    const url = site.url(`${PATH}?restored=1`);
    const page = await site.browser().openPage(url);
    const library = await site.browser().openExtensionPage('library.html');
    await library.evaluate(async (pageUrl: string) => {
      const g = globalThis as unknown as Record<string, { runtime: { sendMessage(m: unknown): Promise<unknown> } } | undefined>;
      const now = new Date().toISOString();
      const record = {
        id: crypto.randomUUID(),
        pageUrl,
        selectors: [{ type: 'TextQuoteSelector', exact: '工作时间', prefix: '', suffix: '' }],
        quote: '工作时间',
        color: 'yellow',
        note: '',
        created: now,
        updated: now,
      };
      await (g.browser ?? g.chrome)!.runtime.sendMessage({ type: 'highlights-restore', records: [record] });
    }, url);
    const drawn = await pollUntil(() => page.evaluate(drawnYellow), (d) => d.length === 1, 'the restored highlight in the open tab', POLL);
    expect(drawn).toEqual(['工作时间']);
    await library.close();
    await page.close();
  });

  it('the popup loads the analysis and says the page is not an article', async () => {
    const page = await site.browser().openPage(site.url(`${PATH}?fresh=1`));
    const popup = await site.browser().openPopupFor(page);
    await popup.waitForSelector('[data-testid="verdict"]', { timeoutMs: 10_000 });
    const verdict = await popup.evaluate(() => document.querySelector('[data-testid="verdict"]')?.textContent ?? '');
    expect(verdict).toMatch(/Not an article|不是文章/);
    await popup.close();
    await page.close();
  });
});

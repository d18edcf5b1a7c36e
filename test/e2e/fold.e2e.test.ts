/**
 * A story cut to a height under a "展开全文" button, as mobile portals print one to hold the reader:
 * in each real browser the whole story shows and the button goes; "Show original" gives the page
 * its cut and its button back. A story the page's script cuts after the analysis (a button drawn, or a class
 * set on its box) is shown whole too.
 */
import { describe, expect, it } from 'vitest';
import { browsers, serveSite } from './harness';

const PATH = '/2024-03/05/content_8841.htm';
/** The same story, whole at load: the test cuts it and draws the button afterwards, as a page's script may. */
const LATE_PATH = '/2024-03/05/content_8842.htm';
/** The same, its button in the page from the start but not shown: the test cuts the box by its class and shows the button. */
const CLASSED_PATH = '/2024-03/05/content_8843.htm';
const PARAGRAPHS = Array.from(
  { length: 12 },
  (_, i) => `<p>第${i + 1}段：港口方面表示，罢工已经持续两天，数千个集装箱滞留在码头上等待装船，航运公司正在评估改道其他港口的成本。</p>`,
).join('');
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>港口罢工进入第二天 集装箱滞留码头_江城网</title>
<meta property="og:type" content="article">
<style>
  .art-box { max-height: 360px; overflow: hidden; position: relative; }
  .look-more { text-align: center; padding: 8px; }
  .look-more .shadow { height: 40px; margin-top: -40px; background: linear-gradient(transparent, #fff); }
</style></head>
<body><div class="nav"><a href="/">江城网</a> <a href="/gn/">国内</a> <a href="/gj/">国际</a></div>
<h1>港口罢工进入第二天 集装箱滞留码头</h1>
<div class="info">2024-03-05 08:00 来源：江城日报</div>
<div class="art-box" id="box"><div id="text">${PARAGRAPHS}<p id="last">工会说，谈判将在周三恢复。</p></div></div>
<div class="look-more" id="more"><div class="shadow"></div><a href="javascript:;">展开全文</a></div>
</body></html>`;

const LATE_PAGE = PAGE.replace('class="art-box"', 'class="art"').replace(/<div class="look-more".*?<\/a><\/div>/s, '');
const CLASSED_PAGE = PAGE.replace('class="art-box"', 'class="art"').replace('<div class="look-more" id="more">', '<div class="look-more" id="more" style="display: none">');

/** Whether the story's last paragraph shows inside its box, and whether the fold button shows. */
const seen = () => {
  const box = document.getElementById('box')!.getBoundingClientRect();
  const last = document.getElementById('last')!.getBoundingClientRect();
  return { lastShown: last.bottom <= box.bottom + 1, button: document.getElementById('more')!.checkVisibility() };
};

describe.each(browsers)('a story cut under a fold button, in $name', (target) => {
  const html = { contentType: 'text/html; charset=utf-8' };
  const site = serveSite(target, { routes: { [PATH]: { body: PAGE, ...html }, [LATE_PATH]: { body: LATE_PAGE, ...html }, [CLASSED_PATH]: { body: CLASSED_PAGE, ...html } } });

  it('shows the whole story without the button, and the original brings both back', async () => {
    const page = await site.browser().openPage(site.url(PATH));
    await page.waitForSelector('html[data-sourcemark-cleanup="on"]', { timeoutMs: 10_000 });
    expect(await page.evaluate(seen)).toEqual({ lastShown: true, button: false });

    const popup = await site.browser().openPopupFor(page);
    await popup.waitForSelector('[data-testid="toggle-original"]', { timeoutMs: 10_000 });
    // The button is listed among the hidden widgets, with its reason.
    await popup.click('details[data-kind="widget"] summary');
    await popup.waitForSelector('details[data-kind="widget"] .item-text', { timeoutMs: 5_000 });
    const listed = await popup.evaluate(() => Array.from(document.querySelectorAll('details[data-kind="widget"] .item-reason'), (el) => el.textContent));
    expect(listed.some((reason) => /展开全文/.test(reason ?? ''))).toBe(true);
    await popup.click('[data-testid="toggle-original"]');
    await page.waitForSelector('html[data-sourcemark-cleanup="off"]', { timeoutMs: 5_000 });
    expect(await page.evaluate(seen)).toEqual({ lastShown: false, button: true });
    await popup.close();
    await page.close();
  });

  /** What the reader sees once cleanup is on at `path` and `cut` (run in the page, as its own script) has cut the story. */
  const seenAfterCut = async (path: string, cut: () => void): Promise<ReturnType<typeof seen>> => {
    const page = await site.browser().openPage(site.url(path));
    await page.waitForSelector('html[data-sourcemark-cleanup="on"]', { timeoutMs: 10_000 });
    await page.evaluate(cut);
    await page.waitForSelector('[data-sourcemark-unfolded]', { timeoutMs: 5_000 });
    const after = await page.evaluate(seen);
    await page.close();
    return after;
  };

  it('does the same when the page’s script cuts the story after the analysis', async () => {
    const drawn = await seenAfterCut(LATE_PATH, () => {
      document.getElementById('box')!.className = 'art-box';
      const more = document.createElement('div');
      more.className = 'look-more';
      more.id = 'more';
      more.innerHTML = '<div class="shadow"></div><a href="javascript:;">展开全文</a>';
      document.getElementById('box')!.after(more);
    });
    expect(drawn).toEqual({ lastShown: true, button: false });
  });

  it('and when the script cuts it by a class, showing a button that was in the page all along', async () => {
    const classed = await seenAfterCut(CLASSED_PATH, () => {
      document.getElementById('box')!.className = 'art-box';
      document.getElementById('more')!.style.display = 'block';
    });
    expect(classed).toEqual({ lastShown: true, button: false });
  });
});

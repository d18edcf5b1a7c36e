/**
 * Dates a page prints for the moment it is read (昨天 14:20) or without their year (03-05 09:00,
 * this year's as the portal prints them): the content script reads them at the browser's clock,
 * which a saved page analysed by `npm run analyze` has not, and the card shows the day in full.
 */
import { describe, expect, it } from 'vitest';
import { browsers, serveSite } from './harness';

const PARAGRAPHS = Array.from(
  { length: 8 },
  (_, i) => `<p>第${i + 1}段：港口方面表示，罢工已经持续两天，数千个集装箱滞留在码头上等待装船，航运公司正在评估改道其他港口的成本。</p>`,
).join('');
const page = (meta: string): string => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>港口罢工进入第二天 集装箱滞留码头_江城网</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="江城网"></head>
<body><div class="nav"><a href="/">江城网</a> <a href="/gn/">国内</a> <a href="/gj/">国际</a></div>
<h1>港口罢工进入第二天 集装箱滞留码头</h1>
<div class="info">${meta}</div>
<div id="text">${PARAGRAPHS}</div>
</body></html>`;

const pad = (n: number): string => String(n).padStart(2, '0');
/** The local calendar day `back` days before now, as the card prints it. */
const dayBefore = (back: number): { iso: string; month: number; day: number } => {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - back);
  return { iso: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, month: d.getMonth() + 1, day: d.getDate() };
};
const twoDaysAgo = dayBefore(2);
const PAGES = {
  '/gn/relative.html': page('昨天 14:20 来源：江城日报'),
  '/gn/yearless.html': page(`${pad(twoDaysAgo.month)}-${pad(twoDaysAgo.day)} 09:00 来源：江城日报`),
};

describe.each(browsers)('dates read at the browser’s clock, in $name', (target) => {
  const site = serveSite(target, { routes: Object.fromEntries(Object.entries(PAGES).map(([path, body]) => [path, { body, contentType: 'text/html; charset=utf-8' }])) });

  /** The text of the card's first step: the page's own site and its date. */
  const firstStep = async (path: string): Promise<string> => {
    const tab = await site.browser().openPage(site.url(path));
    await tab.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    const text = await tab.evaluate(() => {
      const li = document.querySelector('sourcemark-provenance')?.shadowRoot?.querySelector('.chain-steps li');
      return li?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    });
    await tab.close();
    return text;
  };

  it('dates 昨天 14:20 yesterday', async () => {
    expect(await firstStep('/gn/relative.html')).toContain(`${dayBefore(1).iso} 14:20`);
  });

  it('gives a date printed without its year the year that puts it in the past', async () => {
    expect(await firstStep('/gn/yearless.html')).toContain(`${twoDaysAgo.iso} 09:00`);
  });
});

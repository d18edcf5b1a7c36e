/**
 * A reader who blocks JavaScript on a site still gets the whole of Sourcemark there: the browser
 * runs extension scripts, but with Chrome's site setting not their timers, and the analysis used
 * to wait on one between cleaning the page and reading its provenance, so the card never came and
 * the popup got no answer. Firefox has no such setting; a blocker's CSP leaves timers alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browsers, serveSite } from './harness';

const DEMO = readFileSync(new URL('../../demo/portal-article.html', import.meta.url), 'utf8');
const PATH = '/portal-article.html';
// A page script that marks the page if it runs: it must not, for the test to mean anything.
const PAGE = DEMO.replace('</body>', `<script>document.documentElement.setAttribute('data-page-script', 'ran');</script></body>`);

describe.each(browsers)('a site whose scripts the reader blocks, in $name', (target) => {
  // The policy a script blocker sends (Firefox has no per-site switch); Chromium also gets its site setting's equivalent.
  const site = serveSite(target, { routes: { [PATH]: { body: PAGE, contentType: 'text/html; charset=utf-8' } }, headers: { 'content-security-policy': "script-src 'none'" } });

  it('is cleaned, shows the provenance card and answers the popup', async () => {
    const page = await site.browser().openPageWithoutScripts(site.url(PATH));
    await page.waitForSelector('html[data-sourcemark-cleanup="on"]', { timeoutMs: 10_000 });
    await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    const seen = await page.evaluate(() => ({
      pageScript: document.documentElement.getAttribute('data-page-script'),
      outlets: [...(document.querySelector('sourcemark-provenance')?.shadowRoot?.querySelectorAll('.chain-steps li button') ?? [])].map((b) => b.textContent),
    }));
    expect(seen).toEqual({ pageScript: null, outlets: ['海南信息港', '参考消息网', '联合早报', '纽约时报'] });

    const popup = await site.browser().openPopupFor(page);
    await popup.waitForSelector('[data-testid="verdict"]', { timeoutMs: 10_000 });
    expect(await popup.evaluate(() => document.querySelector('[data-testid="verdict"]')!.textContent)).toMatch(/海南信息港/);
    await popup.close();
    await page.close();
  });
});

/**
 * Accessibility in each real browser, light and dark: axe-core's WCAG 2.1 A and AA rules over
 * every surface a reader meets, filled as they meet it (the card and the toolbar on the demo
 * page, the popup with its hidden items and a highlight, the library, the options, the reader).
 * Contrast is measured on what the browser renders, so each colour scheme is checked. axe leaves
 * unmeasured what it cannot resolve: icon-only buttons (named by aria-label), and the toolbar's
 * note button over the page (its computed colours: 15.7:1 light, 12.1:1 dark). Firefox's axe also
 * leaves the popup's contrast unmeasured (it takes the text as partly covered), so Chromium's run
 * is the one that measures it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ColorScheme } from '../../scripts/lib/extension-tabs';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, clickInAnnotator, inAnnotator, openDemo, selectText, type TestPage } from './harness';

const READY = 'html[data-sourcemark-cleanup="on"]';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Audit {
  /** Elements checked against at least one rule: an audit of nothing would pass as well. */
  checked: number;
  /** Each violation as `rule: element — what fails`, so a failure reads as what to mend. */
  violations: string[];
}

/** axe-core over the page, or over the element `host` (with its shadow root) only. */
async function audit(page: TestPage, host: string | null = null): Promise<Audit> {
  await page.runScript(AXE_SOURCE);
  return page.inShadow(
    host ?? ':root',
    async (root, only: string | null) => {
      type Result = { id: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> };
      type Axe = { run(context: unknown, options: unknown): Promise<Record<'violations' | 'passes', Result[]>> };
      const axe = (window as unknown as { axe: Axe }).axe;
      // axe finds a root as its host's `shadowRoot`, which a closed one (the annotator's) is not:
      // shown to it under that name while it audits.
      const shown = only && root ? document.querySelector(only) : null;
      if (shown) Object.defineProperty(shown, 'shadowRoot', { value: root, configurable: true });
      try {
        const { violations, passes } = await axe.run(only ? { include: [[only]] } : document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return {
          checked: passes.reduce((n, p) => n + p.nodes.length, 0),
          violations: violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`)),
        };
      } finally {
        if (shown) delete (shown as { shadowRoot?: unknown }).shadowRoot;
      }
    },
    host,
  );
}

/** Audits in the scheme given (the page sees it) and expects no violation among a fair number of elements checked. */
async function expectAccessible(page: TestPage, scheme: ColorScheme, what: string, host: string | null = null): Promise<void> {
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), `${what} in ${scheme}`).toBe(scheme === 'dark');
  const { checked, violations } = await audit(page, host);
  expect(violations, what).toEqual([]);
  expect(checked, `elements of ${what} checked`).toBeGreaterThan(10);
}

describe.each(browsers)('accessibility in $name', (target) => {
  describe.each(['light', 'dark'] as const)('%s', (colorScheme) => {
    const session = openDemo(target, READY, { colorScheme });

    it('the provenance card and the colour toolbar on the page', async () => {
      const demo = session.demo();
      await demo.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
      await expectAccessible(demo, colorScheme, 'the card', 'sourcemark-provenance');
      await selectText(demo, { phrase: '只要输入内容', length: 6 });
      const toolbar = () => inAnnotator(demo, (root) => Boolean(root?.querySelector('.toolbar')));
      await pollUntil(toolbar, Boolean, 'the toolbar', { intervalMs: 100 });
      await expectAccessible(demo, colorScheme, 'the toolbar', 'sourcemark-annotator');
      await clickInAnnotator(demo, '.toolbar .swatch[data-color="yellow"]');
    });

    // The highlight the first test made is the one the popup and library list.
    it('the popup, with hidden items and a highlight', async () => {
      const popup = await session.browser().openPopupFor(session.demo());
      await popup.waitForSelector('.hl-row', { timeoutMs: 10_000 });
      // Drawn once its stored note is read: audited with the rest.
      await popup.waitForSelector('.page-note textarea', { timeoutMs: 10_000 });
      await expectAccessible(popup, colorScheme, 'the popup');
      // axe measures contrast only where it can see the text: the rows below the popup's scrolled
      // box are measured once scrolled to, as the reader does.
      for (const part of ['.hl-row', '.export']) {
        await popup.evaluate((selector: string) => document.querySelector(selector)!.scrollIntoView(), part);
        await expectAccessible(popup, colorScheme, part, part);
      }
      await popup.close();
    });

    it('the library, the options and the reader view', async () => {
      for (const [path, ready] of [
        ['library.html', 'li.hl'],
        ['options.html', 'input[type="checkbox"]'],
      ] as const) {
        const page = await session.browser().openExtensionPage(path);
        await page.waitForSelector(ready, { timeoutMs: 10_000 });
        await expectAccessible(page, colorScheme, path);
        await page.close();
      }
      const popup = await session.browser().openPopupFor(session.demo());
      await popup.waitForSelector('[data-testid="open-reader"]', { timeoutMs: 10_000 });
      await popup.click('[data-testid="open-reader"]');
      const reader = await session.browser().waitForTab('/reader.html#');
      await reader.waitForSelector('[data-testid="reader-content"] p', { timeoutMs: 10_000 });
      await expectAccessible(reader, colorScheme, 'the reader');
      await reader.close();
      await popup.close();
    });

    it('the options with "Clean pages" off, saying so over the kinds', async () => {
      const page = await session.browser().openExtensionPage('options.html');
      await page.waitForSelector('.switch input', { timeoutMs: 10_000 });
      await page.click('.switch input');
      await page.waitForSelector('[data-testid="kinds-off"]', { timeoutMs: 5_000 });
      await expectAccessible(page, colorScheme, 'options.html, Clean pages off');
      // On again, and saved (the line goes once it is), for the next scheme's pages.
      await page.click('.switch input');
      await pollUntil(() => page.evaluate(() => document.querySelector('[data-testid="kinds-off"]') === null), Boolean, 'Clean pages on again', { intervalMs: 100 });
      await page.close();
    });
  });
});

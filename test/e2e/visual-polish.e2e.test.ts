/**
 * What a reader sees at a glance on the extension's own pages, in each real browser and in the dark
 * scheme: text and controls that stand side by side line up, and one colour looks one way on every
 * surface.
 */
import { describe, expect, it } from 'vitest';
import { browsers, serveSite } from './harness';

/** In the options page: for each kind, how far its name's baseline sits from its hint's, in CSS px (both in one font). */
function kindNameOffHint(): number[] {
  const textBottom = (node: Node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return range.getClientRects()[0]!.bottom;
  };
  return [...document.querySelectorAll('.kinds > div')].map((row) => {
    const name = [...row.querySelector('label')!.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
    return Math.round(Math.abs(textBottom(name) - textBottom(row.querySelector('.muted')!)));
  });
}

describe.each(browsers)('the extension’s pages at a glance in $name', (target) => {
  const site = serveSite(target, { launch: { colorScheme: 'dark' } });

  it('sets each kind’s name on the options page on the line of its hint', async () => {
    const page = await site.browser().openExtensionPage('options.html');
    await page.waitForSelector('input[data-kind="navigation"]', { timeoutMs: 10_000 });
    const offsets = await page.evaluate(kindNameOffHint);
    expect(offsets.length).toBeGreaterThan(0);
    expect(offsets.every((px) => px === 0), `name above its hint by ${offsets.join(', ')} px`).toBe(true);
    await page.close();
  });

  it('draws the library’s filter fields one height, their labels on one line', async () => {
    const page = await site.browser().openExtensionPage('library.html');
    await page.waitForSelector('.filters select', { timeoutMs: 10_000 });
    const fields = await page.evaluate(() =>
      [...document.querySelectorAll('.filters .field')].map((field) => {
        const box = field.querySelector('select, input')!.getBoundingClientRect();
        return { label: Math.round(field.getBoundingClientRect().top), box: Math.round(box.height) };
      }),
    );
    expect(fields.length).toBe(4);
    expect(new Set(fields.map((f) => f.label)).size, JSON.stringify(fields)).toBe(1);
    expect(new Set(fields.map((f) => f.box)).size, JSON.stringify(fields)).toBe(1);
    await page.close();
  });
});

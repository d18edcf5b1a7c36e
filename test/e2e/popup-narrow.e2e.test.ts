/**
 * The popup in a narrow window: 320 CSS px, as a 640 px one zoomed to 200% lays it out (WCAG's
 * reflow width). Opened as a tab, as every popup test does, where the window's width is the
 * reader's and not the popup's own: nothing runs off sideways, is cut or covers another control,
 * with every section open (the reasons, the hidden items, the source chain, the highlights and
 * their export).
 */
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, clickInAnnotator, openDemo, selectText } from './harness';

/**
 * In the popup, scrolled to its top once drawn (rows out of sight are not laid out, and keep the
 * width they were last drawn at): whether the page or the popup's box scrolls sideways.
 */
async function sideways(): Promise<string[]> {
  document.querySelector('.popup')!.scrollTop = 0;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return [document.documentElement, document.querySelector('.popup')!]
    .filter((el) => el.scrollWidth > el.clientWidth)
    .map((el) => `${el.tagName.toLowerCase()}.${el.className} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}`);
}

/** In the popup: what runs past the popup's box, is cut inside its own box, or overlaps another control. */
function misfits(): string[] {
  const found: string[] = [];
  const popup = document.querySelector<HTMLElement>('.popup')!;
  const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? `.${[...el.classList].join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
  const box = popup.getBoundingClientRect();
  const right = Math.min(box.right, innerWidth);
  const controls: Element[] = [];
  for (const el of popup.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0) continue;
    if (r.left < box.left - 0.5 || r.right > right + 0.5) found.push(`runs past the popup: ${name(el)} ${Math.round(r.left)}–${Math.round(r.right)}`);
    if (!el.matches('button, summary, input, label, a')) continue;
    controls.push(el);
    if (el.scrollWidth > el.clientWidth + 1) found.push(`cut: ${name(el)} ${el.scrollWidth} > ${el.clientWidth}`);
  }
  for (const [i, a] of controls.entries()) {
    for (const b of controls.slice(i + 1)) {
      if (a.contains(b) || b.contains(a)) continue;
      const p = a.getBoundingClientRect();
      const q = b.getBoundingClientRect();
      if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) found.push(`overlap: ${name(a)} and ${name(b)}`);
    }
  }
  return found;
}

describe.each(browsers)('the popup in a narrow window in $name', (target) => {
  const session = openDemo(target, 'html[data-sourcemark-cleanup="on"]');

  it('fits 320 CSS px: nothing runs off sideways, is cut or overlaps', async () => {
    const demo = session.demo();
    await demo.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    // A highlight, for the popup's list and its export.
    await selectText(demo, { phrase: '只要输入内容', length: 6 });
    await clickInAnnotator(demo, '.toolbar .swatch[data-color="yellow"]');
    const popup = await session.browser().openPopupFor(demo);
    await popup.waitForSelector('.hl-row', { timeoutMs: 10_000 });
    // In front, where it is drawn frame by frame (openPopupFor leaves the story's tab there).
    await popup.bringToFront();
    // Opened at the popup's own width, its sections opened, then zoomed to 200%: the highlights,
    // drawn at the first width, are out of sight by then.
    await popup.setViewport({ width: 372, height: 600 });
    await popup.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    await pollUntil(() => popup.evaluate(() => document.querySelectorAll('.hidden-list li').length), (n) => n > 0, 'the hidden items listed', { intervalMs: 100, timeoutMs: 5_000 });
    await popup.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await popup.setViewport({ width: 320, height: 600 });
    expect(await popup.evaluate(sideways)).toEqual([]);
    expect(await popup.evaluate(misfits)).toEqual([]);
    await popup.close();
  });
});

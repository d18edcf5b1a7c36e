/**
 * What a reader sees at a glance on the extension's own pages (options, library, popup, reader), in
 * each real browser, in the dark scheme and in Chinese: text and controls that stand side by side
 * line up, nothing wraps apart from its label, and one colour looks one way on every surface.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS, swatchColor, type HighlightRecord, type PageRecord } from '../../utils/annotation-types';
import { toW3cJson } from '../../utils/export/w3c-json';
import { contrast, parseColor } from '../helpers/contrast';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, clickHighlight, clickInAnnotator, highlightYellow, inAnnotator, selectText, serveSite, type Point, type Site, type TestPage } from './harness';

/** A file of one highlight, as another copy of Sourcemark would export it. */
async function exportFile(): Promise<string> {
  const now = '2025-01-15T08:00:00.000Z';
  const pageUrl = 'https://example.com/story';
  const page: PageRecord = { url: pageUrl, title: 'A story', publisher: 'example.com', provenance: null, firstSeen: now, lastSeen: now };
  const highlight: HighlightRecord = {
    id: crypto.randomUUID(),
    pageUrl,
    selectors: [{ type: 'TextQuoteSelector', exact: 'a passage', prefix: '', suffix: '' }],
    quote: 'a passage',
    color: 'yellow',
    note: '',
    created: now,
    updated: now,
  };
  const path = join(await mkdtemp(join(tmpdir(), 'sourcemark-polish-')), 'highlights.json');
  await writeFile(path, toW3cJson({ pages: [page], highlights: [highlight], exportedAt: now }));
  return path;
}

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

/** In a page: how the undo toast in `root` (our shadow root; the document when null) is drawn, and its Undo button. */
function toastLook(root: ShadowRoot | null): string[] {
  const toast = (root ?? document).querySelector('.toast')!;
  const look = (el: Element, props: string[]) => props.map((p) => `${p}: ${getComputedStyle(el).getPropertyValue(p)}`);
  return [
    ...look(toast, ['background-color', 'color', 'border-top-width', 'border-radius', 'padding', 'font-size', 'box-shadow']),
    ...look(toast.querySelector('button')!, ['background-color', 'color', 'border-top-color', 'border-radius', 'padding', 'font-size']),
  ];
}

/** In a page: the centre of the undo toast's Undo button in `root` (as toastLook), in the viewport. */
function undoCentre(root: ShadowRoot | null): Point {
  const box = (root ?? document).querySelector('.toast button')!.getBoundingClientRect();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** In a page: how the undo toast's Undo button in `root` is drawn with the mouse on it. */
function hoveredUndoLook(root: ShadowRoot | null): string[] {
  const button = (root ?? document).querySelector('.toast button')!;
  const style = getComputedStyle(button);
  return [`hovered: ${button.matches(':hover')}`, ...['background-color', 'color', 'border-top-color'].map((p) => `hovered ${p}: ${style.getPropertyValue(p)}`)];
}

/** The undo toast's look in `tab` (toastLook), then its Undo's under the mouse; `inRoot` runs a function with the toast's root. */
async function toastLookHovered(tab: TestPage, inRoot: <R>(fn: (root: ShadowRoot | null) => R) => Promise<R>): Promise<string[]> {
  const look = await inRoot(toastLook);
  await tab.hoverAt(await inRoot(undoCentre));
  return [...look, ...(await inRoot(hoveredUndoLook))];
}

/** The library with exportFile's highlight being imported: the preview's Import pressed. */
async function libraryImporting(site: Site): Promise<TestPage> {
  const library = await site.browser().openExtensionPage('library.html');
  await library.waitForSelector('[data-testid="import-file"]', { timeoutMs: 10_000 });
  await library.upload('[data-testid="import-file"]', await exportFile());
  await library.waitForSelector('.import-preview button', { timeoutMs: 10_000 });
  await library.click('.import-preview button');
  return library;
}

/**
 * The undo toast as each surface draws it after a delete: on the page (over the page, in our shadow
 * root), in the popup and in the library.
 */
async function undoToastLooks(site: Site): Promise<Record<'page' | 'popup' | 'library', string[]>> {
  const demo = await site.browser().openPage(site.url('/demo/portal-article.html'));
  await demo.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
  await highlightYellow(demo, '只要输入内容', 6);
  await clickHighlight(demo, 'sourcemark-yellow');
  await clickInAnnotator(demo, '.editor button.danger');
  await pollUntil(() => inAnnotator(demo, (root) => Boolean(root?.querySelector('.toast'))), Boolean, 'the toast on the page');
  // The mouse on the toast holds it on the page: it stays for the Undo below.
  const page = await toastLookHovered(demo, (fn) => inAnnotator(demo, fn));
  // Undone, so the popup lists the highlight to delete there.
  await clickInAnnotator(demo, '.toast button');
  const popup = await site.browser().openPopupFor(demo);
  await popup.waitForSelector('.hl-row button.danger', { timeoutMs: 10_000 });
  await popup.click('.hl-row button.danger');
  await popup.waitForSelector('.toast', { timeoutMs: 10_000 });
  const inPopup = await toastLookHovered(popup, (fn) => popup.evaluate(fn, null));
  await popup.close();
  await demo.close();
  const library = await libraryImporting(site);
  await library.waitForSelector('.hl button.danger', { timeoutMs: 10_000 });
  await library.click('.hl button.danger');
  await library.waitForSelector('.toast button', { timeoutMs: 10_000 });
  const inLibrary = await toastLookHovered(library, (fn) => library.evaluate(fn, null));
  await library.close();
  return { page, popup: inPopup, library: inLibrary };
}

/** Expects the undo toast to look one way on the page, in the popup and in the library, its Undo hovered too, its words legible on it. */
async function expectOneUndoToast(site: Site): Promise<void> {
  const looks = await undoToastLooks(site);
  expect(looks.page).toContain('hovered: true');
  expect(looks.popup).toEqual(looks.page);
  expect(looks.library).toEqual(looks.page);
  const colour = (name: string) => looks.page.find((line) => line.startsWith(`${name}: `))!.slice(name.length + 2);
  expect(contrast(colour('color'), colour('background-color'))).toBeGreaterThanOrEqual(4.5);
}

/** The reader's controls in a 360 px window: what sits under a group's label (a wrapped choice), or a label broken in two. */
async function readerControlsMisplaced(site: Site): Promise<string[]> {
  const demo = await site.browser().openPage(site.url('/demo/portal-article.html'));
  await demo.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
  const popup = await site.browser().openPopupFor(demo);
  await popup.waitForSelector('[data-testid="open-reader"]', { timeoutMs: 10_000 });
  await popup.click('[data-testid="open-reader"]');
  const reader = await site.browser().waitForTab('/reader.html#');
  await reader.waitForSelector('[data-testid="reader-controls"] button', { timeoutMs: 10_000 });
  await reader.setViewport({ width: 360, height: 700 });
  // At this width the four themes take two lines: the one wrapped starts under the first, not under “Theme”.
  const underLabel = await reader.evaluate(
    () =>
      new Promise<string[]>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            resolve(
              [...document.querySelectorAll('.reader-group')].flatMap((group) => {
                const name = group.querySelector('.reader-label')!;
                const label = name.getBoundingClientRect();
                const words = document.createRange();
                words.selectNodeContents(name);
                const broken = words.getClientRects().length > 1 ? [`label ${name.textContent} broken`] : [];
                return [...broken, ...[...group.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().left < label.right).map((b) => b.textContent!.trim())];
              }),
            ),
          ),
        ),
      ),
  );
  await reader.close();
  await popup.close();
  await demo.close();
  return underLabel;
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

  it('rings a settings list’s heading, where focus goes after its last entry is removed, in the grey, not the buttons’ red', async () => {
    const page = await site.browser().openExtensionPage('options.html');
    await page.waitForSelector('h2[tabindex="-1"]', { timeoutMs: 10_000 });
    const rings = await page.evaluate(() => {
      const root = getComputedStyle(document.documentElement);
      return {
        muted: root.getPropertyValue('--muted').trim(),
        accent: root.getPropertyValue('--accent').trim(),
        headings: [...document.querySelectorAll<HTMLElement>('h2[tabindex="-1"]')].map((h) => {
          h.focus({ focusVisible: true } as FocusOptions);
          return { shown: h.matches(':focus-visible'), color: getComputedStyle(h).outlineColor, style: getComputedStyle(h).outlineStyle };
        }),
      };
    });
    expect(rings.headings.length).toBe(2);
    for (const h of rings.headings) {
      expect(h.shown).toBe(true);
      expect(h.style).toBe('solid');
      expect(parseColor(h.color)).toEqual(parseColor(rings.muted));
      expect(parseColor(h.color)).not.toEqual(parseColor(rings.accent));
    }
    await page.close();
  });

  it('rings the import’s outcome, where focus goes, as it rings a button but in a grey, not the buttons’ red', async () => {
    const page = await libraryImporting(site);
    await page.waitForSelector('.import-done', { timeoutMs: 10_000 });
    const rings = await page.evaluate(() => {
      const ring = (el: Element) => {
        const s = getComputedStyle(el);
        return { shape: `${s.outlineStyle} ${s.outlineWidth} offset ${s.outlineOffset}`, color: s.outlineColor };
      };
      const outcome = document.querySelector('.import-done')!;
      const shown = document.activeElement === outcome && outcome.matches(':focus-visible');
      // A button with the keyboard's focus, for the ring every control wears.
      const button = document.querySelector<HTMLButtonElement>('.transfer button')!;
      const outcomeRing = ring(outcome);
      button.focus({ focusVisible: true } as FocusOptions);
      const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
      return { shown, outcome: outcomeRing, button: button.matches(':focus-visible') ? ring(button) : null, accent, page: getComputedStyle(document.body).backgroundColor };
    });
    expect(rings.shown).toBe(true);
    expect(rings.button, 'a button’s ring').not.toBeNull();
    expect(rings.outcome.shape).toBe(rings.button!.shape);
    // The buttons keep their accent ring; the message's is a grey (its channels within a few steps
    // of each other) that stands out from the page as a focus ring must (3:1).
    expect(parseColor(rings.button!.color)).toEqual(parseColor(rings.accent));
    const [r, g, b] = parseColor(rings.outcome.color);
    expect(Math.max(r, g, b) - Math.min(r, g, b), rings.outcome.color).toBeLessThanOrEqual(24);
    expect(contrast(rings.outcome.color, rings.page)).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('draws the library’s filter fields one height, their labels on one line', async () => {
    const page = await site.browser().openExtensionPage('library.html');
    await page.waitForSelector('.filters select', { timeoutMs: 10_000 });
    // Wide enough for the row: Firefox's 800 px window wraps it once the site list names a site
    // (the fields wrap by design in a narrow window).
    await page.setViewport({ width: 1280, height: 800 });
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

  // An empty library shows neither: it says there is nothing yet. These run on the import above.
  it('dims “Select all results” when nothing matches as it dims the Delete button beside it', async () => {
    const page = await site.browser().openExtensionPage('library.html');
    await page.waitForSelector('.filters .search', { timeoutMs: 10_000 });
    await page.type('.filters .search', 'no highlight says this');
    await page.waitForSelector('.lib-toolbar input[type="checkbox"]:disabled', { timeoutMs: 10_000 });
    const seen = await page.evaluate(() => ({
      label: getComputedStyle(document.querySelector('.lib-toolbar label')!).opacity,
      button: getComputedStyle(document.querySelector('.lib-toolbar button:disabled')!).opacity,
    }));
    expect(seen.label).toBe(seen.button);
    await page.close();
  });

  it('sets the library’s colour swatches and their name on the centre line of the filter boxes beside them', async () => {
    const page = await site.browser().openExtensionPage('library.html');
    await page.waitForSelector('.filters .swatch[data-color="yellow"]', { timeoutMs: 10_000 });
    // How far below the boxes' centre line (px) each swatch's centre, and its legend's words, sit.
    const below = await page.evaluate(() => {
      const centre = (r: DOMRect) => r.top + r.height / 2;
      const line = centre(document.querySelector('.filters .field > select')!.getBoundingClientRect());
      const words = document.createRange();
      words.selectNodeContents(document.querySelector('.filters .swatches legend')!);
      return [...[...document.querySelectorAll('.filters .swatch')].map((s) => s.getBoundingClientRect()), words.getBoundingClientRect()].map((r) => Math.round(centre(r) - line) || 0);
    });
    expect(below).toEqual(new Array(below.length).fill(0));
    expect(below.length).toBe(7);
    await page.close();
  });

  it('draws each colour in the library’s filter as the toolbar and the popup draw it, in the dark too', async () => {
    const page = await site.browser().openExtensionPage('library.html');
    await page.waitForSelector('.filters .swatch[data-color="yellow"]', { timeoutMs: 10_000 });
    const toolbar = Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, swatchColor(c)]));
    const seen = await page.evaluate((backgrounds: Record<string, string>) => {
      const paint = (el: Element) => `${getComputedStyle(el).backgroundImage} on ${getComputedStyle(el).backgroundColor}`;
      const probe = document.body.appendChild(document.createElement('span'));
      const out = Object.entries(backgrounds).map(([c, background]) => {
        probe.style.background = background;
        return { color: c, library: paint(document.querySelector(`.filters .swatch[data-color="${c}"]`)!), toolbar: paint(probe) };
      });
      probe.remove();
      return out;
    }, toolbar);
    for (const { color, library, toolbar } of seen) expect(library, color).toBe(toolbar);
    await page.close();
  });

  it('draws a highlight’s bar in the popup in the colour of its swatch, not darkened by the dark popup', async () => {
    const demo = await site.browser().openPage(site.url('/demo/portal-article.html'));
    await demo.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    await selectText(demo, { phrase: '只要输入内容', length: 6 });
    await clickInAnnotator(demo, '.toolbar .swatch[data-color="yellow"]');
    const popup = await site.browser().openPopupFor(demo);
    await popup.waitForSelector('.hl-row .swatch', { timeoutMs: 10_000 });
    const seen = await popup.evaluate(() => {
      const row = document.querySelector('.hl-row')!;
      const swatch = getComputedStyle(row.querySelector('.swatch')!);
      return { bar: getComputedStyle(row.querySelector('.quote')!).borderInlineStartColor, swatch: `${swatch.backgroundImage} on ${swatch.backgroundColor}` };
    });
    expect(`none on ${seen.bar}`).toBe(seen.swatch);
    await popup.close();
    await demo.close();
  });

  it('runs the popup’s scrollbar on a track of the popup’s own dark, not a white stripe', async () => {
    const demo = await site.browser().openPage(site.url('/demo/portal-article.html'));
    await demo.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    const popup = await site.browser().openPopupFor(demo);
    await popup.waitForSelector('[data-testid="verdict"]', { timeoutMs: 10_000 });
    const seen = await popup.evaluate(() => {
      const box = document.querySelector('.popup')!;
      // "thumb track", or "auto" where the browser picks its own (Firefox: the system theme's, light).
      const colours = getComputedStyle(box).scrollbarColor.match(/rgba?\([^)]*\)|#\w+/g) ?? [];
      return { track: colours[1] ?? getComputedStyle(box).scrollbarColor, background: getComputedStyle(document.body).backgroundColor };
    });
    expect(seen.track).toBe(seen.background);
    await popup.close();
    await demo.close();
  });

  it('draws the undo toast on the page as in the popup and the library, in the dark', async () => {
    await expectOneUndoToast(site);
  });

  it('wraps the reader’s theme choices in a narrow window beside their label, none alone under it', async () => {
    expect(await readerControlsMisplaced(site)).toEqual([]);
  });
});

describe.each(browsers)('the undo toast in the light scheme in $name', (target) => {
  const site = serveSite(target, { launch: { colorScheme: 'light' } });

  it('is drawn on the page as in the popup and the library', async () => {
    await expectOneUndoToast(site);
  });
});

describe('the reader’s controls in Chinese in chromium', () => {
  const site = serveSite(browsers.find((b) => b.name === 'chromium')!, { launch: { lang: 'zh-CN' } });

  it('keeps each label whole (主题, not 主 over 题) beside choices that wrap', async () => {
    expect(await readerControlsMisplaced(site)).toEqual([]);
  });
});

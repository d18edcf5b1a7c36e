/**
 * The reader view in each real browser: opened from the popup on the demo page it shows only the
 * story; the theme chosen persists after reopening; a highlight made in the reader is drawn on
 * the original page.
 */
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { HIGHLIGHT_COLORS } from '../../utils/annotation-types';
import { contrast, over, parseColor } from '../helpers/contrast';
import { browsers, clickInAnnotator, openDemo, selectText, type TestPage } from './harness';

const READY = 'html[data-sourcemark-cleanup="on"]';

/** What the reader shows: its paragraphs, and whether any clutter of the demo page got in. */
function readerText() {
  const content = document.querySelector('[data-testid="reader-content"]')!;
  const text = content.textContent ?? '';
  return {
    paragraphs: content.querySelectorAll('p').length,
    theme: document.querySelector('.reader')!.getAttribute('data-theme'),
    hasStory: text.includes('参考消息网2月23日报道') && text.includes('LLaMA'),
    hasClutter: ['拓展阅读', '阿里云', '腾讯云', '分享到', '热门排行', '免责声明'].filter((w) => text.includes(w)),
    scripts: content.querySelectorAll('script, iframe, [onclick], [onerror]').length,
  };
}

describe.each(browsers)('reader view in $name', (target) => {
  const session = openDemo(target, READY);

  const openReader = async (): Promise<TestPage> => {
    const popup = await session.browser().openPopupFor(session.demo());
    await popup.waitForSelector('[data-testid="open-reader"]', { timeoutMs: 10_000 });
    await popup.click('[data-testid="open-reader"]');
    const reader = await session.browser().waitForTab('/reader.html#');
    await reader.waitForSelector('[data-testid="reader-content"] p', { timeoutMs: 10_000 });
    return reader;
  };

  it('shows the story and nothing of the page around it', async () => {
    const reader = await openReader();
    const seen = await reader.evaluate(readerText);
    expect(seen.hasStory).toBe(true);
    expect(seen.paragraphs).toBeGreaterThanOrEqual(14);
    expect(seen.hasClutter).toEqual([]);
    expect(seen.scripts).toBe(0);
    await reader.close();
  });

  it('keeps its story when reloaded after four more readers were opened', async () => {
    const first = await openReader();
    const more = [];
    for (let i = 0; i < 4; i++) more.push(await openReader());
    await first.evaluate(() => {
      (window as unknown as { beforeReload?: boolean }).beforeReload = true;
      setTimeout(() => location.reload(), 0);
    });
    const reloaded = () =>
      first
        .evaluate(() => ((window as unknown as { beforeReload?: boolean }).beforeReload ? 'not yet' : (document.querySelector('[data-testid="reader-content"], [data-testid="reader-message"]')?.getAttribute('data-testid') ?? 'not yet')))
        .catch(() => 'not yet');
    expect(await pollUntil(reloaded, (seen) => seen !== 'not yet', 'the reloaded reader', { intervalMs: 100, timeoutMs: 10_000 })).toBe('reader-content');
    expect((await first.evaluate(readerText)).hasStory).toBe(true);
    for (const reader of [first, ...more]) await reader.close();
  });

  it('a reader whose page is gone says so, links to the article and is titled', async () => {
    const article = 'https://news.example.cn/2024-02/23/c_1.htm';
    const reader = await session.browser().openExtensionPage(`reader.html#token=00000000-0000-4000-8000-000000000000&url=${encodeURIComponent(article)}`);
    await reader.waitForSelector('[data-testid="reader-message"]', { timeoutMs: 10_000 });
    const seen = await reader.evaluate(() => ({
      title: document.title,
      link: document.querySelector('[data-testid="reader-back"]')?.getAttribute('href'),
      close: Boolean(document.querySelector('[data-testid="reader-close"]')),
    }));
    expect(seen).toEqual({ title: 'Reader view', link: article, close: true });
    await reader.close();
  });

  it("says an outlet's sentence is not in the story shown, and flashes one that is", async () => {
    const reader = await openReader();
    const pick = (outlet: string) =>
      reader.evaluate((name) => {
        [...document.querySelectorAll<HTMLButtonElement>('[data-testid="provenance-card"] .linklike')].find((b) => b.textContent === name)!.click();
      }, outlet);
    // Every entry holds its (live, empty) note line: what they say together.
    const note = () => reader.evaluate(() => [...document.querySelectorAll('[data-testid="provenance-card"] .evidence-note')].map((n) => n.textContent).join(''));
    // 海南信息港 is read from the site's disclaimer, which the reader leaves out.
    await pick('海南信息港');
    expect(await pollUntil(note, (text) => text !== '', 'the note', { intervalMs: 100, timeoutMs: 5_000 })).toContain('不代表海南信息港立场');
    await pick('联合早报');
    expect(await pollUntil(note, (text) => text === '', 'the note gone', { intervalMs: 100, timeoutMs: 5_000 })).toBe('');
    // Picked with the keyboard, the outlet leaves the keyboard at its sentence, out of the card.
    await reader.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('[data-testid="provenance-card"] .linklike')].find((b) => b.textContent === '纽约时报')!.focus());
    await reader.press('Enter');
    const focusInCard = () => reader.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="provenance-card"]')));
    expect(await pollUntil(focusInCard, (inCard) => !inCard, 'the focus out of the card', { intervalMs: 100, timeoutMs: 5_000 })).toBe(false);
    await reader.close();
  });

  it('keeps its controls on top while reading in a wide window, and lets them scroll away in a narrow one, where they wrap to rows', async () => {
    const reader = await openReader();
    // How much of the window the control bar covers once the story is scrolled halfway.
    const barCover = () =>
      reader.evaluate(() => {
        const scroller = document.scrollingElement!;
        scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2;
        return Math.max(0, document.querySelector('.reader-bar')!.getBoundingClientRect().bottom);
      });
    await reader.setViewport({ width: 1280, height: 800 });
    expect(await barCover()).toBeGreaterThan(0);
    expect(await barCover()).toBeLessThan(80);
    await reader.setViewport({ width: 400, height: 800 });
    expect(await barCover()).toBe(0);
    await reader.setViewport({ width: 1280, height: 800 });
    await reader.close();
  });

  it('keeps the theme chosen after closing and reopening', async () => {
    let reader = await openReader();
    await reader.evaluate(() => (document.querySelector('[data-swatch="sepia"]')!.closest('button') as HTMLButtonElement).click());
    await reader.waitForSelector('.reader[data-theme="sepia"]', { timeoutMs: 5_000 });
    await reader.close();
    reader = await openReader();
    expect((await reader.evaluate(readerText)).theme).toBe('sepia');
    await reader.close();
  });

  it("follows settings changed in another reader tab, and never saves its stale ones over them", async () => {
    const a = await openReader();
    const b = await openReader();
    const seen = (reader: TestPage) =>
      reader.evaluate(() => {
        const root = document.querySelector<HTMLElement>('.reader')!;
        return `${root.getAttribute('data-theme')} ${root.style.getPropertyValue('--reader-size')}`;
      });
    const size = Number((await seen(a)).split(' ')[1]!.replace('px', ''));
    await b.evaluate(() => (document.querySelector('[data-swatch="dark"]')!.closest('button') as HTMLButtonElement).click());
    expect(await pollUntil(() => seen(a), (s) => s.startsWith('dark '), 'tab A in dark', { intervalMs: 100, timeoutMs: 5_000 })).toBe(`dark ${size}px`);
    await a.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="reader-controls"] button[aria-label="Larger text"]')!.click());
    expect(await pollUntil(() => seen(b), (s) => s.endsWith(`${size + 1}px`), 'tab B larger', { intervalMs: 100, timeoutMs: 5_000 })).toBe(`dark ${size + 1}px`);
    await a.close();
    await b.close();
  });

  it('reads text on a highlight of every colour at 4.5:1 or more in each theme', async () => {
    const reader = await openReader();
    const pick = (theme: string) => reader.evaluate((t) => (document.querySelector(`[data-swatch="${t}"]`)!.closest('button') as HTMLButtonElement).click(), theme);
    const chosen = (await reader.evaluate(readerText)).theme!;
    const ratios: Record<string, number> = {};
    for (const theme of ['light', 'sepia', 'dark']) {
      await pick(theme);
      await reader.waitForSelector(`.reader[data-theme="${theme}"]`, { timeoutMs: 5_000 });
      // The painter's names, as it registers them.
      const painted = await reader.evaluate((colors) => {
        const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
        const text = document.querySelector('[data-testid="reader-content"] p')!;
        return {
          page: getComputedStyle(document.querySelector('.reader')!).backgroundColor,
          colors: colors.map((c) => ({ c, registered: registry.has(`sourcemark-${c}`), ...(({ backgroundColor, color }) => ({ backgroundColor, color }))(getComputedStyle(text, `::highlight(sourcemark-${c})`)) })),
        };
      }, [...HIGHLIGHT_COLORS]);
      for (const { c, registered, backgroundColor, color } of painted.colors) {
        expect(registered).toBe(true);
        ratios[`${theme} ${c}`] = Math.round(contrast(color, over(parseColor(backgroundColor), parseColor(painted.page))) * 100) / 100;
      }
    }
    expect(Object.entries(ratios).filter(([, ratio]) => ratio < 4.5)).toEqual([]);
    await pick(chosen);
    await reader.close();
  });

  it('a highlight made in the reader is drawn on the original page', async () => {
    const reader = await openReader();
    const quote = await selectText(reader, { phrase: 'AI焦虑症', length: 'AI焦虑症'.length });
    await clickInAnnotator(reader, '.toolbar .swatch[data-color="blue"]');
    await reader.close();
    const blue = () => session.demo().evaluate(() => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcemark-blue') ?? [])].map((r) => r.toString()));
    const drawn = await pollUntil(blue, (d) => d.length > 0, 'the reader highlight on the page', { intervalMs: 100 });
    expect(drawn).toEqual([quote]);
  });
  it('from the keyboard: Esc closes the toolbar, not the reader; Tab reaches the toolbar; the shortcut highlights the selection', async () => {
    const reader = await openReader();
    const toolbar = () => reader.evaluate(() => Boolean(document.querySelector('sourcemark-annotator')?.shadowRoot?.querySelector('.toolbar')));
    const drawn = (name: string) => reader.evaluate((n) => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n) ?? [])].map((r) => r.toString()), name);

    await selectText(reader, { phrase: '只要输入内容', length: 6 });
    await pollUntil(toolbar, Boolean, 'the toolbar', { intervalMs: 100 });
    await reader.press('Escape');
    await pollUntil(toolbar, (shown) => !shown, 'the toolbar closed', { intervalMs: 100 });
    expect(await reader.evaluate(() => Boolean(document.querySelector('[data-testid="reader-view"]')))).toBe(true);

    // From the story's last link, Tab goes on to the toolbar, whose swatches take Enter.
    const quote = await selectText(reader, { phrase: 'AI焦虑症', length: 5 });
    await pollUntil(toolbar, Boolean, 'the toolbar again', { intervalMs: 100 });
    await reader.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid="reader-view"] a[href], [data-testid="reader-view"] button')].at(-1)!.focus());
    await reader.press('Tab');
    const focused = () => reader.evaluate(() => document.querySelector('sourcemark-annotator')?.shadowRoot?.activeElement?.getAttribute('data-color') ?? null);
    expect(await pollUntil(focused, (c) => c !== null, 'a swatch focused', { intervalMs: 100 })).toBe('yellow');
    await reader.press('Enter');
    expect(await pollUntil(() => drawn('sourcemark-yellow'), (d) => d.length > 0, 'the highlight made from the keyboard', { intervalMs: 100 })).toEqual([quote]);

    // The shortcut and the context menu send this tab what they send a page's analysis.
    const second = await selectText(reader, { phrase: '中国科学院', length: 5 });
    const tabId = await reader.evaluate(async () => {
      const g = globalThis as unknown as Record<string, { tabs: { getCurrent(): Promise<{ id?: number }> } } | undefined>;
      return (await (g.browser ?? g.chrome)!.tabs.getCurrent()).id!;
    });
    const library = await session.browser().openExtensionPage('library.html');
    await library.evaluate(async (id) => {
      const g = globalThis as unknown as Record<string, { tabs: { sendMessage(tab: number, msg: object): Promise<unknown> } } | undefined>;
      await (g.browser ?? g.chrome)!.tabs.sendMessage(id, { type: 'highlight-selection' });
    }, tabId);
    await library.close();
    expect(await pollUntil(() => drawn('sourcemark-yellow'), (d) => d.length === 2, 'the highlight made by the shortcut', { intervalMs: 100 })).toContain(second);
    await reader.close();
  });

  it("says a highlight of the page's headline is not in the story it shows", async () => {
    // The headline is the reader's own title, not the story's text the highlights are drawn in.
    await selectText(session.demo(), { phrase: 'Sora横空出世', length: 6 });
    await clickInAnnotator(session.demo(), '.toolbar .swatch[data-color="green"]');
    const reader = await openReader();
    const said = () => reader.evaluate(() => document.querySelector('[data-testid="reader-not-shown"]')?.textContent ?? '');
    expect(await pollUntil(said, (text) => text !== '', 'the line about the headline highlight', { intervalMs: 100, timeoutMs: 10_000 })).toMatch(/^1 highlight /);
    await reader.close();
  });
});

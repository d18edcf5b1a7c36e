/**
 * What a reader sees on the demo portal page in each real browser: no ads, no unrelated teasers,
 * the story intact; "Show original" brings everything back; a late ad is caught, and counted by an
 * open popup; typing in the page's search box is never disturbed.
 */
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, clickInCard, demoVisibility as visibility, openDemo } from './harness';

describe.each(browsers)('cleanup in $name', (target) => {
  const session = openDemo(target, 'html[data-sourcemark-cleanup="on"]');

  it('shows the story and no ad, teaser or share bar', async () => {
    const v = await session.demo().evaluate(visibility);
    expect(v.story.length).toBe(14);
    expect(v.story.every(Boolean)).toBe(true);
    expect(v.ads.length).toBe(5);
    expect(v.ads.some(Boolean)).toBe(false);
    expect(v.teasers.length).toBe(6);
    expect(v.teasers.some(Boolean)).toBe(false);
    expect(v.share).toEqual([false]);
  });

  it('"Show original" in the popup brings everything back, and hiding again works', async () => {
    const popup = await session.browser().openPopupFor(session.demo());
    await popup.waitForSelector('[data-testid="toggle-original"]', { timeoutMs: 10_000 });
    // The header bar fits the popup's width, its switch's label on one line.
    const bar = await popup.evaluate(() => {
      const header = document.querySelector('.bar')!;
      const label = header.querySelector('.switch')!;
      return { fits: header.scrollWidth <= header.clientWidth, oneLine: label.getBoundingClientRect().height < 1.6 * parseFloat(getComputedStyle(label).fontSize) * 1.5 };
    });
    expect(bar).toEqual({ fits: true, oneLine: true });
    // The page's three actions share one line, whichever the first one says.
    const actionRows = () => popup.evaluate(() => new Set(Array.from(document.querySelectorAll('.actions button'), (b) => b.getBoundingClientRect().top)).size);
    const toggleLabel = () => popup.evaluate(() => document.querySelector('[data-testid="toggle-original"]')!.textContent);
    const showLabel = await toggleLabel();
    expect(await actionRows()).toBe(1);
    await popup.click('[data-testid="toggle-original"]');
    await session.demo().waitForSelector('html[data-sourcemark-cleanup="off"]', { timeoutMs: 5_000 });
    const shown = await session.demo().evaluate(visibility);
    expect(shown.ads.every(Boolean)).toBe(true);
    expect(shown.teasers.every(Boolean)).toBe(true);
    await pollUntil(toggleLabel, (label) => label !== showLabel, 'the button offering to hide clutter again', { timeoutMs: 5_000, intervalMs: 50 });
    expect(await actionRows()).toBe(1);

    await popup.click('[data-testid="toggle-original"]');
    await session.demo().waitForSelector('html[data-sourcemark-cleanup="on"]', { timeoutMs: 5_000 });
    expect((await session.demo().evaluate(visibility)).ads.some(Boolean)).toBe(false);
    await popup.close();
  });

  it('the "show original" shortcut\'s message flips cleanup, as the popup\'s button does', async () => {
    // The browser's shortcut reaches the background, which sends this message; drivers can't press
    // an extension's shortcut, so the test sends it from an extension page.
    const popup = await session.browser().openPopupFor(session.demo());
    const toggle = () =>
      popup.evaluate(async () => {
        type Tabs = { tabs: { sendMessage(tabId: number, msg: unknown, options: { frameId: number }): Promise<unknown> } };
        // Firefox's `chrome` is callback-based under MV2, so its promise-based `browser` first.
        const scope = globalThis as unknown as { browser?: Tabs; chrome: Tabs };
        const tabId = Number(new URL(location.href).searchParams.get('tab'));
        const state = (await (scope.browser ?? scope.chrome).tabs.sendMessage(tabId, { type: 'toggle-cleanup' }, { frameId: 0 })) as { cleanupActive: boolean };
        return state.cleanupActive;
      });
    expect(await toggle()).toBe(false);
    expect((await session.demo().evaluate(visibility)).ads.every(Boolean)).toBe(true);
    expect(await toggle()).toBe(true);
    expect((await session.demo().evaluate(visibility)).ads.some(Boolean)).toBe(false);
    await popup.close();
  });

  it('hides an ad injected two seconds after load, and the open popup counts it', async () => {
    const popup = await session.browser().openPopupFor(session.demo());
    await popup.waitForSelector('[data-testid="toggle-original"]', { timeoutMs: 10_000 });
    const hiddenCount = async () => Number(/(\d+)\D*$/.exec((await popup.evaluate(() => document.querySelector('[data-testid="verdict"]')!.textContent))!)![1]);
    const before = await hiddenCount();
    await session.demo().evaluate(
      () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            const ad = document.createElement('div');
            ad.id = 'late-ad';
            ad.innerHTML = '<span>广告</span><a href="https://promo.example-ads.cn/x">限时秒杀 立即抢购</a>';
            document.querySelector('.left')!.append(ad);
            resolve();
          }, 2000),
        ),
    );
    await session.demo().waitForSelector('#late-ad[data-sourcemark-hidden="ad"]', { timeoutMs: 5_000 });
    expect(await session.demo().evaluate(() => document.getElementById('late-ad')!.checkVisibility())).toBe(false);
    await pollUntil(hiddenCount, (n) => n === before + 1, 'the popup counting the late ad', { timeoutMs: 5_000, intervalMs: 50 });
    await popup.close();
  });

  it('judges a teaser block a script adds after load: the story on another subject goes, the one on Sora stays', async () => {
    await session.demo().evaluate(() => {
      const block = document.createElement('div');
      block.id = 'late-related';
      block.innerHTML = `<h3>相关新闻</h3><ul>
        <li id="late-same"><a href="/a/1.htm">OpenAI视频生成模型Sora横空出世，中美人工智能差距引发担忧</a></li>
        <li id="late-other"><a href="/a/2.htm">海口今年新增公办幼儿园学位三千个</a></li></ul>`;
      document.querySelector('.left')!.append(block);
    });
    await session.demo().waitForSelector('#late-other[data-sourcemark-hidden="teaser"]', { timeoutMs: 5_000 });
    const shown = await session.demo().evaluate(() => ['late-same', 'late-other'].map((id) => document.getElementById(id)!.checkVisibility()));
    expect(shown).toEqual([true, false]);
  });

  it('never disturbs typing in the page search box', async () => {
    await session.demo().type('#site-search', 'Sora 视频');
    const state = await session.demo().evaluate(() => {
      const input = document.getElementById('site-search') as HTMLInputElement;
      return { value: input.value, focused: document.activeElement === input, visible: input.checkVisibility() };
    });
    expect(state).toEqual({ value: 'Sora 视频', focused: true, visible: true });
  });
});

describe.each(browsers)('provenance card in $name', (target) => {
  const session = openDemo(target, 'sourcemark-provenance');

  it('shows the exact chain above the article, in a shadow root', async () => {
    const card = await session.demo().evaluate(() => {
      const host = document.querySelector('sourcemark-provenance')!;
      const shadow = host.shadowRoot!;
      return {
        beforeBody: host.nextElementSibling?.id ?? null,
        steps: [...shadow.querySelectorAll('.chain-steps li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()),
        outlets: [...shadow.querySelectorAll('.chain-steps li button')].map((b) => b.textContent),
        credits: shadow.querySelector('.credits')?.textContent ?? '',
      };
    });
    expect(card.beforeBody).toBe('text');
    expect(card.outlets).toEqual(['海南信息港', '参考消息网', '联合早报', '纽约时报']);
    expect(card.steps.join('|')).toMatch(/参考消息网.*2024-02-23\|.*联合早报.*2024-02-20.*\|.*纽约时报.*2024-02-21/);
    // Both reports came through 参考消息网, and their rows say so.
    expect(card.steps[2]).toMatch(/2024-02-20.*参考消息网/);
    expect(card.steps[3]).toMatch(/2024-02-21.*参考消息网/);
    expect(card.steps[0]).toContain('2024-02-23 09:42');
    expect(card.credits).toMatch(/^Credits: compiled by 刘子彦/);
  });

  it('clicking 联合早报 flashes the sentence it was read from', async () => {
    await clickInCard(session.demo(), '.chain-steps button', '联合早报');
    const flashed = await session.demo().evaluate(() => {
      const api = (globalThis as unknown as { CSS: { highlights?: Map<string, Iterable<Range>> } }).CSS.highlights;
      const fromHighlight = api?.get('sourcemark-flash');
      return fromHighlight ? [...fromHighlight].map((r) => r.toString()).join('') : (getSelection()?.toString() ?? '');
    });
    expect(flashed).toContain('据新加坡《联合早报》网站2月20日报道');
  });

  // A credit's line was shown only in a tooltip, out of reach of a keyboard or a touch screen.
  it('clicking 刘子彦 in the credits flashes the line the credit was read from', async () => {
    await clickInCard(session.demo(), '.credits button', '刘子彦');
    const flashed = await session.demo().evaluate(() => {
      const api = (globalThis as unknown as { CSS: { highlights?: Map<string, Iterable<Range>> } }).CSS.highlights;
      const fromHighlight = api?.get('sourcemark-flash');
      return fromHighlight ? [...fromHighlight].map((r) => r.toString()).join('') : (getSelection()?.toString() ?? '');
    });
    expect(flashed).toContain('编译/刘子彦');
  });

  it('clicking 纽约时报 in the popup flashes its sentence on the page', async () => {
    const popup = await session.browser().openPopupFor(session.demo());
    await popup.waitForSelector('.chain-steps button', { timeoutMs: 10_000 });
    await popup.evaluate(() => ([...document.querySelectorAll('.chain-steps button')].find((b) => b.textContent === '纽约时报') as HTMLElement).click());
    const flashed = () =>
      session.demo().evaluate(() => {
        const api = (globalThis as unknown as { CSS: { highlights?: Map<string, Iterable<Range>> } }).CSS.highlights;
        const fromHighlight = api?.get('sourcemark-flash');
        return fromHighlight ? [...fromHighlight].map((r) => r.toString()).join('') : (getSelection()?.toString() ?? '');
      });
    expect(await pollUntil(flashed, (text) => text.includes('纽约时报'), 'the sentence flashed', { timeoutMs: 5_000, intervalMs: 100 })).toContain('另据美国《纽约时报》网站2月21日报道');
    await popup.close();
  });

  it('clicking 海南信息港 shows its disclaimer, hidden by cleanup, for a moment', async () => {
    const statement = () => session.demo().evaluate(() => document.querySelector('p.statement')!.checkVisibility());
    expect(await statement()).toBe(false);
    await clickInCard(session.demo(), '.chain-steps button', '海南信息港');
    expect(await statement()).toBe(true);
    await pollUntil(statement, (shown) => !shown, 'the disclaimer hidden again', { timeoutMs: 10_000, intervalMs: 200 });
  });

  it('folds when its head is clicked, and stays folded on the next page load, until unfolded', async () => {
    const head = () =>
      session.demo().evaluate(() => {
        const shadow = document.querySelector('sourcemark-provenance')?.shadowRoot;
        const button = shadow?.querySelector<HTMLButtonElement>('button.head');
        return button ? { expanded: button.getAttribute('aria-expanded'), steps: shadow!.querySelectorAll('.chain-steps li').length } : null;
      });
    const clickHead = () => clickInCard(session.demo(), 'button.head');
    expect(await head()).toEqual({ expanded: 'true', steps: 4 });
    await clickHead();
    expect(await head()).toEqual({ expanded: 'false', steps: 0 });
    await session.demo().goto(session.demo().url());
    await session.demo().waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    expect(await pollUntil(head, (h) => h !== null, 'the card drawn again', { timeoutMs: 5_000 })).toEqual({ expanded: 'false', steps: 0 });
    await clickHead();
    expect(await head()).toEqual({ expanded: 'true', steps: 4 });
  });
});


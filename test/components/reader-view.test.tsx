// @vitest-environment jsdom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReaderControls } from '@/components/ReaderControls';
import { ReaderMessage, ReaderView, type ReaderViewProps } from '@/components/ReaderView';
import type { Source } from '@/utils/analysis-types';
import { analyzePage } from '@/utils/analyze';
import { buildReaderArticle, makePurifier, type ReaderArticle } from '@/utils/reader';
import { DEFAULT_READER_SETTINGS, READER_LIMITS, type ReaderSettings } from '@/utils/reader-settings';
import { parseHtml } from '../helpers/dom';
import { families } from '../helpers/font-stack';
import { translator, type Lang } from '../helpers/locale';

/** Keys as labels: the tests find controls by the string key they ask for. */
const t = (key: string) => key;

const ARTICLE: ReaderArticle = {
  title: '市图书馆新馆下月开放',
  byline: '记者 方晓宁',
  publisher: '江城日报',
  publishedAt: '2024-06-03T08:30:00',
  html: '<p>新馆建筑面积四万二千平方米。</p><p>详见<a href="https://news.example.cn/map">交通地图</a>。</p>',
  text: '新馆建筑面积四万二千平方米。 详见交通地图。',
  lang: 'zh-CN',
  dir: null,
  usedCoreBody: false,
  reason: 'test',
};

const SOURCES: Source[] = [{ outlet: '江城日报', role: 'publisher', via: null, date: null, evidence: '来源：江城日报' }];

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.appendChild(host);
});
afterEach(() => {
  act(() => render(null, host));
  host.remove();
});

/** Renders the reader with its settings held in state, as the caller would. */
function mount(overrides: Partial<ReaderViewProps> = {}, initial: ReaderSettings = DEFAULT_READER_SETTINGS) {
  const onSettings = vi.fn();
  const onClose = vi.fn();
  function Harness() {
    const [settings, setSettings] = useState(initial);
    return (
      <ReaderView
        article={ARTICLE}
        settings={settings}
        onSettings={(change) =>
          setSettings((s) => {
            const next = change(s);
            onSettings(next);
            return next;
          })
        }
        onClose={onClose}
        provenance={null}
        t={t}
        {...overrides}
      />
    );
  }
  act(() => render(<Harness />, host));
  const root = host.querySelector<HTMLElement>('[data-testid="reader-view"]')!;
  return { root, onSettings, onClose };
}

const button = (root: Element, label: string): HTMLButtonElement => {
  const found = Array.from(root.querySelectorAll('button')).find((b) => b.getAttribute('aria-label') === label || b.textContent === label);
  if (!found) throw new Error(`no button ${label}`);
  return found;
};
const key = (el: Element, k: string, shiftKey = false) =>
  act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true })));

describe('ReaderView', () => {
  it('shows publisher, headline, byline and date above the article', () => {
    const { root } = mount();
    expect(root.querySelector('.reader-publisher')?.textContent).toBe('江城日报');
    expect(root.querySelector('h1')?.textContent).toBe('市图书馆新馆下月开放');
    expect(root.querySelector('.reader-meta')?.textContent).toBe('记者 方晓宁 · 2024-06-03 08:30');
    expect(root.getAttribute('aria-labelledby')).toBe(root.querySelector('h1')?.id);
    expect(root.querySelector('[data-testid="reader-content"]')?.innerHTML).toBe(ARTICLE.html);
  });

  it('marks the story’s words with the page’s language inside the reader’s own', () => {
    const { root } = mount();
    const langs = ['.reader-publisher', 'h1', '.reader-meta', '[data-testid="reader-content"]'].map((s) => root.querySelector(s)?.getAttribute('lang'));
    expect(langs).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
  });

  it('says how long the story takes to read, in the reader’s language', () => {
    const { root } = mount();
    const line = root.querySelector('[data-testid="reader-time"]')!;
    expect(line.textContent).toBe('reader_minutes_one');
    // The story's lang is on its own words only: this line is the reader's.
    expect(line.closest('[lang]')).toBeNull();
    const long = mount({ article: { ...ARTICLE, text: '新馆建筑面积四万二千平方米。'.repeat(200) } }).root;
    expect(long.querySelector('[data-testid="reader-time"]')?.textContent).toBe('reader_minutes_other');
  });

  it('shows the provenance card only when given', () => {
    expect(mount().root.querySelector('[data-testid="provenance-card"]')).toBeNull();
    const onToggle = vi.fn();
    const { root } = mount({ provenance: { sources: SOURCES, credits: [], collapsed: false, onToggle, onPick: () => {} } });
    const card = root.querySelector('[data-testid="provenance-card"]')!;
    expect(card.textContent).toContain('江城日报');
    act(() => card.querySelector<HTMLButtonElement>('.head')!.click());
    expect(onToggle).toHaveBeenCalledTimes(1);
  });

  it("says how many of the page's highlights are outside the story shown, only when some are", () => {
    expect(mount().root.querySelector('[data-testid="reader-not-shown"]')).toBeNull();
    expect(mount({ notShown: 2 }).root.querySelector('[data-testid="reader-not-shown"]')?.textContent).toBe('reader_highlights_not_shown_other');
  });

  it('hands the article container to the caller, and takes it back on close', () => {
    const ready = vi.fn();
    mount({ onContentReady: ready });
    expect(ready).toHaveBeenCalledTimes(1);
    const el = ready.mock.calls[0]![0] as HTMLElement;
    expect(el.textContent).toBe('新馆建筑面积四万二千平方米。详见交通地图。');
    act(() => render(null, host));
    expect(ready).toHaveBeenLastCalledWith(null);
  });

  it('closes with Esc from inside it or from the page body, and with the close button', () => {
    const { root, onClose } = mount();
    key(root.querySelector('.reader-content a')!, 'Escape');
    expect(onClose).toHaveBeenCalledTimes(1);
    // A toolbar that closes leaves focus on the body.
    key(document.body, 'Escape');
    expect(onClose).toHaveBeenCalledTimes(2);
    act(() => button(root, 'reader_close').click());
    expect(onClose).toHaveBeenCalledTimes(3);
  });

  it('leaves Esc to an open toolbar first, and to our UI outside the view (the toolbar in its shadow root)', () => {
    // The highlighter's page-wide Esc, which takes the key (preventDefault) while its toolbar is open.
    let open = true;
    const toolbarEscape = (e: KeyboardEvent) => {
      if (open) e.preventDefault();
      open = false;
    };
    document.addEventListener('keydown', toolbarEscape, true);
    const { root, onClose } = mount();
    key(root, 'Escape');
    expect(onClose).not.toHaveBeenCalled();
    document.removeEventListener('keydown', toolbarEscape, true);
    const toolbarHost = document.createElement('sourcemark-annotator');
    document.documentElement.append(toolbarHost);
    key(toolbarHost, 'Escape');
    expect(onClose).not.toHaveBeenCalled();
    toolbarHost.remove();
    key(root, 'Escape');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('takes focus on open, and lets Tab run past its last control (to the toolbar and the browser)', () => {
    const { root } = mount();
    expect(document.activeElement).toBe(root);
    const focusable = Array.from(root.querySelectorAll<HTMLElement>('button, a[href]'));
    const last = focusable[focusable.length - 1]!;
    expect(last.textContent).toBe('交通地图');
    last.focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    act(() => void last.dispatchEvent(tab));
    expect(tab.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(last);
  });
});

describe('a right-to-left story', () => {
  it("sets the story's words right to left, and leaves the reader's own controls and card in the UI's direction", () => {
    const { root } = mount({ article: { ...ARTICLE, lang: 'ar', dir: 'rtl' }, provenance: { sources: SOURCES, credits: [], collapsed: false, onToggle: () => undefined, onPick: () => undefined } });
    for (const sel of ['.reader-title', '.reader-publisher', '.reader-meta', '[data-testid="reader-content"]']) expect(root.querySelector(sel)!.getAttribute('dir')).toBe('rtl');
    expect(root.querySelector('.reader-bar')!.closest('[dir]')).toBeNull();
    // The card says its direction itself (the UI's words' lang_dir): on a page it sits in the page's.
    const card = root.querySelector('[data-testid="provenance-card"]')!;
    expect(card.parentElement!.closest('[dir]')).toBeNull();
    expect(card.getAttribute('dir')).toBe('lang_dir');
  });
});

describe('ReaderControls in the reader', () => {
  it('applies font, size, line height, width and theme to the view', () => {
    const { root, onSettings } = mount();
    act(() => button(root, 'reader_font_serif').click());
    act(() => button(root, 'reader_larger').click());
    act(() => button(root, 'reader_looser').click());
    act(() => button(root, 'reader_narrower').click());
    act(() => button(root, 'reader_theme_sepia').click());
    const want = { font: 'serif', fontSize: 19, lineHeight: 1.9, width: 34, theme: 'sepia' };
    expect(onSettings).toHaveBeenLastCalledWith(want);
    expect(root.dataset['theme']).toBe('sepia');
    expect(root.style.getPropertyValue('--reader-size')).toBe('19px');
    expect(root.style.getPropertyValue('--reader-leading')).toBe('1.9');
    expect(root.style.getPropertyValue('--reader-width')).toBe('34em');
    expect(root.style.getPropertyValue('--reader-font')).toContain('Noto Serif CJK SC');
    expect(button(root, 'reader_theme_sepia').getAttribute('aria-pressed')).toBe('true');
    expect(button(root, 'reader_theme_auto').getAttribute('aria-pressed')).toBe('false');
  });

  it('steps twice on two clicks before the view is drawn again', () => {
    const { root } = mount();
    act(() => {
      button(root, 'reader_larger').click();
      button(root, 'reader_larger').click();
      button(root, 'reader_theme_dark').click();
    });
    expect(root.style.getPropertyValue('--reader-size')).toBe(`${DEFAULT_READER_SETTINGS.fontSize + 2}px`);
    expect(root.dataset['theme']).toBe('dark');
  });

  it('writes the size’s and the width’s units alike, each in the reader’s language: characters in Chinese, em in English', () => {
    const sizeAndWidth = (lang: Lang) => {
      const host = document.body.appendChild(document.createElement('div'));
      act(() => render(<ReaderControls settings={DEFAULT_READER_SETTINGS} onSettings={() => undefined} t={translator(lang)} />, host));
      const outputs = [...host.querySelectorAll('output')];
      const shown = [outputs[0]!.textContent, outputs.at(-1)!.textContent];
      act(() => render(null, host));
      host.remove();
      return shown;
    };
    expect(DEFAULT_READER_SETTINGS.fontSize).toBe(18);
    expect((['en', 'zh_CN', 'zh_TW', 'ja', 'ko'] as const).map(sizeAndWidth)).toEqual([
      ['18 px', '36 em'],
      ['18 像素', '36 字宽'],
      ['18 像素', '36 字寬'],
      ['18 px', '36 字'],
      ['18픽셀', '36자'],
    ]);
  });

  it('shows each font’s name in that font, in the faces of the reader’s language', () => {
    const fonts = (lang: 'en' | 'ja' | 'zh_TW') => {
      const host = document.body.appendChild(document.createElement('div'));
      act(() => render(<ReaderControls settings={DEFAULT_READER_SETTINGS} onSettings={() => undefined} t={translator(lang)} />, host));
      const shown = [...host.querySelectorAll<HTMLElement>('.reader-choice span[style]')].map((span) => families(span.style.fontFamily)[0]);
      act(() => render(null, host));
      host.remove();
      return shown;
    };
    expect([fonts('en'), fonts('ja'), fonts('zh_TW')]).toEqual([
      ['Georgia', 'system-ui'],
      ['Noto Serif CJK JP', 'system-ui'],
      ['Noto Serif CJK TC', 'system-ui'],
    ]);
  });

  it('marks a stepper at its limit and ignores it there, keeping it focusable', () => {
    const { root, onSettings } = mount({}, { ...DEFAULT_READER_SETTINGS, fontSize: READER_LIMITS.fontSize.max });
    const larger = button(root, 'reader_larger');
    expect(larger.getAttribute('aria-disabled')).toBe('true');
    expect(larger.disabled).toBe(false);
    act(() => larger.click());
    expect(onSettings).not.toHaveBeenCalled();
    act(() => button(root, 'reader_smaller').click());
    expect(onSettings).toHaveBeenCalledWith(expect.objectContaining({ fontSize: READER_LIMITS.fontSize.max - 1 }));
    expect(larger.getAttribute('aria-disabled')).toBe('false');
  });
});

describe('page to reader view', () => {
  it('carries no script, event handler or javascript: link from the page into the view', () => {
    const url = 'http://news.example.cn/a/1.htm';
    const story = Array.from({ length: 5 }, (_, i) => `<p>第${i + 1}段，新馆开放后将与全市二十六个街道分馆实现通借通还，读者在任一分馆借阅的图书都可以就近归还。</p>`).join('');
    const page = parseHtml(
      `<html><head><title>新馆开放_江城新闻网</title></head><body><h1>新馆开放</h1><div>${story}
      <p onclick="window.__pwned = 1">点击<a href="javascript:window.__pwned=2">这里</a><img src="x" onerror="window.__pwned=3"></p>
      <script>window.__pwned = 4</script></div></body></html>`,
      url,
    );
    const article = buildReaderArticle(page, analyzePage(page, { url }), makePurifier(window))!;
    const { root } = mount({ article });
    const content = root.querySelector('[data-testid="reader-content"]')!;
    expect(content.textContent).toContain('第5段');
    expect(content.querySelector('script')).toBeNull();
    expect(Array.from(content.querySelectorAll('*')).flatMap((e) => e.getAttributeNames()).filter((n) => n.startsWith('on'))).toEqual([]);
    expect(content.innerHTML).not.toMatch(/javascript:/i);
  });
});

describe('the reader without a story', () => {
  it('says so, links back to the article, and closes with × or Esc as the reader does', () => {
    const onClose = vi.fn();
    act(() => render(<ReaderMessage text="reader_gone" articleUrl="https://news.example.cn/a/1.htm" theme="auto" onClose={onClose} t={t} />, host));
    const root = host.querySelector('[data-testid="reader-message"]')!;
    expect(root.textContent).toContain('reader_gone');
    expect(root.querySelector('a[data-testid="reader-back"]')!.getAttribute('href')).toBe('https://news.example.cn/a/1.htm');
    key(document.body, 'Escape');
    expect(onClose).toHaveBeenCalledTimes(1);
    act(() => (root.querySelector('[data-testid="reader-close"]') as HTMLButtonElement).click());
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('offers no link when the address is not known', () => {
    act(() => render(<ReaderMessage text="reader_gone" articleUrl={null} theme="auto" onClose={() => undefined} t={t} />, host));
    expect(host.querySelector('a')).toBeNull();
  });
});

describe('the reader printed', () => {
  // Vitest empties CSS imports: the sheet is read from disk, and its print rules applied by hand (jsdom has no print media).
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(readFileSync(join(__dirname, '../../components/reader.css'), 'utf8'));
  const printRules = Array.from(sheet.cssRules)
    .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.media.mediaText === 'print')
    .flatMap((r) => Array.from(r.cssRules) as CSSStyleRule[]);
  const printed = (el: Element, property: string) => printRules.filter((r) => el.matches(r.selectorText)).map((r) => r.style.getPropertyValue(property)).filter(Boolean).at(-1);

  it('leaves out the controls, the × and the card toggle, keeps the story and the card, on white', () => {
    const { root } = mount({ provenance: { sources: SOURCES, credits: [], collapsed: true, onToggle: () => undefined, onPick: () => undefined }, settings: { ...DEFAULT_READER_SETTINGS, theme: 'dark' } });
    expect(printed(root.querySelector('.reader-bar')!, 'display')).toBe('none');
    expect(printed(root.querySelector('.card .chevron')!, 'display')).toBe('none');
    for (const kept of ['.reader-content', '.card', '.card .summary', '.reader-title']) expect(printed(root.querySelector(kept)!, 'display')).toBeUndefined();
    expect(printed(root, '--r-bg')).toBe('#ffffff');
  });
});

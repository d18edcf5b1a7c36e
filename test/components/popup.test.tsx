// @vitest-environment jsdom
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup, PopupLoading, type PopupServices } from '@/components/Popup';
import { DEFAULT_SETTINGS, type PageState, type Settings } from '@/utils/messages';
import { keepKey, keepKeys, loadSettings, updateSettings } from '@/utils/settings';
import { articleState } from '../helpers/records';
import { translator } from '../helpers/locale';
import { memoryArea } from '../helpers/memory-area';

const t = (key: string, sub?: string | string[]) => (sub === undefined ? key : `${key}(${[sub].flat().join(',')})`);
const state = articleState({
  confidence: 0.93,
  reasons: [
    { key: 'signal_og_type', args: ['article'] },
    { key: 'signal_dense_run', args: ['9', '812'] },
  ],
});
const never = () => new Promise<never>(() => undefined);
const services: PopupServices = {
  applySettings: never,
  setCleanup: never,
  pageState: never,
  loadSettings: never,
  updateSettings: never,
  keepKeys: () => [''],
  openOptions: () => undefined,
  openLibrary: () => undefined,
  openReader: () => undefined,
  showEvidence: () => undefined,
  highlights: null,
  pageNote: null,
  onPageChanged: () => () => undefined,
};

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(vnode: VNode) {
  root = document.createElement('div');
  document.body.append(root);
  render(vnode, root);
}

describe('PopupLoading', () => {
  it('shows the popup’s title, marked busy, until the answers come', () => {
    mount(<PopupLoading t={t} />);
    expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('h1')?.textContent).toBe('extName');
  });
});

describe('Popup: source chain', () => {
  it("writes the chain's outlets in the page's language, which the page told", () => {
    const withChain = { ...state, lang: 'ja', sources: [{ outlet: '毎日新聞', role: 'publisher' as const, via: null, date: null, evidence: '毎日新聞 3/5(火) 14:20配信' }] };
    mount(<Popup services={services} site="news.example.jp" initial={{ state: withChain, settings: DEFAULT_SETTINGS, highlights: null }} t={t} />);
    expect(root.querySelector('.chain-steps strong')?.getAttribute('lang')).toBe('ja');
  });

  it('asks the page to show the evidence of the entry picked', () => {
    const shown: string[] = [];
    const withChain = { ...state, sources: [{ outlet: '联合早报', role: 'reported-by' as const, via: '参考消息网', date: '2024-02-20', evidence: '据新加坡《联合早报》网站2月20日报道' }] };
    mount(<Popup services={{ ...services, showEvidence: (e) => void shown.push(e) }} site="news.example.cn" initial={{ state: withChain, settings: DEFAULT_SETTINGS, highlights: null }} t={t} />);
    const entry = [...root.querySelectorAll<HTMLButtonElement>('.chain-steps button')].find((b) => b.textContent === '联合早报')!;
    act(() => entry.click());
    expect(shown).toEqual(['据新加坡《联合早报》网站2月20日报道']);
  });
});

describe('Popup: why this verdict', () => {
  it('shows the confidence, and builds the reasons only once the section is opened', async () => {
    mount(<Popup services={services} site="news.example.cn" initial={{ state, settings: DEFAULT_SETTINGS, highlights: null }} t={t} />);
    const reasons = root.querySelector<HTMLDetailsElement>('details.reasons')!;
    expect(reasons.querySelector('summary')?.textContent).toBe('whyVerdict · confidence(93)');
    expect(reasons.querySelectorAll('li')).toHaveLength(0);
    // Browsers fire `toggle` when a <details> opens; jsdom does not, so the test fires it.
    await act(() => {
      reasons.open = true;
      reasons.dispatchEvent(new Event('toggle'));
    });
    expect([...reasons.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['signal_og_type(article)', 'signal_dense_run(9,812)']);
  });
});

describe('Popup: the verdict’s count', () => {
  const hidden: PageState['hidden'] = [
    { id: 0, kind: 'ad', text: '广告', selector: '#item-0', why: { key: 'reason_ad_label', args: ['广告'] }, kept: false },
    { id: 1, kind: 'comments', text: '网友评论', selector: '#item-1', why: { key: 'reason_comment_section', args: [] }, kept: false },
    { id: 2, kind: 'comments', text: '热门评论', selector: '#item-2', why: { key: 'reason_comment_section', args: [] }, kept: false },
    { id: 3, kind: 'teaser', text: '拓展阅读', selector: '#item-3', why: { key: 'reason_teaser_block', args: ['拓展阅读'] }, kept: true },
  ];
  const verdict = (settings: Settings) => {
    mount(<Popup services={services} site="news.example.cn" initial={{ state: articleState({ hidden }), settings, highlights: null }} t={t} />);
    return root.querySelector('[data-testid="verdict"]')?.textContent;
  };

  it('counts what is out of sight, not an item a site rule keeps', () => {
    expect(verdict(DEFAULT_SETTINGS)).toBe('verdictArticle(海南信息港,count_hidden_other(3))');
  });

  it('nor one of a kind the settings leave on pages', () => {
    expect(verdict({ ...DEFAULT_SETTINGS, shownKinds: ['comments'] })).toBe('verdictArticle(海南信息港,count_hidden_one(1))');
  });

  it('says the original is shown, and what cleanup would hide, when it is off on the page', () => {
    mount(<Popup services={services} site="news.example.cn" initial={{ state: articleState({ hidden, cleanupActive: false }), settings: DEFAULT_SETTINGS, highlights: null }} t={t} />);
    expect(root.querySelector('[data-testid="verdict"]')?.textContent).toBe('verdictArticleOriginal(海南信息港,count_toHide_other(3))');
    expect(root.querySelector('#hidden-h')?.textContent).toBe('hiddenItemsOriginal');
  });

  it('without a publisher too', () => {
    mount(<Popup services={services} site="news.example.cn" initial={{ state: articleState({ hidden, cleanupActive: false, publisher: null }), settings: DEFAULT_SETTINGS, highlights: null }} t={t} />);
    expect(root.querySelector('[data-testid="verdict"]')?.textContent).toBe('verdictArticleOriginalNoPublisher(count_toHide_other(3))');
  });
});

describe('Popup: the global switch', () => {
  it('turns cleanup off in the stored settings', async () => {
    const area = memoryArea();
    mount(
      <Popup
        services={{ ...services, updateSettings: (change) => updateSettings(area, change), applySettings: async () => state }}
        site="news.example.cn"
        initial={{ state, settings: DEFAULT_SETTINGS, highlights: null }}
        t={t}
      />,
    );
    const globalSwitch = root.querySelector<HTMLInputElement>('.switch input')!;
    await act(async () => {
      globalSwitch.click();
      // The settings are read, changed and saved through the area's promises.
      await new Promise((resolve) => setTimeout(resolve));
    });
    expect((await loadSettings(area)).enabled).toBe(false);
    expect(globalSwitch.checked).toBe(false);
  });
});

describe('Popup: "Never hide this"', () => {
  const frame = { id: 0, kind: 'ad' as const, text: '', selector: 'body > iframe:nth-of-type(2)', why: { key: 'reason_ad_token' as const, args: ['ad'] }, kept: false };
  const keepButton = async (kept: boolean, stored: string[]) => {
    const area = memoryArea();
    await updateSettings(area, (s) => void (s.keepRules['news.example.cn'] = stored));
    mount(
      <Popup
        services={{ ...services, keepKeys, updateSettings: (change) => updateSettings(area, change), applySettings: async () => state }}
        site="news.example.cn"
        initial={{ state: articleState({ hidden: [{ ...frame, kept }] }), settings: await loadSettings(area), highlights: null }}
        t={t}
      />,
    );
    const group = root.querySelector<HTMLDetailsElement>('details[data-kind="ad"]')!;
    await act(() => {
      group.open = true;
      group.dispatchEvent(new Event('toggle'));
    });
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.item-reason + button')!.click();
      await new Promise((resolve) => setTimeout(resolve));
    });
    const rules = (await loadSettings(area)).keepRules['news.example.cn'] ?? [];
    render(null, root);
    root.remove();
    return rules;
  };

  it('keeps an item without text by its place, and "Hide again" takes a rule stored before places away too', async () => {
    expect(await keepButton(false, [])).toEqual([keepKey(frame)]);
    expect(await keepButton(true, ['ad:', 'teaser:拓展阅读'])).toEqual(['teaser:拓展阅读']);
  });
});

describe('Popup: with "Clean pages" off', () => {
  const toggle = (cleanupActive: boolean) => {
    const settings = { ...DEFAULT_SETTINGS, enabled: false };
    mount(<Popup services={services} site="news.example.cn" initial={{ state: articleState({ cleanupActive }), settings, highlights: null }} t={t} />);
    return root.querySelector('[data-testid="toggle-original"]')?.textContent ?? null;
  };

  it('offers no one-tab "Hide clutter" beside the unticked switch: the switch is what cleans', () => {
    expect(toggle(false)).toBeNull();
  });

  it('still offers "Show original" on a page cleaned anyway (the shortcut), so it can go back', () => {
    expect(toggle(true)).toBe('showOriginal');
  });
});

describe('Popup: the site switch in English', () => {
  const label = (disabledSites: string[]) => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites };
    mount(<Popup services={services} site="news.example.cn" initial={{ state, settings, highlights: null }} t={translator('en')} />);
    return root.querySelector('[data-testid="toggle-site"]')?.textContent;
  };

  it('names what a click does: turn off for this site…', () => {
    expect(label([])).toBe('Off on this site');
  });

  it('…or on again', () => {
    expect(label(['news.example.cn'])).toBe('On for this site');
  });
});

describe('Popup: after a change of settings', () => {
  it('asks the page to apply the stored settings, and shows the state it answers with', async () => {
    const area = memoryArea();
    const asked: boolean[] = [];
    const applied = articleState({ cleanupActive: false });
    mount(
      <Popup
        services={{
          ...services,
          updateSettings: (change) => updateSettings(area, change),
          applySettings: async () => {
            // Asked once the change is stored, so the page reads the new settings.
            asked.push((await loadSettings(area)).disabledSites.includes('news.example.cn'));
            return applied;
          },
        }}
        site="news.example.cn"
        initial={{ state, settings: DEFAULT_SETTINGS, highlights: null }}
        t={t}
      />,
    );
    expect(root.querySelector('[data-testid="toggle-original"]')?.textContent).toBe('showOriginal');
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-testid="toggle-site"]')!.click();
      await new Promise((resolve) => setTimeout(resolve));
    });
    expect(asked).toEqual([true]);
    expect(root.querySelector('[data-testid="toggle-original"]')?.textContent).toBe('hideClutter');
  });
});

describe('Popup: while it is open', () => {
  /** Mounts the popup with `overrides`, in act so its effect has subscribed before the page speaks. */
  async function openWatching(overrides: Partial<PopupServices>): Promise<{ listeners: () => Array<() => void> }> {
    let listeners: Array<() => void> = [];
    await act(() => {
      mount(
        <Popup
          services={{
            ...services,
            onPageChanged: (listener) => {
              listeners.push(listener);
              return () => (listeners = listeners.filter((l) => l !== listener));
            },
            ...overrides,
          }}
          site="news.example.cn"
          initial={{ state, settings: DEFAULT_SETTINGS, highlights: null }}
          t={t}
        />,
      );
    });
    return { listeners: () => listeners };
  }
  /** Runs `step` in act and lets the answers it started come back. */
  const settle = (step: () => void) =>
    act(async () => {
      step();
      await new Promise((resolve) => setTimeout(resolve));
    });
  const pageChanged = (popup: { listeners: () => Array<() => void> }) => () => popup.listeners().forEach((l) => l());
  const clickToggle = () => root.querySelector<HTMLButtonElement>('[data-testid="toggle-original"]')!.click();
  const button = () => root.querySelector('[data-testid="toggle-original"]')?.textContent;

  // The reader's click changes the verdict ("11 items hidden" → "original shown, 11 items to hide"): a
  // screen reader hears that only from a live region that was there before the words changed.
  it('says what Show original did in the verdict, a live region from the first paint', async () => {
    await openWatching({ setCleanup: async (active) => articleState({ cleanupActive: active }) });
    const verdict = root.querySelector('[data-testid="verdict"]')!;
    expect(verdict.getAttribute('role')).toBe('status');
    await settle(clickToggle);
    expect(root.querySelector('[data-testid="verdict"]')).toBe(verdict);
    expect(verdict.textContent).toBe('verdictArticleOriginal(海南信息港,count_toHide_other(0))');
  });

  it('reads the page state again when the page hid a late ad, and stops listening once closed', async () => {
    const later = articleState({ hidden: [{ id: 99, kind: 'ad', text: '新到的广告', selector: '#item-99', why: { key: 'reason_added_after_load', args: [] }, kept: false }] });
    // Read, not applied: applying the settings would undo a "Hide clutter" chosen for the tab.
    const popup = await openWatching({ pageState: async () => later });
    const verdict = () => root.querySelector('[data-testid="verdict"]')?.textContent;
    expect(verdict()).toBe('verdictArticle(海南信息港,count_hidden_other(0))');
    await settle(pageChanged(popup));
    expect(verdict()).toBe('verdictArticle(海南信息港,count_hidden_one(1))');
    render(null, root);
    expect(popup.listeners()).toEqual([]);
  });

  it('shows the answer to the last request: a re-read answering after the reader\'s click does not undo it', async () => {
    let answerReRead = (_: PageState): void => undefined;
    const popup = await openWatching({
      pageState: () => new Promise<PageState>((resolve) => (answerReRead = resolve)),
      setCleanup: async (active) => articleState({ cleanupActive: active }),
    });
    await settle(() => {
      pageChanged(popup)();
      clickToggle();
    });
    expect(button()).toBe('hideClutter');
    await settle(() => answerReRead(articleState({ cleanupActive: true })));
    expect(button()).toBe('hideClutter');
  });

  it('a re-read that finds no page neither blanks the popup nor drops the answer to the reader\'s click', async () => {
    let answerClick = (_: PageState): void => undefined;
    const popup = await openWatching({
      pageState: async () => null,
      setCleanup: () => new Promise<PageState>((resolve) => (answerClick = resolve)),
    });
    await settle(() => {
      clickToggle();
      pageChanged(popup)();
    });
    expect(button()).toBe('showOriginal');
    await settle(() => answerClick(articleState({ cleanupActive: false })));
    expect(button()).toBe('hideClutter');
  });
});

describe('Popup: the note on the page', () => {
  it('is offered wherever highlights can be made, an article or not, and nowhere the page can’t answer', async () => {
    const noting: PopupServices = { ...services, pageNote: { load: async () => 'stored', save: async () => undefined } };
    for (const [isArticle, given, shown] of [
      [true, noting, true],
      // A page with highlights is no article, yet the reader may say why they kept it.
      [false, noting, true],
      [true, services, false],
    ] as const) {
      await act(() => mount(<Popup services={given} site="news.example.cn" initial={{ state: articleState({ isArticle }), settings: DEFAULT_SETTINGS, highlights: null }} t={t} />));
      // The stored note's answer comes before the field is drawn.
      await act(() => new Promise<void>((r) => setTimeout(r)));
      expect(!!root.querySelector('.page-note textarea')).toBe(shown);
      render(null, root);
      root.remove();
    }
    mount(<></>);
  });
});

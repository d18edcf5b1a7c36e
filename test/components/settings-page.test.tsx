// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsPage } from '@/components/SettingsPage';
import type { ShortcutServices } from '@/components/Shortcuts';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/messages';
import { loadSettings, updateSettings } from '@/utils/settings';
import { translator } from '../helpers/locale';
import { memoryArea } from '../helpers/memory-area';

const t = translator('en');

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const noShortcuts: ShortcutServices = { list: async () => [], openSettings: () => undefined };

/** What the page watches: `changed()` is the storage telling it the settings changed elsewhere. */
const watcher = { listeners: new Set<() => void>(), changed: () => watcher.listeners.forEach((l) => l()) };
const watch = (onChange: () => void) => (watcher.listeners.add(onChange), () => void watcher.listeners.delete(onChange));

async function mount(saved: Settings, shortcuts = noShortcuts) {
  const area = memoryArea({ settings: saved });
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<SettingsPage load={() => loadSettings(area)} update={(change) => updateSettings(area, change)} watch={watch} shortcuts={shortcuts} t={t} />, root));
  // The page reads the settings in an effect, which runs as the render is flushed.
  await act(settle);
  return area;
}

// Settings are read and saved through a storage area's promises: a macrotask later they are done.
const settle = () => new Promise<void>((resolve) => setTimeout(resolve));

const box = (kind: string) => root.querySelector<HTMLInputElement>(`input[data-kind="${kind}"]`)!;

async function click(input: HTMLElement): Promise<void> {
  await act(async () => {
    input.click();
    await settle();
  });
}

describe('SettingsPage: changes made elsewhere', () => {
  it('shows a site turned off in the popup, and the switch turned off in another tab, while open', async () => {
    const area = await mount(DEFAULT_SETTINGS);
    await updateSettings(area, (s) => {
      s.disabledSites.push('163.com');
      s.enabled = false;
    });
    await act(async () => {
      watcher.changed();
      await settle();
    });
    expect([...root.querySelectorAll('[data-testid="sites-off"] li')].map((li) => li.firstChild!.textContent)).toEqual(['163.com']);
    expect(root.querySelector<HTMLInputElement>('.switch input')!.checked).toBe(false);
  });

  it('stops watching when it goes', async () => {
    await mount(DEFAULT_SETTINGS);
    expect(watcher.listeners.size).toBe(1);
    act(() => render(null, root));
    expect(watcher.listeners.size).toBe(0);
  });
});

describe('SettingsPage: what cleanup hides', () => {
  it('lists every kind with what it covers, ticked unless the settings leave it on pages', async () => {
    await mount({ ...DEFAULT_SETTINGS, shownKinds: ['comments'] });
    const rows = [...root.querySelectorAll<HTMLInputElement>('.kinds input')].map((box) => [
      box.checked,
      box.closest('label')!.textContent,
      document.getElementById(box.getAttribute('aria-describedby')!)!.textContent,
    ]);
    expect(rows).toEqual([
      [true, 'Ads', '· ad slots, sponsored and affiliate links, floating boxes'],
      [true, 'Unrelated teasers', '· lists of other stories (拓展阅读, More stories); those related to the story stay'],
      [true, 'Widgets', '· share bars, QR codes, font-size and print tools, likes'],
      [true, 'Boilerplate', '· disclaimers, copyright and legal footers'],
      [true, 'Navigation', '· breadcrumbs, site menus, page-turn links'],
      [false, 'Comments', '· readers’ comments'],
    ]);
    expect(root.querySelector('.kinds legend')!.textContent).toBe('What cleanup hides');
  });

  it('saves a kind unticked as shown, and ticked again as hidden, keeping the other settings', async () => {
    const area = await mount({ ...DEFAULT_SETTINGS, disabledSites: ['163.com'] });
    await click(box('navigation'));
    await click(box('comments'));
    expect((await loadSettings(area)).shownKinds).toEqual(['navigation', 'comments']);
    expect(box('navigation').checked).toBe(false);
    await click(box('navigation'));
    expect(await loadSettings(area)).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['163.com'], shownKinds: ['comments'] });
    expect(box('navigation').checked).toBe(true);
  });
});

describe('SettingsPage: the global switch', () => {
  it('turns cleanup off and on again', async () => {
    const area = await mount(DEFAULT_SETTINGS);
    const globalSwitch = root.querySelector<HTMLInputElement>('.switch input')!;
    await click(globalSwitch);
    expect((await loadSettings(area)).enabled).toBe(false);
    expect(globalSwitch.checked).toBe(false);
    await click(globalSwitch);
    expect((await loadSettings(area)).enabled).toBe(true);
  });
});

describe('SettingsPage: the kinds while cleanup is off', () => {
  /** What a screen reader says on entering the kinds' group: its description. */
  const groupDescription = () =>
    root
      .querySelector('.kinds')!
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)!.textContent)
      .join(' ');

  it('says over the kinds that they apply once "Clean pages" is on, and leaves them to change meanwhile', async () => {
    const area = await mount({ ...DEFAULT_SETTINGS, enabled: false });
    const said = '“Clean pages” is off, so nothing is hidden now: these choices apply once it is on again.';
    expect(root.querySelector('.kinds legend + [data-testid="kinds-off"]')!.textContent).toBe(said);
    expect(groupDescription()).toBe(`${said} Untick a kind to leave it on every page; the popup still lists it.`);
    expect(box('comments').disabled).toBe(false);
    await click(box('comments'));
    expect(await loadSettings(area)).toEqual({ ...DEFAULT_SETTINGS, enabled: false, shownKinds: ['comments'] });
  });

  it('drops the line as the switch goes on, and brings it back as it goes off', async () => {
    await mount({ ...DEFAULT_SETTINGS, enabled: false });
    await click(root.querySelector<HTMLInputElement>('.switch input')!);
    expect(root.querySelector('[data-testid="kinds-off"]')).toBeNull();
    expect(groupDescription()).toBe('Untick a kind to leave it on every page; the popup still lists it.');
    await click(root.querySelector<HTMLInputElement>('.switch input')!);
    expect(root.querySelector('[data-testid="kinds-off"]')).not.toBeNull();
  });
});

describe('SettingsPage: per-site rules', () => {
  const long = '网友评论'.repeat(15);
  const saved = {
    ...DEFAULT_SETTINGS,
    disabledSites: ['163.com', 'sohu.com'],
    keepRules: { '163.com': ['ad:阿里云 特惠', 'teaser:拓展阅读', `comments:${long}`], 'qq.com': [], 'sina.cn': ['navigation:'] },
  };
  const sitesOff = () => [...root.querySelectorAll<HTMLButtonElement>('[data-testid="sites-off"] button')];
  const keptButtons = () => [...root.querySelectorAll<HTMLButtonElement>('[data-testid="kept-items"] button')];
  /** Each kept item as a screen reader hears its button: the name, then what it describes. */
  const kept = () => keptButtons().map((b) => `${b.textContent} (${document.getElementById(b.getAttribute('aria-describedby')!)!.textContent})`);
  async function press(button: HTMLButtonElement): Promise<void> {
    button.focus();
    await click(button);
  }

  it('lists the sites where cleanup is off, and under each site the items kept there by kind and text; none for a site with no rule left', async () => {
    await mount(saved);
    expect([...root.querySelectorAll('[data-testid="sites-off"] li')].map((li) => li.firstChild!.textContent)).toEqual(['163.com', 'sohu.com']);
    // Heard from the keyboard: each button says which site it turns back on.
    expect(sitesOff().map((b) => `${b.textContent} (${document.getElementById(b.getAttribute('aria-describedby')!)!.textContent})`)).toEqual([
      'On for this site (163.com)',
      'On for this site (sohu.com)',
    ]);
    expect([...root.querySelectorAll('[data-testid="kept-items"] > li')].map((li) => li.firstChild!.textContent)).toEqual(['163.com', 'sina.cn']);
    expect(kept()).toEqual([
      'Hide again (Ads · 阿里云 特惠)',
      'Hide again (Unrelated teasers · 拓展阅读)',
      `Hide again (Comments · ${long}…)`,
      'Hide again (Navigation · every one without text)',
    ]);
    expect(root.textContent).not.toContain('qq.com');
  });

  it('tells items without text apart by their place on the page', async () => {
    await mount({ ...DEFAULT_SETTINGS, keepRules: { 'sohu.com': ['ad:\n#side > iframe:nth-of-type(2)', `ad:\nbody > ${'div > '.repeat(30)}iframe`] } });
    expect(kept()).toEqual(['Hide again (Ads · #side > iframe:nth-of-type(2))', `Hide again (Ads · body > ${'div > '.repeat(12)}d…)`]);
  });

  it('turns cleanup on again on a site, and hides one kept item again, keeping the rest', async () => {
    const area = await mount(saved);
    await click(sitesOff()[1]!);
    await click(keptButtons()[1]!);
    expect(await loadSettings(area)).toEqual({ ...saved, disabledSites: ['163.com'], keepRules: { ...saved.keepRules, '163.com': ['ad:阿里云 特惠', `comments:${long}`] } });
    expect(kept()).toEqual(['Hide again (Ads · 阿里云 特惠)', `Hide again (Comments · ${long}…)`, 'Hide again (Navigation · every one without text)']);
    // A site's last item hidden again takes the site's rules with it.
    await click(keptButtons()[2]!);
    expect((await loadSettings(area)).keepRules).toEqual({ '163.com': ['ad:阿里云 特惠', `comments:${long}`], 'qq.com': [] });
  });

  it('keeps the keyboard in the list: on the next row’s button, else the previous one’s, else the list’s heading', async () => {
    await mount(saved);
    await press(sitesOff()[0]!);
    expect(document.activeElement).toBe(sitesOff()[0]); // sohu.com's, next in the list
    await press(sitesOff()[0]!);
    expect(document.activeElement!.textContent).toBe('Sites where cleanup is off');

    await press(keptButtons()[3]!);
    expect(document.activeElement).toBe(keptButtons()[2]); // the last row gone: the one before it, of another site
    for (const next of ['Unrelated teasers · 拓展阅读', `Comments · ${long}…`]) {
      await press(keptButtons()[0]!);
      expect(document.getElementById(document.activeElement!.getAttribute('aria-describedby')!)!.textContent).toBe(next);
    }
    await press(keptButtons()[0]!);
    expect(document.activeElement!.textContent).toBe('Items you chose to keep, per site');
  });
});

describe('SettingsPage: keyboard shortcuts', () => {
  it('lists ours with the keys the browser has now, one without keys as not set, and opens the browser’s page to change them', async () => {
    const openSettings = vi.fn();
    const list = async () => [
      { name: 'toggle-cleanup', shortcut: 'Alt+Shift+O' },
      { name: '_execute_action', shortcut: '' },
      { name: 'open-reader', shortcut: '' },
      { name: 'highlight-selection', shortcut: 'Ctrl+Shift+Y' },
    ];
    await mount(DEFAULT_SETTINGS, { list, openSettings });
    expect([...root.querySelectorAll('.shortcuts li')].map((li) => li.textContent)).toEqual([
      'Ctrl+Shift+Y Highlight the selected text',
      'not set Open the reader view',
      'Alt+Shift+O Show the original page, or hide the clutter again',
    ]);
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Change shortcuts…')!);
    expect(openSettings).toHaveBeenCalledOnce();
  });
});


describe('SettingsPage: keyboard shortcuts, changed elsewhere', () => {
  it('lists them again when the page gets the focus back (from the browser’s shortcut page)', async () => {
    let key = 'Alt+Shift+O';
    await mount(DEFAULT_SETTINGS, { list: async () => [{ name: 'toggle-cleanup', shortcut: key }], openSettings: () => undefined });
    key = 'Ctrl+Shift+U';
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
      await settle();
    });
    expect(root.querySelector('.shortcuts kbd')!.textContent).toBe('Ctrl+Shift+U');
  });
});

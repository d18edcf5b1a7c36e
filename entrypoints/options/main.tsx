import { render } from 'preact';
import { SettingsPage } from '@/components/SettingsPage';
import type { ShortcutServices } from '@/components/Shortcuts';
import { markLanguage, t } from '@/components/i18n';
import { loadSettings, SETTINGS_KEY, updateSettings } from '@/utils/settings';
import '../popup/style.css';

const shortcuts: ShortcutServices = {
  list: async () => (await browser.commands.getAll()).map((c) => ({ name: c.name ?? '', shortcut: c.shortcut ?? '' })),
  openSettings: () => {
    // Firefox has a call for its page (about:addons' shortcut panel); Chrome has an address.
    const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
    if (commands.openShortcutSettings) void commands.openShortcutSettings();
    else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  },
};

/** Calls `onChange` when the stored settings change, wherever the change was made. */
function watchSettings(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => void (area === 'local' && changes[SETTINGS_KEY] && onChange());
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

markLanguage(document, t);
// Named in the tab strip as the library is: "Settings · Sourcemark", in the reader's language.
document.title = `${t('settings')} · ${t('extName')}`;
render(
  <SettingsPage load={() => loadSettings(browser.storage.local)} update={(change) => updateSettings(browser.storage.local, change)}
    watch={watchSettings}
    shortcuts={shortcuts} t={t} />,
  document.getElementById('app')!,
);

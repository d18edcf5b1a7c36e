import { render } from 'preact';
import { SettingsPage } from '@/components/SettingsPage';
import type { ShortcutServices } from '@/components/Shortcuts';
import { markLanguage, t } from '@/components/i18n';
import { loadSettings, updateSettings } from '@/utils/settings';
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

markLanguage(document, t);
render(
  <SettingsPage load={() => loadSettings(browser.storage.local)} update={(change) => updateSettings(browser.storage.local, change)} shortcuts={shortcuts} t={t} />,
  document.getElementById('app')!,
);

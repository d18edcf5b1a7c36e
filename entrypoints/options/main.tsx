import { render } from 'preact';
import { SettingsPage } from '@/components/SettingsPage';
import { t } from '@/components/i18n';
import { loadSettings, updateSettings } from '@/utils/settings';
import '../popup/style.css';

render(
  <SettingsPage load={() => loadSettings(browser.storage.local)} update={(change) => updateSettings(browser.storage.local, change)} t={t} />,
  document.getElementById('app')!,
);

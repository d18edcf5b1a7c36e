import { render } from 'preact';
import { Popup, type PopupServices } from '@/components/Popup';
import { t } from '@/components/i18n';
import { keepKey } from '@/utils/cleanup';
import { PageStateSchema, parseMessage, type PopupToContent } from '@/utils/messages';
import { loadSettings, siteOf, updateSettings } from '@/utils/settings';
import './style.css';

/** The tab the popup speaks for: `?tab=<id>` (tests, the library page), else the active tab. */
async function targetTab(): Promise<{ id: number; url: string }> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  const tab = param ? await browser.tabs.get(param) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return { id: tab?.id ?? -1, url: tab?.url ?? '' };
}

async function main() {
  const tab = await targetTab();
  const send = async (msg: PopupToContent) => {
    try {
      return parseMessage(PageStateSchema, await browser.tabs.sendMessage(tab.id, msg));
    } catch {
      return null; // No content script on this tab (browser page, store, or not yet loaded).
    }
  };
  const state = await send({ type: 'get-page-state' });
  const services: PopupServices = {
    getState: () => send({ type: 'get-page-state' }),
    setCleanup: (active) => send({ type: 'set-cleanup', active }),
    loadSettings: () => loadSettings(browser.storage.local),
    updateSettings: (change) => updateSettings(browser.storage.local, change),
    keepKey,
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
  // Without the "tabs" permission the tab's URL is hidden from us; the content script knows it.
  render(<Popup services={services} site={siteOf(state?.url ?? tab.url)} t={t} />, document.getElementById('app')!);
}

void main();

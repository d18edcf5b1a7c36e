// First: sends the requests the first paint waits for before the rest below is evaluated.
import { opening } from './opening';
import { render } from 'preact';
import { Popup, PopupLoading, type PopupServices } from '@/components/Popup';
import { markLanguage, t } from '@/components/i18n';
import { keepKeys, loadSettings, siteOf, updateSettings } from '@/utils/settings';
import { PAGE_CHANGES_PORT, PageChangedSchema, parseMessage } from '@/utils/messages';
import { popupPageUrl } from '@/utils/normalize-url';
import { POPUP_MARKS } from './marks';
import { highlightServices, pageNoteServices } from './highlight-services';
import { askPageState, askPageView, sendToTab } from './requests';
import './style.css';

const app = document.getElementById('app')!;
markLanguage(document, t);
render(<PopupLoading t={t} />, app);

async function main() {
  const { tab, state, settings, held, page } = await opening;
  performance.mark(POPUP_MARKS.answered);
  // The content script knows its page's URL (a continuous-reading site's story); the tab's, shown to
  // us on the sites we have host access to, bounds it to the tab's origin, whatever the page says.
  const pageUrl = state ? popupPageUrl(state.url, tab.url) : null;
  const highlights = pageUrl ? highlightServices(tab.id, pageUrl) : null;
  // A page still loading its highlights holds none yet: then the list asks the store itself.
  const initialHighlights = held ?? (await highlights?.load().catch(() => null)) ?? null;
  const services: PopupServices = {
    applySettings: () => askPageState(tab.id, { type: 'apply-settings' }),
    setCleanup: (active) => askPageState(tab.id, { type: 'set-cleanup', active }),
    pageState: () => askPageView(tab.id).then((view) => view.state),
    loadSettings: () => loadSettings(browser.storage.local),
    updateSettings: (change) => updateSettings(browser.storage.local, change),
    keepKeys,
    openOptions: () => void browser.runtime.openOptionsPage(),
    openLibrary: () => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') }),
    openReader: () => void sendToTab(tab.id, { type: 'open-reader' }).then(() => window.close()),
    // No answer says nothing about the page: only its false does.
    showEvidence: (evidence) => sendToTab(tab.id, { type: 'show-evidence', evidence }).then((found) => found !== false, () => true),
    highlights,
    pageNote: pageUrl && page ? pageNoteServices(pageUrl, page) : null,
    onPageChanged: (listener) => {
      const port = browser.tabs.connect(tab.id, { name: PAGE_CHANGES_PORT, frameId: 0 });
      port.onMessage.addListener((raw: unknown) => {
        if (parseMessage(PageChangedSchema, raw)) listener();
      });
      // A tab without the analysis script (a browser page) closes the port at once; reading the
      // error is what keeps Chrome from logging it as unchecked.
      port.onDisconnect.addListener(() => void browser.runtime.lastError);
      return () => port.disconnect();
    },
  };
  render(
    <Popup services={services} site={siteOf(state?.url ?? tab.url)} initial={{ state, settings, highlights: initialHighlights }} t={t} />,
    app,
  );
  performance.mark(POPUP_MARKS.rendered);
}

void main();

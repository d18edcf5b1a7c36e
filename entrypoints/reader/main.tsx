/**
 * The reader view, in an extension tab next to the article: the page's HTML is handed over by its
 * content script, analysed and rendered here (Readability and DOMPurify load only in this tab).
 * Highlights made here are saved for the original page's URL and appear there too.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ANNOTATOR_HOST, Highlighter } from '@/components/highlighter';
import { markLanguage, t } from '@/components/i18n';
import { ReaderMessage, ReaderView } from '@/components/ReaderView';
import { analyzePage } from '@/utils/analyze';
import { flashEvidence } from '@/utils/flash';
import { PopupToContentSchema, parseMessage, type ToBackground } from '@/utils/messages';
import { pageInfoFrom } from '@/utils/page-info';
import { parseHandedPage, parseReaderHash } from '@/utils/reader-handoff';
import { buildReaderArticle, makePurifier, type ReaderArticle } from '@/utils/reader';
import { READER_SETTINGS_KEY, loadReaderSettings, parseReaderSettings, updateReaderSettings, type ReaderSettings } from '@/utils/reader-settings';
import annotatorCss from '@/components/annotator.css?inline';
import '@/entrypoints/content/card.css';
import '@/components/reader.css';
import './style.css';

interface Handoff {
  url: string;
  html: string;
  tabId: number;
}

const send = (msg: ToBackground) => browser.runtime.sendMessage(msg);

/** The annotator's toolbar lives in a shadow root here too, styled by the same sheet as on pages. */
async function mountAnnotatorUi(): Promise<HTMLElement> {
  const host = document.createElement(ANNOTATOR_HOST);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = annotatorCss;
  const container = document.createElement('div');
  shadow.append(style, container);
  document.documentElement.append(host);
  return container;
}

function Reader({ handoff, article, info, initial }: { handoff: Handoff; article: ReaderArticle; info: ReturnType<typeof pageInfoFrom>; initial: ReaderSettings }) {
  const [settings, setSettings] = useState(initial);
  const [collapsed, setCollapsed] = useState(false);
  const [notShown, setNotShown] = useState(0);
  const content = useRef<HTMLElement | null>(null);
  const highlighter = useRef<Highlighter | null>(null);
  const listeners = useRef<Array<() => void>>([]);

  useEffect(() => {
    const onMessage = (raw: unknown, sender: { url?: string }) => {
      // From the background or our own pages only: a content script speaks from (and for) a web page.
      if (!sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
      const msg = parseMessage(PopupToContentSchema, raw);
      // Stored highlights changed (made here, on the page, in the popup or library): redraw.
      if (msg?.type === 'highlights-changed') void highlighter.current?.refresh(msg.pageUrls).then(countNotShown);
      // The shortcut and the context menu, sent to this tab as to a page's analysis: answered here, so none is loaded.
      if (msg?.type === 'highlight-selection' && highlighter.current) {
        highlighter.current.highlightSelection();
        return Promise.resolve(true);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  // Settings changed in another reader tab show here too.
  useEffect(() => {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && READER_SETTINGS_KEY in changes) setSettings(parseReaderSettings(changes[READER_SETTINGS_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  // Highlights the story here lacks the text of (the headline's, a line the reader leaves out) are said to be elsewhere, not dropped in silence.
  const countNotShown = () => setNotShown(highlighter.current?.status().orphaned.length ?? 0);

  const attach = (el: HTMLElement | null) => {
    highlighter.current?.destroy();
    for (const off of listeners.current.splice(0)) off();
    content.current = el;
    if (!el) return;
    highlighter.current = new Highlighter({
      root: el,
      pageUrl: handoff.url,
      t,
      send,
      pageInfo: () => info,
      mountUi: mountAnnotatorUi,
      listen: (target, type, handler) => {
        target.addEventListener(type, handler);
        listeners.current.push(() => target.removeEventListener(type, handler));
      },
    });
    void highlighter.current.restore().then(countNotShown);
  };

  return (
    <ReaderView
      article={article}
      settings={settings}
      onSettings={(change) => void updateReaderSettings(browser.storage.local, change).then(setSettings)}
      onClose={() => void closeReader(handoff.tabId)}
      provenance={
        info.provenance && (info.provenance.sources.length || info.provenance.credits.length)
          ? {
              sources: info.provenance.sources,
              credits: info.provenance.credits,
              lang: article.lang,
              collapsed,
              onToggle: () => setCollapsed(!collapsed),
              // False when the story here lacks the sentence (the headline's, a line the reader leaves out): the card says so.
              onPick: (evidence) => content.current !== null && flashEvidence(content.current, evidence),
            }
          : null
      }
      onContentReady={attach}
      notShown={notShown}
      t={t}
    />
  );
}

async function main() {
  const app = document.getElementById('app')!;
  markLanguage(document, t);
  const { token, url } = parseReaderHash(location.hash);
  const [handoff, settings] = await Promise.all([
    send({ type: 'reader-article', token }).catch(() => null) as Promise<Partial<Handoff> | null>,
    loadReaderSettings(browser.storage.local),
  ]);
  const say = (key: 'reader_gone' | 'reader_unavailable', tabId?: number) => {
    document.title = t('reader_open');
    render(<ReaderMessage text={t(key)} articleUrl={url} theme={settings.theme} onClose={() => void closeReader(tabId)} t={t} />, app);
  };
  if (!handoff?.html || !handoff.url || handoff.tabId === undefined) return say('reader_gone');
  const page = handoff as Handoff;
  const doc = parseHandedPage(new DOMParser(), page.html, page.url);
  const core = analyzePage(doc, { url: page.url });
  const article = buildReaderArticle(doc, core, makePurifier(window));
  if (!article) return say('reader_unavailable', page.tabId);
  document.title = article.title ?? 'Sourcemark';
  render(<Reader handoff={page} article={article} info={pageInfoFrom(core.analysis, page.url, doc.title)} initial={settings} />, app);
}

/** Back to the article tab, which was never touched: it is where the reader left it. */
async function closeReader(articleTab: number | undefined) {
  if (articleTab !== undefined) await browser.tabs.update(articleTab, { active: true }).catch(() => undefined);
  window.close();
}

void main();

/**
 * The reader view: the story alone in a calm column — publisher, headline, byline, date, the
 * provenance card, the article — under the typography controls. A tab of its own: Esc or the
 * close button goes back to the article, and Tab runs on to the highlight toolbar and the browser.
 * Plain props and callbacks; the caller owns the settings store, the page and the highlights.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { ReaderArticle } from '@/utils/reader';
import { fontStack, type ReaderSettings, type ReaderSettingsChange } from '@/utils/reader-settings';
import { counted, type Translate } from './i18n';
import { ProvenanceCard, type ProvenanceCardProps } from './ProvenanceCard';
import { ReaderControls } from './ReaderControls';
import { readableDate } from '@/utils/readable-date';
import { readingMinutes } from '@/utils/reading-time';

export interface ReaderViewProps {
  article: ReaderArticle;
  settings: ReaderSettings;
  onSettings: (change: ReaderSettingsChange) => void;
  onClose: () => void;
  /** The provenance card's props, as the in-page card gets them; null leaves the card out. */
  provenance: Omit<ProvenanceCardProps, 't'> | null;
  /**
   * Called with the article's container once its html is in place (again after the article
   * changes), and with null before it goes: highlights are drawn inside it.
   */
  onContentReady?: (el: HTMLElement | null) => void;
  /** Highlights of the page not found in the story shown here (on its headline, say, or a line the reader leaves out). */
  notShown?: number;
  t: Translate;
}

const TITLE_ID = 'sourcemark-reader-title';

export function ReaderView({ article, settings, onSettings, onClose, provenance, onContentReady, notShown = 0, t }: ReaderViewProps) {
  const rootRef = useRef<HTMLElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const readyRef = useRef(onContentReady);
  readyRef.current = onContentReady;
  useEscCloses(rootRef, onClose);

  // Layout effect: the caller draws highlights before the first paint of the new html.
  useLayoutEffect(() => {
    readyRef.current?.(contentRef.current);
    return () => readyRef.current?.(null);
  }, [article.html]);

  const style = {
    '--reader-font': fontStack(settings.font, article.lang),
    '--reader-size': `${settings.fontSize}px`,
    '--reader-leading': String(settings.lineHeight),
    '--reader-width': `${settings.width}em`,
  };
  // The story's language and direction (an Arabic page's rtl), on each element of its words.
  const story = { lang: article.lang, dir: article.dir ?? undefined };
  const meta = [article.byline, article.publishedAt && readableDate(article.publishedAt)].filter(Boolean);
  const minutes = useMemo(() => readingMinutes(article.text), [article.text]);
  return (
    <main ref={rootRef} class="reader" data-theme={settings.theme} style={style} aria-labelledby={TITLE_ID} tabIndex={-1} data-testid="reader-view">
      <div class="reader-bar">
        <ReaderControls settings={settings} onSettings={onSettings} t={t} />
        <CloseButton onClose={onClose} t={t} />
      </div>
      <article class="reader-page">
        <header class="reader-header">
          {/* The story's words are in the page's language, the reader's own in its UI's (the page's lang). */}
          {article.publisher && (
            <p class="reader-publisher" {...story}>
              {article.publisher}
            </p>
          )}
          <h1 id={TITLE_ID} class="reader-title" {...(article.title === null ? {} : story)}>
            {article.title ?? t('reader_untitled')}
          </h1>
          {meta.length > 0 && (
            <p class="reader-meta" {...story}>
              {meta.join(' · ')}
            </p>
          )}
          {/* In the reader's language, not the story's: the reader's own words. */}
          {minutes > 0 && (
            <p class="reader-time" data-testid="reader-time">
              {counted(t, 'reader_minutes', minutes)}
            </p>
          )}
          {provenance && <ProvenanceCard {...provenance} t={t} />}
          {notShown > 0 && (
            <p class="reader-not-shown" role="status" data-testid="reader-not-shown">
              {counted(t, 'reader_highlights_not_shown', notShown)}
            </p>
          )}
        </header>
        {/* The one place page-derived HTML is rendered: article.html, sanitised by makePurifier. */}
        <div ref={contentRef} class="reader-content" {...story} dangerouslySetInnerHTML={{ __html: article.html }} data-testid="reader-content" />
      </article>
    </main>
  );
}

/**
 * Instead of the story, when there is none to show: the reason, the way back to the article (its
 * address is known even when its page is not), and × and Esc closing the tab as in the reader.
 */
export function ReaderMessage({ text, articleUrl, theme, onClose, t }: { text: string; articleUrl: string | null; theme: ReaderSettings['theme']; onClose: () => void; t: Translate }) {
  const rootRef = useRef<HTMLElement>(null);
  useEscCloses(rootRef, onClose);
  return (
    <main ref={rootRef} class="reader" data-theme={theme} tabIndex={-1} data-testid="reader-message">
      <div class="reader-bar">
        <CloseButton onClose={onClose} t={t} />
      </div>
      <div class="reader-message">
        <p>{text}</p>
        {articleUrl && (
          <p>
            <a href={articleUrl} data-testid="reader-back">
              {t('reader_back_to_article')}
            </a>
            <br />
            <span class="reader-message-url">{articleUrl}</span>
          </p>
        )}
      </div>
    </main>
  );
}

function CloseButton({ onClose, t }: { onClose: () => void; t: Translate }) {
  return (
    <button type="button" class="reader-close" onClick={onClose} aria-label={t('reader_close')} title={t('reader_close')} data-testid="reader-close">
      ×
    </button>
  );
}

/**
 * Focus starts on the page, so the keys scroll it; Esc is heard wherever focus is on the page
 * (a closed toolbar leaves it on the body), but not in the toolbar's own shadow root, whose keys are
 * its own; one our highlight toolbar took on the page (marked by preventDefault) closes only that.
 */
function useEscCloses(rootRef: { current: HTMLElement | null }, onClose: () => void) {
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const root = rootRef.current!;
    const doc = root.ownerDocument;
    root.focus({ preventScroll: true });
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !(root.contains(e.target as Node) || e.target === doc.body)) return;
      e.preventDefault();
      closeRef.current();
    };
    doc.addEventListener('keydown', onKeyDown);
    return () => doc.removeEventListener('keydown', onKeyDown);
  }, []);
}

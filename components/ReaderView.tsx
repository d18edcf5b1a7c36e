/**
 * The reader view: the story alone in a calm column — publisher, headline, byline, date, the
 * provenance card, the article — under the typography controls. A full-page dialog: Esc or the
 * close button leaves it, Tab cycles inside it, and focus goes back where it was on close.
 * Plain props and callbacks; the caller owns the settings store, the page and the highlights.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { ReaderArticle } from '@/utils/reader';
import { FONT_STACKS, type ReaderSettings } from '@/utils/reader-settings';
import { counted, type Translate } from './i18n';
import { ProvenanceCard, type ProvenanceCardProps } from './ProvenanceCard';
import { ReaderControls } from './ReaderControls';
import { readableDate } from '@/utils/readable-date';

export interface ReaderViewProps {
  article: ReaderArticle;
  settings: ReaderSettings;
  onSettings: (s: ReaderSettings) => void;
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
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

export function ReaderView({ article, settings, onSettings, onClose, provenance, onContentReady, notShown = 0, t }: ReaderViewProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const readyRef = useRef(onContentReady);
  readyRef.current = onContentReady;

  useEffect(() => {
    const root = rootRef.current!;
    const previous = root.ownerDocument.activeElement as HTMLElement | null;
    root.focus({ preventScroll: true });
    return () => previous?.focus?.({ preventScroll: true });
  }, []);

  // Layout effect: the caller draws highlights before the first paint of the new html.
  useLayoutEffect(() => {
    readyRef.current?.(contentRef.current);
    return () => readyRef.current?.(null);
  }, [article.html]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab') {
      keepTabInside(rootRef.current!, e);
    }
  };

  const style = {
    '--reader-font': FONT_STACKS[settings.font],
    '--reader-size': `${settings.fontSize}px`,
    '--reader-leading': String(settings.lineHeight),
    '--reader-width': `${settings.width}em`,
  };
  const meta = [article.byline, article.publishedAt && readableDate(article.publishedAt)].filter(Boolean);
  return (
    <div
      ref={rootRef}
      class="reader"
      data-theme={settings.theme}
      style={style}
      role="dialog"
      aria-modal="true"
      aria-labelledby={TITLE_ID}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-testid="reader-view"
    >
      <div class="reader-bar">
        <ReaderControls settings={settings} onSettings={onSettings} t={t} />
        <button type="button" class="reader-close" onClick={onClose} aria-label={t('reader_close')} title={t('reader_close')} data-testid="reader-close">
          ×
        </button>
      </div>
      <article class="reader-page">
        <header class="reader-header">
          {article.publisher && <p class="reader-publisher">{article.publisher}</p>}
          <h1 id={TITLE_ID} class="reader-title">
            {article.title ?? t('reader_untitled')}
          </h1>
          {meta.length > 0 && <p class="reader-meta">{meta.join(' · ')}</p>}
          {provenance && <ProvenanceCard {...provenance} t={t} />}
          {notShown > 0 && (
            <p class="reader-not-shown" role="status" data-testid="reader-not-shown">
              {counted(t, 'reader_highlights_not_shown', notShown)}
            </p>
          )}
        </header>
        {/* The one place page-derived HTML is rendered: article.html, sanitised by makePurifier. */}
        <div ref={contentRef} class="reader-content" dangerouslySetInnerHTML={{ __html: article.html }} data-testid="reader-content" />
      </article>
    </div>
  );
}

/** Wraps Tab at either end so keyboard focus never reaches the page under the dialog. */
function keepTabInside(root: HTMLElement, e: KeyboardEvent): void {
  const items = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE));
  if (items.length === 0) return;
  const active = (root.getRootNode() as Document | ShadowRoot).activeElement;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  if (e.shiftKey && (active === first || active === root)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageState, Settings } from '@/utils/messages';
import { explain } from '@/utils/reasons';
import { GlobalSwitch } from './GlobalSwitch';
import { HiddenList } from './HiddenList';
import { LazyDetails } from './LazyDetails';
import { PageHighlights, type PageHighlightsData, type PageHighlightsServices } from './PageHighlights';
import { PageNote, type PageNoteServices } from './PageNote';
import { counted, type Translate } from './i18n';
import { SourceChain, type PickEvidence } from './SourceChain';

/** What the popup needs from the browser, passed in so tests can hand in fakes. */
export interface PopupServices {
  /**
   * The page state of the tab once its page has applied the stored settings, or null when no
   * content script answers (browser pages).
   */
  applySettings(): Promise<PageState | null>;
  setCleanup(active: boolean): Promise<PageState | null>;
  /** The page state as it is, changing nothing (unlike applySettings, which decides cleanup again). */
  pageState(): Promise<PageState | null>;
  loadSettings(): Promise<Settings>;
  updateSettings(change: (s: Settings) => void): Promise<Settings>;
  /** The per-site rules that keep a hidden item ("Never hide this"), the one to store first. */
  keepKeys(item: PageState['hidden'][number]): string[];
  openOptions(): void;
  openLibrary(): void;
  /** Opens the reader view of the tab's article. */
  openReader(): void;
  /** Scrolls the tab's page to a source chain entry's evidence and flashes it, as the card does. */
  showEvidence: PickEvidence;
  /** This page's highlights; null when the page can't have any (no content script). */
  highlights: PageHighlightsServices | null;
  /** The note on this page; null when the page can't have one (no content script). */
  pageNote: PageNoteServices | null;
  /** Calls `listener` whenever the tab's page changed on its own (a late ad hidden); returns the unsubscribe. */
  onPageChanged(listener: () => void): () => void;
}

export interface PopupProps {
  services: PopupServices;
  /** Host of the tab's page, for per-site rules. */
  site: string;
  /** What main() already read, so the first paint needs no second round trip. */
  initial: { state: PageState | null; settings: Settings; highlights: PageHighlightsData | null };
  t: Translate;
}

/** The toolbar popup: the verdict, the switches, the source chain and what was hidden. */
export function Popup({ services, site, initial, t }: PopupProps) {
  const [state, setState] = useState<PageState | null>(initial.state);
  const [settings, setSettings] = useState<Settings>(initial.settings);
  const [storageError, setStorageError] = useState<string | null>(null);

  // Answers can come back out of order (the reader's click, then a re-read after a late ad): only
  // the answer to the last action is shown. A re-read is no action: it shows what it finds unless
  // an action was asked meanwhile, and when it finds no page it keeps what is shown.
  const asked = useRef(0);
  const show = (answer: Promise<PageState | null>, reRead = false): Promise<void> => {
    const mine = reRead ? asked.current : ++asked.current;
    return answer.then((fresh) => {
      if (mine === asked.current && (fresh || !reRead)) setState(fresh);
    });
  };

  // Settings changes reach the content script through storage, maybe after our next message: so
  // the page is told to apply them before it answers with its new state.
  const update = async (change: (s: Settings) => void) => {
    setSettings(await services.updateSettings(change));
    await show(services.applySettings());
  };

  // Ads that come after load are hidden while the popup is open: the counts follow.
  useEffect(() => services.onPageChanged(() => void show(services.pageState(), true)), [services]);

  const siteOff = settings.disabledSites.includes(site);
  return (
    <main class="popup">
      <header class="bar">
        <h1>{t('extName')}</h1>
        <GlobalSwitch enabled={settings.enabled} onChange={(on) => void update((s) => (s.enabled = on))} t={t} />
        <div class="bar-links">
          <button type="button" class="small" onClick={() => services.openLibrary()}>
            {t('library')}
          </button>
          <button type="button" class="small" onClick={() => services.openOptions()}>
            {t('settings')}
          </button>
        </div>
      </header>
      {storageError && (
        <p class="error" role="alert">
          {t('storage_error', storageError)}
        </p>
      )}
      {/* A live region: what Show original, Off on this site or the switch did is said here, and the
          button the reader pressed only changes its name, which a screen reader does not announce. */}
      <p class="verdict" role="status" data-testid="verdict">
        {verdictText(state, settings, t)}
      </p>
      {state?.isArticle && (
        <>
          <LazyDetails class="reasons" summary={`${t('whyVerdict')} · ${t('confidence', String(Math.round(state.confidence * 100)))}`}>
            {() => (
              <ul>
                {state.reasons.map((r, i) => (
                  <li key={i}>{explain(r, t)}</li>
                ))}
              </ul>
            )}
          </LazyDetails>
          <div class="actions">
            {/* With "Clean pages" off the switch is what hides clutter: a one-tab "Hide clutter" beside it
                would clean the page under a switch still unticked. A page cleaned anyway (the shortcut) can go back. */}
            {(settings.enabled || state.cleanupActive) && (
              <button type="button" data-testid="toggle-original" onClick={() => void show(services.setCleanup(!state.cleanupActive))}>
                {state.cleanupActive ? t('showOriginal') : t('hideClutter')}
              </button>
            )}
            <button type="button" data-testid="open-reader" onClick={() => services.openReader()}>
              {t('reader_open')}
            </button>
            <button
              type="button"
              data-testid="toggle-site"
              onClick={() =>
                void update((s) => {
                  s.disabledSites = siteOff ? s.disabledSites.filter((x) => x !== site) : [...s.disabledSites, site];
                })
              }
            >
              {siteOff ? t('onOnSite') : t('offOnSite')}
            </button>
          </div>
          <section aria-labelledby="prov-h">
            <h2 id="prov-h">{t('provenance')}</h2>
            <SourceChain sources={state.sources} credits={state.credits} t={t} onPick={services.showEvidence} lang={state.lang} />
          </section>
          {state.hidden.length > 0 && (
            <section aria-labelledby="hidden-h">
              <h2 id="hidden-h">{state.cleanupActive ? t('hiddenItems') : t('hiddenItemsOriginal')}</h2>
              <HiddenList
                items={state.hidden}
                t={t}
                shownKinds={settings.shownKinds}
                onToggleKeep={(item) =>
                  void update((s) => {
                    const keys = services.keepKeys(item);
                    const rules = new Set(s.keepRules[site] ?? []);
                    // "Hide again" takes away whichever rule keeps it, an older one too.
                    if (keys.some((key) => rules.has(key))) for (const key of keys) rules.delete(key);
                    else rules.add(keys[0]!);
                    s.keepRules[site] = [...rules];
                  })
                }
              />
            </section>
          )}
        </>
      )}
      {/* Wherever highlights can be made (the analysis script runs), not on articles only: the reader's own words together. */}
      {services.pageNote && <PageNote services={services.pageNote} t={t} onError={setStorageError} />}
      {services.highlights && <PageHighlights services={services.highlights} initial={initial.highlights} t={t} onError={setStorageError} />}
    </main>
  );
}

/**
 * What the popup shows while its first answers are on their way: its title at once instead of an
 * empty window. Drawn first, it also has preact's code compiled before the full popup renders.
 */
export function PopupLoading({ t }: { t: Translate }) {
  return (
    <main class="popup" aria-busy="true">
      <header class="bar">
        <h1>{t('extName')}</h1>
      </header>
    </main>
  );
}

function verdictText(state: PageState | null, settings: Settings, t: Translate): string {
  if (!state) return t('verdictUnavailable');
  if (!state.isArticle) return t('verdictNotArticle');
  // What is out of sight: neither kept by a site rule nor of a kind the settings leave on pages.
  const n = state.hidden.filter((h) => !h.kept && !settings.shownKinds.includes(h.kind)).length;
  if (state.cleanupActive) {
    const hidden = counted(t, 'count_hidden', n);
    return state.publisher ? t('verdictArticle', [state.publisher, hidden]) : t('verdictArticleNoPublisher', hidden);
  }
  // The original shown ("Show original", the site or the switch off): those items are on the page.
  const toHide = counted(t, 'count_toHide', n);
  return state.publisher ? t('verdictArticleOriginal', [state.publisher, toHide]) : t('verdictArticleOriginalNoPublisher', toHide);
}

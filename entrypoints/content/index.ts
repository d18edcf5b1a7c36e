import { Highlighter, ANNOTATOR_HOST } from '@/components/highlighter';
import { t } from '@/components/i18n';
import { render } from 'preact';
import { mountProvenanceCard, showEvidence } from './provenance-card';
import { revealHidden } from './reveal';
import { acceptTrustedInputOnly, trustedOnly } from './trusted-input';
import { takeOver } from './takeover';
import { cardOfItsOwn, closeSession, hiddenOnPage, isAnotherStory, mountCard, readAgainIn, rememberStory, storiesBesides, storyReplaced, type PageSession, type ReadStory } from './page-session';
import '@/components/annotator.css';
import { analyzeLayout, completeAnalysis } from '@/utils/analyze';
import { findFold, isCutByHeight } from '@/utils/unfold';
import { NEW_PAGE_QUIET, domQuiet } from '@/utils/dom-quiet';
import { lookAgainWhenGrown, mayBeLateStory } from '@/utils/late-story';
import { pageSignals } from '@/utils/quick-check';
import { normalizeUrl } from '@/utils/normalize-url';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageInfoFrom } from '@/utils/page-info';
import { readerHandoffHtml } from '@/utils/reader-handoff';
import { takeReaderSelected } from '@/utils/isolated-world';
import { Cleanup } from '@/utils/cleanup';
import { SELECTION_EVENTS, pageForbidsSelection, startsStorySelection } from '@/utils/free-selection';
import { liveLayout, scrollLocked } from '@/utils/live-layout';
import { liftEarlyHide } from '@/utils/early-hide';
import { nextTask, oneAtATime } from '@/utils/tasks';
import { keepListening } from '@/utils/rewritten-page';
import { MAX_LANG_TAG, PAGE_CHANGES_PORT, PopupToContentSchema, parseMessage, type PageChanged, type PageState, type PopupToContent, type Settings } from '@/utils/messages';
import { SETTINGS_KEY, cleanupEnabled, loadSettings, siteOf } from '@/utils/settings';

/**
 * The analysis: detection, cleanup, provenance and highlights. Not listed in the manifest: the
 * background injects it where the sentinel (entrypoints/sentinel.ts) found work, or when
 * the popup, a menu or a shortcut asks for it (utils/load-analysis).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Before anything the page could interrupt: only a copy of this script may end this one. From
    // here the sentinel and loadAnalysis see the analysis in this isolated world.
    takeOver(ctx);
    // Listening from the start, so a message sent right after the injection finds a listener; it
    // is answered once the page is analysed.
    let respond: (msg: PopupToContent) => Promise<unknown> = () => Promise.resolve(undefined);
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const inTurn = oneAtATime();
    // Only our own extension's pages may listen.
    listenWhileValid(ctx, browser.runtime.onConnect, (port: Browser.runtime.Port) => {
      if (port.name !== PAGE_CHANGES_PORT || port.sender?.id !== browser.runtime.id) return;
      watchers.add(port);
      port.onDisconnect.addListener(() => watchers.delete(port));
    });
    // A second copy of this script takes over the page: the popup's port to this one closes.
    ctx.onInvalidated(() => {
      for (const port of watchers) port.disconnect();
      watchers.clear();
    });
    listenWhileValid(ctx, browser.runtime.onMessage, (raw: unknown, sender) => {
      // Only our own extension's pages may steer the page.
      if (sender.id !== browser.runtime.id) return undefined;
      const msg = parseMessage(PopupToContentSchema, raw);
      if (!msg) return undefined;
      // Answered in the order asked: apply-settings reads storage first, and a question asked after
      // it must not be answered from the page as it was before.
      return inTurn(() => ready.then(() => respond(msg)));
    });
    // The page as analysed; a single-page site's move to another story replaces it (see below).
    const first = await analyse(ctx, location.href, loadSettings(browser.storage.local), null, []);
    let session = first;
    // The stories read here by address: a continuous-reading site keeps them on the page.
    const read = new Map<string, ReadStory>();
    rememberStory(read, first, document.title);
    // "Show original" (or "Hide clutter") chosen in the popup holds for this tab's next pages too.
    let tabChoice: boolean | null = null;
    // A story the page forbids selecting is selected all the same while cleanup is on: the page's
    // handlers below the window never hear of the reader's selection beginning in it. Only on a
    // page that forbids it, said in its markup or seen cancelling a press (from the next press on).
    const story = () => (session.cleanup?.active ? session.layout.root : null);
    let forbidden = pageForbidsSelection(document);
    // A page that writes itself anew (document.open) loses every listener, ours too: they are put
    // back, the annotator's panels get a new host, and the story is read again (see readReplacedStory).
    const kept = keepListening(
      document,
      (target, type, handler, options) => ctx.addEventListener(target, type as never, handler as never, options),
      () => {
        storyWatch.observe(document.documentElement ?? document, { childList: true, subtree: true });
        highlighter.remountUi();
        readReplacedStory();
      },
    );
    ctx.onInvalidated(() => kept.stop());
    for (const type of SELECTION_EVENTS) {
      kept.listen(window, type, (e) => {
        if (!startsStorySelection(e, story())) return;
        if (forbidden) e.stopPropagation();
        // Read once every handler has had the event. The window's timer: the context's keeps a
        // listener, and the event with it, for each press until the tab closes.
        else setTimeout(() => (forbidden ||= e.defaultPrevented), 0);
      }, { capture: true });
    }

    const state = (): PageState => {
      const { url, layout, page, cleanup } = session;
      return {
        url,
        isArticle: page.analysis.isArticle,
        confidence: page.analysis.confidence,
        reasons: layout.causes,
        title: page.analysis.title,
        publisher: page.analysis.publisher,
        publishedAt: page.analysis.publishedAt,
        cleanupActive: cleanup?.active ?? false,
        hidden: hiddenOnPage(cleanup),
        sources: page.analysis.sources,
        credits: page.analysis.credits,
        lang: document.documentElement.lang.slice(0, MAX_LANG_TAG),
      };
    };

    // Highlighting works on every page, article or not; it costs one message when nothing is stored.
    let annotatorUi: { remove(): void } | null = null;
    const highlighter = new Highlighter({
      get root() {
        return document.body;
      },
      pageUrl: location.href,
      t,
      listen: (target, type, handler) => kept.listen(target, type, trustedOnly(handler)),
      mountUi: async () => {
        // Mounted again after the page wrote itself anew: the first host went with its old root.
        annotatorUi?.remove();
        const ui = await createShadowRootUi(ctx, {
          name: ANNOTATOR_HOST,
          position: 'inline',
          anchor: document.documentElement,
          append: 'last',
          // Keys typed in a note stay ours: the page's shortcuts (j/k, /) must not fire on them.
          isolateEvents: true,
          // Closed: an open root is the page's to read, the note being typed in it too.
          mode: 'closed',
          onMount: (container) => container,
          onRemove: (container) => container && render(null, container),
        });
        acceptTrustedInputOnly(ui.shadow);
        ui.mount();
        annotatorUi = ui;
        return ui.uiContainer;
      },
      send: (msg) => browser.runtime.sendMessage(msg),
      reveal: revealHidden,
      pageInfo: () => pageInfoFrom(session.page.analysis, location.href, document.title),
      alsoShown: (pageUrl) => storiesBesides(read, pageUrl),
    });

    // The reader runs in an extension tab, so Readability never loads into the page's process.
    const openReader = () => browser.runtime.sendMessage({ type: 'reader-open', url: location.href, html: readerHandoffHtml(document) });

    // Changed settings (a switch, a site rule, a kind) decide again, for this page and the next.
    // Only what this page uses counts: the popup's apply-settings and the storage event after it
    // bring the same change, and another site's rule changes nothing here; either way a choice
    // made for the tab ("Show original") stays.
    let applied = '';
    const applySettings = (s: Settings): void => {
      const { cleanup, url } = session;
      const key = JSON.stringify([cleanupEnabled(s, url), s.keepRules[siteOf(url)] ?? [], s.shownKinds]);
      if (key === applied) return;
      applied = key;
      tabChoice = null;
      cleanup?.setKeep(new Set(s.keepRules[siteOf(url)] ?? []));
      cleanup?.setShownKinds(s.shownKinds);
      cleanup?.setActive(cleanupEnabled(s, url));
    };

    respond = (msg) => {
      switch (msg.type) {
        case 'get-page-view':
          return Promise.resolve({ state: state(), highlights: highlighter.held(), page: pageInfoFrom(session.page.analysis, session.url, document.title) });
        case 'get-anchor-status':
          return Promise.resolve(highlighter.status());
        case 'scroll-to-highlight':
          return Promise.resolve(highlighter.scrollTo(msg.id));
        case 'show-evidence':
          return Promise.resolve(showEvidence(msg.evidence));
        case 'highlights-changed':
          return highlighter.refresh(msg.pageUrls).then(() => highlighter.status());
        case 'highlight-selection':
          if (msg.inFrame) highlighter.notice(t('hl_in_frame'));
          else highlighter.highlightSelection();
          return Promise.resolve(true);
        case 'open-reader':
          return openReader();
        case 'set-cleanup':
          tabChoice = msg.active;
          session.cleanup?.setActive(msg.active);
          return Promise.resolve(state());
        case 'toggle-cleanup': {
          // As "Show original" in the popup: the choice holds for this tab's next pages too. A page
          // with nothing hidden (not an article) has no choice to make, nor to pass on.
          const { cleanup } = session;
          if (cleanup) {
            tabChoice = !cleanup.active;
            cleanup.setActive(tabChoice);
          }
          return Promise.resolve(state());
        }
        case 'apply-settings':
          return loadSettings(browser.storage.local).then((s) => (applySettings(s), state()));
        default:
          return Promise.resolve(state());
      }
    };
    markReady();
    // Loaded because the reader selected text (see the sentinel): offer the toolbar for it now.
    if (takeReaderSelected()) highlighter.showToolbarForSelection();
    ctx.onInvalidated(() => highlighter.destroy());
    ctx.onInvalidated(() => closeSession(session));
    // Read the page again once it has drawn itself: when a single-page site moved to another page,
    // or when the page drew its story anew and the element analysed (its card before it, what was
    // hidden around it) left the document. Changes during the wait (a site that rewrites its URL as
    // it goes) are read at its end, once.
    let waiting = false;
    const stale = () => normalizeUrl(location.href) !== normalizeUrl(session.url) || storyReplaced(session);
    const readAgain = async (settings: Settings): Promise<void> => {
      const url = location.href;
      // Undone and redone in one task, so the old page's clutter never shows in between.
      const current = read.get(normalizeUrl(session.url));
      closeSession(session);
      session = await analyse(ctx, url, Promise.resolve(settings), tabChoice, storiesBesides(read, url), current);
      rememberStory(read, session, document.title);
      // The stories shown beside this page may have changed with it: draw theirs, drop the rest.
      void highlighter.refresh([normalizeUrl(url)]);
      await mountCard(session, (root, analysis) => cardOfItsOwn(ctx, (own) => mountProvenanceCard(own, root, analysis, openReader)));
    };
    const readAgainOnceQuiet = (): void => {
      waiting = true;
      void domQuiet(document.body ?? document.documentElement, NEW_PAGE_QUIET).then(async () => {
        const settings = await loadSettings(browser.storage.local);
        waiting = false;
        if (!ctx.isInvalid && stale()) await readAgain(settings);
      });
    };
    // A story fetched after load (a skeleton first) on a page whose head says article: read again
    // once it is drawn (see late-story.ts), unless the page moved on or was read again meanwhile.
    // Its address alone in the callback: a closure over the first session would keep its page as long as this script runs.
    const firstUrl = normalizeUrl(first.url);
    if (!first.page.analysis.isArticle && document.body && mayBeLateStory(pageSignals(document, first.url))) {
      lookAgainWhenGrown(document.body, async () => {
        if (ctx.isInvalid || session.page.analysis.isArticle || normalizeUrl(location.href) !== firstUrl) return true;
        if (waiting) return false;
        await readAgain(await loadSettings(browser.storage.local));
        return session.page.analysis.isArticle;
      });
    }
    // The event comes as the site navigates (the Navigation API's navigate event), before
    // location.href says so. It comes too for a link that leaves the page, or only downloads a
    // file, where the page stays (and, back from the next page, is shown again from the
    // back/forward cache): the page moved in place only when its address is the event's once the
    // navigation has begun.
    kept.listen(window, 'wxt:locationchange', (e) => {
      const { newUrl } = e as Event & { newUrl: URL };
      void nextTask().then(() => {
        if (ctx.isInvalid || normalizeUrl(location.href) !== normalizeUrl(newUrl.href)) return;
        void highlighter.setPage(newUrl.href);
        if (!waiting && normalizeUrl(newUrl.href) !== normalizeUrl(session.url)) readAgainOnceQuiet();
      });
    });
    // A page that re-renders forever is read a few times a minute at most, and once more when the
    // minute is up (its last redraw may have come while it had to wait); the check on each batch of
    // changes is one isConnected.
    const rereads: number[] = [];
    let deferred = false;
    const readReplacedStory = (): void => {
      if (waiting || deferred || !storyReplaced(session)) return;
      const wait = readAgainIn(rereads, Date.now());
      if (!wait) {
        readAgainOnceQuiet();
        return;
      }
      deferred = true;
      ctx.setTimeout(() => {
        deferred = false;
        readReplacedStory();
      }, wait);
    };
    const storyWatch = new MutationObserver(readReplacedStory);
    storyWatch.observe(document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => storyWatch.disconnect());
    await highlighter.restore();
    // The first page's card; if a move has replaced that page meanwhile, mountCard takes it away.
    await mountCard(first, (root, analysis) => cardOfItsOwn(ctx, (own) => mountProvenanceCard(own, root, analysis, openReader)));
    // The library opens a page at a highlight as `#sourcemark=<id>`: once the card above the story
    // is in, which would push the passage down past where the scroll put it.
    const wanted = /^#sourcemark=([0-9a-f-]+)$/i.exec(location.hash)?.[1];
    if (wanted) highlighter.scrollTo(wanted);
    listenWhileValid(ctx, browser.storage.onChanged, (changes, area) => {
      if (area !== 'local' || !changes[SETTINGS_KEY]) return;
      void loadSettings(browser.storage.local).then(applySettings);
    });
  },
});

/**
 * Listens to a browser event until the context ends. A second load of this script (the popup and
 * the background can both load it into a tab) ends the first one's context; the first must then
 * stop answering, or it answers the popup for a page it has already handed over.
 */
function listenWhileValid<L extends (...args: never[]) => unknown>(
  ctx: ContentScriptContext,
  event: { addListener(listener: L): void; removeListener(listener: L): void },
  listener: L,
): void {
  event.addListener(listener);
  ctx.onInvalidated(() => event.removeListener(listener));
}

/** The ports of this tab's open popups (one at most, in practice), which hear of changes to the page. */
const watchers = new Set<Browser.runtime.Port>();

/** Tells this tab's open popup that the page changed on its own. */
const announceChange = (): void => {
  for (const port of watchers) port.postMessage({ type: 'page-changed' } satisfies PageChanged);
};

/**
 * The stories but one. Out here, not a closure in analyse(): there it would put `current` in the
 * scope that the cleanup's callbacks keep, and each page's cleanup would keep the page before.
 */
const without = (stories: readonly ReadStory[], story: ReadStory | undefined): ReadStory[] => stories.filter((o) => o !== story);

/**
 * Analyses the page as it stands and applies the cleanup, on as `tabChoice` says or else as the
 * settings do; the card comes after (mountCard). `others` are stories read here under other
 * addresses and still on the page: the story sought is another one, when the page holds one.
 * When it holds none, the address names the story being read (`current`, its URL rewritten in
 * place), and only the rest stay set aside.
 */
async function analyse(
  ctx: ContentScriptContext,
  url: string,
  settingsRead: Promise<Settings>,
  tabChoice: boolean | null,
  others: readonly ReadStory[],
  current?: ReadStory,
): Promise<PageSession> {
  const now = new Date();
  const setAside = (stories: readonly ReadStory[]) => analyzeLayout(document, { url, ...liveLayout, now, otherStories: stories.map((o) => o.root) });
  let aside = others;
  let layout = setAside(aside);
  if (others.length && !isAnotherStory(layout, others)) {
    aside = without(others, current);
    layout = setAside(aside);
  }
  // The stories set aside keep hidden what their own pages hid in them.
  const carried = aside.flatMap((o) => o.hidden());
  const settings = await settingsRead;
  const storyFold = () => findFold(layout.root, isCutByHeight);
  const cleanup = layout.analysis.isArticle
    ? new Cleanup(document, {
        root: layout.root,
        keep: new Set(settings.keepRules[siteOf(url)] ?? []),
        shownKinds: settings.shownKinds,
        onChange: announceChange,
        findFold: storyFold,
        story: layout.story ? { root: layout.story.body.root, profile: layout.story.profile } : undefined,
        waiting: layout.waiting,
        ...liveLayout,
        scrollLocked,
        // Firefox before 120 has no such API: every box that shows or comes counts as the reader's there.
        readerActing: () => navigator.userActivation?.isActive ?? true,
      })
    : null;
  if (cleanup) {
    // Layout is read before anything is marked: marking invalidates style, and reading it after would force a recalculation.
    const fold = storyFold();
    cleanup.mark([...layout.hidden, ...carried]);
    if (fold) cleanup.unfold(fold);
    cleanup.setActive(tabChoice ?? cleanupEnabled(settings, url));
  }
  // The analysed cleanup (or, on a non-article, nothing) now governs the ad slots hidden early.
  liftEarlyHide(document);
  // Provenance is read in a later task, so the clean page can be drawn first.
  if (layout.story) await nextTask();
  if (ctx.isInvalid) cleanup?.destroy();
  return { url, layout, page: completeAnalysis(document, layout), cleanup, card: null, closed: false };
}

import { NEW_PAGE_QUIET, domQuiet } from '@/utils/dom-quiet';
import { liftEarlyHide } from '@/utils/early-hide';
import { normalizeUrl } from '@/utils/normalize-url';
import { lookAgainWhenGrown, mayBeLateStory } from '@/utils/late-story';
import { pageSignals, quickCheck, quickLook } from '@/utils/quick-check';
import { analysisRunsHere, markReaderSelected } from '@/utils/isolated-world';

/** The extension API the sentinel sends with: the browser's own (see below), typed for this one call. */
interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * The one script every page gets, listed in the manifest by wxt.config.ts. It asks the background
 * for the analysis script (entrypoints/content) when the page passes the quick article check, or
 * when the reader selects text to highlight; pages with highlights get it from the background.
 *
 * Small on purpose. The analysis script is some 150 kB, and loading it cost about 12 ms of script
 * time on every page the browser opened. A WXT content script's context and the API polyfill cost
 * another 3.5 ms, for one message: so this is a plain script calling the browser's own API
 * (Firefox's `browser`, Chrome's promise-returning `chrome`).
 */
export default defineUnlistedScript(() => {
  const api = globalThis as unknown as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };
  // Read only when sending: the first touch of the extension API sets up its bindings (about 2 ms).
  const send = (message: unknown): void => void (api.browser ?? api.chrome)!.runtime.sendMessage(message).catch(() => undefined);
  // An article candidate gets the analysis; a page with highlights gets it from the background,
  // which sees the page load. Any other page costs the quick check and nothing more.
  const world = globalThis as unknown as { navigation?: EventTarget };
  const signals = pageSignals(document, location.href);
  if (quickLook(document, signals)) send({ type: 'analysis-wanted' });
  else {
    // An article-shaped address that is no article: no analysis will take over the ad slots hidden
    // at document_start (early-hide.ts), and nothing would list them, so they come back now.
    liftEarlyHide(document);
    // Its head says article, its body is a skeleton yet: looked at again once the story is drawn.
    // Any other page gets no observer. Once the analysis is here it looks itself.
    if (mayBeLateStory(signals) && document.body) {
      const url = location.href;
      lookAgainWhenGrown(document.body, () => {
        if (analysisRunsHere() || location.href !== url) return true;
        const found = quickCheck(document, url);
        if (found) send({ type: 'analysis-wanted' });
        return found;
      });
    }
  }
  // A single-page site can move from here to an article without a page load: look again once it
  // has drawn the new page. Where the browser has no Navigation API, such moves go unseen here.
  // Once the analysis script is here (its flag is in this same isolated world), it follows the
  // moves itself. One wait at a time: moves during it are read at its end.
  let shown = normalizeUrl(location.href);
  let waiting = false;
  world.navigation?.addEventListener('currententrychange', () => {
    if (waiting || analysisRunsHere() || normalizeUrl(location.href) === shown) return;
    waiting = true;
    void domQuiet(document.body ?? document.documentElement, NEW_PAGE_QUIET).then(() => {
      waiting = false;
      if (analysisRunsHere() || normalizeUrl(location.href) === shown) return;
      shown = normalizeUrl(location.href);
      if (quickCheck(document, location.href)) send({ type: 'analysis-wanted' });
    });
  });
  // Highlighting works on every page: the first selection loads the analysis script, which offers
  // its colour toolbar for it. Asked once; from then on that script listens itself. The reader's
  // own mouse or keys only: a page's script can select text and fire a mouseup of its own making.
  let asked = false;
  const selected = (e: Event): void => {
    if (!e.isTrusted || (e.type === 'keyup' && !(e as KeyboardEvent).shiftKey)) return;
    if ((document.getSelection()?.toString().trim() ?? '') === '') return;
    asked = true;
    document.removeEventListener('mouseup', selected);
    document.removeEventListener('keyup', selected);
    markReaderSelected();
    send({ type: 'analysis-wanted' });
  };
  const listen = (): void => {
    document.addEventListener('mouseup', selected);
    document.addEventListener('keyup', selected);
  };
  listen();
  // A page that writes itself anew (document.open) loses every listener, these too: added again.
  // Only the document's own children are watched, which an ordinary page never changes after load.
  new MutationObserver(() => asked || listen()).observe(document, { childList: true });
});

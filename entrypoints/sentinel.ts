import { quickCheck } from '@/utils/quick-check';

/** The extension API the sentinel sends with: the browser's own (see below), typed for this one call. */
interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * The one script every page gets, listed in the manifest by wxt.config.ts. It tells the background
 * whether the page passed the quick article check; the background then loads the analysis script
 * (entrypoints/content) where there is work: an article candidate, or a page with highlights.
 *
 * Small on purpose. The analysis script is some 150 kB, and loading it cost about 12 ms of script
 * time on every page the browser opened. A WXT content script's context and the API polyfill cost
 * another 3.5 ms, for one message: so this is a plain script calling the browser's own API
 * (Firefox's `browser`, Chrome's promise-returning `chrome`).
 */
export default defineUnlistedScript(() => {
  const api = globalThis as unknown as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };
  const runtime = (api.browser ?? api.chrome)!.runtime;
  const send = (message: unknown): void => void runtime.sendMessage(message).catch(() => undefined);
  const opened = (): void => send({ type: 'page-opened', candidate: quickCheck(document, location.href) });
  opened();
  // A single-page site's next page may have highlights, or be an article (where the browser tells).
  (window as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', opened);
  // Highlighting works on every page: the first selection loads the analysis script, which offers
  // its colour toolbar for it. Asked once; from then on that script listens itself.
  const selected = (e: Event): void => {
    if (e.type === 'keyup' && !(e as KeyboardEvent).shiftKey) return;
    if ((document.getSelection()?.toString().trim() ?? '') === '') return;
    document.removeEventListener('mouseup', selected);
    document.removeEventListener('keyup', selected);
    send({ type: 'analysis-wanted' });
  };
  document.addEventListener('mouseup', selected);
  document.addEventListener('keyup', selected);
});

/**
 * A second copy of the analysis script (the popup and the background racing to load it) takes the
 * page over from the first. WXT has the first stop when the second fires an event on the document,
 * named from the extension's id and the script's name; but a page can fire that event too (Firefox's
 * id is in the manifest, a store's id is public), and so undo the cleanup, its ads back, and take
 * the highlights and the card away. So the event is stopped before WXT hears it, and the copies
 * hand over through the isolated world they share, which no page reaches.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ANALYSIS_KEY } from '@/utils/isolated-world';

/** WXT's name for the event, kept private in its types. */
const STARTED = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;

/** Where the running copy keeps its context, in the isolated world's global (also what says the analysis is here). */
const RUNNING = Symbol.for(ANALYSIS_KEY);

/** Ends the copy running before this one (if any) and makes `ctx` the one a later copy ends. Call first thing in `main`. */
export function takeOver(ctx: ContentScriptContext): void {
  const world = globalThis as { [RUNNING]?: ContentScriptContext };
  world[RUNNING]?.notifyInvalidated();
  world[RUNNING] = ctx;
  // On the window, in capture: before WXT's listener on the document.
  window.addEventListener(
    STARTED,
    (e) => {
      // A copy orphaned by a reload of the extension is left to WXT: the new copy's event ends it.
      if (browser.runtime?.id == null) return;
      e.stopImmediatePropagation();
    },
    { capture: true, signal: ctx.signal },
  );
}

/**
 * A story that comes after load. Client-rendered portals send a skeleton and fetch the story's
 * body 0.3–2 s later; read at load, such a page is no article. A page whose head or address says
 * article is looked at again once its body has grown and gone quiet, a couple of times within the
 * first seconds after load. Its own module, light on imports: the sentinel runs it.
 */
import type { PageSignals } from './quick-check';

export interface LateStoryOptions {
  /** How long the body must go without nodes added once it has grown. */
  quietMs: number;
  /** Since the page's navigation began (performance.now()): no look after that. */
  windowMs: number;
  /** Looks at most. */
  tries: number;
  /** Characters of text the body must have gained since the last look: an ad or a clock is no story. */
  minGrowth: number;
}

export const LATE_STORY: LateStoryOptions = { quietMs: 400, windowMs: 10_000, tries: 2, minGrowth: 200 };

/** Whether the URL and head lean towards an article: what the body may yet bear out. */
export function mayBeLateStory(signals: PageSignals): boolean {
  return signals.score > 0;
}

/**
 * Calls `look` when `root` has grown by a story's worth of text and gone quiet, until it answers
 * true (found, or no longer wanted), the tries are spent or the window has closed. One observer
 * that adds up the text of the nodes added (the page's own text is never read) and restarts a timer.
 */
export function lookAgainWhenGrown(root: Node, look: () => boolean | Promise<boolean>, options: LateStoryOptions = LATE_STORY): void {
  const left = options.windowMs - performance.now();
  if (left <= 0) return;
  let tries = options.tries;
  let grown = 0;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const stop = (): void => {
    observer.disconnect();
    clearTimeout(quiet);
    clearTimeout(cap);
  };
  const settled = async (): Promise<void> => {
    if (grown < options.minGrowth) return;
    grown = 0;
    tries--;
    if ((await look()) || tries <= 0) stop();
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) grown += node.textContent?.length ?? 0;
    clearTimeout(quiet);
    quiet = setTimeout(() => void settled(), options.quietMs);
  });
  observer.observe(root, { childList: true, subtree: true });
  const cap = setTimeout(stop, left);
}

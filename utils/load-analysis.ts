/**
 * Loading the analysis content script into a tab on demand. Every page gets only the small
 * sentinel script (entrypoints/sentinel.ts); the analysis (detection, cleanup, provenance,
 * highlights) is injected where it has work: a page that passed the quick article check, a page
 * with highlights, or a tab whose popup, menu or shortcut asks for it. The browser API is passed
 * in, so this runs in Node tests against a fake.
 */

import { ANALYSIS_KEY } from './isolated-world';

/** The analysis script as WXT builds it (registered at runtime, not in the manifest). */
export const ANALYSIS_SCRIPT = '/content-scripts/content.js';

/** The part of `browser.scripting` used here. */
export interface Scripting {
  executeScript(injection: {
    target: { tabId: number };
    files?: string[];
    func?: (...args: string[]) => unknown;
    args?: string[];
  }): Promise<Array<{ result?: unknown }>>;
}

/**
 * Injects the analysis script into the tab's page unless it already runs there. The check runs in
 * the content scripts' isolated world, where the analysis script keeps its context: a second copy
 * would restart the analysis and replace the first.
 */
export async function loadAnalysis(scripting: Scripting, tabId: number): Promise<void> {
  // Serialised into the page: it can name nothing outside itself, so the key goes as an argument.
  const probe = (key: string): unknown => Symbol.for(key) in globalThis;
  const [answer] = await scripting.executeScript({ target: { tabId }, func: probe, args: [ANALYSIS_KEY] });
  if (answer?.result === true) return;
  await scripting.executeScript({ target: { tabId }, files: [ANALYSIS_SCRIPT] });
}

/**
 * Sends a message to the tab's analysis script, loading it first when the tab has none (the send
 * is refused: nobody listens on a page only the sentinel runs on). Rejects when the tab can't take
 * scripts at all (browser pages, the store).
 */
export async function sendLoading<T>(send: () => Promise<T>, load: () => Promise<void>): Promise<T> {
  try {
    return await send();
  } catch {
    await load();
    return send();
  }
}

/**
 * What the content scripts tell each other through the isolated world they share, which no page
 * reaches. Each signal is a symbol, not a name: in Chromium the window's named properties (a page's
 * element by its id) answer a name there too.
 */

/** Where the running analysis keeps its context (entrypoints/content/takeover.ts). */
export const ANALYSIS_KEY = 'sourcemark.analysis-context';

/** Whether the analysis script runs in this isolated world. */
export function analysisRunsHere(): boolean {
  return Symbol.for(ANALYSIS_KEY) in globalThis;
}

/**
 * The sentinel (entrypoints/sentinel.ts) loads the analysis when the reader selects text, and the
 * analysis then offers its colour toolbar for that selection. A page whose analysis loaded for
 * another reason (an article) gets no toolbar for a selection its own script made.
 */
const SELECTED = Symbol.for('sourcemark.reader-selected');
type World = { [SELECTED]?: true };

/** The reader's own selection is asking for the analysis. */
export function markReaderSelected(): void {
  (globalThis as World)[SELECTED] = true;
}

/** Whether the reader's selection asked for the analysis since last asked; asked once, at its load. */
export function takeReaderSelected(): boolean {
  const world = globalThis as World;
  const selected = world[SELECTED] === true;
  delete world[SELECTED];
  return selected;
}

/**
 * The sentinel (entrypoints/sentinel.ts) loads the analysis when the reader selects text, and the
 * analysis then offers its colour toolbar for that selection. Said through the content scripts'
 * isolated world, which both share and no page reaches: a page whose analysis loaded for another
 * reason (an article) gets no toolbar for a selection its own script made. A symbol, not a name,
 * as the window's named properties (an element's id) can answer a name there.
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

/** Text cleanup hid, shown for a moment when the reader is taken to it (a card's evidence, a highlight's passage). */
import { revealer } from '@/utils/cleanup';

/** Long enough to read the line. */
const REVEAL_MS = 6000;
// One for the page: a new reveal ends the last.
const reveal = revealer();

/** Shows the hidden blocks around `node` for a moment. */
export function revealHidden(node: Node): void {
  reveal(node, REVEAL_MS);
}

import type { Highlighter } from '@/components/highlighter';

/** Selects the range and picks a colour (yellow unless told) in the highlighter's toolbar, rendered into `ui`. */
export async function pickColour(highlighter: Highlighter, ui: HTMLElement, range: Range, color = 'yellow'): Promise<void> {
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  highlighter.showToolbarForSelection();
  await new Promise((resolve) => setTimeout(resolve));
  (ui.querySelector(`.swatch[data-color="${color}"]`) as HTMLElement).click();
  await new Promise((resolve) => setTimeout(resolve));
}

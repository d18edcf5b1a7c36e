/**
 * The CSS Custom Highlight API as the browsers have it, which jsdom lacks: with it the highlighter
 * paints by live ranges and leaves the page's text nodes whole, as on a real page.
 */
export function stubCssHighlights(): void {
  const win = window as unknown as { Highlight: unknown; CSS: unknown };
  win.Highlight = class extends Set<Range> {};
  win.CSS = { highlights: new Map() };
}

export function removeCssHighlights(): void {
  const win = window as unknown as Record<string, unknown>;
  delete win.Highlight;
  delete win.CSS;
}

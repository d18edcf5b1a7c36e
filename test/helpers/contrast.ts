/**
 * WCAG 2 contrast ratios, for tests that hold our stylesheets' colours to AA (4.5:1 for text).
 * Colours as the sheets write them and as getComputedStyle gives them: #rrggbb, rgb() or rgba().
 */
export type Rgba = [r: number, g: number, b: number, a: number];

export function parseColor(css: string): Rgba {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css.trim());
  if (hex) return [...hex.slice(1).map((h) => parseInt(h, 16)), 1] as Rgba;
  const parts = /^rgba?\(([^)]*)\)$/.exec(css.trim())?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number);
  if (!parts || parts.length < 3 || parts.some(Number.isNaN)) throw new Error(`not a colour: ${css}`);
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
}

/** A translucent colour painted over an opaque one, as a highlight over the page. */
export function over(top: Rgba, under: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const [R, G, B] = [r, g, b].map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
}

/** The contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: Rgba | string, b: Rgba | string): number {
  const [hi, lo] = [a, b].map((c) => luminance(typeof c === 'string' ? parseColor(c) : c)).sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

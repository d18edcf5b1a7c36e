import { useId } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/utils/annotation-types';
import type { Translate } from './i18n';

/** The translated name of a highlight colour (the swatch alone says nothing to a screen reader). */
export function colorName(color: HighlightColor, t: Translate): string {
  const names: Record<HighlightColor, string> = {
    yellow: t('lib_color_yellow'),
    green: t('lib_color_green'),
    blue: t('lib_color_blue'),
    pink: t('lib_color_pink'),
    purple: t('lib_color_purple'),
  };
  return names[color];
}

export interface LibrarySwatchesProps {
  legend: string;
  value: HighlightColor | null;
  onChange: (color: HighlightColor | null) => void;
  /** Label of the extra "no colour chosen" choice; without it a colour must be picked. */
  anyLabel?: string;
  t: Translate;
}

/**
 * Colour choice as native radio buttons drawn as swatches: the browser gives arrow-key movement,
 * Space to pick and one tab stop for the whole group.
 */
export function LibrarySwatches({ legend, value, onChange, anyLabel, t }: LibrarySwatchesProps) {
  const name = useId();
  const choices: Array<HighlightColor | null> = anyLabel ? [null, ...HIGHLIGHT_COLORS] : [...HIGHLIGHT_COLORS];
  return (
    <fieldset class="swatches">
      <legend>{legend}</legend>
      {choices.map((c) => {
        const label = c ? colorName(c, t) : anyLabel!;
        return (
          <label key={c ?? 'any'} class="swatch-choice" title={label}>
            <input type="radio" name={name} checked={value === c} aria-label={label} onChange={() => onChange(c)} />
            <span class="swatch" data-color={c ?? 'any'} aria-hidden="true" />
          </label>
        );
      })}
    </fieldset>
  );
}

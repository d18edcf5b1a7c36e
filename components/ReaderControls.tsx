/**
 * The reader's typography controls: font, size, line spacing, width and theme. Every control is a
 * plain button reached with Tab; steppers at a range's end are aria-disabled rather than disabled,
 * so keyboard focus is not thrown out of the bar when a limit is reached.
 */
import type { ComponentChildren } from 'preact';
import { canStep, fontStack, stepReaderSetting, type NumericSetting, type ReaderFont, type ReaderSettings, type ReaderSettingsChange, type ReaderTheme } from '@/utils/reader-settings';
import type { Translate } from './i18n';

export interface ReaderControlsProps {
  settings: ReaderSettings;
  /** Each control's change, applied to the latest settings: a second click before the redraw steps again. */
  onSettings: (change: ReaderSettingsChange) => void;
  t: Translate;
}

export function ReaderControls({ settings, onSettings, t }: ReaderControlsProps) {
  const step = (key: NumericSetting, direction: 1 | -1) => {
    if (canStep(settings, key, direction)) onSettings((s) => stepReaderSetting(s, key, direction));
  };
  const stepper = (key: NumericSetting, label: string, less: string, more: string, shown: string) => (
    <Group label={label}>
      <StepButton enabled={canStep(settings, key, -1)} label={less} onClick={() => step(key, -1)} sign="−" />
      <output class="reader-value" aria-live="polite">
        {shown}
      </output>
      <StepButton enabled={canStep(settings, key, 1)} label={more} onClick={() => step(key, 1)} sign="+" />
    </Group>
  );
  const fonts: Array<[ReaderFont, string]> = [
    ['serif', t('reader_font_serif')],
    ['sans', t('reader_font_sans')],
  ];
  const themes: Array<[ReaderTheme, string]> = [
    ['auto', t('reader_theme_auto')],
    ['light', t('reader_theme_light')],
    ['sepia', t('reader_theme_sepia')],
    ['dark', t('reader_theme_dark')],
  ];
  return (
    <div class="reader-controls" role="group" aria-label={t('reader_typography')} data-testid="reader-controls">
      <Group label={t('reader_font')}>
        {fonts.map(([font, text]) => (
          <Choice key={font} pressed={settings.font === font} onClick={() => onSettings((s) => ({ ...s, font }))}>
            <span style={{ fontFamily: fontStack(font, t('lang_tag')) }}>{text}</span>
          </Choice>
        ))}
      </Group>
      {stepper('fontSize', t('reader_size'), t('reader_smaller'), t('reader_larger'), t('reader_size_value', String(settings.fontSize)))}
      {stepper('lineHeight', t('reader_line_height'), t('reader_tighter'), t('reader_looser'), settings.lineHeight.toFixed(1))}
      {stepper('width', t('reader_width'), t('reader_narrower'), t('reader_wider'), t('reader_width_value', String(settings.width)))}
      <Group label={t('reader_theme')}>
        {themes.map(([theme, text]) => (
          <Choice key={theme} pressed={settings.theme === theme} onClick={() => onSettings((s) => ({ ...s, theme }))}>
            <span class="reader-swatch" data-swatch={theme} aria-hidden="true" />
            {text}
          </Choice>
        ))}
      </Group>
    </div>
  );
}

function Group({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="reader-group" role="group" aria-label={label}>
      <span class="reader-label" aria-hidden="true">
        {label}
      </span>
      {/* The choices wrap in a box of their own: one wrapped alone (Dark, 深色) sat under the label. */}
      <span class="reader-choices">{children}</span>
    </div>
  );
}

function Choice({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: ComponentChildren }) {
  return (
    <button type="button" class="reader-choice" aria-pressed={pressed} onClick={onClick}>
      {children}
    </button>
  );
}

function StepButton({ enabled, label, onClick, sign }: { enabled: boolean; label: string; onClick: () => void; sign: string }) {
  return (
    <button type="button" class="reader-step" aria-label={label} title={label} aria-disabled={!enabled} onClick={onClick}>
      {sign}
    </button>
  );
}

/**
 * The reader view's typography: font, size, line height, width and theme, with their limits and
 * CJK-friendly font stacks. Stored over a StorageArea like the other settings; a bad or old
 * stored field falls back to its default without losing the others.
 */
import * as v from 'valibot';
import { inTurnFor, type StorageArea } from './settings';

export const READER_FONTS = ['serif', 'sans'] as const;
export const READER_THEMES = ['auto', 'light', 'sepia', 'dark'] as const;
export type ReaderFont = (typeof READER_FONTS)[number];
/** `auto` follows the system's prefers-color-scheme (light or dark). */
export type ReaderTheme = (typeof READER_THEMES)[number];

export interface ReaderSettings {
  font: ReaderFont;
  /** Body text size in px. */
  fontSize: number;
  /** Unitless line height. */
  lineHeight: number;
  /** Column width in em: one em is one CJK character, about two Latin letters. */
  width: number;
  theme: ReaderTheme;
}

export type NumericSetting = 'fontSize' | 'lineHeight' | 'width';

/** Range and step of each numeric setting; the controls step by `step` and stop at the ends. */
export const READER_LIMITS: Record<NumericSetting, { min: number; max: number; step: number }> = {
  fontSize: { min: 14, max: 28, step: 1 },
  // CJK text needs more leading than Latin: the range starts where Chinese stays readable.
  lineHeight: { min: 1.4, max: 2.4, step: 0.1 },
  width: { min: 24, max: 48, step: 2 },
};

export const DEFAULT_READER_SETTINGS: ReaderSettings = { font: 'sans', fontSize: 18, lineHeight: 1.8, width: 36, theme: 'auto' };

type Region = 'SC' | 'TC' | 'JP' | 'KR' | 'Latin';

const SANS_SC = 'system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Font stacks that reach a CJK face on Linux (Noto), macOS and Windows, one per region: one
 * character is drawn differently in Chinese, Japanese and Korean type (直, 骨, 角), and a
 * Japanese story set in a Chinese face reads as foreign to a Japanese reader. A story in another
 * script reads Latin faces first: a Chinese serif's Latin letters (SimSun's on Windows) are poor.
 */
const FONT_STACKS: Record<ReaderFont, Record<Region, string>> = {
  serif: {
    SC: '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, Georgia, serif',
    TC: '"Noto Serif CJK TC", "Source Han Serif TC", "Songti TC", PMingLiU, Georgia, serif',
    JP: '"Noto Serif CJK JP", "Source Han Serif JP", "Hiragino Mincho ProN", "Yu Mincho", Georgia, serif',
    KR: '"Noto Serif CJK KR", "Source Han Serif KR", AppleMyungjo, Batang, Georgia, serif',
    Latin: 'Georgia, "Noto Serif", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif',
  },
  sans: {
    SC: SANS_SC,
    TC: 'system-ui, -apple-system, "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif',
    JP: 'system-ui, -apple-system, "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif',
    KR: 'system-ui, -apple-system, "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif',
    // system-ui, the first, is already a Latin face.
    Latin: SANS_SC,
  },
};

function regionOf(lang: string): Region {
  if (/^ja\b/i.test(lang)) return 'JP';
  if (/^ko\b/i.test(lang)) return 'KR';
  if (/^zh[-_](?:hant|tw|hk|mo)\b/i.test(lang)) return 'TC';
  return /^zh\b/i.test(lang) ? 'SC' : 'Latin';
}

/**
 * The stack of `font` for text in `lang` (a BCP 47 tag): a story's own language, or the UI's for
 * the controls. '' is a story whose script is none of Chinese, Japanese or Korean (storyLanguage).
 */
export function fontStack(font: ReaderFont, lang: string): string {
  return FONT_STACKS[font][regionOf(lang)];
}

const numberIn = (key: NumericSetting) => v.fallback(v.pipe(v.number(), v.finite()), DEFAULT_READER_SETTINGS[key]);

/** Stored reader settings; each field falls back to its default on its own. */
export const ReaderSettingsSchema = v.object({
  font: v.fallback(v.picklist(READER_FONTS), DEFAULT_READER_SETTINGS.font),
  fontSize: numberIn('fontSize'),
  lineHeight: numberIn('lineHeight'),
  width: numberIn('width'),
  theme: v.fallback(v.picklist(READER_THEMES), DEFAULT_READER_SETTINGS.theme),
});

/** Puts a value inside its range, on its step (so 1.7000000000000002 reads back as 1.7). */
function clampValue(key: NumericSetting, value: number): number {
  const { min, max, step } = READER_LIMITS[key];
  const stepped = min + Math.round((value - min) / step) * step;
  return Number(Math.min(max, Math.max(min, stepped)).toFixed(2));
}

/** The settings with every number inside its range and on its step. */
export function clampReaderSettings(s: ReaderSettings): ReaderSettings {
  return { ...s, fontSize: clampValue('fontSize', s.fontSize), lineHeight: clampValue('lineHeight', s.lineHeight), width: clampValue('width', s.width) };
}

/** One step up (+1) or down (-1) of a numeric setting, stopping at its range's end. */
export function stepReaderSetting(s: ReaderSettings, key: NumericSetting, direction: 1 | -1): ReaderSettings {
  return { ...s, [key]: clampValue(key, s[key] + direction * READER_LIMITS[key].step) };
}

/** Whether a step in `direction` would change the value (the control is disabled otherwise). */
export function canStep(s: ReaderSettings, key: NumericSetting, direction: 1 | -1): boolean {
  return stepReaderSetting(s, key, direction)[key] !== s[key];
}

/** Validated, clamped settings from any stored value; the defaults when it is not an object. */
export function parseReaderSettings(raw: unknown): ReaderSettings {
  const result = v.safeParse(ReaderSettingsSchema, raw);
  return result.success ? clampReaderSettings(result.output) : { ...DEFAULT_READER_SETTINGS };
}

export const READER_SETTINGS_KEY = 'readerSettings';

export async function loadReaderSettings(area: StorageArea): Promise<ReaderSettings> {
  return parseReaderSettings((await area.get(READER_SETTINGS_KEY))[READER_SETTINGS_KEY]);
}

/** A change of the settings, made to whatever they are when it is applied. */
export type ReaderSettingsChange = (s: ReaderSettings) => ReaderSettings;

/**
 * Applies `change` to the stored settings, after the updates asked before it, and saves them
 * clamped; returns what was saved. Applied to what is stored, not to what a tab last showed: two
 * quick clicks both step, and a reader tab never saves its stale theme over another tab's choice.
 */
export function updateReaderSettings(area: StorageArea, change: ReaderSettingsChange): Promise<ReaderSettings> {
  return inTurnFor(area)(async () => {
    const next = clampReaderSettings(change(await loadReaderSettings(area)));
    await area.set({ [READER_SETTINGS_KEY]: next });
    return next;
  });
}

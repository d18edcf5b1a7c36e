import { describe, expect, it } from 'vitest';
import {
  DEFAULT_READER_SETTINGS,
  READER_LIMITS,
  READER_SETTINGS_KEY,
  canStep,
  clampReaderSettings,
  fontStack,
  loadReaderSettings,
  parseReaderSettings,
  updateReaderSettings,
  stepReaderSetting,
  type NumericSetting,
} from '@/utils/reader-settings';
import { cjkRegions, families } from '../helpers/font-stack';
import { memoryArea } from '../helpers/memory-area';

const KEYS: NumericSetting[] = ['fontSize', 'lineHeight', 'width'];

describe('reader settings', () => {
  it('defaults sit inside their limits', () => {
    for (const k of KEYS) {
      expect(DEFAULT_READER_SETTINGS[k]).toBeGreaterThanOrEqual(READER_LIMITS[k].min);
      expect(DEFAULT_READER_SETTINGS[k]).toBeLessThanOrEqual(READER_LIMITS[k].max);
    }
    expect(clampReaderSettings(DEFAULT_READER_SETTINGS)).toEqual(DEFAULT_READER_SETTINGS);
  });

  const stored: Array<{ name: string; raw: unknown; want: Partial<typeof DEFAULT_READER_SETTINGS> }> = [
    { name: 'nothing stored', raw: undefined, want: {} },
    { name: 'not an object', raw: 'dark', want: {} },
    { name: 'valid values', raw: { font: 'serif', fontSize: 20, lineHeight: 2, width: 40, theme: 'sepia' }, want: { font: 'serif', fontSize: 20, lineHeight: 2, width: 40, theme: 'sepia' } },
    { name: 'one bad field keeps the others', raw: { font: 'comic', theme: 'dark' }, want: { theme: 'dark' } },
    { name: 'numbers out of range', raw: { fontSize: 200, lineHeight: 0.5, width: -3 }, want: { fontSize: 28, lineHeight: 1.4, width: 24 } },
    { name: 'numbers off their step', raw: { fontSize: 17.4, lineHeight: 1.66, width: 37 }, want: { fontSize: 17, lineHeight: 1.7, width: 38 } },
    { name: 'non-finite numbers', raw: { fontSize: Number.NaN, width: Infinity }, want: {} },
  ];
  for (const c of stored) {
    it(`reads ${c.name}`, () => {
      expect(parseReaderSettings(c.raw)).toEqual({ ...DEFAULT_READER_SETTINGS, ...c.want });
    });
  }

  it('steps by the limit step and stops at both ends', () => {
    for (const k of KEYS) {
      const { min, max, step } = READER_LIMITS[k];
      const up = stepReaderSetting(DEFAULT_READER_SETTINGS, k, 1);
      expect(up[k]).toBeCloseTo(DEFAULT_READER_SETTINGS[k] + step, 5);
      const top = { ...DEFAULT_READER_SETTINGS, [k]: max };
      expect(stepReaderSetting(top, k, 1)[k]).toBe(max);
      expect(canStep(top, k, 1)).toBe(false);
      expect(canStep(top, k, -1)).toBe(true);
      const bottom = { ...DEFAULT_READER_SETTINGS, [k]: min };
      expect(stepReaderSetting(bottom, k, -1)[k]).toBe(min);
      expect(canStep(bottom, k, -1)).toBe(false);
    }
  });

  it('walks the whole line-height range without float drift', () => {
    let s = { ...DEFAULT_READER_SETTINGS, lineHeight: READER_LIMITS.lineHeight.min };
    const seen: number[] = [s.lineHeight];
    while (canStep(s, 'lineHeight', 1)) {
      s = stepReaderSetting(s, 'lineHeight', 1);
      seen.push(s.lineHeight);
    }
    expect(seen).toEqual([1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2, 2.1, 2.2, 2.3, 2.4]);
  });

  it('saves clamped settings and reads them back', async () => {
    const area = memoryArea();
    const saved = await updateReaderSettings(area, (s) => ({ ...s, theme: 'dark', fontSize: 99 }));
    expect(saved.fontSize).toBe(READER_LIMITS.fontSize.max);
    expect(area.data[READER_SETTINGS_KEY]).toEqual(saved);
    expect(await loadReaderSettings(area)).toEqual(saved);
    expect(await loadReaderSettings(memoryArea())).toEqual(DEFAULT_READER_SETTINGS);
  });
});

describe('updateReaderSettings', () => {
  it('applies each change to what is stored: quick steps all land, and another tab’s theme stays', async () => {
    const area = memoryArea({ [READER_SETTINGS_KEY]: DEFAULT_READER_SETTINGS });
    // Another reader tab chose dark after this one last read the settings.
    await area.set({ [READER_SETTINGS_KEY]: { ...DEFAULT_READER_SETTINGS, theme: 'dark' } });
    const larger = (s: typeof DEFAULT_READER_SETTINGS) => stepReaderSetting(s, 'fontSize', 1);
    await Promise.all([updateReaderSettings(area, larger), updateReaderSettings(area, larger)]);
    expect(await loadReaderSettings(area)).toEqual({ ...DEFAULT_READER_SETTINGS, theme: 'dark', fontSize: DEFAULT_READER_SETTINGS.fontSize + 2 });
  });
});

describe('fontStack', () => {
  it.each([
    ['ja', 'Noto Serif CJK JP'],
    ['ja-JP', 'Noto Serif CJK JP'],
    ['ko', 'Noto Serif CJK KR'],
    ['zh-TW', 'Noto Serif CJK TC'],
    ['zh-Hant-HK', 'Noto Serif CJK TC'],
    ['zh-CN', 'Noto Serif CJK SC'],
    ['zh', 'Noto Serif CJK SC'],
  ])('sets a story in %s in faces led by %s', (lang, face) => {
    expect(fontStack('serif', lang).startsWith(`"${face}"`)).toBe(true);
    expect(fontStack('sans', lang)).toContain(`"${face.replace('Serif', 'Sans')}"`);
  });

  // '' is a story in none of the CJK scripts (storyLanguage); Chinese faces stay for its Chinese words.
  it.each(['en', 'fr-FR', ''])('sets a story in "%s" in Latin faces first', (lang) => {
    expect(families(fontStack('serif', lang))[0]).toBe('Georgia');
    expect(families(fontStack('sans', lang))[0]).toBe('system-ui');
    expect([...new Set(cjkRegions(fontStack('serif', lang)))]).toEqual(['SC']);
  });
});


import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/messages';
import { SETTINGS_KEY, cleanupEnabled, isKept, keepKey, keepKeys, keptItem, loadSettings, siteOf, updateSettings } from '@/utils/settings';
import { memoryArea } from '../helpers/memory-area';

describe('settings', () => {
  it('falls back to defaults on missing or malformed data', async () => {
    expect(await loadSettings(memoryArea())).toEqual(DEFAULT_SETTINGS);
    expect(await loadSettings(memoryArea({ [SETTINGS_KEY]: { enabled: 'yes' } }))).toEqual(DEFAULT_SETTINGS);
  });

  it('persists an update and reads it back', async () => {
    const area = memoryArea();
    await updateSettings(area, (s) => s.disabledSites.push('example.com'));
    const s = await loadSettings(area);
    expect(s.disabledSites).toEqual(['example.com']);
    expect(cleanupEnabled(s, 'https://www.example.com/a')).toBe(false);
    expect(cleanupEnabled(s, 'https://other.org/a')).toBe(true);
    expect(cleanupEnabled({ ...s, enabled: false }, 'https://other.org/a')).toBe(false);
  });

  it('reads settings saved before the shown kinds existed without losing their sites and rules', async () => {
    const saved = { enabled: true, disabledSites: ['163.com'], keepRules: { '163.com': ['ad:x'] } };
    expect(await loadSettings(memoryArea({ [SETTINGS_KEY]: saved }))).toEqual({ ...saved, shownKinds: [] });
  });

  it('drops a kind it does not know (a later version’s), keeping the rest of the settings', async () => {
    const saved = { ...DEFAULT_SETTINGS, disabledSites: ['163.com'], shownKinds: ['popups', 'comments'] };
    const area = memoryArea({ [SETTINGS_KEY]: saved });
    expect(await loadSettings(area)).toEqual({ ...saved, shownKinds: ['comments'] });
    await updateSettings(area, (s) => (s.enabled = false));
    expect(await loadSettings(area)).toEqual({ ...saved, enabled: false, shownKinds: ['comments'] });
  });

  // Site rules are keyed by host, and an intranet host may be named like an object's property:
  // it has no rules (valibot's records drop the last two names), not the prototype's function.
  it.each(['constructor', 'toString', '__proto__'])('gives the host %s no rules it did not make', async (host) => {
    const saved = { ...DEFAULT_SETTINGS, keepRules: { 'example.com': ['ad:x'] } };
    expect((await loadSettings(memoryArea({ [SETTINGS_KEY]: saved }))).keepRules[host]).toBeUndefined();
    expect((await loadSettings(memoryArea())).keepRules[host]).toBeUndefined();
  });

  it('lands two updates asked at once, the second on top of the first', async () => {
    const area = memoryArea();
    await Promise.all([updateSettings(area, (s) => s.shownKinds.push('comments')), updateSettings(area, (s) => s.shownKinds.push('navigation'))]);
    expect((await loadSettings(area)).shownKinds).toEqual(['comments', 'navigation']);
  });

  it('goes on with the next update after one whose change throws', async () => {
    const area = memoryArea();
    const failed = updateSettings(area, () => {
      throw new Error('bad change');
    });
    const next = updateSettings(area, (s) => (s.enabled = false));
    await expect(failed).rejects.toThrow('bad change');
    expect((await next).enabled).toBe(false);
  });

  it('keys a "Never hide this" rule by the item’s text, and an item without text by its place', () => {
    const ad = (text: string, selector: string) => ({ kind: 'ad' as const, text, selector });
    expect(keepKey(ad('阿里云 双十一', '#a'))).toBe(keepKey(ad('阿里云 双十一', '#b')));
    // Empty ad frames: one kept, the others still hidden.
    expect(keepKey(ad('', 'body > iframe:nth-of-type(1)'))).not.toBe(keepKey(ad('', 'body > iframe:nth-of-type(2)')));
    expect(keptItem(keepKey(ad('', 'body > iframe:nth-of-type(1)')))).toEqual({ kind: 'ad', text: '', cut: false, place: 'body > iframe:nth-of-type(1)' });
    expect(keptItem(keepKey(ad('阿里云 双十一', '#a')))).toEqual({ kind: 'ad', text: '阿里云 双十一', cut: false, place: null });
    // A rule stored before places were kept still reads as it was, and still keeps what it kept.
    expect(keptItem('ad:')).toEqual({ kind: 'ad', text: '', cut: false, place: null });
    expect(isKept(new Set(['ad:']), ad('', 'body > iframe:nth-of-type(2)'))).toBe(true);
    expect(isKept(new Set(['ad:']), ad('广告', '#a'))).toBe(false);
    expect(isKept(new Set([keepKey(ad('', '#one'))]), ad('', '#two'))).toBe(false);
    expect(keepKeys(ad('', '#one'))).toEqual([keepKey(ad('', '#one')), 'ad:']);
  });

  it('keys sites by host without www', () => {
    expect(siteOf('https://www.163.com/news/a.html')).toBe('163.com');
    expect(siteOf('not a url')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { PopupToContentSchema, SettingsSchema, ToBackgroundSchema, parseMessage } from '@/utils/messages';

describe('message validation', () => {
  it('accepts well-formed messages', () => {
    expect(parseMessage(ToBackgroundSchema, { type: 'ping' })).toEqual({ type: 'ping' });
    expect(parseMessage(PopupToContentSchema, { type: 'set-cleanup', active: false })).toEqual({ type: 'set-cleanup', active: false });
  });

  it.each([
    ['null', null],
    ['a string', 'ping'],
    ['an unknown type', { type: 'drop-database' }],
    ['a wrong field type', { type: 'set-cleanup', active: 'yes' }],
    ['a missing field', { type: 'set-cleanup' }],
    ['an array', [{ type: 'ping' }]],
  ])('rejects %s', (_label, raw) => {
    expect(parseMessage(PopupToContentSchema, raw)).toBeNull();
    expect(parseMessage(ToBackgroundSchema, raw === null || Array.isArray(raw) || typeof raw === 'string' ? raw : { ...raw, type: `x-${(raw as { type: string }).type}` })).toBeNull();
  });

  it('rejects settings with a wrong shape', () => {
    expect(parseMessage(SettingsSchema, { enabled: true, disabledSites: 'example.com', keepRules: {} })).toBeNull();
    expect(parseMessage(SettingsSchema, { enabled: true, disabledSites: [], keepRules: { 'a.com': ['ad:x'] } })).not.toBeNull();
  });
});

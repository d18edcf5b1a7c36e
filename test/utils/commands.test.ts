import { describe, expect, it } from 'vitest';
import { COMMANDS, commandLabel, commandMessage, manifestCommands } from '@/utils/commands';
import { PopupToContentSchema, parseMessage } from '@/utils/messages';
import { localeMessages } from '../helpers/locale';

describe('keyboard shortcuts', () => {
  it('lists each in the manifest with its suggested keys and its name as a locale message', () => {
    expect(manifestCommands()).toEqual({
      'highlight-selection': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_cmd_highlight__' },
      'open-reader': { suggested_key: { default: 'Alt+Shift+V' }, description: '__MSG_cmd_reader__' },
      'toggle-cleanup': { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_cmd_toggleCleanup__' },
    });
  });

  it('names each in every locale, sends each a message the page accepts, and gives each its own keys', () => {
    for (const lang of ['en', 'zh_CN', 'zh_TW'] as const) {
      const messages = localeMessages(lang);
      for (const { label } of Object.values(COMMANDS)) expect(messages[label]?.message).toBeTruthy();
    }
    for (const { message } of Object.values(COMMANDS)) expect(parseMessage(PopupToContentSchema, message)).toEqual(message);
    const keys = Object.values(COMMANDS).map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('maps a command to its message and label, and one it does not know to none', () => {
    expect(commandMessage('toggle-cleanup')).toEqual({ type: 'toggle-cleanup' });
    expect(commandLabel('open-reader')).toBe('cmd_reader');
    expect(commandMessage('toString')).toBeNull();
    expect(commandLabel('delete-everything')).toBeNull();
  });
});

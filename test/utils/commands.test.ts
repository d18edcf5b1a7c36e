import { describe, expect, it } from 'vitest';
import { COMMANDS, findCommand, manifestCommands } from '@/utils/commands';
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

  it('finds a command by its name, and none for a name it does not have', () => {
    expect(findCommand('toggle-cleanup')).toMatchObject({ message: { type: 'toggle-cleanup' }, loadsAnalysis: false });
    expect(findCommand('open-reader')).toMatchObject({ label: 'cmd_reader', loadsAnalysis: true });
    expect(findCommand('toString')).toBeNull();
    expect(findCommand('delete-everything')).toBeNull();
  });
});

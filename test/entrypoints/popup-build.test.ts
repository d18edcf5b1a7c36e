import { describe, expect, it } from 'vitest';
import type { Entrypoint, EntrypointGroup } from 'wxt';
import { COMMAND_MESSAGES, commandMessage } from '@/utils/messages';
import { localeMessages } from '../helpers/locale';
import { COMMANDS, buildPopupAlone, permissionsFor } from '../../wxt.config';

const entry = (name: string, type: Entrypoint['type']) => ({ name, type }) as Entrypoint;

describe('buildPopupAlone', () => {
  it('moves the popup out of the pages built together into a group of its own', () => {
    const background = entry('background', 'background');
    const [popup, options, library] = [entry('popup', 'popup'), entry('options', 'options'), entry('library', 'unlisted-page')];
    const groups: EntrypointGroup[] = [background, [popup, options, library]];
    buildPopupAlone(groups);
    expect(groups).toEqual([background, [options, library], [popup]]);
  });

  it('leaves a popup that is already alone, and groups without one, as they are', () => {
    const groups: EntrypointGroup[] = [[entry('popup', 'popup')], [entry('options', 'options'), entry('library', 'unlisted-page')]];
    const before = structuredClone(groups);
    buildPopupAlone(groups);
    expect(groups).toEqual(before);
  });
});

describe('permissionsFor', () => {
  it('keeps the highlights from eviction in Chrome, which may evict an extension’s storage; Firefox does not', () => {
    expect(permissionsFor('chrome')).toContain('unlimitedStorage');
    expect(permissionsFor('firefox')).not.toContain('unlimitedStorage');
    expect(permissionsFor('firefox')).toEqual(permissionsFor('chrome').filter((p) => p !== 'unlimitedStorage'));
  });
});

describe('keyboard shortcuts', () => {
  it('each has a message for the page, a described name in every locale, and its own keys', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual(Object.keys(COMMAND_MESSAGES).sort());
    for (const lang of ['en', 'zh_CN', 'zh_TW'] as const) {
      const messages = localeMessages(lang);
      for (const { description } of Object.values(COMMANDS)) expect(messages[/^__MSG_(\w+)__$/.exec(description)![1]!]?.message).toBeTruthy();
    }
    const keys = Object.values(COMMANDS).map((c) => c.suggested_key.default);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('maps a shortcut to its message, and a command it does not know to none', () => {
    expect(commandMessage('toggle-cleanup')).toEqual({ type: 'toggle-cleanup' });
    expect(commandMessage('open-reader')).toEqual({ type: 'open-reader' });
    expect(commandMessage('toString')).toBeNull();
    expect(commandMessage('delete-everything')).toBeNull();
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Translate } from '@/components/i18n';
import { fillMessage, type LocaleMessage } from '@/utils/reasons';

export type Lang = 'en' | 'zh_CN' | 'zh_TW' | 'ja' | 'ko';

/** One of the extension's locale files, as the browser reads it. */
export function localeMessages(lang: Lang): Record<string, LocaleMessage> {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, LocaleMessage>;
}

/** The browser's getMessage over one of the extension's locale files, for rendering components in tests. */
export function translator(lang: Lang): Translate {
  const messages = localeMessages(lang);
  return (key, substitutions) => {
    const subs = [substitutions ?? []].flat();
    return messages[key] ? fillMessage(messages[key], subs) : '';
  };
}

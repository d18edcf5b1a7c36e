import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Translate } from '@/components/i18n';
import { fillMessage, type LocaleMessage } from '@/utils/reasons';

/** The browser's getMessage over one of the extension's locale files, for rendering components in tests. */
export function translator(lang: 'en' | 'zh_CN'): Translate {
  const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, LocaleMessage>;
  return (key, substitutions) => (messages[key] ? fillMessage(messages[key], [substitutions ?? []].flat()) : '');
}

/** A story's language, told from what its page declares and the script it is written in. Pure. */
import { looksTraditional } from './provenance/hant';
import { writtenLanguage } from './text';

/**
 * The page's declared language (its `<html lang>`), unless the story's script says a CJK one the
 * declared is not (a Chinese story on a page declared `en`, which a template left); without one,
 * the one its script tells (ja, ko, zh), else ''. A declared Japanese or Korean stands (a story
 * heavy in kanji reads as Chinese by its script alone), and Chinese in traditional characters is
 * zh-Hant unless the page names its region (zh-TW, zh-HK), set in Taiwanese and Hong Kong faces.
 */
export function storyLanguage(declared: string, text: string): string {
  const written = writtenLanguage(text);
  const primary = declared.toLowerCase().split(/[-_]/)[0]!;
  const traditional = () => looksTraditional([{ text }]);
  if (declared && (!written || primary === 'ja' || primary === 'ko')) return declared;
  if (primary === 'zh') return /^zh(?:[-_](?:cn|hans))?$/i.test(declared) && traditional() ? 'zh-Hant' : declared;
  if (written !== 'zh') return written ?? '';
  return traditional() ? 'zh-Hant' : 'zh';
}

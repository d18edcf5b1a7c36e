/**
 * The language an outlet's or a person's name is read in, for its `lang` in the card and popup,
 * which are in the reader's language: a screen reader speaks 联合早报 with an English voice in an
 * English card (as letters it cannot say), and a Japanese card sets it in Japanese type. Pure and
 * small (no tables): the popup's own bundle carries it.
 */

const HANGUL = /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/;
const KANA = /[\u3041-\u30ff]/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The page's language (`pageLang`, its `<html lang>`, '' when it declares none) for a name in the
 * page's own script, as the card writes names as the page does; a name in a CJK script the page's
 * language is not written in, the language that script tells (ko, ja, zh); a name without CJK
 * characters on a CJK page (Reuters on a Chinese page), '' (left to the words around it).
 */
export function nameLanguage(pageLang: string, name: string): string {
  const primary = pageLang.toLowerCase().split(/[-_]/)[0]!;
  const own = (lang: string) => (primary === lang ? pageLang : lang);
  if (HANGUL.test(name)) return own('ko');
  if (KANA.test(name)) return own('ja');
  // Han alone is Chinese unless the page says Japanese or Korean (毎日新聞 on a Japanese portal).
  if (HAN.test(name)) return primary === 'ja' || primary === 'ko' ? pageLang : own('zh');
  return primary === 'zh' || primary === 'ja' || primary === 'ko' ? '' : pageLang;
}

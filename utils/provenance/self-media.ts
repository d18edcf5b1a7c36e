/**
 * Self-media platforms (网易号, 企鹅号, 搜狐号, 头条号 …): the portal only hosts the post, and the
 * posting account is the author of record, so it becomes the first reprinted-from step. The
 * account is named next to the platform's tag (扬眼 企鹅号), in the meta line before the date
 * (原创 南方都市报 2019-09-09), or on the account card beside the article.
 */
import type { Line } from './text-zones';
import { collapse } from './text-zones';
import type { SourceHit } from './patterns';
import { isUnnamed, normalizeOutlet } from './outlet-names';
import { SHOW_TEXT } from '../dom-constants';

export const PLATFORMS = '网易号|企鹅号|搜狐号|头条号|百家号|大风号|澎湃号|快传号|一点号|新浪看点|凤凰号';
const PLATFORM = new RegExp(PLATFORMS, 'g');
const PLATFORM_TAG = new RegExp(PLATFORMS);
/** A short element holding the account and the platform's tag: 扬眼企鹅号. */
const TAGGED_ACCOUNT = new RegExp(`^(.{2,20}?)\\s*(?:${PLATFORMS})$`);
/** The platform's breadcrumb leading to the account: 澎湃号 > 中国广州发布. */
const PLATFORM_CRUMB = new RegExp(`^(?:${PLATFORMS})\\s*[>›»＞]\\s*(.{2,20})$`);
/** 原创 南方都市报 2019-09-09 16:01:46: the account opens the meta line, before the date. */
const BEFORE_DATE = /^(?:原创\s+)?([A-Za-z0-9\u4e00-\u9fa5·_-]{2,20})\s+\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}/;
/** The heading of the account card (搜狐's #user-info h4, 网易号's .colum_info h4, 头条's .user-card-name). */
export const ACCOUNT_CARD = '[id*="user-info" i] h4, [class*="user-info" i] h4, [class*="colum_info" i] h4, [class*="user-card-name" i]';
/** Sites where every article is an account's post, whether or not the page says so. */
const ACCOUNT_SITES = new Set(['今日头条']);
const NOT_AN_ACCOUNT = /^(?:原创|来源|作者|编辑|发布|关注|首页|\d.*)$/;

function count(text: string): number {
  return text.match(PLATFORM)?.length ?? 0;
}

function accountHit(raw: string): SourceHit | null {
  const evidence = collapse(raw);
  const outlet = normalizeOutlet(evidence);
  if (outlet.length < 2 || isUnnamed(outlet) || NOT_AN_ACCOUNT.test(outlet)) return null;
  return { kind: 'reprint', outlet, date: null, evidence, zone: 'meta' };
}

/** The account printed beside the platform's tag or after it in a breadcrumb: the tag's text node, then up to two enclosing elements. */
function taggedAccount(doc: Document): SourceHit | null {
  if (!doc.body) return null;
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (value.length > 24 || !PLATFORM_TAG.test(value)) continue;
    for (let el = node.parentElement, up = 0; el && up < 3; el = el.parentElement, up++) {
      // A menu entry (头条号 in the site's header) sits beside other entries, not beside an account.
      if (/^(?:LI|UL|OL|NAV)$/.test(el.tagName.toUpperCase())) break;
      const text = collapse(el.textContent ?? '');
      if (text.length > 24) break;
      const crumb = PLATFORM_CRUMB.exec(text);
      const m = crumb ?? TAGGED_ACCOUNT.exec(text);
      const hit = m?.[1] ? accountHit(m[1]) : null;
      if (hit) return crumb ? { ...hit, evidence: text } : hit;
    }
  }
  return null;
}

/**
 * The posting account when the page is a self-media post: the page names a platform, or its
 * publisher is one made only of accounts' posts. `pageText` is the whole page's text,
 * `bodyText` the article's: a platform named only inside the story (an article about 头条号)
 * does not make the page a post on it.
 */
export function selfMediaAccount(doc: Document, publisher: string | null, lines: Line[], pageText: string, bodyText: string): SourceHit | null {
  // The page's count first: it is 0 on most pages, and then the body's need not be counted.
  const onPlatform = (): boolean => {
    const onPage = count(pageText);
    return onPage > 0 && onPage > count(bodyText);
  };
  if (!(publisher && ACCOUNT_SITES.has(publisher)) && !onPlatform()) return null;
  const tagged = taggedAccount(doc);
  if (tagged) return tagged;
  for (const line of lines) {
    if (line.zone !== 'meta') break;
    const m = BEFORE_DATE.exec(line.text);
    const hit = m?.[1] ? accountHit(m[1]) : null;
    if (hit) return { ...hit, evidence: m?.[0].replace(/\s*\d{4}.*$/, '') ?? hit.evidence };
  }
  const card = doc.querySelector(ACCOUNT_CARD)?.textContent;
  return card ? accountHit(card) : null;
}

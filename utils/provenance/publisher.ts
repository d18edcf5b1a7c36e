/**
 * The publisher: the site showing the page, as a reader names it (网易, not 网易新闻). Read from the
 * WeChat account, the page's host, the `<title>` suffix, og:site_name, JSON-LD and the home link,
 * else from what the site's visible text says of itself (disclaimer, copyright, breadcrumb).
 */
import { collapse, pageTextHolding } from './text-zones';
import { normalizeOutlet, isUnnamed } from './outlet-names';
import { ACRONYM_SITE, brandOf, hostOf, isHanSiteName, LATIN_SITE, NOT_A_SITE, portalOfHost } from './sites';
import { homeLinkName } from './home-link';
import type { Fold, PageReading } from './hant';
import { NOTICE_MARKS, noticeHeadSite, statedSite, type SiteStatement } from './site-statements';
import { jsonLdBlocks, metaContent } from '../page-meta';

/** The publisher's name and the visible text that shows it. */
export interface PublisherFinding {
  name: string;
  evidence: string;
}

const HAN = /[\u4e00-\u9fa5]/;

const TITLE_SEPARATOR = /\s*(?:[_|｜]|::|-{1,2}|\s[–—]\s)\s*/;

/**
 * `标题_国际_海南信息港` → 海南信息港: the last title part that reads as a site, not a section or host.
 * `fold` reads a part as provenance reads the page (a traditional page's characters folded).
 */
function titleSuffix(doc: Document, fold: Fold): string | null {
  const parts = collapse(doc.title)
    .split(TITLE_SEPARATOR)
    .slice(1)
    .map((part) => part.trim())
    .filter((part) => part.length >= 2 && part.length <= 16 && !NOT_A_SITE.test(fold(part)))
    .reverse();
  // A Chinese site name wins over a Latin tagline (澎湃新闻-The Paper).
  return parts.find((part) => isHanSiteName(fold(part)) || ACRONYM_SITE.test(part)) ?? parts.find((part) => LATIN_SITE.test(part)) ?? null;
}

/** The publisher's name from JSON-LD, if the page has any. */
function jsonLdPublisher(doc: Document): string | null {
  for (const data of jsonLdBlocks(doc)) {
    const items = Array.isArray(data) ? data : [data];
    for (const item of items) {
      const publisher = (item as { publisher?: { name?: unknown } } | null)?.publisher;
      if (typeof publisher?.name === 'string' && publisher.name.trim()) return publisher.name.trim();
    }
  }
  return null;
}

/** A WeChat article's account name (#js_name, else .profile_nickname), whichever the page shows first. */
function wechatAccount(doc: Document): string | null {
  const byId = doc.getElementById('js_name');
  const byClass = doc.getElementsByClassName('profile_nickname')[0];
  // DOCUMENT_POSITION_PRECEDING (2): the class match comes first in the page.
  const first = byId && byClass ? (byId.compareDocumentPosition(byClass) & 2 ? byClass : byId) : (byId ?? byClass);
  return first?.textContent ?? null;
}

/**
 * What a publisher the page's text does not name was read from, as the card quotes it ("read from the
 * page's title or metadata"): the title when it names the site, else what the name came from (the
 * page's host, the metadata's words, the home link's label or host). A title that does not name the
 * site (a 今日头条 post's headline) would say nothing of it.
 */
function unseenEvidence(doc: Document, name: string, found: string, readFrom: string | null): string {
  const title = collapse(doc.title);
  return title.includes(name) || title.includes(found) || !readFrom ? title : collapse(readFrom);
}

/**
 * Finds the publisher. `readPageText` gives the page's visible text that can hold the site's own
 * statements and the names looked for; the caller reads the page once and keeps it. Names are
 * judged as `reading` folds them, and returned as the page writes them.
 */
export function findPublisher(
  doc: Document,
  url: string | null,
  headline: Element | null,
  readPageText: (names: readonly string[]) => string,
  reading: PageReading,
): PublisherFinding | null {
  const { fold, restore } = reading;
  // The site's statements are read folded, like the lines (版權所有 as 版权所有), and quoted as printed.
  const restored = (found: SiteStatement | null): SiteStatement | null => found && { name: restore(found.name), evidence: restore(found.evidence) };
  // A WeChat article's publisher is its 公众号 account, shown as the profile nickname.
  const account = wechatAccount(doc);
  const metaSiteName = metaContent(doc, 'og:site_name');
  const siteName = metaSiteName && !NOT_A_SITE.test(metaSiteName) ? metaSiteName : null;
  const ldPublisher = jsonLdPublisher(doc);
  // What each candidate was read from, for a name the page's text does not show (see unseenEvidence).
  let readFrom: string | null = null;
  const from = (name: string | null, source: string | null): string | null => {
    readFrom = source;
    return name;
  };
  const candidates = [
    () => from(account ? collapse(account) : null, null),
    () => {
      const portal = portalOfHost(url);
      return from(portal, portal && hostOf(url));
    },
    () => from(titleSuffix(doc, fold), null),
    () => from(siteName, siteName),
    () => from(ldPublisher, ldPublisher),
    () => {
      const home = homeLinkName(doc, headline, url, fold);
      return from(home?.name ?? null, home?.evidence ?? null);
    },
  ];
  for (const candidate of candidates) {
    const found = candidate();
    if (!found) continue;
    const name = brandOf(normalizeOutlet(found));
    if (isUnnamed(name)) continue;
    // og:site_name may be the brand in another language (Yahoo Finance over a page that labels
    // itself Yahoo財經): the JSON-LD publisher's name is the one a reader knows when the page shows
    // it and not the other, or when it is the Chinese one (as a title's Chinese site name wins).
    const other = found === siteName && ldPublisher ? brandOf(normalizeOutlet(ldPublisher)) : name;
    const text = readPageText(other === name ? [name] : [name, other]);
    const shown = other !== name && !isUnnamed(other) && text.includes(other) && (!text.includes(name) || (HAN.test(other) && !HAN.test(name))) ? other : name;
    // Prefer a visible line that names the brand: the disclaimer, the copyright, a breadcrumb.
    const stated = restored(statedSite(fold(text)));
    if (stated && stated.name === shown) return stated;
    return { name: shown, evidence: text.includes(shown) ? shown : unseenEvidence(doc, shown, found, shown === name ? readFrom : ldPublisher) };
  }
  // The notice's head needs one more walk of the page: only a Chinese page prints one.
  const notices = (): string => (doc.body && HAN.test(doc.title) ? pageTextHolding(doc.body, NOTICE_MARKS) : '');
  return restored(statedSite(fold(readPageText([]))) ?? noticeHeadSite(fold(notices())));
}

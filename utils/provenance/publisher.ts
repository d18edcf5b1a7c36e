/**
 * The publisher: the site showing the page, as a reader names it (网易, not 网易新闻). Read from the
 * `<title>` suffix, og:site_name, JSON-LD, the 不代表X立场 disclaimer and the copyright line.
 */
import { collapse } from './text-zones';
import { normalizeOutlet, isUnnamed } from './outlet-names';

/** The publisher's name and the visible text that shows it. */
export interface PublisherFinding {
  name: string;
  evidence: string;
}

/** Portals whose channels print many names (网易新闻, 网易订阅, 腾讯新闻) for one brand. */
const PORTALS: Array<[RegExp, string]> = [
  [/网易|(?:^|\.)163\.com$/, '网易'],
  [/新浪|(?:^|\.)sina\.(?:com\.cn|cn|net)$/, '新浪'],
  [/腾讯|(?:^|\.)qq\.com$/, '腾讯网'],
  [/搜狐|(?:^|\.)sohu\.com$/, '搜狐'],
  [/凤凰|(?:^|\.)ifeng\.com$/, '凤凰网'],
  [/头条|(?:^|\.)toutiao\.com$/, '今日头条'],
  [/(?:^|\.)people\.com\.cn$/, '人民网'],
  [/(?:^|\.)(?:xinhuanet\.com|news\.cn)$/, '新华网'],
];
const DISCLAIMER = /不代表(?:本站|本网)?(?!赞同|同意)([^，,。；;\s]{2,16}?)(?:的)?(?:观点|立场)/;
const COPYRIGHT = /(?:Copyright|版权所有|©)[^。\n]{0,40}?(?:by\s+)?([\u4e00-\u9fa5]{2,12}(?:网|报|台|社|港|在线|新闻))/i;
const TITLE_SEPARATOR = /\s*(?:[_|｜]|::|-{1,2}|\s[–—]\s)\s*/;

function brandOf(name: string): string {
  return PORTALS.find(([pattern]) => pattern.test(name))?.[1] ?? name;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** The brand a known portal host belongs to (news.163.com → 网易), else null. */
export function portalOfHost(url: string | null): string | null {
  const host = hostOf(url);
  return host ? (PORTALS.find(([pattern]) => pattern.test(host))?.[1] ?? null) : null;
}

/** Title parts that name a section or a host rather than the site (国际, 商业频道, cjn.cn). */
const NOT_A_SITE = /^(?:首页.*|.*频道(?:首页)?|.*中心|要闻.*|资讯|新闻|国际|国内|财经|经济|科技|娱乐|体育|政务|正文|Hosted|Tech|[\w-]+(?:\.[\w-]+)+)$/i;
/** What a site name usually ends with, or Latin words for an English site. */
const SITE_LIKE = /(?:网|报|港|台|社|站|氪|新闻|在线|传媒|网站)$/;
const LATIN_SITE = /^[A-Z][\w.&' ]{1,30}$/;

/** `标题_国际_海南信息港` → 海南信息港: the last title part that reads as a site, not a section or host. */
function titleSuffix(doc: Document): string | null {
  const parts = collapse(doc.title)
    .split(TITLE_SEPARATOR)
    .slice(1)
    .map((part) => part.trim())
    .filter((part) => part.length >= 2 && part.length <= 16 && !NOT_A_SITE.test(part))
    .reverse();
  // A Chinese site name wins over a Latin tagline (澎湃新闻-The Paper).
  const han = parts.find((part) => SITE_LIKE.test(part) || PORTALS.some(([pattern]) => pattern.test(part)));
  return han ?? parts.find((part) => LATIN_SITE.test(part)) ?? null;
}

function metaContent(doc: Document, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
}

/** The publisher's name from JSON-LD, if the page has any. */
function jsonLdPublisher(doc: Document): string | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '');
      const items = Array.isArray(data) ? data : [data];
      for (const item of items) {
        const publisher = (item as { publisher?: { name?: unknown } } | null)?.publisher;
        if (typeof publisher?.name === 'string' && publisher.name.trim()) return publisher.name.trim();
      }
    } catch {
      // Broken JSON-LD is common on portals; the other signals still apply.
    }
  }
  return null;
}

/**
 * Finds the publisher. `readPageText` is called at most once, and only when the disclaimer,
 * copyright or evidence must be looked up in the page's visible text.
 */
export function findPublisher(doc: Document, url: string | null, readPageText: () => string): PublisherFinding | null {
  let pageText: string | null = null;
  const text = (): string => (pageText ??= readPageText());
  const fromDisclaimer = (): PublisherFinding | null => {
    const m = DISCLAIMER.exec(text()) ?? COPYRIGHT.exec(text());
    return m?.[1] ? { name: brandOf(normalizeOutlet(m[1])), evidence: m[0] } : null;
  };
  // A WeChat article's publisher is its 公众号 account, shown as the profile nickname.
  const account = doc.querySelector('#js_name, .profile_nickname')?.textContent;
  const siteName = metaContent(doc, 'meta[property="og:site_name"]');
  const candidates = [
    account ? collapse(account) : null,
    portalOfHost(url),
    titleSuffix(doc),
    siteName && !NOT_A_SITE.test(siteName) ? siteName : null,
    jsonLdPublisher(doc),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const name = brandOf(normalizeOutlet(candidate));
    if (isUnnamed(name)) continue;
    // Prefer a visible line that names the brand: the disclaimer, the copyright, a logo.
    const stated = fromDisclaimer();
    if (stated && stated.name === name) return stated;
    const at = text().indexOf(name);
    return { name, evidence: at >= 0 ? name : collapse(doc.title) };
  }
  return fromDisclaimer();
}

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
const DISCLAIMER = /不代表(?:本站|本网)?([^，,。；;\s]{2,16}?)(?:的)?(?:观点|立场)/;
const COPYRIGHT = /(?:Copyright|版权所有|©)[^。\n]{0,40}?(?:by\s+)?([\u4e00-\u9fa5]{2,12}(?:网|报|台|社|港|在线|新闻))/i;
const TITLE_SEPARATOR = /\s*(?:[_|｜]|--|\s[-–—]\s)\s*/;

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

/** `标题_国际_海南信息港` → 海南信息港: the last part of the title when it reads as a site name. */
function titleSuffix(doc: Document): string | null {
  const parts = collapse(doc.title).split(TITLE_SEPARATOR).filter(Boolean);
  const last = parts.length > 1 ? parts[parts.length - 1] : undefined;
  return last && last.length <= 16 ? last : null;
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
  const candidates = [
    portalOfHost(url),
    metaContent(doc, 'meta[property="og:site_name"]'),
    titleSuffix(doc),
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

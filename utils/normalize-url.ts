/**
 * The key a page's annotations are stored under: the same article reached from a newsletter, a
 * share button or a portal's click-tracking link must land on one record.
 */

/**
 * Query parameters that only say how the reader arrived, never which article is shown:
 * `spm`/`scm` are Alibaba-family click trails common on Chinese portals; the rest are ad-network and
 * social click ids (Facebook, Google Ads, Microsoft Ads, Yandex, Instagram, Twitter, Mailchimp).
 */
const TRACKING_PARAMS = new Set([
  'spm',
  'scm',
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'twclid',
  'mc_cid',
  'mc_eid',
]);

function isTrackingParam(rawName: string): boolean {
  let name = rawName.replace(/\+/g, ' ');
  try {
    name = decodeURIComponent(name);
  } catch {
    // A malformed escape is not one of ours; compare it as written.
  }
  name = name.toLowerCase();
  return name.startsWith('utm_') || TRACKING_PARAMS.has(name);
}

/**
 * Drops the fragment and tracking parameters; the URL parser lower-cases the host and drops a
 * default port. Remaining parameters keep their order and their original encoding, so a URL with
 * nothing to drop keeps the identity it had. An unparsable URL is returned unchanged.
 */
export function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.hash = '';
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(pair.split('=', 1)[0]!));
  parsed.search = kept.length ? `?${kept.join('&')}` : '';
  return parsed.href;
}

/**
 * Whether two URLs share an origin. A content script speaks for the pages of its tab's origin, not
 * only the address shown: a continuous-reading site keeps the stories read before on the page, each
 * under its own address. The origin is the line the browser itself draws: a page can already move
 * its tab to any address of its origin (history.pushState) and have its script read that page's highlights.
 */
export function sameOrigin(url: string, other: string): boolean {
  try {
    return new URL(url).origin === new URL(other).origin;
  } catch {
    return false;
  }
}

/** The changed pages a tab is told of: those of its own origin, the only ones its script may ask about; none for a tab showing no web page. */
export function changesForTab(tabUrl: string | undefined, pageUrls: readonly string[]): string[] {
  if (tabUrl === undefined || !/^https?:/.test(tabUrl)) return [];
  return pageUrls.filter((url) => sameOrigin(url, tabUrl));
}

/**
 * The page whose highlights the popup lists: the one its content script names (a continuous-reading
 * site's current story), when it shares the tab's origin; the tab's address may be unknown ('').
 */
export function popupPageUrl(scriptUrl: string, tabUrl: string): string | null {
  return !tabUrl || sameOrigin(scriptUrl, tabUrl) ? scriptUrl : null;
}

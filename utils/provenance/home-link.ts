/**
 * The site's own name from its home link: the logo or 首页 link in the page header
 * (`<a href="/"><img alt="人民网"></a>`, `<a href="https://www.csdn.net" title="CSDN首页">`).
 */
import { collapse } from './text-zones';
import { brandOf, hostOf, isSiteName, LATIN_SITE, portalOfHost } from './sites';
import type { Fold } from './hant';

/** A link to a site's root: `/`, `//host/`, `https://host`, `index.html`. */
const ROOT_HREF = /^(?:(?:https?:)?\/\/[^/?#]+)?\/?(?:index\.s?html?)?$/i;
/** Words around the name in a home link's label (返回网易首页, CSDN首页, logo). */
const HOME_WORDS = /返回|首页|主页|官网|logo/gi;
/** The header is short: only the first few home links are looked at. */
const MAX_LINKS = 8;

/** The first thing a home link says about the site: its logo's alt, its title, its text (Latin names run longer: The Berkshire Eagle). */
function labelsOf(link: Element): string[] {
  const img = link.querySelector('img');
  return [img?.getAttribute('alt'), img?.getAttribute('title'), link.getAttribute('title'), link.textContent]
    .map((label) => collapse(label ?? '').replace(HOME_WORDS, '').trim())
    .filter((label) => label.length >= 2 && (label.length <= 16 || LATIN_SITE.test(label)));
}

/** The site a home link names, and what it was read from: the link's label, or the host it leads to. */
export interface HomeLink {
  name: string;
  evidence: string;
}

/**
 * The site named by a home link before the headline. Links after it are left alone: footers
 * list partner sites the same way. A bare 首页 link, or one with no words, tells the site by its
 * host when the page's own URL is unknown. `fold` reads a label as provenance reads the page.
 */
export function homeLinkName(doc: Document, headline: Element | null, url: string | null, fold: Fold): HomeLink | null {
  let seen = 0;
  // A live list read only up to the headline: most of a page's links come after it.
  const links = doc.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    const raw = link.getAttribute('href');
    if (raw === null) continue;
    if (headline && headline.compareDocumentPosition(link) & 4) break; // the link follows the headline
    const href = raw.trim();
    if (!ROOT_HREF.test(href) || !href) continue;
    if (++seen > MAX_LINKS) break;
    const labels = labelsOf(link);
    const name = labels.find((label) => isSiteName(fold(label)));
    if (name) return { name: brandOf(name), evidence: name };
    // A 首页 link, or a logo drawn by an icon font with no words at all (huanqiu's).
    const home = labels.length === 0 || /首页/.test(`${link.getAttribute('title') ?? ''}${link.textContent ?? ''}`);
    if (home && !hostOf(url)) {
      const target = new URL(href, 'http://page.invalid/').href;
      const portal = portalOfHost(target);
      if (portal) return { name: portal, evidence: hostOf(target) ?? portal };
    }
  }
  return null;
}

/**
 * Sources stated by markup rather than by a sentence: the bare source slot of the meta line
 * (新浪's `<a class="source">北京日报</a>`), `meta name=source`, JSON-LD `isBasedOn` and a
 * canonical link to another site. Metadata can name the portal itself or a stale origin, so a
 * name from it counts only when the visible article text shows the same name.
 */
import type { Line } from './text-zones';
import { collapse, elementLines } from './text-zones';
import type { SourceHit } from './patterns';
import type { Fold } from './hant';
import { isUnnamed, looksLikePerson, normalizeOutlet, sameOutlet } from './outlet-names';
import { portalOfHost } from './sites';
import { canonicalHref, jsonLdBlocks, jsonLdObjects, metaContent } from '../page-meta';

const SOURCE_SLOT = '[class*="source" i], [id*="source" i], [class~="media" i], [class*="media-name" i], [class*="media_name" i], [data-sudaclick*="media" i]';
/** A slot's label, removed before its value is read. */
const SLOT_LABEL = /^(?:文章|信息|稿件|新闻)?(?:来源|来自|出处|稿源)\s*[:：|丨]?\s*/;
const DATE_LIKE = /\d{1,4}[-年/.:月]\d{1,2}/;

const NOTHING_EXCLUDED = (): boolean => false;
/** A badge printed on a line of its own in a source slot: never the outlet. */
const SLOT_BADGE = /^(?:独家|原创|首发|置顶|热|推荐|专栏)$/;
/** A label (文章来源：), a name of up to 20 characters and the spaces between. */
const SLOT_MAX_CHARS = 40;

function slotHits(metaElements: Element[], fold: Fold): SourceHit[] {
  const hits: SourceHit[] = [];
  for (const root of metaElements) {
    // What the query finds matches already; only the root itself needs asking.
    const slots = [...(root.matches(SOURCE_SLOT) ? [root] : []), ...root.querySelectorAll(SOURCE_SLOT)];
    for (const slot of slots) {
      // A slot holding a whole meta line or more is no bare name: asked first, of the browser's own
      // text, so the long ones are never walked.
      if (collapse(slot.textContent ?? '').length > SLOT_MAX_CHARS) continue;
      // Read by lines, as shown: a slot may hold more than the name, in blocks of their own (ifeng's
      // account name, then its 下载客户端 / 独家抢先看 follow box), which its textContent runs together.
      // A badge line (独家, 原创) before the name is passed over like a lone label is joined.
      const shown = elementLines(slot, 'meta', NOTHING_EXCLUDED).map((line) => line.text).filter((line) => !SLOT_BADGE.test(line));
      const labelled = shown[0]?.replace(SLOT_LABEL, '') === '' ? shown.slice(0, 2).join(' ') : shown[0];
      if (!labelled) continue;
      const text = fold(collapse(labelled));
      const value = text.replace(SLOT_LABEL, '');
      // A slot holding a date or a whole meta line is not a bare outlet name.
      if (!value || value.length > 20 || DATE_LIKE.test(value) || /\s/.test(value)) continue;
      const outlet = normalizeOutlet(value);
      if (isUnnamed(outlet) || looksLikePerson(outlet)) continue;
      hits.push({ kind: 'reprint', outlet, date: null, evidence: text, zone: 'meta' });
    }
  }
  return hits;
}

/** 2024-05-09 22:30·新华社, 2005年03月21日 11:21 《理财周刊》: a bare outlet printed right after the meta line's date. */
const AFTER_DATE = /(?:\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)\s*[·|｜]?\s*《?([A-Za-z\u4e00-\u9fa5]{2,12})》?(?=\s|$)/;
const FIELD_WORD = /^(?:来源|来自|作者|编辑|责任编辑|浏览|阅读|字号|分享|评论|点击|发布|星期|周)/;

function afterDateHits(lines: Line[]): SourceHit[] {
  for (const line of lines) {
    if (line.zone !== 'meta') break;
    const m = AFTER_DATE.exec(line.text);
    const outlet = m ? normalizeOutlet(m[1] ?? '') : '';
    if (m && !FIELD_WORD.test(outlet) && !isUnnamed(outlet) && !looksLikePerson(outlet)) {
      return [{ kind: 'reprint', outlet, date: null, evidence: m[0], zone: 'meta' }];
    }
  }
  return [];
}

function basedOnName(doc: Document): string | null {
  for (const data of jsonLdBlocks(doc)) {
    const based = (data as { isBasedOn?: unknown } | null | undefined)?.isBasedOn;
    if (typeof based === 'string') return based;
    const name = (based as { name?: unknown } | null | undefined)?.name;
    if (typeof name === 'string') return name;
  }
  return null;
}

/**
 * JSON-LD's author when it is an organisation: on a portal that shows other outlets' stories
 * (Yahoo's providers), the outlet the story came from. The publisher itself is left to the chain.
 */
function organizationAuthor(doc: Document): string | null {
  for (const item of jsonLdObjects(doc)) {
    const authors = item.author;
    for (const author of Array.isArray(authors) ? authors : [authors]) {
      const { '@type': type, name } = (author ?? {}) as { '@type'?: unknown; name?: unknown };
      if (typeof name === 'string' && typeof type === 'string' && type.endsWith('Organization')) return name;
    }
  }
  return null;
}

/** The most text a headline's block holds besides it for a name there to count as shown beside it. */
const BESIDE_HEADLINE_MAX_CHARS = 200;

/**
 * The text printed with the headline in its block (Yahoo's provider name over it: 香港電台-財經),
 * when that block is small enough to be the headline's own.
 */
function besideHeadline(headline: Element | null): string {
  const block = headline?.parentElement?.parentElement;
  const text = collapse(block?.textContent ?? '');
  return text.length <= BESIDE_HEADLINE_MAX_CHARS ? text : '';
}

function canonicalOrigin(doc: Document, url: string | null): string | null {
  const href = canonicalHref(doc);
  if (!href || !url) return null;
  try {
    const canonical = new URL(href, url);
    return canonical.hostname !== new URL(url).hostname ? portalOfHost(canonical.href) : null;
  } catch {
    return null;
  }
}

/**
 * Reprint hits from markup, each backed by a visible line that names the same outlet. A name the
 * page shows only as the body's wire dateline (meta source=新华社 over 新华社北京11月17日电) adds nothing
 * to what the dateline says, so the dateline alone decides it. `fold` reads a name from markup as the lines were read
 * (a traditional page's characters folded to simplified ones).
 */
export function metadataHits(
  doc: Document,
  url: string | null,
  headline: Element | null,
  metaElements: Element[],
  lines: Line[],
  dateline: SourceHit | null,
  fold: Fold,
): SourceHit[] {
  const hits = [...slotHits(metaElements, fold), ...afterDateHits(lines)];
  const declared = [metaContent(doc, 'source'), basedOnName(doc), canonicalOrigin(doc, url)];
  for (const raw of declared) {
    if (!raw) continue;
    const outlet = normalizeOutlet(fold(raw));
    if (dateline && sameOutlet(dateline.outlet, outlet)) continue;
    const shown = lines.find((line) => line.text.includes(outlet));
    if (shown && !isUnnamed(outlet) && !looksLikePerson(outlet)) hits.push({ kind: 'reprint', outlet, date: null, evidence: outlet, zone: shown.zone });
  }
  // An organisation credited as author is shown as a provider, often beside the headline rather than on the meta line.
  const provider = organizationAuthor(doc);
  const outlet = provider ? normalizeOutlet(fold(provider)) : '';
  if (outlet && !isUnnamed(outlet) && !(dateline && sameOutlet(dateline.outlet, outlet)) && !hits.some((hit) => sameOutlet(hit.outlet, outlet))) {
    const shown = lines.find((line) => line.text.includes(outlet));
    if (shown || fold(besideHeadline(headline)).includes(outlet)) hits.push({ kind: 'reprint', outlet, date: null, evidence: outlet, zone: shown?.zone ?? 'meta' });
  }
  return hits;
}

/**
 * The site naming itself in its visible text: the 不代表X立场 disclaimer, a 本文为X原创 claim, the
 * copyright line and the first step of the breadcrumb (人民网>>江苏频道>>教育); last, the head of
 * its own notice (X版权与免责声明).
 */
import { BREADCRUMB_LABEL } from '../clutter';
import { isUnnamed, normalizeOutlet } from './outlet-names';
import { brandOf, isHanSiteName, isSiteName } from './sites';

/** A name the site gives itself and the text it was read from. */
export interface SiteStatement {
  name: string;
  evidence: string;
}

const HAN_NAME = '[\\u4e00-\\u9fa5]';
/** White space short of a line break. */
const LINE_SPACE = '[^\\S\\n]';
/** 不代表本网赞同其观点 names no one: the lookahead must see past 本站/本网. */
const DISCLAIMER = /不代表(?!(?:本站|本网)?(?:赞同|同意))(?:本站|本网)?([^，,。；;\s]{2,16}?)(?:的)?(?:观点|立场)/;
const ORIGINAL_CLAIM = /本文(?:为|系|是)\s*([^\s，,。；;“”"]{2,16}?)\s*(?:独家)?原创/g;
/** Company suffixes: a company's legal name is not what readers call its site, unless its core is one. */
const COMPANY = '(?:股份)?(?:有限)?(?:责任)?公司|集团';
/**
 * Each pattern with a test for the words it needs: scanning a whole page for a pattern that opens
 * on any Han character costs more than all other statements, and most pages print no copyright.
 */
const COPYRIGHTS: Array<[needs: (text: string) => boolean, pattern: RegExp]> = [
  // ©2006 千龙网, Copyright © 2019 观察者, © 版权所有2000-2006，北京千龙新闻网
  [
    (text) => text.includes('©') || /copyright/i.test(text),
    new RegExp(`(?:Copyright|©)(?:[\\s,，:：©-]|\\(c\\)|\\d{4}|版权所有)*(?:by\\s+)?(${HAN_NAME}{2,20}?)(${COMPANY})?(?!${HAN_NAME})`, 'gi'),
  ],
  // 版权所有 湖南省中医药研究院附属医院, 版权所有：北京日报
  // The owner is on the label's own line: 版权所有 ending a footer line is followed by a link (返回首页), not a name.
  [(text) => text.includes('版权所有'), new RegExp(`版权所有${LINE_SPACE}*[:：]?${LINE_SPACE}*(?:©${LINE_SPACE}*)?(${HAN_NAME}{2,20}?)(${COMPANY})?(?!${HAN_NAME})`, 'g')],
  // 网易公司版权所有
  [(text) => text.includes('版权所有'), new RegExp(`(?<!${HAN_NAME})(${HAN_NAME}{2,16}?)(${COMPANY})?\\s*版权所有`, 'g')],
];
/** A region leading a company's legal name, which readers drop (江苏扬子晚报有限公司 → 扬子晚报). */
const REGION =
  /^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(?:省|市|自治区)?/;
/** Words that follow 版权所有 without naming anyone (版权所有 不得转载). */
const NOT_AN_OWNER = /版权|不得|转载|违者|翻印|复制|侵权|保留|声明|必究|本站|本网/;
/**
 * What the text of every statement above holds (不代表, 原创, a copyright sign or word, a
 * breadcrumb's separator): a block without any of them states nothing here, so it need not be read.
 */
export const STATEMENT_MARKS = '不代表|原创|原創|©|copyright|版权所有|版權所有|>|»|›|＞|→';
/**
 * What a notice's heading holds (see noticeHeadSite). Kept apart from STATEMENT_MARKS: many pages
 * print such a notice, and reading it on every page made provenance about 6% slower (in-page A/B).
 */
export const NOTICE_MARKS = /免责声明|版权声明|免責聲明|版權聲明/g;
const NOTICE_HEAD = new RegExp(`(?<!${HAN_NAME})(${HAN_NAME}{2,16}?)(?:版权(?:与|和|及)?免责声明|版权声明|免责声明)`, 'g');
const BREADCRUMB = new RegExp(`^(?:${BREADCRUMB_LABEL})?\\s*[:：]?\\s*([^\\s>»›＞→]{2,16})\\s*(?:>{1,2}|»|›|＞|→)`, 'gm');

function lastMatch(pattern: RegExp, text: string): RegExpMatchArray | null {
  let last: RegExpMatchArray | null = null;
  for (const m of text.matchAll(pattern)) last = m;
  return last;
}

function finding(raw: string, evidence: string): SiteStatement | null {
  const name = brandOf(normalizeOutlet(raw));
  return name.length >= 2 && !isUnnamed(name) ? { name, evidence: evidence.trim() } : null;
}

/** The copyright owner, from the last copyright line (the footer's, not one quoted in the story). */
function copyrightOwner(text: string): SiteStatement | null {
  let best: { at: number; found: SiteStatement } | null = null;
  for (const [needs, pattern] of COPYRIGHTS) {
    for (const m of needs(text) ? text.matchAll(pattern) : []) {
      // 所有内容为中国西藏新闻网版权所有: the owner is named after 为/归.
      const named = (m[1] ?? '').replace(/^.*(?:为|归|属于)/, '');
      if (NOT_AN_OWNER.test(named) || (best && best.at >= (m.index ?? 0))) continue;
      // A legal company name counts only when its core reads as a site (江苏扬子晚报有限公司 → 扬子晚报).
      const owner = m[2] ? named.replace(REGION, '') : named;
      if (m[2] && !isHanSiteName(brandOf(owner))) continue;
      const found = finding(owner, m[0]);
      if (found) best = { at: m.index ?? 0, found };
    }
  }
  return best?.found ?? null;
}

/** The site as its own visible text names it, the most explicit statement first. */
export function statedSite(text: string): SiteStatement | null {
  const disclaimer = DISCLAIMER.exec(text);
  if (disclaimer?.[1]) return finding(disclaimer[1], disclaimer[0]);
  const claim = lastMatch(ORIGINAL_CLAIM, text);
  if (claim?.[1]) return finding(claim[1], claim[0]);
  const owner = copyrightOwner(text);
  if (owner) return owner;
  for (const m of text.matchAll(BREADCRUMB)) {
    const name = (m[1] ?? '').replace(/首页$/, '');
    if (isSiteName(name)) return finding(name, m[0]);
  }
  return null;
}

/**
 * The site heading its own notice (振兴东北网版权与免责声明), asked only of a page where nothing else
 * named the site: `text` holds the blocks with NOTICE_MARKS. A name that does not read as a site
 * (本站免责声明, 用户协议及免责声明) names no one.
 */
export function noticeHeadSite(text: string): SiteStatement | null {
  for (const m of text.matchAll(NOTICE_HEAD)) {
    if (isHanSiteName(m[1] ?? '')) return finding(m[1]!, m[0]);
  }
  return null;
}

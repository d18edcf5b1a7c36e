/**
 * Korean pages: how Korean portals (Naver, Daum) and papers say where a story came from (the
 * source's rights notice <저작권자(c) 연합뉴스, 무단 전재…>, 출처: X), who reported it (로이터통신
 * 에 따르면, 뉴욕타임스는 4일 …라고 보도했다), the wire's or paper's dateline ((베를린=연합뉴스)
 * 김민수 특파원 =, [서울신문]) and who wrote it (X 기자, 글·사진=X).
 */
import type { Credit, CreditRole } from '../analysis-types';
import type { SourceHit } from './patterns';
import { labelWords, phraseHit, roleOfLabel, type CreditLabels } from './phrase-kit';
import type { Line } from './text-zones';

/** One word of a name: Korean words are spaced, so an outlet's name is the word before its particle. */
const WORD = String.raw`[\uac00-\ud7afA-Za-z0-9·&.]`;
/** Endings that make a word an outlet: 통신, 신문, 일보, 방송, 뉴스, 타임스 … */
const OUTLET_ENDING = /(?:통신|통신사|신문|신문사|일보|방송|뉴스|타임스|타임즈|포스트|저널|헤럴드|가디언|이코노미스트|경제|신보|데일리|투데이|TV|닷컴)$/;
const BARE_OUTLETS = /^(?:로이터|블룸버그|교도|신화|타스|뉴스1|뉴시스|YTN|KBS|MBC|SBS|JTBC|MBN|EBS|채널A|TV조선|AP|AFP|CNN|BBC|NHK|NYT|WSJ|FT|CNBC|NPR|EFE|Reuters|Bloomberg|[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)* (?:News|Times|Post|Journal))$/;
/** Words that say no outlet: 외신 (foreign media), 현지 언론, 언론, 매체, 이 신문 (the same paper). */
const UNNAMED = /^(?:외신|언론|매체|현지|주요|일부|해당|같은|이|그|동|본|자사)|^(?:뉴스|신문|방송|통신|경제|일보)$/;

/** The outlet a word denotes (뉴욕타임스, 로이터통신), or null for none. */
export function koreanOutlet(raw: string): string | null {
  // 블룸버그통신의 (보도): the possessive is no part of the name.
  const name = raw.trim().replace(/^[[(<「『"'“]+|[\])>」』"'”]+$/g, '').replace(/의$/, '');
  if (name.length < 2 || name.length > 20 || UNNAMED.test(name)) return null;
  return BARE_OUTLETS.test(name) || OUTLET_ENDING.test(name) ? name : null;
}

/** (베를린=연합뉴스) 김민수 특파원 =: the wire's dispatch from that place, and its reporters; (사진=연합뉴스) credits a photo. */
const WIRE_DATELINE = /^[(（](?!(?:사진|그래픽|영상|자료|출처)\s*[=＝])([^()（）=＝]{1,12})[=＝]([^()（）]{2,16})[)）]\s*(?:((?:[\uac00-\ud7af]{2,4}[·ㆍ,\s]*){1,4}?)\s*(?:기자|특파원|통신원|선임기자)\s*[=＝])?/;
/** [서울신문], [헤럴드경제=홍길동 기자], [아시아경제 홍길동 기자]: the paper's own story. */
const PAPER_DATELINE = /^\[([\uac00-\ud7afA-Za-z0-9]{2,16})(?:\s*[=＝]?\s*([\uac00-\ud7af]{2,4})\s*(?:기자|특파원))?\]/;
/** 저작권자(c) 연합뉴스, 무단 전재…, ⓒ 한국경제신문, 무단전재 및 재배포 금지, Copyright ⓒ 서울신문 All rights reserved. */
const RIGHTS = /(?:저작권자|Copyright|ⓒ|©|\(c\))[\s()cⓒ©]*(?:\d{4}\s*)?([\uac00-\ud7afA-Za-z0-9]{2,16}?)[\s.,]*(?:무단|All rights reserved|\.?\s*$|[>》])/i;
/** 출처: X, 기사제공: X, 제공=X. */
const LABELLED = new RegExp(`(?:출처|기사\\s?제공|제공)\\s*[:：=]\\s*(${WORD}{2,20})`, 'g');
/** X에 따르면 / X 보도에 따르면 / X의 보도에 따르면: the news as X told it. */
const ACCORDING = new RegExp(`(${WORD}{2,20})(?:\\(([A-Za-z]{2,12})\\))?(?:의)?(?:\\s?보도)?에\\s?따르면`, 'g');
/** X는 4일 … 보도했다: the outlet, then within its sentence the verb of reporting. */
const REPORTED = new RegExp(`(${WORD}{2,20})(?:\\(([A-Za-z]{2,12})\\))?(?:은|는|이|가)\\s+(?:(\\d{1,2})일\\s*)?[^.]{0,150}?(?:보도했다|전했다|보도했습니다|전했습니다|보도했으며|보도했고|보도하며|보도한)`, 'g');

/** Every source phrase of one Korean line: reprints first, then reports. */
export function koreanSourceHits(line: Line): SourceHit[] {
  const text = line.text;
  const hits: SourceHit[] = [];
  for (const m of text.matchAll(LABELLED)) {
    const outlet = koreanOutlet(m[1] ?? '');
    if (outlet) hits.push(phraseHit('reprint', outlet, m[0], line));
  }
  const rights = /무단|저작권|rights/i.test(text) ? RIGHTS.exec(text) : null;
  const owner = rights ? koreanOutlet(rights[1] ?? '') : null;
  if (owner) hits.push(phraseHit('reprint', owner, rights![0], line));
  if (line.zone !== 'body') return hits;
  for (const m of text.includes('따르면') ? text.matchAll(ACCORDING) : []) {
    const outlet = koreanOutlet(m[1] ?? '') ?? koreanOutlet(m[2] ?? '');
    if (outlet) hits.push(phraseHit('report', outlet, m[0], line));
  }
  for (const m of /보도|전했/.test(text) ? text.matchAll(REPORTED) : []) {
    const outlet = koreanOutlet(m[1] ?? '') ?? koreanOutlet(m[2] ?? '');
    if (outlet) hits.push(phraseHit('report', outlet, m[0], line, m[3] ? `${m[3]}일` : null));
  }
  return hits;
}

/** The dateline opening a Korean story: a wire's dispatch, or a paper's own story (reprinted by the portal). */
export function koreanDateline(line: Line): SourceHit | null {
  const wire = WIRE_DATELINE.exec(line.text);
  const wireOutlet = wire ? koreanOutlet(wire[2] ?? '') : null;
  if (wireOutlet) return phraseHit('dateline', wireOutlet, wire![0].replace(/\s*[=＝]$/, ''), line);
  const paper = PAPER_DATELINE.exec(line.text);
  const paperOutlet = paper ? koreanOutlet(paper[1] ?? '') : null;
  return paperOutlet ? { ...phraseHit('dateline', paperOutlet, paper![0], line), ownStory: true } : null;
}

/** Korean family names (one syllable, or two for 남궁, 황보, 선우, 제갈, 독고): a name before 기자 starts with one. */
const SURNAMES = new Set(
  '김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부'.split(''),
);
const DOUBLE_SURNAMES = /^(?:남궁|황보|선우|제갈|독고)/;

function isKoreanName(name: string): boolean {
  return /^[\uac00-\ud7af]{2,4}$/.test(name) && (SURNAMES.has(name[0]!) || DOUBLE_SURNAMES.test(name)) && !koreanOutlet(name);
}

/** 김민수 기자, 홍길동 특파원: a name word, then the title, and not a longer word (기자회견, 기자들). */
const TITLED = /(?:^|[\s(\[=·,])([\uac00-\ud7af]{2,4})\s?(기자|특파원|선임기자|객원기자|인턴기자|통신원|논설위원)(?![\uac00-\ud7af])/g;
/** 글·사진=X, 사진=X 기자, 번역: X, 정리=X. */
const LABELS: CreditLabels = [
  ['글·사진|글ㆍ사진|글', 'author'],
  ['사진|영상', 'photographer'],
  ['번역', 'translator'],
  ['편집|교열', 'editor'],
  ['정리', 'compiler'],
];
const LABELLED_CREDIT = new RegExp(`(?:^|[\\s(\\[])(${labelWords(LABELS)})\\s*[=:：/]\\s*([\\uac00-\\ud7af]{2,4})(?![\\uac00-\\ud7af])`, 'g');

const roleOf = roleOfLabel(LABELS);

/** The longest line read whole for titled names: a byline, a sign-off (홍길동 기자 hong@…). */
const BYLINE_MAX = 80;

/** The people a Korean line credits. */
export function koreanCredits(line: Line): Credit[] {
  const text = line.text;
  const credits: Credit[] = [];
  const add = (role: CreditRole, name: string | undefined, evidence: string): void => {
    if (name && isKoreanName(name) && !credits.some((c) => c.name === name && c.role === role)) credits.push({ role, name, evidence: evidence.trim() });
  };
  // (워싱턴=연합뉴스) 이준서 김동현 특파원 =: every name before the title.
  const wire = WIRE_DATELINE.exec(text);
  for (const name of wire?.[3]?.split(/[·ㆍ,\s]+/) ?? []) add('reporter', name, wire![0].replace(/\s*[=＝]$/, ''));
  const labelled = new Set<string>();
  for (const m of text.matchAll(LABELLED_CREDIT)) {
    add(roleOf(m[1] ?? ''), m[2], m[0].replace(/^[\s(\[]/, ''));
    labelled.add(m[2] ?? '');
  }
  // In a long paragraph 기자 is someone the story speaks of: only its dateline is read there.
  const byline = text.length > BYLINE_MAX ? (WIRE_DATELINE.exec(text)?.[0] ?? PAPER_DATELINE.exec(text)?.[0] ?? '') : text;
  for (const m of /기자|특파원|통신원|논설위원/.test(byline) ? byline.matchAll(TITLED) : []) {
    if (!labelled.has(m[1] ?? '')) add('reporter', m[1], m[0].replace(/^[\s(\[=·,]/, ''));
  }
  return credits;
}

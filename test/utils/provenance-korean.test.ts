import { describe, expect, it } from 'vitest';
import { chainLines as chain, creditLines as credits } from '../helpers/provenance-lines';
import type { Provenance } from '../../utils/provenance';
import { portalProvenance } from '../helpers/portal-page';
import { koreanCredits, koreanDateline, koreanOutlet, koreanSourceHits } from '../../utils/provenance/korean';
import type { Line } from '../../utils/provenance/text-zones';

const body = (text: string): Line => ({ text, zone: 'body' });
const hitsOf = (line: Line): string[] => koreanSourceHits(line).map((h) => `${h.kind} ${h.outlet}${h.date ? ` @${h.date}` : ''}`);

describe('koreanOutlet', () => {
  it.each([
    ['로이터통신', '로이터통신'],
    ['뉴욕타임스', '뉴욕타임스'],
    ['블룸버그통신의', '블룸버그통신'],
    ['뉴스1', '뉴스1'],
    ['한국경제신문', '한국경제신문'],
    ['BBC', 'BBC'],
  ])('reads %s as %s', (raw, outlet) => {
    expect(koreanOutlet(raw)).toBe(outlet);
  });

  it.each(['관계자', '보고서', '외신', '정부', '통계청', '이 신문', '경제'])('reads no outlet in %s', (raw) => {
    expect(koreanOutlet(raw)).toBeNull();
  });
});

describe('koreanSourceHits', () => {
  it.each([
    ['로이터통신에 따르면 독일 정부는 전망치를 낮췄다.', ['report 로이터통신']],
    ['블룸버그통신의 보도에 따르면 회사는 인수를 검토하고 있다.', ['report 블룸버그통신']],
    ['영국 BBC 보도에 따르면 총리는 사임을 거부했다.', ['report BBC']],
    ['미국 뉴욕타임스(NYT)는 4일 독일의 성장 모델이 전환점을 맞았다고 보도했다.', ['report 뉴욕타임스 @4일']],
    ['<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>', ['reprint 연합뉴스']],
    ['ⓒ 한국경제신문, 무단전재 및 재배포 금지', ['reprint 한국경제신문']],
    ['Copyright ⓒ 서울신문 All rights reserved.', ['reprint 서울신문']],
    ['출처: 조선일보', ['reprint 조선일보']],
  ])('reads %s', (text, expected) => {
    expect(hitsOf(body(text))).toEqual(expected);
  });

  it.each([
    '관계자에 따르면 협상은 난항을 겪고 있다.',
    '보고서에 따르면 신규 수주는 감소했다.',
    '외신에 따르면 사망자는 10명이다.',
    '정부는 5일 대책본부를 설치했다고 전했다.',
    '이 신문은 4일 보도했다.',
    'kms@yna.co.kr',
  ])('reads no source in %s', (text) => {
    expect(hitsOf(body(text))).toEqual([]);
  });
});

describe('koreanDateline', () => {
  it.each([
    ['(베를린=연합뉴스) 김민수 특파원 = 독일 연방은행은', '연합뉴스', false],
    ['(서울=뉴스1) 홍길동 기자 = 정부는', '뉴스1', false],
    ['[서울신문]정부는 5일', '서울신문', true],
    ['[헤럴드경제=홍길동 기자] 정부는', '헤럴드경제', true],
  ])('reads %s', (text, outlet, ownStory) => {
    const hit = koreanDateline(body(text));
    expect(hit?.outlet).toBe(outlet);
    expect(hit?.ownStory ?? false).toBe(ownStory);
  });

  it.each(['(사진=연합뉴스) 시민들이 거리를 걷고 있다', '[속보] 정부는', '(서울=관계자) 정부는'])('reads no dateline in %s', (text) => {
    expect(koreanDateline(body(text))).toBeNull();
  });
});

describe('koreanCredits', () => {
  const creditsOf = (text: string): string[] => koreanCredits(body(text)).map((c) => `${c.role} ${c.name}`);

  it.each([
    ['(베를린=연합뉴스) 김민수 특파원 = 독일 연방은행은 5일 발표한 보고서에서 올해 경제가 위축될 수 있다고 경고했다.', ['reporter 김민수']],
    ['(워싱턴=연합뉴스) 이준서 김동현 특파원 = 미국 정부는', ['reporter 이준서', 'reporter 김동현']],
    ['[헤럴드경제=홍길동 기자] 정부는', ['reporter 홍길동']],
    ['김민수 기자 kms@yna.co.kr', ['reporter 김민수']],
    ['글·사진=이영희 기자', ['author 이영희']],
    ['사진=박철수 기자', ['photographer 박철수']],
  ])('reads %s', (text, expected) => {
    expect(creditsOf(text)).toEqual(expected);
  });

  it.each([
    '정부는 기자회견에서 밝혔다.',
    '경제장관은 기자들에게 말했다.',
    '정부 기자단은 5일 모였다.',
    // In a long paragraph a titled name is someone the story speaks of.
    '이번 사건을 처음 알린 사람은 지역 신문에서 30년 동안 일한 박영수 기자로, 그는 당시 현장을 직접 찾아가 주민들의 이야기를 들었다고 회고했다.',
  ])('credits no one in %s', (text) => {
    expect(creditsOf(text)).toEqual([]);
  });
});

const PUB = '하늘포털 뉴스';

/** A Korean portal's article page: headline, meta line, body and a teaser block. */
function run(paragraphs: string[], teaser = '서울 벚꽃 개화 빨라'): Provenance {
  return portalProvenance({
    lang: 'ko',
    title: `독일 경제 역성장 우려 : ${PUB}`,
    head: `<meta property="og:site_name" content="${PUB}">`,
    headline: '독일 경제 역성장 우려',
    meta: '입력 2024.03.05. 오후 2:20',
    body: paragraphs,
    teasers: { heading: '관련 뉴스', items: [teaser, '프로야구 개막전', '봄 나들이철'] },
    publishedAt: '2024-03-05T14:20:00',
  });
}

const WIRE_OPENING = '(베를린=연합뉴스) 김민수 특파원 = 독일 연방은행은 5일 발표한 월간 보고서에서 경제가 위축될 수 있다고 경고했다.';
const RIGHTS = '&lt;저작권자(c) 연합뉴스, 무단 전재-재배포 금지&gt;';

describe('extractProvenance on a Korean portal page', () => {
  it('reads the wire the portal carries, the reports it tells with their dates, and its reporter', () => {
    const result = run([WIRE_OPENING, '로이터통신에 따르면 독일 정부는 전망치를 낮췄다.', '미국 뉴욕타임스(NYT)는 4일 독일의 성장 모델이 전환점을 맞았다고 보도했다.', RIGHTS]);
    expect(result.publisher).toBe(PUB);
    expect(chain(result)).toEqual([`reprinted-from 연합뉴스 <- ${PUB} @-`, 'reported-by 로이터통신 <- 연합뉴스 @-', 'reported-by 뉴욕타임스 <- 연합뉴스 @2024-03-04']);
    expect(credits(result)).toEqual(['reporter 김민수']);
  });

  it('reads a paper’s own story as reprinted from it', () => {
    const result = run(['[서울신문]정부는 5일 올해 경제 전망을 발표했다.', '정부는 수출 회복을 기대한다고 밝혔다.']);
    expect(chain(result)).toEqual([`reprinted-from 서울신문 <- ${PUB} @-`]);
  });

  it('takes no outlet from a teaser', () => {
    const result = run([WIRE_OPENING, RIGHTS], '로이터통신에 따르면 주가가 급락했다');
    expect(chain(result)).toEqual([`reprinted-from 연합뉴스 <- ${PUB} @-`]);
  });
});

import { describe, expect, it } from 'vitest';
import { chainLines as chain, creditLines as credits } from '../helpers/provenance-lines';
import type { Provenance } from '../../utils/provenance';
import { portalProvenance } from '../helpers/portal-page';
import { japaneseCredits, japaneseDateline, japaneseOutlet, japaneseSourceHits } from '../../utils/provenance/japanese';
import type { Line } from '../../utils/provenance/text-zones';

const body = (text: string): Line => ({ text, zone: 'body' });
const meta = (text: string): Line => ({ text, zone: 'meta' });
const hitsOf = (line: Line): string[] => japaneseSourceHits(line).map((h) => `${h.kind} ${h.outlet}${h.via ? ` <- ${h.via}` : ''}${h.date ? ` @${h.date}` : ''}`);

describe('japaneseOutlet', () => {
  it.each([
    ['米紙ニューヨーク・タイムズ', 'ニューヨーク・タイムズ'],
    ['米紙ウォール・ストリート・ジャーナル（電子版）', 'ウォール・ストリート・ジャーナル'],
    ['英BBC放送', 'BBC'],
    ['米CNNテレビ', 'CNN'],
    ['中国国営新華社通信', '新華社通信'],
    ['ロイター通信', 'ロイター通信'],
    ['ＮＨＫ', 'NHK'],
    ['毎日新聞社', '毎日新聞'],
  ])('reads %s as %s', (raw, outlet) => {
    expect(japaneseOutlet(raw)).toBe(outlet);
  });

  it.each(['関係者', '同紙', '地元メディア', '政府', '専門家', '月報', '複数のメディア'])('reads no outlet in %s', (raw) => {
    expect(japaneseOutlet(raw)).toBeNull();
  });

  it('takes any name where a label says an outlet is named, but no sentence', () => {
    expect(japaneseOutlet('東洋経済オンライン')).toBe('東洋経済オンライン');
    expect(japaneseOutlet('ねとらぼ', true)).toBeNull();
    expect(japaneseOutlet('ABEMA TIMES', true)).toBe('ABEMA TIMES');
  });
});

describe('japaneseSourceHits', () => {
  it.each([
    [meta('毎日新聞 3/5(火) 14:20配信'), ['reprint 毎日新聞 @3月5日']],
    [meta('2024/3/5(火) 14:20配信 ABEMA TIMES'), ['reprint ABEMA TIMES @2024年3月5日']],
    [meta('出典：ITmedia NEWS'), ['reprint ITmedia NEWS']],
    [body('この記事は東洋経済新報社より転載しています。'), ['reprint 東洋経済新報社']],
    [body('Copyright(C) 2024 毎日新聞社 記事の無断転用を禁じます。'), ['reprint 毎日新聞']],
    [body('ロイター通信によると、独政府は先月、見通しを下方修正した。'), ['report ロイター通信']],
    [body('NHKの報道によると、震源は茨城県沖。'), ['report NHK']],
    [body('英BBC放送によると、首相は辞任を否定した。'), ['report BBC']],
    [body('米紙ニューヨーク・タイムズは4日、転換点を迎えていると報じた。'), ['report ニューヨーク・タイムズ @4日']],
    [body('米CNNテレビは5日、当局者の話として伝えた。'), ['report CNN @5日']],
    [body('…と述べた。（共同）'), ['report 共同通信']],
    [body('…と述べた。（ロイター）'), ['report ロイター']],
    [body('…と述べた。（ベルリン＝共同）'), ['report 共同通信']],
    // AFP's story, which 時事 carried: AFP reported it through 時事.
    [body('…と述べた。（ＡＦＰ＝時事）'), ['report 時事通信', 'report AFP <- 時事通信']],
  ])('reads %j', (line, expected) => {
    expect(hitsOf(line)).toEqual(expected);
  });

  it.each([
    '関係者によると、交渉は難航している。',
    '同紙によると、死者は10人に上った。',
    '地元メディアによると、けが人はいない。',
    '月報によると、新規受注は3カ月連続で減少した。',
    '政府は5日、対策本部を設置したと発表した。',
    '専門家は、景気後退の恐れがあると伝えた。',
    '…と述べた。（写真は資料）',
    '…と強調した。（ベルリン＝篠田航一）',
  ])('reads no source in %s', (text) => {
    expect(hitsOf(body(text))).toEqual([]);
  });

  it('reads reports only in the story, not in the meta line', () => {
    expect(hitsOf(meta('ロイター通信によると'))).toEqual([]);
  });
});

describe('japaneseDateline', () => {
  it.each([
    ['【ベルリン共同】ドイツ政府は…', '共同通信'],
    ['【北京時事】中国外務省は…', '時事通信'],
    ['【ワシントン＝ロイター】米政府は…', 'ロイター'],
  ])('reads the wire of %s', (text, outlet) => {
    expect(japaneseDateline(body(text))?.outlet).toBe(outlet);
  });

  it.each(['【ワシントン＝山田太郎】米政府は…', '【ベルリン篠田航一】ドイツ連邦銀行は…', '【速報】ドイツ連邦銀行は…'])('reads no wire in %s', (text) => {
    expect(japaneseDateline(body(text))).toBeNull();
  });
});

describe('japaneseCredits', () => {
  const creditsOf = (text: string): string[] => japaneseCredits(body(text)).map((c) => `${c.role} ${c.name}`);

  it.each([
    ['【ワシントン＝山田太郎】米政府は…', ['reporter 山田太郎']],
    ['【ベルリン篠田航一】ドイツ連邦銀行は…', ['reporter 篠田航一']],
    ['…と強調した。（ベルリン＝篠田航一）', ['reporter 篠田航一']],
    ['（取材・文＝山田花子）', ['author 山田花子']],
    ['写真：佐藤一郎', ['photographer 佐藤一郎']],
    ['（翻訳：山田花子、編集：佐藤一郎）', ['translator 山田花子', 'editor 佐藤一郎']],
    ['文／篠田 航一　写真／佐藤一郎', ['author 篠田航一', 'photographer 佐藤一郎']],
    ['（山田太郎記者）', ['reporter 山田太郎']],
  ])('reads %s', (text, expected) => {
    expect(creditsOf(text)).toEqual(expected);
  });

  it.each(['【ワシントン共同】米政府は…', '…と述べた。（ベルリン＝共同）', '文化庁は5日、写真の展示を始めた。'])('credits no one in %s', (text) => {
    expect(creditsOf(text)).toEqual([]);
  });
});

const PUB = 'あさひなニュース';

interface Parts {
  meta: string;
  body: string[];
  teaser?: string;
}

/** A Japanese portal's article page: headline, meta line with the delivering outlet, body and a teaser block. */
function run(parts: Parts): Provenance {
  return portalProvenance({
    lang: 'ja',
    title: `ドイツ経済、2年連続のマイナス成長も - ${PUB}`,
    head: `<meta property="og:site_name" content="${PUB}">`,
    headline: 'ドイツ経済、2年連続のマイナス成長も',
    meta: parts.meta,
    body: parts.body,
    teasers: { heading: '関連記事', items: [parts.teaser ?? '京都の老舗和菓子店が海外へ', 'プロ野球開幕戦', '春の行楽シーズン'] },
    publishedAt: '2024-03-05T14:20:00+09:00',
  });
}

const OPENING = 'ドイツ連邦銀行は5日に公表した月報で、ドイツ経済が今年も縮小する恐れがあると警告した。';

describe('extractProvenance on a Japanese portal page', () => {
  it('reads the delivering outlet, the reports it tells with their dates, and its reporter', () => {
    const result = run({
      meta: '<a href="/media/mainichi">毎日新聞</a> <time>3/5(火) 14:20</time>配信',
      body: [`【ベルリン篠田航一】${OPENING}`, 'ロイター通信によると、独政府は先月、成長率見通しを下方修正した。', '米紙ニューヨーク・タイムズは4日、ドイツの成長モデルが転換点を迎えていると報じた。'],
    });
    expect(result.publisher).toBe(PUB);
    expect(chain(result)).toEqual([
      `reprinted-from 毎日新聞 <- ${PUB} @2024-03-05`,
      'reported-by ロイター通信 <- 毎日新聞 @-',
      'reported-by ニューヨーク・タイムズ <- 毎日新聞 @2024-03-04',
    ]);
    expect(credits(result)).toEqual(['reporter 篠田航一']);
  });

  it('takes a wire that delivered its own story once, whatever the dateline and sign-off repeat', () => {
    const result = run({ meta: '共同通信 3/5(火) 14:20配信', body: [`【ベルリン共同】${OPENING}`, '政府は対応を急ぐ方針だ。（共同）'] });
    expect(chain(result)).toEqual([`reprinted-from 共同通信 <- ${PUB} @2024-03-05`]);
  });

  it('chains a wire’s story through the wire that carried it', () => {
    const result = run({ meta: '時事通信 3/5(火) 14:20配信', body: [OPENING, '政府は対応を急ぐ方針だ。（ＡＦＰ＝時事）'] });
    expect(chain(result)).toEqual([`reprinted-from 時事通信 <- ${PUB} @2024-03-05`, 'reported-by AFP <- 時事通信 @-']);
  });

  it('takes no outlet from a teaser', () => {
    const result = run({ meta: '毎日新聞 3/5(火) 14:20配信', body: [OPENING], teaser: 'ロイター通信によると、株価が急落した' });
    expect(chain(result)).toEqual([`reprinted-from 毎日新聞 <- ${PUB} @2024-03-05`]);
  });
});

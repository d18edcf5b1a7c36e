import { describe, expect, it } from 'vitest';
import { chainLines as chain, creditLines as credits } from '../helpers/provenance-lines';
import type { Provenance } from '../../utils/provenance';
import { portalProvenance } from '../helpers/portal-page';
import { foldTraditional, looksTraditional, traditionalReading } from '../../utils/provenance/hant';

describe('foldTraditional', () => {
  it('folds traditional characters to simplified ones, one for one', () => {
    const text = '據中央社報導，責任編輯：陳怡君';
    const folded = foldTraditional(text);
    expect(folded).toBe('据中央社报道，责任编辑：陈怡君');
    expect(folded.length).toBe(text.length);
  });

  it('folds Taiwan’s and Hong Kong’s variant forms and brackets', () => {
    expect(foldTraditional('為了「網路」裡的群眾')).toBe('为了“网络”里的群众');
  });

  it('leaves simplified text as it is, 么 included', () => {
    expect(foldTraditional('据新华社报道，这是什么')).toBe('据新华社报道，这是什么');
  });

  it('tells traditional text from simplified by the opening lines', () => {
    const lines = (...texts: string[]) => texts.map((text) => ({ text }));
    expect(looksTraditional(lines('2024-03-05 來源：聯合報', '讀書節今天開幕，這是第三屆'))).toBe(true);
    expect(looksTraditional(lines('2024-03-05 来源：江城日报', '读书节今天开幕，这是第三届'))).toBe(false);
    // Only the opening 400 characters are looked at.
    expect(looksTraditional(lines('读'.repeat(390), '這是第三屆'))).toBe(true);
    expect(looksTraditional(lines('读'.repeat(400), '這是第三屆'))).toBe(false);
  });
});

describe('traditionalReading', () => {
  it('gives a folded finding back in the characters it was read from', () => {
    const reading = traditionalReading();
    const folded = reading.fold('來源：聯合報 記者陳怡君');
    expect(reading.restore(folded.slice(3, 6))).toBe('聯合報');
    expect(reading.restore('陈怡君')).toBe('陳怡君');
  });

  it('returns a finding read from no folded text unchanged', () => {
    expect(traditionalReading().restore('中央社')).toBe('中央社');
  });
});

const PUB = '晨光新聞網';

interface Parts {
  meta?: string;
  body: string[];
  tail?: string;
  head?: string;
  teaser?: string;
  /** The page's `<title>`; by default it ends with the publisher's name. */
  title?: string;
}

/** A Taiwan portal's article page: headline, meta line, body, end line and a teaser block. */
function run(parts: Parts): Provenance {
  return portalProvenance({
    lang: 'zh-Hant',
    title: parts.title ?? `台中舉辦讀書節_社會_${PUB}`,
    head: parts.head,
    headline: '台中舉辦讀書節',
    meta: parts.meta ?? '<span>2024-03-05 08:00</span>',
    body: parts.body,
    tail: parts.tail,
    teasers: { heading: '相關閱讀', items: [parts.teaser ?? '另一條新聞', '第二條', '第三條'] },
    publishedAt: '2024-03-05T08:00',
  });
}

const OPENING = '讀書節今天開幕，共有三百家書店參加。';

describe('extractProvenance on a traditional Chinese page', () => {
  it('names the publisher as the page writes it', () => {
    const result = run({ body: [OPENING] });
    expect(result.publisher).toBe(PUB);
    expect(result.sources[0]).toMatchObject({ outlet: PUB, role: 'publisher', via: null });
  });

  it('reads 來源 in the meta line, with the evidence as printed', () => {
    const result = run({ meta: '2024-03-05 08:00 來源：聯合報', body: [OPENING] });
    expect(chain(result)).toEqual([`reprinted-from 聯合報 <- ${PUB} @-`]);
    expect(result.sources[1]?.evidence).toBe('來源：聯合報');
  });

  it('reads 據X報導, Taiwan’s spelling of 据X报道', () => {
    const result = run({ body: [`據中央社報導，${OPENING}`] });
    expect(chain(result)).toEqual([`reported-by 中央社 <- ${PUB} @-`]);
    expect(result.sources[1]?.evidence).toBe('據中央社報導');
  });

  it('reads 據X報道 as Hong Kong writes it, with its date', () => {
    expect(chain(run({ body: [`據路透社3月4日報道，${OPENING}`] }))).toEqual([`reported-by 路透社 <- ${PUB} @2024-03-04`]);
  });

  it('knows Taiwan’s and Hong Kong’s outlets whose names end like no outlet’s', () => {
    const result = run({ body: [`據風傳媒報導，${OPENING}`, '另據香港01報道，三百家書店參加。'] });
    expect(chain(result)).toEqual([`reported-by 風傳媒 <- ${PUB} @-`, `reported-by 香港01 <- ${PUB} @-`]);
  });

  it('takes a picture’s or data’s 來源 as none of the article’s', () => {
    expect(chain(run({ body: [OPENING, '圖片來源：中央社', '數據來源：主計總處'] }))).toEqual([]);
  });

  it('takes 綜合外電報導 as naming no outlet', () => {
    expect(chain(run({ body: [`綜合外電報導，${OPENING}`] }))).toEqual([]);
  });

  it('knows the publisher under its own name in a 來源 line', () => {
    const result = run({ meta: `2024-03-05 08:00 來源：${PUB}`, body: [`據中央社報導，${OPENING}`] });
    expect(chain(result)).toEqual([`reported-by 中央社 <- ${PUB} @-`]);
  });

  it('reads a meta source the meta line shows once, in the page’s characters', () => {
    const result = run({ head: '<meta name="source" content="聯合報">', meta: '2024-03-05 08:00 來源：聯合報', body: [OPENING] });
    expect(chain(result)).toEqual([`reprinted-from 聯合報 <- ${PUB} @-`]);
  });

  it('credits 責任編輯, 譯者, (編譯／X) and 文／X with the names as printed', () => {
    const result = run({ meta: '文／黃瑞玲', body: [`${OPENING}（編譯／張佑生）`], tail: '譯者：林書豪 責任編輯：陳怡君' });
    expect(credits(result)).toEqual(['author 黃瑞玲', 'compiler 張佑生', 'translator 林書豪', 'editor 陳怡君']);
    expect(result.credits.find((c) => c.role === 'editor')?.evidence).toBe('責任編輯：陳怡君');
  });

  it('reads a dateline in 〔〕 and credits its reporter', () => {
    const result = run({ body: [`〔中央社記者王揚宇台北5日電〕${OPENING}`] });
    expect(chain(result)).toEqual([`reported-by 中央社 <- ${PUB} @2024-03-05`]);
    expect(result.sources[1]?.evidence).toBe('中央社記者王揚宇台北5日電');
    expect(credits(result)).toEqual(['reporter 王揚宇']);
  });

  it('credits the compiler of a wire story (編譯X／綜合外電報導)', () => {
    expect(credits(run({ body: [`（編譯張佑生／綜合外電報導）${OPENING}`] }))).toEqual(['compiler 張佑生']);
  });

  it('reads a bare source slot as the lines read, so an outlet named twice is one step', () => {
    const result = run({ meta: '<span>2024-03-05 08:00</span> <span class="source">聯合報</span>', body: [`據聯合報報導，${OPENING}`] });
    expect(chain(result)).toEqual([`reprinted-from 聯合報 <- ${PUB} @-`]);
  });

  it('credits the name in a byline slot, its surname read as the lines read', () => {
    expect(credits(run({ meta: '<span class="author">陳怡君</span> <span>2024-03-05 08:00</span>', body: [OPENING] }))).toEqual(['author 陳怡君']);
  });

  it('reads 原標題', () => {
    expect(run({ body: ['原標題：《書香滿城》', OPENING] }).originalTitle).toBe('書香滿城');
  });

  it('names the publisher from what its own text says of it, as the page writes it', () => {
    const stated = (tail: string): Provenance['sources'][number] | undefined => run({ title: '台中舉辦讀書節', body: [OPENING], tail }).sources[0];
    expect(stated('本文來源於網路，不代表晨光新聞網立場')).toMatchObject({ role: 'publisher', outlet: PUB, evidence: `不代表${PUB}立場` });
    expect(stated('本文為晨光新聞網原創，轉載請註明出處')).toMatchObject({ role: 'publisher', outlet: PUB, evidence: `本文為${PUB}原創` });
    expect(stated('版權所有：晨光新聞網')).toMatchObject({ role: 'publisher', outlet: PUB, evidence: `版權所有：${PUB}` });
    expect(stated('晨光新聞網版權與免責聲明：本網轉載之文章不代表本網觀點')).toMatchObject({ role: 'publisher', outlet: PUB, evidence: `${PUB}版權與免責聲明` });
  });

  it('takes nothing from the teasers', () => {
    const result = run({ body: [`據中央社報導，${OPENING}`], tail: '責任編輯：陳怡君', teaser: '來源：聯合報 責任編輯：于嘯歌' });
    expect(chain(result)).toEqual([`reported-by 中央社 <- ${PUB} @-`]);
    expect(credits(result)).toEqual(['editor 陳怡君']);
  });

  it('credits no placeholder and no counter, in traditional characters too', () => {
    expect(credits(run({ body: [OPENING], tail: '作者：不詳 責任編輯：陳怡君 訪問量：120' }))).toEqual(['editor 陳怡君']);
  });
});

describe('Taiwan’s datelines and sign-offs', () => {
  it('reads the wire’s bracketed dateline and the reporter it names', () => {
    const result = run({ body: [`（中央社記者王揚宇台北5日電）${OPENING}`] });
    expect(chain(result)).toEqual([`reported-by 中央社 <- ${PUB} @2024-03-05`]);
    expect(result.sources[1]?.evidence).toBe('中央社記者王揚宇台北5日電');
    expect(result.credits).toEqual([{ role: 'reporter', name: '王揚宇', evidence: '記者王揚宇台北5日電' }]);
  });

  it('leaves the place two characters when the name has two', () => {
    expect(credits(run({ body: [`（中央社記者陳怡台北5日電）${OPENING}`] }))).toEqual(['reporter 陳怡']);
  });

  it('reads a 專電 from abroad', () => {
    const result = run({ body: [`（中央社記者林育立柏林4日專電）${OPENING}`] });
    expect(chain(result)).toEqual([`reported-by 中央社 <- ${PUB} @2024-03-04`]);
    expect(credits(result)).toEqual(['reporter 林育立']);
  });

  it('takes the wire’s compilation of foreign wires as its own story, reprinted', () => {
    expect(chain(run({ body: [`（中央社台北5日綜合外電報導）${OPENING}`] }))).toEqual([`reprinted-from 中央社 <- ${PUB} @2024-03-05`]);
  });

  it('credits the reporters of 記者X／台北報導', () => {
    expect(credits(run({ meta: '記者王冠仁／台北報導', body: [OPENING] }))).toEqual(['reporter 王冠仁']);
    expect(credits(run({ body: [`〔記者王冠仁、李欣芳／綜合報導〕${OPENING}`] }))).toEqual(['reporter 王冠仁', 'reporter 李欣芳']);
  });
});

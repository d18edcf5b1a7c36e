/**
 * A deterministic annotation library for benchmarks: `n` highlights over about n/20 pages on a few
 * dozen news sites, quotes and notes in Chinese and English, created over one year. The same
 * (n, seed) always gives the same records, so runs on different machines compare.
 */
import { HIGHLIGHT_COLORS, type HighlightRecord, type PageRecord } from '../../utils/annotation-types';
import { seededRandom } from './seeded-random';

export interface LibraryFixture {
  pages: PageRecord[];
  highlights: HighlightRecord[];
}

const CJK_SITES = [
  'www.news.cn', 'news.sina.com.cn', 'www.163.com', 'news.qq.com', 'www.thepaper.cn', 'www.chinanews.com.cn',
  'news.sohu.com', 'www.ifeng.com', 'www.caixin.com', 'www.zaobao.com.sg',
];
const LATIN_SITES = [
  'www.bbc.com', 'www.reuters.com', 'apnews.com', 'www.theguardian.com', 'www.nytimes.com', 'www.ft.com',
  'www.scmp.com', 'www.dw.com', 'www.aljazeera.com', 'www.cnn.com',
];
const CJK_PHRASES = [
  '国务院常务会议', '研究部署', '经济工作', '高质量发展', '科技创新', '新能源汽车', '出口增长', '消费市场',
  '地方政府债务', '房地产市场', '人工智能', '数据安全', '乡村振兴', '碳达峰', '外贸企业', '就业形势',
  '据新华社报道', '记者从有关部门获悉', '专家表示', '同比增长', '环比下降', '今年以来', '下一步', '进一步加强',
];
const WORDS = [
  'the', 'government', 'announced', 'new', 'rules', 'for', 'climate', 'policy', 'markets', 'rallied', 'after',
  'central', 'bank', 'inflation', 'talks', 'stalled', 'over', 'coal', 'energy', 'prices', 'election', 'results',
  'officials', 'said', 'on', 'Friday', 'according', 'to', 'report', 'growth', 'slowed', 'exports', 'rose',
];
const NOTES = ['重要', '待核实', '对比国内报道', 'key figure', 'check the source', 'follow up', '引用时注明出处', 'quoted in the weekly'];

export function makeLibraryFixture(n: number, seed: number): LibraryFixture {
  const rnd = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(rnd() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  const cjk = (parts: number) => Array.from({ length: parts }, () => pick(CJK_PHRASES)).join('，') + '。';
  const latin = (words: number) => Array.from({ length: words }, () => pick(WORDS)).join(' ') + '.';
  const yearStart = Date.UTC(2024, 0, 1);
  const at = (ms: number) => new Date(ms).toISOString();

  const pages: PageRecord[] = Array.from({ length: Math.max(1, Math.round(n / 20)) }, (_, i) => {
    const chinese = rnd() < 0.5;
    const site = pick(chinese ? CJK_SITES : LATIN_SITES);
    const firstSeen = yearStart + Math.floor(rnd() * 365) * 86_400_000;
    return {
      url: `https://${site}/2024/${String(i).padStart(5, '0')}.html`,
      title: chinese ? cjk(2) : latin(7),
      publisher: site,
      provenance: null,
      firstSeen: at(firstSeen),
      lastSeen: at(firstSeen + Math.floor(rnd() * 30) * 86_400_000),
    };
  });

  const highlights: HighlightRecord[] = Array.from({ length: n }, () => {
    const page = pick(pages);
    const quote = /[\u4e00-\u9fff]/.test(page.title) ? cjk(1 + Math.floor(rnd() * 4)) : latin(8 + Math.floor(rnd() * 25));
    const created = Date.parse(page.firstSeen) + Math.floor(rnd() * 30 * 86_400_000);
    const start = Math.floor(rnd() * 20_000);
    return {
      id: uuid(),
      pageUrl: page.url,
      selectors: [
        { type: 'TextQuoteSelector', exact: quote, prefix: cjk(1).slice(0, 32), suffix: latin(4).slice(0, 32) },
        { type: 'TextPositionSelector', start, end: start + quote.length },
      ],
      quote,
      color: pick(HIGHLIGHT_COLORS),
      note: rnd() < 0.3 ? pick(NOTES) : '',
      created: at(created),
      updated: at(created + (rnd() < 0.2 ? Math.floor(rnd() * 7 * 86_400_000) : 0)),
    };
  });
  return { pages, highlights };
}

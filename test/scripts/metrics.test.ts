import { describe, expect, it } from 'vitest';
import {
  charBigrams,
  creditRolesMatch,
  isCjkText,
  multisetF1,
  normalizeOutlet,
  outletsMatch,
  pairUp,
  scoreCounts,
  scoreProvenance,
  snippetScore,
  sourcesFromClutter,
  textF1,
  wordTokens,
} from '../../scripts/lib/metrics';

describe('text F1', () => {
  it('splits CJK text into bigrams, ignoring whitespace', () => {
    expect(charBigrams('你好 世界')).toEqual(['你好', '好世', '世界']);
    expect(charBigrams('字')).toEqual([]);
  });

  it('splits other text into lower-cased words', () => {
    expect(wordTokens('The cat, the HAT!')).toEqual(['the', 'cat', 'the', 'hat']);
  });

  it('counts repeated tokens as a multiset', () => {
    // predicted a a b, expected a b b: overlap a + b = 2 of 3 each way.
    const score = multisetF1(['a', 'a', 'b'], ['a', 'b', 'b']);
    expect(score.precision).toBeCloseTo(2 / 3);
    expect(score.recall).toBeCloseTo(2 / 3);
    expect(score.f1).toBeCloseTo(2 / 3);
  });

  it('uses bigrams for CJK truth and words otherwise', () => {
    expect(isCjkText('参考消息网2月23日报道 (AP)')).toBe(true);
    expect(isCjkText('According to Reuters, 2019')).toBe(false);
    // 今天天气很好 has 5 bigrams, 3 of which (天气 气很 很好) make up the expected text.
    const cjk = textF1('今天天气很好', '天气很好');
    expect(cjk.recall).toBe(1);
    expect(cjk.precision).toBeCloseTo(3 / 5);
    expect(textF1('The Cat sat', 'the cat').f1).toBeCloseTo(0.8);
  });

  it('scores an empty prediction 0, not undefined', () => {
    expect(textF1('', '正文内容')).toEqual({ precision: null, recall: 0, f1: 0 });
    expect(scoreCounts(0, 0, 0).f1).toBeNull();
  });
});

describe('snippetScore', () => {
  it('rewards present `with` and absent `without` snippets, whitespace-insensitively', () => {
    expect(snippetScore('正文 第一段。第二段', ['正文第一段', '缺失'], ['关注新华网'])).toBeCloseTo(2 / 3);
    expect(snippetScore('x', [], [])).toBeNull();
  });
});

describe('outlet matching', () => {
  it('drops 《》 and quotes and accepts containment either way', () => {
    expect(normalizeOutlet('新加坡《联合早报》网站')).toBe('新加坡联合早报网站');
    expect(outletsMatch('新加坡《联合早报》网站', '联合早报')).toBe(true);
    expect(outletsMatch('“参考消息”', '参考消息网')).toBe(true);
    expect(outletsMatch('Reuters', 'reuters')).toBe(true);
    expect(outletsMatch('新华社', '人民网')).toBe(false);
    expect(outletsMatch('《》', '人民网')).toBe(false);
  });
});

describe('credit roles', () => {
  it('treats 编译 (translator/compiler) and 作者/记者 (author/reporter) as equivalent', () => {
    expect(creditRolesMatch('translator', 'compiler')).toBe(true);
    expect(creditRolesMatch('reporter', 'author')).toBe(true);
    expect(creditRolesMatch('editor', 'editor')).toBe(true);
    expect(creditRolesMatch('editor', 'author')).toBe(false);
    expect(creditRolesMatch('compiler', 'reporter')).toBe(false);
  });
});

describe('pairUp', () => {
  it('pairs each expected item at most once', () => {
    expect(pairUp([1, 1, 2], [1, 2], (a, b) => a === b)).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });
});

describe('scoreProvenance', () => {
  const label = {
    title: '标题 一',
    sources: [
      { outlet: '海南信息港', role: 'publisher' as const, via: null },
      { outlet: '参考消息网', role: 'reprinted-from' as const, via: '海南信息港' },
      { outlet: '联合早报', role: 'reported-by' as const, via: '参考消息网' },
    ],
    credits: [{ name: '刘子彦', role: 'compiler' as const }],
  };

  it('matches sources on outlet + role, checks via on matches, credits on name + equivalent role', () => {
    const score = scoreProvenance(
      {
        title: '标题一',
        sources: [
          { outlet: '海南信息港', role: 'publisher', via: null },
          { outlet: '新加坡《联合早报》网站', role: 'reported-by', via: '新华社' },
          { outlet: '参考消息网', role: 'cited', via: null },
        ],
        credits: [
          { name: '刘子彦', role: 'translator' },
          { name: '张三', role: 'editor' },
        ],
      },
      label,
    );
    expect(score.sources).toEqual({ tp: 2, predicted: 3, expected: 3 });
    expect(score.via).toEqual({ correct: 1, total: 2 });
    expect(score.credits).toEqual({ tp: 1, predicted: 2, expected: 1 });
    expect(score.titleCorrect).toBe(true);
  });

  it('counts a missing title as wrong and skips title when the label has none', () => {
    const empty = { title: null, sources: [], credits: [] };
    expect(scoreProvenance(empty, label).titleCorrect).toBe(false);
    expect(scoreProvenance(empty, { ...label, title: null }).titleCorrect).toBeNull();
  });
});

describe('sourcesFromClutter', () => {
  const source = (outlet: string, evidence: string, role: 'publisher' | 'reported-by' = 'reported-by') => ({ outlet, role, via: null, date: null, evidence });
  const articleText = '参考消息网2月23日报道 据新加坡《联合早报》网站2月20日报道，……';
  const hidden = [
    { kind: 'teaser', text: '拓展阅读 据央视网报道，某地发生…… 责任编辑：于啸歌' },
    { kind: 'boilerplate', text: '本文来源于网络，不代表海南信息港立场' },
  ];

  it('flags an outlet whose evidence is only in a hidden teaser', () => {
    const found = sourcesFromClutter({ articleText, shownText: articleText, hidden, sources: [source('央视网', '据央视网报道')] });
    expect(found.map((s) => s.outlet)).toEqual(['央视网']);
  });

  it('passes an outlet read from the article, even when a teaser repeats the words', () => {
    const teaserToo = [...hidden, { kind: 'teaser', text: '据新加坡《联合早报》网站2月20日报道' }];
    expect(sourcesFromClutter({ articleText, shownText: articleText, hidden: teaserToo, sources: [source('联合早报', '据新加坡《联合早报》网站2月20日报道')] })).toEqual([]);
  });

  it('passes an outlet the page still shows outside the article, even when a hidden breadcrumb names it too', () => {
    const crumb = [...hidden, { kind: 'navigation', text: '资讯 > 在人间 > 正文' }];
    const shownText = `在人间\n2024年01月25日 18:03\n${articleText}`;
    const sources = [source('在人间', '在人间', 'reported-by')];
    expect(sourcesFromClutter({ articleText, shownText, hidden: crumb, sources })).toEqual([]);
    expect(sourcesFromClutter({ articleText, shownText: articleText, hidden: crumb, sources }).map((s) => s.outlet)).toEqual(['在人间']);
  });

  it('leaves the publisher and boilerplate-stated sites alone', () => {
    const sources = [source('海南信息港', '不代表海南信息港立场', 'publisher'), source('海南信息港', '不代表海南信息港立场')];
    expect(sourcesFromClutter({ articleText, shownText: articleText, hidden, sources })).toEqual([]);
  });
});

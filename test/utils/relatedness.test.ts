import { describe, expect, it } from 'vitest';
import { RELATED_THRESHOLD, profileArticle, relatedness } from '@/utils/relatedness';

const zh = profileArticle(
  '外媒:Sora横空出世,中国将加快追赶步伐',
  'OpenAI开发的视频生成模型Sora就能迅速生成长达一分钟的高保真视频。中国科技圈掀起讨论,人工智能企业希望拉近中美差距。',
);

describe('relatedness', () => {
  it.each([
    ['a teaser on the same story', 'OpenAI发布视频生成模型Sora 中国AI企业加快追赶', true],
    ['a teaser on the same field', '视频生成模型竞赛升温,中国人工智能企业发布新模型', true],
    ['a Gaza ceasefire teaser', '加沙地带停火谈判进入最后阶段,以色列国防部长表示', false],
    ['a plane-crash teaser', '澳大利亚维多利亚州东部一架轻型飞机坠毁,造成三人死亡', false],
  ])('%s', (_label, teaser, related) => {
    expect(relatedness(zh, teaser) >= RELATED_THRESHOLD).toBe(related);
  });

  it('ignores function-word bigrams every Chinese text shares', () => {
    expect(relatedness(zh, '这是一个我们的他们的也是都在')).toBe(0);
  });

  it('works on English by words, ignoring stop words', () => {
    const en = profileArticle('Central bank raises interest rates again', 'The central bank raised interest rates by a quarter point, citing inflation.');
    expect(relatedness(en, 'Inflation pushes central bank to raise rates')).toBeGreaterThanOrEqual(RELATED_THRESHOLD);
    expect(relatedness(en, 'Local team wins the football championship')).toBeLessThan(RELATED_THRESHOLD);
  });

  it('works on Korean by syllable pairs, which carry no han at all', () => {
    const ko = profileArticle('독일 중앙은행 "올해도 역성장 우려"…제조업 수주 3개월째 감소', '독일 연방은행은 5일 발표한 월간 보고서에서 독일 경제가 올해 1분기에도 위축될 수 있다고 경고했다.');
    expect(relatedness(ko, '독일 경제 2년 연속 역성장 우려…중앙은행 경고')).toBeGreaterThanOrEqual(RELATED_THRESHOLD);
    expect(relatedness(ko, '서울 벚꽃 개화 예년보다 일주일 빨라')).toBeLessThan(RELATED_THRESHOLD);
  });

  it('counts Japanese loanwords in katakana beside the kanji', () => {
    const ja = profileArticle('ドイツ経済、2年連続のマイナス成長も', 'ドイツ連邦銀行は月報で、エネルギー価格の高止まりによりマイナス成長に陥る恐れがあると警告した。');
    expect(relatedness(ja, 'ドイツのエネルギー危機、長期化の恐れ')).toBeGreaterThanOrEqual(RELATED_THRESHOLD);
    expect(relatedness(ja, 'プロ野球開幕戦のチケット、発売直後に完売')).toBeLessThan(RELATED_THRESHOLD);
  });
});

// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceChain } from '@/components/SourceChain';
import type { Translate } from '@/components/i18n';
import type { Source } from '@/utils/analysis-types';
import { translator } from '../helpers/locale';

// The seed page's chain, nearest to the reader first.
const sources: Source[] = [
  { outlet: '海南信息港', role: 'publisher', via: null, date: '2024-02-23T09:42:00', evidence: '海南信息港' },
  { outlet: '参考消息网', role: 'reprinted-from', via: '海南信息港', date: '2024-02-23', evidence: '来源: 参考消息网' },
  { outlet: '联合早报', role: 'reported-by', via: '参考消息网', date: '2024-02-20', evidence: '据新加坡《联合早报》网站2月20日报道' },
];

/** A line as drawn: each dot held to the word before it by a no-break space, so no line starts with it. */
const held = (line: string): string => line.replaceAll(' · ', '\u00a0· ');

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const rows = (t: Translate) => {
  root = document.createElement('div');
  document.body.append(root);
  render(<SourceChain sources={sources} credits={[]} t={t} />, root);
  return [...root.querySelectorAll('.chain-steps li')].map((li) => ({ text: li.textContent, outlet: li.querySelector('button')?.textContent }));
};

describe('SourceChain', () => {
  it.each([
    ['en', 'Credits: compiled by 刘子彦 · editor 于啸歌'],
    ['zh_CN', '署名：编译 刘子彦 · 编辑 于啸歌'],
    ['ja', 'クレジット：編訳 刘子彦 · 編集 于啸歌'],
  ] as const)('leads the credits in %s with the colon the language writes', (lang, line) => {
    root = document.createElement('div');
    document.body.append(root);
    const credits = [
      { role: 'compiler', name: '刘子彦', evidence: '(编译/刘子彦)' },
      { role: 'editor', name: '于啸歌', evidence: '责任编辑:于啸歌' },
    ] as const;
    render(<SourceChain sources={sources} credits={[...credits]} t={translator(lang)} />, root);
    expect(root.querySelector('.credits')!.textContent).toBe(held(line));
  });

  it.each([
    ['en', 'Credits: reporters Lisa Mascaro, Mary Clare Jalonick, Eric Tucker · editor Nick Zieminski · reporter Zeke Miller', ['reporters Lisa Mascaro,', 'Mary Clare Jalonick,', 'Eric Tucker\u00a0·', 'editor Nick Zieminski\u00a0·', 'reporter Zeke Miller']],
    ['zh_CN', '署名：记者 Lisa Mascaro、Mary Clare Jalonick、Eric Tucker · 编辑 Nick Zieminski · 记者 Zeke Miller', ['记者 Lisa Mascaro、', 'Mary Clare Jalonick、', 'Eric Tucker\u00a0·', '编辑 Nick Zieminski\u00a0·', '记者 Zeke Miller']],
  ] as const)('names a role once before its run of names in %s, each name a piece of its own with its evidence', (lang, line, pieces) => {
    root = document.createElement('div');
    document.body.append(root);
    // A wire story's byline: a run of reporters, then others (in the order the page gives them).
    const credits = [
      { role: 'reporter', name: 'Lisa Mascaro', evidence: 'By LISA MASCARO' },
      { role: 'reporter', name: 'Mary Clare Jalonick', evidence: 'MARY CLARE JALONICK' },
      { role: 'reporter', name: 'Eric Tucker', evidence: 'ERIC TUCKER' },
      { role: 'editor', name: 'Nick Zieminski', evidence: 'Editing by Nick Zieminski' },
      { role: 'reporter', name: 'Zeke Miller', evidence: 'Zeke Miller contributed' },
    ] as const;
    render(<SourceChain sources={sources} credits={[...credits]} t={translator(lang)} />, root);
    expect(root.querySelector('.credits')!.textContent).toBe(held(line));
    // The pieces a line breaks between (the stylesheets keep each whole, the comma and the dot with
    // the name before them), each titled with where it was read.
    const drawn = [...root.querySelectorAll<HTMLElement>('.credits .credit')];
    expect(drawn.map((el) => (el.parentElement!.matches('.glued') ? el.parentElement! : el).textContent)).toEqual(pieces);
    expect(drawn.map((el) => el.querySelector('button')?.title)).toEqual(credits.map((c) => c.evidence));
  });

  it('reads each step in English word order, the outlet a button inside its phrase, with the relay when it is not the page', () => {
    expect(rows(translator('en'))).toEqual([
      { text: held('海南信息港 published this page · 2024-02-23 09:42'), outlet: '海南信息港' },
      { text: held('reprinted from 参考消息网 · 2024-02-23'), outlet: '参考消息网' },
      { text: held('reported by 联合早报 · 2024-02-20 · via 参考消息网'), outlet: '联合早报' },
    ]);
  });

  it('keeps each date and relay whole on a line, so a narrow popup breaks between them, after a dot', () => {
    rows(translator('en'));
    const pieces = [...root.querySelectorAll('.chain-steps li')].map((li) => [...li.querySelectorAll('.aside')].map((n) => n.textContent));
    expect(pieces).toEqual([['2024-02-23 09:42'], ['2024-02-23'], ['2024-02-20\u00a0·', 'via 参考消息网']]);
    // The dot after the phrase, held (.glued) to the phrase's last words or to its outlet.
    const phrases = [...root.querySelectorAll('.chain-steps li')].map((li) => li.querySelector('.glued')?.textContent);
    expect(phrases).toEqual(['published this page\u00a0·', '参考消息网\u00a0·', '联合早报\u00a0·']);
  });

  it('reads each step in Chinese word order', () => {
    expect(rows(translator('zh_CN')).map((r) => r.text)).toEqual(
      ['本页由 海南信息港 发布 · 2024-02-23 09:42', '转载自 参考消息网 · 2024-02-23', '据 联合早报 报道 · 2024-02-20 · 经 参考消息网 转述'].map(held),
    );
  });
});

describe('SourceChain, in the reader\'s language about the page\'s words', () => {
  // An English card read 联合早报 with an English voice, and a Japanese one set 参考消息网 in Japanese type.
  it("marks each outlet and name with the language it is written in, the page's for its own script", () => {
    root = document.createElement('div');
    document.body.append(root);
    const withLatin: Source[] = [...sources, { outlet: 'Reuters', role: 'reported-by', via: null, date: null, evidence: '据Reuters报道' }];
    const credits = [{ role: 'editor', name: '于啸歌', evidence: '责任编辑:于啸歌' }] as const;
    render(<SourceChain sources={withLatin} credits={[...credits]} t={translator('en')} lang="zh-CN" />, root);
    const marked = [...root.querySelectorAll<HTMLElement>('.chain-steps strong, .chain-steps [lang], .credits button')].map((el) => [el.textContent, el.getAttribute('lang')]);
    expect(marked).toEqual([
      ['海南信息港', 'zh-CN'],
      ['参考消息网', 'zh-CN'],
      ['联合早报', 'zh-CN'],
      // The relay, inside the reader's words "via …".
      ['参考消息网', 'zh-CN'],
      ['Reuters', null],
      ['于啸歌', 'zh-CN'],
    ]);
    expect(root.querySelector('[data-role="reported-by"] .aside:last-child')!.textContent).toBe('via 参考消息网');
    // Each isolated, so an Arabic or Hebrew name keeps its own order and the dots and dates theirs.
    expect([...root.querySelectorAll('.chain-steps strong, .chain-steps [lang], .credits button')].map((el) => el.getAttribute('dir'))).toEqual(Array(6).fill('auto'));
  });
});

describe('SourceChain, picking an entry', () => {
  it("says an entry's evidence was read from the title or metadata when the page's text lacks it, and only then", async () => {
    root = document.createElement('div');
    document.body.append(root);
    // The page holds the reprint line, not the publisher's evidence (its <title>).
    const onPick = (evidence: string): Promise<boolean> => Promise.resolve(evidence.startsWith('来源'));
    render(<SourceChain sources={sources} credits={[]} t={translator('en')} onPick={onPick} />, root);
    const [publisher, reprint] = [...root.querySelectorAll<HTMLButtonElement>('.chain-steps button')];
    await act(async () => publisher!.click());
    const note = () => [...root.querySelectorAll('.evidence-note')].map((n) => n.textContent).filter(Boolean);
    expect(note()).toEqual([" Read from the page's title or metadata: 海南信息港"]);
    // After a dot that ends the date, as between the step's other parts.
    const steps = () => [...root.querySelectorAll('.chain-steps li')].map((li) => li.textContent);
    expect(steps()[0]).toBe(held("海南信息港 published this page · 2024-02-23 09:42 · Read from the page's title or metadata: 海南信息港"));
    await act(async () => reprint!.click());
    expect(note()).toEqual([]);
    expect(steps()[0]).toBe(held('海南信息港 published this page · 2024-02-23 09:42'));
  });

  // A credit's sentence was shown only in a tooltip, which no keyboard, touch screen or screen reader reaches.
  it("shows a credited name's sentence as an outlet's, and says so when the page's text lacks it", async () => {
    root = document.createElement('div');
    document.body.append(root);
    const picked: string[] = [];
    const credits = [
      { role: 'compiler', name: '刘子彦', evidence: '(编译/刘子彦)' },
      { role: 'editor', name: '于啸歌', evidence: 'editor: 于啸歌' },
    ] as const;
    // The page holds the compiler's line; the editor was read from its metadata.
    const onPick = (evidence: string) => (picked.push(evidence), evidence.startsWith('('));
    render(<SourceChain sources={sources} credits={[...credits]} t={translator('en')} onPick={onPick} />, root);
    const name = (text: string) => [...root.querySelectorAll<HTMLButtonElement>('.credits button')].find((b) => b.textContent === text)!;
    const note = () => root.querySelector('.credits [role="status"]')!.textContent;
    expect(note()).toBe('');
    await act(async () => name('于啸歌').click());
    expect(note()).toBe(" Read from the page's title or metadata: editor: 于啸歌");
    expect(root.querySelector('.credits')!.textContent).toBe(held("Credits: compiled by 刘子彦 · editor 于啸歌 · Read from the page's title or metadata: editor: 于啸歌"));
    await act(async () => name('刘子彦').click());
    expect(note()).toBe('');
    expect(picked).toEqual(['editor: 于啸歌', '(编译/刘子彦)']);
  });

  // A live region is heard when its words change: one added with its words already in is not.
  it('says it in a live region each entry holds from the start, empty until then', async () => {
    root = document.createElement('div');
    document.body.append(root);
    render(<SourceChain sources={sources} credits={[]} t={translator('en')} onPick={() => false} />, root);
    const regions = () => [...root.querySelectorAll('.chain-steps li')].map((li) => li.querySelector('[role="status"]'));
    const before = regions();
    expect(before.map((r) => r?.textContent)).toEqual(['', '', '']);
    await act(async () => root.querySelector<HTMLButtonElement>('.chain-steps li:nth-child(2) button')!.click());
    expect(regions()).toEqual(before);
    expect(before[1]!.textContent).toBe(" Read from the page's title or metadata: 来源: 参考消息网");
  });
});

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HighlightRecord } from '@/utils/annotation-types';
import { openAnnotationDb, type AnnotationStore } from '@/utils/db';
import { english } from '@/utils/reasons';
import { exportPieces, handleTransfer, type TransferDeps } from '@/utils/transfer-service';
import { translator } from '../helpers/locale';

const PAGE = 'https://hi.example.cn/2024-02/23/content_1.htm';
const OTHER = 'https://other.example.com/story';
const NOW = '2024-03-01T08:00:00.000Z';

function highlight(pageUrl: string, quote: string): HighlightRecord {
  return {
    id: crypto.randomUUID(),
    pageUrl,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: '报道,', suffix: '。' },
      { type: 'TextPositionSelector', start: 10, end: 10 + quote.length },
    ],
    quote,
    color: 'green',
    note: '对比《纽约时报》',
    created: NOW,
    updated: NOW,
  };
}

async function filled(store: AnnotationStore): Promise<HighlightRecord[]> {
  const chain = [
    { outlet: '参考消息网', role: 'reprinted-from' as const, via: null, date: '2024-02-23', evidence: '来源:参考消息网' },
    { outlet: '联合早报', role: 'reported-by' as const, via: '参考消息网', date: '2024-02-20', evidence: '据新加坡《联合早报》网站2月20日报道' },
  ];
  await store.savePage({ url: PAGE, title: 'Sora 引发热议', publisher: '海南信息港', provenance: { publisher: '海南信息港', sources: chain, credits: [], originalTitle: null, publishedAt: '2024-02-23' } }, NOW);
  await store.savePage({ url: OTHER, title: 'Other', publisher: null, provenance: null }, NOW);
  const mine = [highlight(PAGE, '美国开放人工智能研究中心'), highlight(PAGE, '视频生成模型Sora')];
  for (const h of [...mine, highlight(OTHER, 'unrelated words')]) await store.putHighlight(h);
  return mine;
}

describe('handleTransfer', () => {
  let store: AnnotationStore;
  let changed: string[][];
  let deps: TransferDeps;
  beforeEach(async () => {
    store = await openAnnotationDb(new IDBFactory(), 'transfer');
    changed = [];
    deps = { now: () => NOW, words: english, changed: (urls) => void changed.push(urls) };
  });

  it('exports page notes and imports them back into another library, a page with only a note too', async () => {
    await filled(store);
    await store.setPageNote({ url: PAGE, title: 'ignored', publisher: null, provenance: null }, '参考消息的原文不是这么说的', '2024-02-25T00:00:00.000Z');
    await store.setPageNote({ url: 'https://only.example.org/a', title: 'Only a note', publisher: 'Only', provenance: null }, 'why I kept this\nsecond line', '2024-02-26T00:00:00.000Z');
    const file = (await handleTransfer({ type: 'export', format: 'json', pageUrls: null }, store, deps)) as { text: string };
    const other = await openAnnotationDb(new IDBFactory(), 'other');
    // The preview says the notes are coming, as it says the highlights are.
    expect(await handleTransfer({ type: 'import-preview', text: file.text }, other, deps)).toMatchObject({ newPages: 3, newHighlights: 3, pageNotes: 2 });
    const applied = await handleTransfer({ type: 'import-apply', text: file.text }, other, deps);
    expect(applied).toEqual({ ok: true, added: 3 + 2, merged: 0 });
    const notes = (await other.listPages()).map((p) => [p.url, p.title, p.note ?? null, p.noteUpdated ?? null]);
    expect(notes).toEqual(
      expect.arrayContaining([
        [PAGE, 'Sora 引发热议', '参考消息的原文不是这么说的', '2024-02-25T00:00:00.000Z'],
        ['https://only.example.org/a', 'Only a note', 'why I kept this\nsecond line', '2024-02-26T00:00:00.000Z'],
        [OTHER, 'Other', null, null],
      ]),
    );
    other.close();
  });

  it('merges an imported page note by the later update', async () => {
    await filled(store);
    await store.setPageNote({ url: PAGE, title: '', publisher: null, provenance: null }, 'older', '2024-02-25T00:00:00.000Z');
    const file = (await handleTransfer({ type: 'export', format: 'json', pageUrls: null }, store, deps)) as { text: string };
    // Edited here after the export: the file's copy is older and stays out.
    await store.setPageNote({ url: PAGE, title: '', publisher: null, provenance: null }, 'edited since', '2024-02-27T00:00:00.000Z');
    await handleTransfer({ type: 'import-apply', text: file.text }, store, deps);
    expect((await store.getPage(PAGE))?.note).toBe('edited since');
    // A later copy (edited in another browser) wins.
    const later = file.text.replace('"modified": "2024-02-25T00:00:00.000Z"', '"modified": "2024-02-28T00:00:00.000Z"').replace('"value": "older"', '"value": "from the other browser"');
    await handleTransfer({ type: 'import-apply', text: later }, store, deps);
    expect(await store.getPage(PAGE)).toMatchObject({ note: 'from the other browser', noteUpdated: '2024-02-28T00:00:00.000Z' });
  });

  it('exports one page (URL as the tab has it) with its provenance, and nothing of other pages', async () => {
    await filled(store);
    const file = await handleTransfer({ type: 'export', format: 'markdown', pageUrls: [`${PAGE}?utm_source=wx#top`] }, store, deps);
    expect(file).toMatchObject({ mime: expect.stringContaining('markdown') });
    const text = (file as { text: string }).text;
    expect(text).toContain('联合早报');
    expect(text).toContain('美国开放人工智能研究中心');
    expect(text).not.toContain('unrelated words');
  });

  it.each([
    ['en', '- "联合早报 (reported by, via 参考消息网, 2024-02-20)"', 'Colour: Green · [open passage]', 'Source chain'],
    ['zh_CN', '- "联合早报（报道来源，经 参考消息网，2024-02-20）"', '颜色：绿色 · [打开原文段落]', '来源链'],
  ] as const)('writes the Markdown and HTML exports in the reader\'s language (%s)', async (lang, chainLine, colourLine, chainLabel) => {
    await filled(store);
    const inLang = { ...deps, words: translator(lang) };
    const markdown = (await handleTransfer({ type: 'export', format: 'markdown', pageUrls: [PAGE] }, store, inLang)) as { text: string };
    expect(markdown.text).toContain(chainLine);
    expect(markdown.text).toContain(colourLine);
    const html = (await handleTransfer({ type: 'export', format: 'html', pageUrls: [PAGE] }, store, inLang)) as { text: string };
    expect(html.text).toContain(`<dt>${chainLabel}</dt>`);
    if (lang === 'zh_CN') expect(html.text).not.toMatch(/>(URL|Publisher|Source chain|Credits|Exported|open passage)\b/);
    // The whole library, several pages: the file and its heading are named in the same words.
    const all = (await handleTransfer({ type: 'export', format: 'markdown', pageUrls: null }, store, inLang)) as { filename: string; text: string };
    const title = lang === 'zh_CN' ? 'Sourcemark 高亮' : 'Sourcemark highlights';
    expect(all.filename).toBe(`${title} 2024-03-01.md`);
    expect(all.text).toContain(`title: "${title}"`);
    expect(all.text).toContain(lang === 'zh_CN' ? '- 来源链：参考消息网（转载来源，2024-02-23） → 联合早报（报道来源，经 参考消息网，2024-02-20）' : '- Source chain: 参考消息网 (reprinted from, 2024-02-23) → 联合早报 (reported by, via 参考消息网, 2024-02-20)');
  });

  it('round-trips the whole library through JSON into an empty database', async () => {
    const mine = await filled(store);
    const file = (await handleTransfer({ type: 'export', format: 'json', pageUrls: null }, store, deps)) as { text: string };
    const target = await openAnnotationDb(new IDBFactory(), 'target');
    expect(await handleTransfer({ type: 'import-preview', text: file.text }, target, deps)).toEqual({ ok: true, newPages: 2, newHighlights: 3, mergedHighlights: 0, pageNotes: 0, skipped: 0 });
    expect(await target.allHighlights()).toEqual([]);
    expect(await handleTransfer({ type: 'import-apply', text: file.text }, target, deps)).toEqual({ ok: true, added: 3, merged: 0 });
    const byId = (list: HighlightRecord[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await target.highlightsForPage(PAGE))).toEqual(byId(mine));
    expect((await target.getPage(PAGE))?.provenance?.sources[1]?.outlet).toBe('联合早报');
    expect(changed.at(-1)?.sort()).toEqual([OTHER, PAGE].sort());
    // Importing the same file again merges by id and adds nothing.
    expect(await handleTransfer({ type: 'import-apply', text: file.text }, target, deps)).toEqual({ ok: true, added: 0, merged: 3 });
  });

  it('keeps the reader’s edit when another tool’s undated file is imported again', async () => {
    const file = JSON.stringify({
      type: 'Annotation',
      id: 'https://tool.example/anno/1',
      body: { type: 'TextualBody', value: 'their note' },
      target: { source: OTHER, selector: { type: 'TextQuoteSelector', exact: 'unrelated words' } },
    });
    let now = NOW;
    const clock = { ...deps, now: () => now };
    expect(await handleTransfer({ type: 'import-apply', text: file }, store, clock)).toEqual({ ok: true, added: 1, merged: 0 });
    const [imported] = await store.allHighlights();
    now = '2024-03-01T09:00:00.000Z';
    await store.updateHighlight(imported!.id, { note: 'my note', color: 'green' }, now);
    now = '2024-03-02T09:00:00.000Z';
    expect(await handleTransfer({ type: 'import-preview', text: file }, store, clock)).toMatchObject({ newHighlights: 0, mergedHighlights: 1 });
    expect(await handleTransfer({ type: 'import-apply', text: file }, store, clock)).toEqual({ ok: true, added: 0, merged: 1 });
    expect((await store.allHighlights()).map((h) => [h.note, h.color, h.updated])).toEqual([['my note', 'green', '2024-03-01T09:00:00.000Z']]);
  });

  it.each([
    ['truncated JSON', (json: string) => json.slice(0, json.length / 2)],
    ['a foreign JSON document', () => JSON.stringify({ name: 'package', version: '1.0.0' })],
  ])('refuses %s with a message and leaves the database as it was', async (_label, spoil) => {
    await filled(store);
    const file = (await handleTransfer({ type: 'export', format: 'json', pageUrls: null }, store, deps)) as { text: string };
    const before = await store.allHighlights();
    const answer = await handleTransfer({ type: 'import-apply', text: spoil(file.text) }, store, deps);
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/^This (file|JSON) /) });
    expect(await store.allHighlights()).toEqual(before);
  });

  it.each([
    ['not JSON at all', 'not json at all', '这不是有效的 JSON 文件，可能不完整，或者根本不是导出文件。'],
    ['JSON without annotations', '{"name":"package"}', '这个 JSON 文件里没有网页批注，没有可导入的内容。'],
  ])('says why it refuses %s in the reader’s language only, without the parser’s English', async (_label, text, message) => {
    const answer = await handleTransfer({ type: 'import-preview', text }, store, { ...deps, words: translator('zh_CN') });
    expect(answer).toEqual({ ok: false, error: message });
  });
});

describe('exportPieces', () => {
  const file = { filename: 'a.json', mime: 'application/json;charset=utf-8' };

  it('carries the text in pieces, then the name and type, never cutting a surrogate pair in two', () => {
    const text = 'ab😀cd𠀀e经济';
    for (const size of [1, 2, 3, 4, 100]) {
      const pieces = exportPieces({ ...file, text }, size);
      const texts = pieces.flatMap((m) => ('piece' in m ? [m.piece] : []));
      expect(texts.join('')).toBe(text);
      // Each a message far under the browser's 64 MiB limit, which one answer of a large library's JSON exceeded.
      expect(texts.every((t) => t.length <= size + 1 && !/[\uD800-\uDBFF]$/.test(t))).toBe(true);
      expect(pieces.at(-1)).toEqual({ file });
    }
  });

  it('passes a storage failure on alone', () => {
    const failure = { error: { code: 'quota', message: 'full' } };
    expect(exportPieces(failure)).toEqual([failure]);
  });
});

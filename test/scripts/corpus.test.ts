import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateCorpus, pageKey, parseImpairedPages, parseTsv, readBodyTruth, readLabel, readManifest } from '../../scripts/lib/corpus';

describe('parseTsv', () => {
  it('keys cells by header and keeps quotes literal', () => {
    expect(parseTsv('a\tb\n1\t"x"\n\n2\n')).toEqual([
      { a: '1', b: '"x"' },
      { a: '2', b: '' },
    ]);
  });
});

describe('parseImpairedPages', () => {
  it('reads `folder/stem (reason)` entries of its section only', () => {
    const readme = [
      '# Labels',
      'See `gne/other` (not listed here).',
      '## Impaired or doubtful pages',
      'Impaired: `cwced/a0cb0242` (page 1 of 6), `magic-html/x__1` (only a teaser).',
      'Doubtful: `gne/xds__1` (a digest — `is_article` set to unknown).',
      '## Next section',
      '`gne/after` (no)',
    ].join('\n');
    expect([...parseImpairedPages(readme)]).toEqual([
      ['cwced/a0cb0242', 'page 1 of 6'],
      ['magic-html/x__1', 'only a teaser'],
      ['gne/xds__1', 'a digest — is_article set to unknown'],
    ]);
    expect(parseImpairedPages('# no such section').size).toBe(0);
  });

  it('keys pages the way eval looks them up', () => {
    expect(pageKey('cwced/a0cb0242.html')).toBe('cwced/a0cb0242');
  });
});

describe('reading a corpus', () => {
  let corpus = '';
  const put = async (path: string, text: string): Promise<void> => {
    await mkdir(join(corpus, path, '..'), { recursive: true });
    await writeFile(join(corpus, path), text);
  };

  beforeAll(async () => {
    corpus = await mkdtemp(join(tmpdir(), 'sourcemark-corpus-'));
    await put('MANIFEST.tsv', 'file\tlang\tis_article\nmh/a.html\tzh-Hans\tyes\ntr/b.html\tzh-Hans\tno\n');
    await put('MARKERS.tsv', 'file\turl_in_page_or_dataset\nmh/a.html\thttps://s.test/a\ntr/b.html\t\n');
    await put('mh/a.gt.json', JSON.stringify({ content: '正文' }));
    await put('tr/b.gt.json', JSON.stringify({ with: ['要'], without: ['不要'] }));
    await put('rd/c.expected.html', '<div><p>期望</p><p>文本</p></div>');
    await put('cw/d.cleaned.txt', '清洗后');
    await put('np/e.txt', 'plain body');
    await put('labels/mh__a.json', JSON.stringify({ file: 'mh/a.html', title: 'T', sources: [], credits: [] }));
  });

  afterAll(async () => {
    await rm(corpus, { recursive: true, force: true });
  });

  it('locates a corpus by $SOURCEMARK_CORPUS and reports a missing one as null', () => {
    expect(locateCorpus('/nowhere', { SOURCEMARK_CORPUS: corpus })).toBe(corpus);
    expect(locateCorpus('/nowhere', {})).toBeNull();
  });

  it('joins MANIFEST with the URLs of MARKERS', async () => {
    expect(await readManifest(corpus)).toEqual([
      { file: 'mh/a.html', folder: 'mh', lang: 'zh-Hans', isArticle: 'yes', url: 'https://s.test/a' },
      { file: 'tr/b.html', folder: 'tr', lang: 'zh-Hans', isArticle: 'no', url: null },
    ]);
  });

  it('reads each form of body truth, and null when there is none', async () => {
    expect(await readBodyTruth(corpus, 'mh/a.html')).toEqual({ kind: 'text', text: '正文' });
    expect(await readBodyTruth(corpus, 'tr/b.html')).toEqual({ kind: 'snippets', with: ['要'], without: ['不要'] });
    expect(await readBodyTruth(corpus, 'rd/c.html')).toEqual({ kind: 'text', text: '期望文本' });
    expect(await readBodyTruth(corpus, 'cw/d.html')).toEqual({ kind: 'text', text: '清洗后' });
    expect(await readBodyTruth(corpus, 'np/e.html')).toEqual({ kind: 'text', text: 'plain body' });
    expect(await readBodyTruth(corpus, 'mh/none.html')).toBeNull();
  });

  it('finds a label by <folder>__<stem>.json', async () => {
    expect((await readLabel(corpus, 'mh/a.html'))?.title).toBe('T');
    expect(await readLabel(corpus, 'tr/b.html')).toBeNull();
  });
});

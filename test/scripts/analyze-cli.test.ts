import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(TSX, ['scripts/analyze.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const isStringOrNull = (v: unknown): boolean => v === null || typeof v === 'string';

/** Every contract field (shared/docs/analysis-json.md) with its type. */
function expectContractShape(json: Record<string, unknown>): void {
  for (const key of ['url', 'title', 'publishedAt', 'publisher', 'originalTitle']) {
    expect(isStringOrNull(json[key]), key).toBe(true);
  }
  expect(typeof json.isArticle).toBe('boolean');
  expect(typeof json.confidence).toBe('number');
  expect(json.confidence as number).toBeGreaterThanOrEqual(0);
  expect(json.confidence as number).toBeLessThanOrEqual(1);
  expect(Array.isArray(json.reasons)).toBe(true);
  for (const key of ['hidden', 'sources', 'credits']) expect(Array.isArray(json[key]), key).toBe(true);
  const article = json.article as { selector: unknown; text: unknown } | null;
  if (article !== null) {
    expect(typeof article.selector).toBe('string');
    expect(typeof article.text).toBe('string');
  }
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>测试_站点</title>
<link rel="canonical" href="https://news.example.test/a/1.html"></head>
<body><h1>测试标题</h1><p>新华社北京2月29日电 这是一段正文。</p><a href="/b">相对链接</a></body></html>`;

// 你好 in GBK, written by hand, inside a page that declares gb2312.
const GBK_PAGE = new Uint8Array([
  ...new TextEncoder().encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>'),
  0xc4, 0xe3, 0xba, 0xc3,
  ...new TextEncoder().encode('</p></body></html>'),
]);

let dir = '';
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sourcemark-cli-'));
  await writeFile(file('page.html'), PAGE);
  await writeFile(file('gbk.html'), GBK_PAGE);
  await writeFile(file('empty.html'), '');
  await writeFile(file('binary.html'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  await writeFile(file('plain.txt'), 'just some words, no markup\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Sequential with a generous timeout: each case starts tsx, which is slow on a busy machine.
describe('npm run analyze', { timeout: 60_000 }, () => {
  it('prints the contract JSON for a UTF-8 page, url from <link rel=canonical>', async () => {
    const run = await runCli(file('page.html'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expectContractShape(json);
    expect(json.url).toBe('https://news.example.test/a/1.html');
    expect(run.stdout).toBe(`${JSON.stringify(json, null, 2)}\n`);
  });

  it('prefers --url over the canonical link', async () => {
    const run = await runCli(file('page.html'), '--url', 'https://other.test/x');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { url: unknown }).url).toBe('https://other.test/x');
  });

  it('analyzes a GBK page declared gb2312; url is null when nothing states one', async () => {
    const run = await runCli(file('gbk.html'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expectContractShape(json);
    expect(json.url).toBeNull();
  });

  // Arguments are built lazily: the temp dir only exists once beforeAll ran.
  it.each<[string, () => string[], RegExp]>([
    ['a missing file', () => [file('missing.html')], /missing\.html: no such file/],
    ['a directory', () => [dir], /is a directory/],
    ['an empty file', () => [file('empty.html')], /file is empty/],
    ['a binary file', () => [file('binary.html')], /binary/],
    ['plain text', () => [file('plain.txt')], /not HTML/],
    ['an unknown flag', () => [file('page.html'), '--bogus'], /unknown option.*usage/i],
    ['--url without its value', () => [file('page.html'), '--url'], /--url.*usage/i],
    ['a relative --url', () => [file('page.html'), '--url', 'a/b'], /not an absolute URL/],
    ['no file at all', () => [], /missing <page\.html>/],
  ])('rejects %s with one stderr line and no stdout', async (_, args, pattern) => {
    const run = await runCli(...args());
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

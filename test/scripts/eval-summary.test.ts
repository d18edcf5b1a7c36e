import { describe, expect, it } from 'vitest';
import { type PageResult, formatTable, summarize, summarizeGroups, worstPages } from '../../scripts/lib/eval-summary';

const page = (over: Partial<PageResult>): PageResult => ({
  file: 'f/x.html',
  folder: 'f',
  expectedArticle: 'yes',
  impaired: null,
  error: null,
  encoding: 'utf-8',
  predictedArticle: true,
  bodyF1: null,
  snippets: null,
  provenance: null,
  clutterSources: [],
  ...over,
});

const pages = [
  page({ file: 'f/a.html', bodyF1: { ours: 0.5, readability: 0.9 } }),
  page({ file: 'f/b.html', bodyF1: { ours: 1, readability: 0.7 }, predictedArticle: false }),
  page({ file: 'f/c.html', expectedArticle: 'no', predictedArticle: true }),
  page({ file: 'f/d.html', expectedArticle: 'unknown', predictedArticle: true }),
  page({
    file: 'f/e.html',
    provenance: { sources: { tp: 1, predicted: 2, expected: 2 }, via: { correct: 1, total: 1 }, credits: { tp: 0, predicted: 0, expected: 1 }, titleCorrect: true },
  }),
  page({
    file: 'f/g.html',
    provenance: { sources: { tp: 1, predicted: 1, expected: 1 }, via: { correct: 0, total: 1 }, credits: { tp: 1, predicted: 1, expected: 1 }, titleCorrect: null },
  }),
];

describe('summarize', () => {
  const s = summarize(pages);

  it('scores detection on yes/no pages only', () => {
    // yes pages a, b, e, g (b missed); predicted articles a, c, e, g (c wrong); d is unknown.
    expect(s.detection).toEqual({ pages: 5, precision: 3 / 4, recall: 3 / 4, f1: 3 / 4 });
  });

  it('averages body F1 per page, ours and Readability', () => {
    expect(s.body).toEqual({ pages: 2, ours: 0.75, readability: 0.8 });
  });

  it('pools provenance counts over pages', () => {
    expect(s.labels.pages).toBe(2);
    expect(s.labels.sources.f1).toBeCloseTo((2 * 2) / (3 + 3));
    expect(s.labels.via).toBe(0.5);
    expect(s.labels.credits.f1).toBeCloseTo((2 * 1) / (1 + 2));
    expect(s.labels.title).toBe(1);
  });
});

describe('report helpers', () => {
  it('groups all pages, all but impaired, then each folder', () => {
    const groups = summarizeGroups([...pages, page({ file: 'g/z.html', folder: 'g', impaired: 'page 1 of 6' })]);
    expect(groups.map(([name, s]) => [name, s.pages])).toEqual([
      ['ALL', 7],
      ['ALL but impaired', 6],
      ['f/', 6],
      ['g/', 1],
    ]);
  });

  it('lists the worst body scores first', () => {
    expect(worstPages(pages, 1).map((p) => p.file)).toEqual(['f/a.html']);
  });

  it('prints one aligned row per group, with — for what cannot be scored', () => {
    const lines = formatTable([['ALL', summarize(pages)], ['none', summarize([])]]).split('\n');
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[2]).toMatch(/^none\s+0\s+—/);
  });
});

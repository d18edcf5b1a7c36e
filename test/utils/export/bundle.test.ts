import { describe, expect, it } from 'vitest';
import type { HighlightRecord, PageRecord, Selector } from '../../../utils/annotation-types';
import { groupByPage } from '../../../utils/export/bundle';
import { exportFile } from '../../../utils/export/index';

const page = (url: string, title: string): PageRecord => ({
  url,
  title,
  publisher: null,
  provenance: null,
  firstSeen: '2024-01-01T00:00:00.000Z',
  lastSeen: '2024-01-02T00:00:00.000Z',
});

let serial = 0;
const highlight = (pageUrl: string, start: number | null, created: string): HighlightRecord => {
  const selectors: Selector[] = [{ type: 'TextQuoteSelector', exact: `q${serial}`, prefix: '', suffix: '' }];
  if (start !== null) selectors.push({ type: 'TextPositionSelector', start, end: start + 2 });
  return {
    id: `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
    pageUrl,
    selectors,
    quote: `q${serial}`,
    color: 'yellow',
    note: '',
    created,
    updated: created,
  };
};

const A = 'https://a.example/1';
const B = 'https://b.example/2';
const ORPHAN = 'https://c.example/3';

describe('groupByPage', () => {
  const late = highlight(A, 500, '2024-01-01T00:00:01.000Z');
  const early = highlight(A, 20, '2024-01-03T00:00:00.000Z');
  const unplacedOld = highlight(A, null, '2024-01-01T00:00:00.000Z');
  const unplacedNew = highlight(A, null, '2024-01-05T00:00:00.000Z');
  const onB = highlight(B, 3, '2024-01-01T00:00:00.000Z');
  const orphan = highlight(ORPHAN, 1, '2024-02-01T00:00:00.000Z');
  const bundle = {
    pages: [page(B, 'B'), page('https://empty.example/', 'no highlights'), page(A, 'A')],
    highlights: [unplacedNew, late, orphan, onB, unplacedOld, early],
    exportedAt: '2024-03-01T00:00:00.000Z',
  };

  it('keeps the bundle order of pages, drops pages without highlights, and appends pages only highlights name', () => {
    expect(groupByPage(bundle).map((g) => g.page.url)).toEqual([B, A, ORPHAN]);
    expect(groupByPage(bundle)[2]!.page).toMatchObject({ url: ORPHAN, title: ORPHAN, firstSeen: orphan.created });
  });

  it('orders a page by position in the text, then unplaced highlights oldest first, numbering from 1', () => {
    const a = groupByPage(bundle)[1]!;
    expect(a.highlights.map((x) => x.highlight.id)).toEqual([early.id, late.id, unplacedOld.id, unplacedNew.id]);
    expect(a.highlights.map((x) => x.location)).toEqual([1, 2, 3, 4]);
  });
});

describe('exportFile', () => {
  const one = highlight(A, 1, '2024-01-01T00:00:00.000Z');
  const two = highlight(B, 1, '2024-01-01T00:00:00.000Z');
  const exportedAt = '2024-03-01T10:00:00.000Z';

  it.each([
    ['markdown', 'md', 'text/markdown'],
    ['json', 'json', 'application/json'],
    ['html', 'html', 'text/html'],
    ['csv', 'csv', 'text/csv'],
  ] as const)('names a one-page %s export after the page, with the right type, holding the quote', (format, ext, mime) => {
    const file = exportFile(format, { pages: [page(A, 'Story: part 1/2'), page(B, 'B')], highlights: [one], exportedAt });
    expect(file.filename).toBe(`Story part 1 2 2024-03-01.${ext}`);
    expect(file.mime.startsWith(mime)).toBe(true);
    expect(file.text).toContain(one.quote);
  });

  it('names a several-page export generically', () => {
    const file = exportFile('csv', { pages: [page(A, 'A'), page(B, 'B')], highlights: [one, two], exportedAt });
    expect(file.filename).toBe('Sourcemark highlights 2024-03-01.csv');
  });
});

import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { groupByPage } from '../../../utils/export/bundle';
import { CSV_COLUMNS, csvField, toCsv } from '../../../utils/export/csv';
import { pageAuthor } from '../../../utils/export/provenance-text';
import { exportBundle } from './records';

/** What a spreadsheet should show: the value, behind an apostrophe when it would start a formula. */
const shown = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('toCsv', () => {
  it('parses back (papaparse) to the same rows, commas, quotes, newlines and Chinese included', () => {
    fc.assert(
      fc.property(exportBundle(), (bundle) => {
        const rows = parse(toCsv(bundle));
        expect(rows[0]).toEqual([...CSV_COLUMNS]);
        const readwise = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
        // A row per highlight: a page's own note has no passage for Readwise's required Highlight.
        const expected = groupByPage(bundle).flatMap(({ page, highlights }) =>
          highlights.map(({ highlight: h, location }) =>
            [h.quote, page.title, pageAuthor(page), page.url, h.note].map(shown).concat([String(location), readwise(h.created)]),
          ),
        );
        expect(rows.slice(1)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  }, 60_000);

  const fields: Array<[string, string]> = [
    ['plain', 'plain'],
    ['新闻，逗号', '新闻，逗号'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\ronly', '"cr\ronly"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', `"'\t=1"`],
    ['a;b', '"a;b"'],
    ['', ''],
  ];
  it.each(fields)('writes %j as %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  // Excel in a language whose list separator is a semicolon (German, French…) splits a .csv it
  // opens at semicolons: a page's title `News;=cmd|…` would start a cell with a formula (a DDE call).
  it.each([';', '\t'])('keeps a field holding %j one cell where that splits cells', (separator) => {
    const value = `News${separator}=cmd|' /C calc'!A0`;
    const cells = Papa.parse<string[]>(csvField(value), { delimiter: separator }).data[0];
    expect(cells).toEqual([value]);
  });

  it('ends rows with CRLF, as RFC 4180 asks', () => {
    const [bundle] = fc.sample(exportBundle(), { numRuns: 1, seed: 11 });
    const csv = toCsv(bundle!);
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

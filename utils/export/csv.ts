/**
 * CSV in Readwise's import columns. UTF-8 with a byte-order mark so Excel reads Chinese correctly,
 * RFC 4180 quoting and CRLF line ends.
 */
import { groupByPage, type ExportBundle } from './bundle';
import { wellFormed } from './plain-text';
import { pageAuthor } from './provenance-text';

export const CSV_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'] as const;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab/CR before one) as a formula, so a
 * page could plant `=HYPERLINK(...)`. OWASP's remedy: a leading apostrophe, which Excel hides.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * What makes a field quoted: RFC 4180's comma, quote and line breaks, and the semicolon and tab that
 * split cells where a spreadsheet reads them as separators (Excel in German or French opens a .csv
 * at semicolons), so no cell of a page's making starts after one of them with a formula.
 */
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function csvField(value: string): string {
  const text = wellFormed(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Readwise's date form, "YYYY-MM-DD HH:MM:SS", in UTC; unparsable dates pass through. */
function readwiseDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Highlights only: Readwise, whose columns these are, takes a row for a passage and names Highlight
 * its one required column, so a page's own note (no passage) is left to the other formats rather
 * than put in a row a Readwise import could refuse with the file.
 */
export function toCsv(bundle: ExportBundle): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const { page, highlights } of groupByPage(bundle)) {
    const author = pageAuthor(page);
    for (const { highlight: h, location } of highlights) {
      rows.push([h.quote, page.title, author, page.url, h.note, String(location), readwiseDate(h.created)]);
    }
  }
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

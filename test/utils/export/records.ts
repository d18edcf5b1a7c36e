/** fast-check generators of pages and highlights full of text that breaks naive exporters. */
import fc from 'fast-check';
import type { Credit, Source } from '../../../utils/analysis-types';
import { HIGHLIGHT_COLORS, hasPageNote, type HighlightRecord, type PageNote, type PageRecord, type Selector } from '../../../utils/annotation-types';
import type { ExportBundle } from '../../../utils/export/bundle';

/** Pieces that mean something to HTML, Markdown, YAML, CSV, spreadsheets or URLs. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '[x](javascript:alert(1))',
  '![y](https://evil.example/t.png)',
  '<a href="javascript:alert(1)">a</a>',
  'javascript:alert(1)',
  '# Heading',
  '---',
  '===',
  '> quote',
  '- item',
  '1. item',
  '[[Wiki]]',
  '==mark==',
  '%%hidden%%',
  '$x$',
  '#tag',
  '&lt;&#106;',
  '`code`',
  '| a | b |',
  '=HYPERLINK("https://evil.example")',
  '@SUM(1)',
  '"',
  "'",
  ',',
  '\\',
  '\n',
  '\r\n',
  '\t',
  '    ',
  '新华社记者',
  '国务院总理李强',
  '😀',
  '👨‍👩‍👧',
  'e\u0301',
  '\u2028',
  '\u0085',
  'title: "x"',
];

const piece = (unit: 'grapheme' | 'binary') =>
  fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit, maxLength: 6 }));

/** Hostile text; with `unit: 'binary'` also unpaired surrogates, which only JSON can keep. */
export const hostileText = (unit: 'grapheme' | 'binary' = 'grapheme', minLength = 0) =>
  fc.array(piece(unit), { minLength, maxLength: 6 }).map((parts) => parts.join(''));

const nonEmpty = (unit: 'grapheme' | 'binary') => hostileText(unit, 1).filter((s) => s.length > 0);

const isoTime = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const source = (unit: 'grapheme' | 'binary'): fc.Arbitrary<Source> =>
  fc.record({
    outlet: hostileText(unit),
    role: fc.constantFrom('publisher', 'reprinted-from', 'reported-by', 'cited'),
    via: fc.option(hostileText(unit), { nil: null }),
    date: fc.option(hostileText(unit), { nil: null }),
    evidence: hostileText(unit),
  });

const credit = (unit: 'grapheme' | 'binary'): fc.Arbitrary<Credit> =>
  fc.record({
    role: fc.constantFrom('author', 'reporter', 'translator', 'compiler', 'editor', 'proofreader', 'photographer'),
    name: hostileText(unit),
    evidence: hostileText(unit),
  });

const pageUrl = (unit: 'grapheme' | 'binary') =>
  fc.oneof(
    fc.webUrl({ withQueryParameters: true }),
    hostileText(unit).map((s) => `https://news.example.com/${encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))}`),
    fc.constant('javascript:alert(1)'),
  );

export const pageRecord = (unit: 'grapheme' | 'binary' = 'grapheme'): fc.Arbitrary<PageRecord> =>
  fc.record({
    url: pageUrl(unit),
    title: hostileText(unit),
    publisher: fc.option(hostileText(unit), { nil: null }),
    provenance: fc.option(
      fc.record({
        publisher: fc.option(hostileText(unit), { nil: null }),
        sources: fc.array(source(unit), { maxLength: 3 }),
        credits: fc.array(credit(unit), { maxLength: 3 }),
        originalTitle: fc.option(hostileText(unit), { nil: null }),
        publishedAt: fc.option(isoTime, { nil: null }),
      }),
      { nil: null },
    ),
    firstSeen: isoTime,
    lastSeen: isoTime,
    // Some pages have a note of their own (a blank one among them, which counts as none).
    pageNote: fc.option(fc.record({ note: hostileText(unit), noteUpdated: isoTime }), { nil: null }),
  })
  .map(({ pageNote, ...page }) => (pageNote ? { ...page, ...pageNote } : page));

/** The notes of `pages` as an import brings them. */
export const notesOf = (pages: PageRecord[]): PageNote[] => pages.filter(hasPageNote).map((p) => ({ url: p.url, note: p.note!, updated: p.noteUpdated! }));

/** A page record without its note, as the pages of an import come (the notes come apart). */
export const withoutNote = ({ note: _note, noteUpdated: _updated, ...page }: PageRecord): PageRecord => page;

const offset = fc.nat({ max: 100_000 });

/** A highlight on one of `urls`; its selectors are a non-empty subset of the three kinds, any order. */
export const highlightRecord = (urls: string[], unit: 'grapheme' | 'binary' = 'grapheme'): fc.Arbitrary<HighlightRecord> =>
  fc
    .record({
      id: fc.uuid(),
      pageUrl: fc.constantFrom(...urls),
      quote: nonEmpty(unit),
      // Usually the quote selector's text is the quote; sometimes not, to prove both are kept.
      otherExact: fc.option(nonEmpty(unit), { freq: 5 }),
      prefix: hostileText(unit),
      suffix: hostileText(unit),
      position: fc.tuple(offset, offset),
      hint: fc.tuple(hostileText(unit), offset, offset),
      kinds: fc.shuffledSubarray(['quote', 'position', 'hint'] as const, { minLength: 1 }),
      color: fc.constantFrom(...HIGHLIGHT_COLORS),
      note: hostileText(unit),
      created: isoTime,
      updated: isoTime,
    })
    .map(({ otherExact, prefix, suffix, position, hint, kinds, ...h }) => {
      const selectors = kinds.map((kind): Selector => {
        if (kind === 'quote') return { type: 'TextQuoteSelector', exact: otherExact ?? h.quote, prefix, suffix };
        if (kind === 'position') return { type: 'TextPositionSelector', start: position[0], end: position[1] };
        return { type: 'RangeHintSelector', selector: hint[0], start: hint[1], end: hint[2] };
      });
      return { ...h, selectors };
    });

/** Pages with distinct URLs and highlights with distinct ids, each on one of those pages. */
export const exportBundle = (unit: 'grapheme' | 'binary' = 'grapheme'): fc.Arbitrary<ExportBundle> =>
  fc
    .uniqueArray(pageRecord(unit), { minLength: 1, maxLength: 4, selector: (p) => p.url })
    .chain((pages) =>
      fc.record({
        pages: fc.constant(pages),
        highlights: fc.uniqueArray(highlightRecord(pages.map((p) => p.url), unit), {
          minLength: 1,
          maxLength: 8,
          selector: (h) => h.id,
        }),
        exportedAt: isoTime,
      }),
    );

/** What an import takes back whole: highlights and notes on web pages, and the pages they are on. */
export const importableBundle = (unit: 'grapheme' | 'binary' = 'grapheme'): fc.Arbitrary<ExportBundle> =>
  exportBundle(unit)
    .map((bundle) => {
      const web = (url: string) => /^https?:/.test(url);
      const highlights = bundle.highlights.filter((h) => web(h.pageUrl));
      const highlighted = new Set(highlights.map((h) => h.pageUrl));
      // A blank note is none: its page comes back only for its highlights, and without it.
      const pages = bundle.pages.filter((p) => web(p.url) && (highlighted.has(p.url) || hasPageNote(p))).map((p) => (hasPageNote(p) ? p : withoutNote(p)));
      return { ...bundle, pages, highlights };
    })
    .filter((bundle) => bundle.pages.length > 0);

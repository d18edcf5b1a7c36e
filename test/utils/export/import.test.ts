import { describe, expect, it } from 'vitest';
import type { HighlightRecord, PageRecord } from '../../../utils/annotation-types';
import { IMPORT_MAX_ANNOTATIONS, IMPORT_MAX_BYTES, fitsOneMessage, parseImport, type ImportErrorKey } from '../../../utils/export/import';
import { toW3cJson } from '../../../utils/export/w3c-json';

const NOW = '2030-01-01T00:00:00.000Z';
const empty = { pageUrls: new Set<string>(), highlightIds: new Set<string>(), now: NOW };

const page: PageRecord = {
  url: 'https://news.example.com/a/1',
  title: '标题',
  publisher: '人民网',
  provenance: null,
  firstSeen: '2024-02-20T09:00:00.000Z',
  lastSeen: '2024-02-21T09:00:00.000Z',
};
const highlight: HighlightRecord = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  pageUrl: page.url,
  selectors: [
    { type: 'TextQuoteSelector', exact: '国务院总理', prefix: '今天', suffix: '会见' },
    { type: 'TextPositionSelector', start: 4, end: 9 },
  ],
  quote: '国务院总理',
  color: 'blue',
  note: 'n',
  created: '2024-02-20T09:01:00.000Z',
  updated: '2024-02-20T09:02:00.000Z',
};
const ours = toW3cJson({ pages: [page], highlights: [highlight], exportedAt: NOW });

/** Our export with one change made to the parsed document. */
function edited(change: (doc: any) => void): string {
  const doc = JSON.parse(ours);
  change(doc);
  return JSON.stringify(doc);
}

const foreign = (extra: object) => ({
  type: 'Annotation',
  target: {
    source: 'https://Other.example.com/story?utm_source=x#frag',
    selector: [
      { type: 'TextQuoteSelector', exact: 'the quoted words', prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start: 100, end: 116 },
    ],
  },
  ...extra,
});

describe('parseImport refuses bad files as a whole, with a message key and a detail', () => {
  const cases: Array<[string, string, ImportErrorKey]> = [
    ['empty file', '', 'export_import_not_json'],
    ['truncated export', ours.slice(0, Math.floor(ours.length / 2)), 'export_import_not_json'],
    ['not JSON at all', 'Highlight,Title\nx,y', 'export_import_not_json'],
    ['foreign JSON: a package.json', '{"name":"x","version":"1.0.0"}', 'export_import_not_annotations'],
    ['foreign JSON: a number', '42', 'export_import_not_annotations'],
    ['an array with a non-annotation', JSON.stringify([foreign({}), { type: 'Person' }]), 'export_import_not_annotations'],
    ['a collection whose pages are only linked', '{"type":"AnnotationCollection","first":"https://a.example/p1"}', 'export_import_not_annotations'],
    ['a highlight colour we do not have', edited((d) => (d.first.items[0]['sm:color'] = 'red')), 'export_import_invalid'],
    ['a position that is not a number', edited((d) => (d.first.items[0].target.selector[1].start = '4')), 'export_import_invalid'],
    ['a negative position', edited((d) => (d.first.items[0].target.selector[1].end = -1)), 'export_import_invalid'],
    ['a target without a source', edited((d) => delete d.first.items[0].target.source), 'export_import_invalid'],
    ['a page without a URL', edited((d) => delete d['sm:pages'][0].url), 'export_import_invalid'],
    ['a page with a bad timestamp', edited((d) => (d['sm:pages'][0].firstSeen = 'yesterday')), 'export_import_invalid'],
    ['pages that are not a list', edited((d) => (d['sm:pages'] = { url: 'x' })), 'export_import_invalid'],
    ['an id that is no UUID', edited((d) => (d.first.items[0].id = 'urn:uuid:not-a-uuid')), 'export_import_invalid'],
    ['no annotations at all', '{"type":"AnnotationCollection","total":0}', 'export_import_empty'],
    ['annotations without any quoted text', JSON.stringify([{ type: 'Annotation', target: 'https://a.example/' }]), 'export_import_empty'],
  ];
  it.each(cases)('%s', (_name, text, key) => {
    const result = parseImport(text, empty);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.key).toBe(key);
    expect(result.error.detail.length).toBeGreaterThan(0);
  });

  it('says where a schema violation is', () => {
    const result = parseImport(edited((d) => (d.first.items[0].target.selector[1].start = '4')), empty);
    expect(!result.ok && result.error.detail).toMatch(/^annotation 1\.target\.selector\[1\]\.start: /);
  });

  it('refuses an oversized file before parsing it, counting UTF-8 bytes', () => {
    // Each 中 is three bytes: under the limit in characters, over it in bytes.
    const cjk = `"${'中'.repeat(Math.ceil(IMPORT_MAX_BYTES / 3) + 1)}"`;
    expect(cjk.length).toBeLessThan(IMPORT_MAX_BYTES);
    for (const text of [' '.repeat(IMPORT_MAX_BYTES + 1), cjk]) {
      const result = parseImport(text, empty);
      expect(!result.ok && result.error.key).toBe('export_import_too_large');
    }
  });

  it('tells whether a file fits in the one message that takes it to the background, escaping counted', () => {
    expect(fitsOneMessage(ours)).toBe(true);
    // Under the file limit, but a tab is two bytes in the message: 40 MiB of them is 80.
    const tabs = '\t'.repeat(40 * 1024 * 1024);
    expect(tabs.length).toBeLessThan(IMPORT_MAX_BYTES);
    expect(fitsOneMessage(tabs)).toBe(false);
  });

  it('refuses more annotations than the limit', () => {
    const items = Array.from({ length: IMPORT_MAX_ANNOTATIONS + 1 }, () => ({ type: 'Annotation' }));
    const result = parseImport(JSON.stringify({ type: 'AnnotationPage', items }), empty);
    expect(!result.ok && result.error.key).toBe('export_import_too_many');
  });
});

describe('parseImport reads W3C annotations from other tools', () => {
  it('takes one annotation, an array, a page, a collection with items or with embedded pages', () => {
    const a = foreign({ id: 'https://tool.example/a/1' });
    const b = foreign({ id: 'https://tool.example/a/2' });
    const shapes = [
      [a],
      [a, b],
      { type: 'AnnotationPage', items: [a, b] },
      { type: 'AnnotationCollection', items: [a, b] },
      { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [a], next: { type: 'AnnotationPage', items: [b] } } },
      { type: ['AnnotationCollection'], first: { items: [a, b] } },
    ];
    for (const shape of shapes) {
      const text = JSON.stringify(Array.isArray(shape) && shape.length === 1 ? shape[0] : shape);
      const result = parseImport(text, empty);
      expect(result.ok && result.highlights.length).toBe(Array.isArray(shape) ? shape.length : 2);
    }
  });

  it('maps selectors, note, times and the page URL to our records', () => {
    const annotation = foreign({
      id: 'https://tool.example/a/1',
      created: '2021-03-04T05:06:07.123456+00:00',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'politics' },
        { type: 'TextualBody', purpose: 'commenting', value: 'first thought' },
        { type: 'TextualBody', value: 'second thought' },
      ],
    });
    const result = parseImport(JSON.stringify(annotation), empty);
    if (!result.ok) throw new Error(result.error.detail);
    const [h] = result.highlights;
    expect(h).toMatchObject({
      pageUrl: 'https://other.example.com/story',
      quote: 'the quoted words',
      color: 'yellow',
      note: 'first thought\n\nsecond thought',
      created: '2021-03-04T05:06:07.123Z',
      updated: '2021-03-04T05:06:07.123Z',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'the quoted words', prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start: 100, end: 116 },
      ],
    });
    // Its page is new, so a page record comes with it, titled by URL until visited.
    expect(result.pages).toEqual([
      {
        url: 'https://other.example.com/story',
        title: 'https://other.example.com/story',
        publisher: null,
        provenance: null,
        firstSeen: h!.created,
        lastSeen: h!.created,
      },
    ]);
  });

  it('reads a CSS selector refined by a position as our range hint, and ignores selectors it does not know', () => {
    const annotation = foreign({});
    annotation.target.selector.push(
      { type: 'XPathSelector', value: '/html/body/p[2]' } as never,
      { type: 'CssSelector', value: 'article > p:nth-of-type(2)', refinedBy: { type: 'TextPositionSelector', start: 3, end: 19 } } as never,
    );
    const result = parseImport(JSON.stringify(annotation), empty);
    expect(result.ok && result.highlights[0]!.selectors.map((s) => s.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
      'RangeHintSelector',
    ]);
  });

  it('gives a foreign annotation the same id on every import, so a second import merges', () => {
    // Dated, so that the second import's copies go to the merge (an undated one is kept as the library has it).
    const modified = '2020-01-01T00:00:00Z';
    const text = JSON.stringify([foreign({ id: 'https://tool.example/a/1', modified }), foreign({ id: 'https://tool.example/a/2', modified })]);
    const first = parseImport(text, empty);
    if (!first.ok) throw new Error(first.error.detail);
    const ids = first.highlights.map((h) => h.id);
    expect(new Set(ids).size).toBe(2);
    const again = parseImport(text, { pageUrls: new Set([first.pages[0]!.url]), highlightIds: new Set(ids), now: NOW });
    expect(again.ok && again.highlights.map((h) => h.id)).toEqual(ids);
    expect(again.ok && again.preview).toMatchObject({ newHighlights: 0, mergedHighlights: 2, newPages: 0 });
    // The page is already in the library: no stub would overwrite its title.
    expect(again.ok && again.pages).toEqual([]);
  });

  it('takes a note on a whole page as that page’s note; skips, and counts, what neither quotes text nor notes a page', () => {
    const pageNote = { type: 'Annotation', body: { type: 'TextualBody', value: 'about the page' }, target: 'https://a.example/?utm_source=x' };
    const bookmark = { type: 'Annotation', target: 'https://b.example/' };
    const region = { type: 'Annotation', body: { value: 'a face' }, target: { source: 'https://a.example/p.jpg', selector: { type: 'FragmentSelector', value: 'xywh=1,2,3,4' } } };
    const result = parseImport(JSON.stringify([pageNote, bookmark, region, foreign({})]), empty);
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.preview).toMatchObject({ newHighlights: 1, pageNotes: 1, skipped: 2 });
    expect(result.notes).toEqual([{ url: 'https://a.example/', note: 'about the page', updated: NOW }]);
    // A page known only by its note is named by its address.
    expect(result.pages.find((p) => p.url === 'https://a.example/')).toMatchObject({ title: 'https://a.example/', firstSeen: NOW });
  });

  it('imports a file of page notes alone, several on one page joined in file order, dated by the latest', () => {
    const note = (value: string, modified?: string) => ({ type: 'Annotation', body: { value }, target: { source: 'https://a.example/' }, ...(modified ? { modified } : {}) });
    const result = parseImport(JSON.stringify([note('first', '2025-01-01T00:00:00Z'), note('second', '2025-03-01T00:00:00Z'), note('third')]), empty);
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.notes).toEqual([{ url: 'https://a.example/', note: 'first\n\nsecond\n\nthird', updated: '2025-03-01T00:00:00.000Z' }]);
    expect(result.highlights).toEqual([]);
  });

  it('never lets a page note the file gives no date for replace one the library holds', () => {
    const undated = JSON.stringify({ type: 'Annotation', body: { value: 'from the file' }, target: 'https://a.example/' });
    const result = parseImport(undated, { ...empty, pageUrls: new Set(['https://a.example/']), notedPageUrls: new Set(['https://a.example/']) });
    expect(result.ok && [result.notes, result.pages]).toEqual([[], []]);
  });

  it('takes no page note on anything but a web page', () => {
    const onFile = JSON.stringify([{ type: 'Annotation', body: { value: 'x' }, target: 'file:///etc/passwd' }, foreign({})]);
    const result = parseImport(onFile, empty);
    expect(result.ok && result.notes).toEqual([]);
    expect(result.ok && result.preview.skipped).toBe(1);
  });

  it('skips highlights on anything but a web page: the library would open a data: or file: URL', () => {
    const onPages = ['data:text/html,<h1>Sign in</h1>', 'file:///etc/passwd', 'javascript:alert(1)', 'urn:x-pdf:1234', 'chrome://settings'].map((source) =>
      foreign({ target: { ...foreign({}).target, source } }),
    );
    const result = parseImport(JSON.stringify([...onPages, foreign({})]), empty);
    expect(result.ok && result.preview).toMatchObject({ newHighlights: 1, skipped: 5 });
    expect(result.ok && result.highlights.map((h) => h.pageUrl)).toEqual(['https://other.example.com/story']);
    // Ours too, whose URLs otherwise pass unchanged.
    const forged = edited((doc) => {
      doc.first.items[0].target.source = 'data:text/html,x';
      doc['sm:pages'][0].url = 'data:text/html,x';
    });
    expect(parseImport(forged, empty)).toMatchObject({ ok: false, error: { key: 'export_import_empty' } });
  });

  it('takes no date after the import (it would win every later merge), and no page without a highlight on it', () => {
    const future = edited((doc) => {
      doc.first.items[0].created = '2099-01-01T00:00:00.000Z';
      doc.first.items[0].modified = '2099-06-01T00:00:00.000Z';
      doc['sm:pages'].push({ ...doc['sm:pages'][0], url: 'https://news.example.com/never-highlighted' });
    });
    const result = parseImport(future, empty);
    expect(result.ok && result.highlights.map((h) => [h.created, h.updated])).toEqual([[NOW, NOW]]);
    expect(result.ok && result.pages.map((p) => p.url)).toEqual([page.url]);
  });

  it('never lets a copy the file gives no date of its own replace one the library holds', () => {
    const undated = foreign({ id: 'https://tool.example/a/1' });
    const dated = foreign({ id: 'https://tool.example/a/2', modified: '2025-01-01T00:00:00Z' });
    const future = foreign({ id: 'https://tool.example/a/3', modified: '2099-01-01T00:00:00Z' });
    const text = JSON.stringify([undated, dated, future]);
    const first = parseImport(text, empty);
    if (!first.ok) throw new Error(first.error.detail);
    // Into an empty library each is new, stamped with the import's time where it has none (or one ahead of it).
    expect(first.highlights.map((h) => h.updated)).toEqual([NOW, '2025-01-01T00:00:00.000Z', NOW]);
    const again = parseImport(text, { pageUrls: new Set([first.pages[0]!.url]), highlightIds: new Set(first.highlights.map((h) => h.id)), now: NOW });
    if (!again.ok) throw new Error(again.error.detail);
    // Only the dated copy goes to the merge (newer wins there); the others are kept as the library has them.
    expect(again.highlights.map((h) => h.note === '' && h.updated)).toEqual(['2025-01-01T00:00:00.000Z']);
    expect(again.kept).toBe(2);
    expect(again.preview).toMatchObject({ newHighlights: 0, mergedHighlights: 3 });
  });

  it('reads the shapes the model allows beside ours: a graph, a source as a resource, a page as the target, refinements', () => {
    const css = (refinedBy: object) => ({ type: 'CssSelector', value: '#p1', refinedBy });
    const annotation = foreign({ id: 'https://tool.example/a/1' });
    annotation.target.selector.push(css({ type: 'TextQuoteSelector', exact: 'quoted' }) as never);
    const asResource = foreign({ id: 'https://tool.example/a/2', target: { ...foreign({}).target, source: { id: 'https://other.example.com/two', type: 'Text' } } });
    const pageNote = { type: 'Annotation', body: { value: 'about the page' }, target: { id: 'https://a.example/', type: 'Text', format: 'text/html' } };
    const result = parseImport(JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', '@graph': [annotation, asResource, pageNote] }), empty);
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.highlights.map((h) => [h.pageUrl, h.selectors.map((s) => s.type)])).toEqual([
      ['https://other.example.com/story', ['TextQuoteSelector', 'TextPositionSelector']],
      ['https://other.example.com/two', ['TextQuoteSelector', 'TextPositionSelector']],
    ]);
    // The page as the target, with a note: that page's note.
    expect(result.notes).toEqual([{ url: 'https://a.example/', note: 'about the page', updated: NOW }]);
    expect(result.preview.skipped).toBe(0);
    // A position refining a CSS selector is still read, and still checked.
    const refined = foreign({});
    refined.target.selector.push(css({ type: 'TextPositionSelector', start: -1, end: 3 }) as never);
    expect(parseImport(JSON.stringify(refined), empty)).toMatchObject({ ok: false, error: { key: 'export_import_invalid' } });
  });

  it('names another tool’s annotation by its id even when that is an urn:uuid that is no UUID', () => {
    const text = JSON.stringify(foreign({ id: 'urn:uuid:not-a-uuid' }));
    const first = parseImport(text, empty);
    const again = parseImport(text, empty);
    expect(first.ok && first.highlights[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.ok && again.highlights[0]!.id).toBe(first.ok && first.highlights[0]!.id);
  });

  it('takes each passage an annotation quotes, with its note', () => {
    const second = { source: 'https://other.example.com/story', selector: { type: 'TextQuoteSelector', exact: 'second passage' } };
    const annotation = foreign({ id: 'https://tool.example/a/1', bodyValue: 'both', target: [foreign({}).target, second] });
    const result = parseImport(JSON.stringify(annotation), empty);
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.highlights.map((h) => [h.quote, h.note])).toEqual([
      ['the quoted words', 'both'],
      ['second passage', 'both'],
    ]);
    expect(new Set(result.highlights.map((h) => h.id)).size).toBe(2);
    // Named by the target's place, a further passage is no other annotation's (one whose id is 'x#1').
    const lookalike = foreign({ id: 'https://tool.example/a/1#1' });
    const both = parseImport(JSON.stringify([annotation, lookalike]), empty);
    expect(both.ok && both.highlights).toHaveLength(3);
  });

  it('dates a highlight the file gives only an edit time by that time', () => {
    const result = parseImport(JSON.stringify(foreign({ modified: '2021-03-04T05:06:07Z' })), empty);
    expect(result.ok && result.highlights.map((h) => [h.created, h.updated])).toEqual([['2021-03-04T05:06:07.000Z', '2021-03-04T05:06:07.000Z']]);
  });

  it('keeps the later edit when a file holds one id twice', () => {
    const older = edited(() => {});
    const doc = JSON.parse(older);
    const newer = { ...doc.first.items[0], modified: '2025-01-01T00:00:00.000Z', 'sm:color': 'pink' };
    doc.first.items = [newer, doc.first.items[0]];
    const result = parseImport(JSON.stringify(doc), empty);
    expect(result.ok && result.highlights.map((h) => h.color)).toEqual(['pink']);
  });
});

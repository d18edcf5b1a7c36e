import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasPageNote, type PageRecord } from '../../../utils/annotation-types';
import { escapeMarkdown, toMarkdown } from '../../../utils/export/markdown';
import { creditLine, sourceLine } from '../../../utils/export/provenance-text';
import { english } from '../../../utils/reasons';
import { quoteHighlight } from '../../helpers/records';
import { exportBundle } from './records';

/**
 * A reader for the front matter we write: `key: "string"` or `key:` followed by `  - "string"`
 * items. Anything else in the block fails the test, so page text can't add keys or end it early.
 */
function readFrontMatter(markdown: string): { fields: Record<string, string | string[]>; body: string } {
  const lines = markdown.split('\n');
  expect(lines[0]).toBe('---');
  const end = lines.indexOf('---', 1);
  expect(end).toBeGreaterThan(0);
  const fields: Record<string, string | string[]> = {};
  let list: string[] | null = null;
  for (const line of lines.slice(1, end)) {
    const scalar = /^([a-z_]+): (".*")$/.exec(line);
    const listStart = /^([a-z_]+):$/.exec(line);
    const item = /^ {2}- (".*")$/.exec(line);
    if (scalar) fields[scalar[1]!] = JSON.parse(scalar[2]!) as string;
    else if (listStart) fields[listStart[1]!] = list = [];
    else if (item && list) list.push(JSON.parse(item[1]!) as string);
    else throw new Error(`not front matter we write: ${JSON.stringify(line)}`);
  }
  return { fields, body: lines.slice(end + 1).join('\n') };
}

// Our own syntax in the body: page headings, quote markers, the metadata list of multi-page files,
// "**Note:**", "**Page note:**", and links whose target is an http(s) URL in angle brackets.
const OUR_LINK = /\[(?:[^[\]\\]|\\.)*\]\(<https?:\/\/[^\s<>]*>\)/g;
const OUR_LINE_START = /^(?:## |> ?|- (?:URL|Publisher|Published|Source chain|Credits): |\*\*(?:Page note|Note):\*\* )/;

/** What is left of a body line once escapes and our own syntax are taken out; must be inert. */
function unescapedSyntax(line: string): string[] {
  // A backslash ending the line is our hard break inside a note.
  const rest = line.replace(OUR_LINK, 'L').replace(OUR_LINE_START, '').replace(/\\[!-/:-@[-`{-~]/g, 'x').replace(/\\$/, '');
  const found: string[] = [...(rest.match(/[[\]<>`*_~=$%|&^#\\]/g) ?? [])];
  if (/^\s|^[-+]|^\d+[.)]/.test(rest)) found.push(`line start ${JSON.stringify(rest.slice(0, 3))}`);
  return found;
}

describe('toMarkdown', () => {
  it('writes front matter whose values read back exactly, and a body with no live syntax from the page', () => {
    fc.assert(
      fc.property(exportBundle(), (bundle) => {
        const markdown = toMarkdown(bundle);
        const { fields, body } = readFrontMatter(markdown);
        expect(fields.exported).toBe(bundle.exportedAt);
        const pagesShown = new Set([...bundle.highlights.map((h) => h.pageUrl), ...bundle.pages.filter(hasPageNote).map((p) => p.url)]);
        if (pagesShown.size === 1) {
          const page = bundle.pages.find((p) => pagesShown.has(p.url))!;
          expect(fields.title).toBe(page.title);
          expect(fields.url).toBe(page.url);
          expect(fields.publisher).toBe(page.publisher ?? page.provenance?.publisher ?? undefined);
          expect(fields.source_chain).toEqual(page.provenance?.sources.length ? page.provenance.sources.map((s) => sourceLine(s, english)) : undefined);
          expect(fields.credits).toEqual(page.provenance?.credits.length ? page.provenance.credits.map((c) => creditLine(c, english)) : undefined);
        }
        for (const line of body.split('\n')) expect(unescapedSyntax(line), line).toEqual([]);
        // The front matter is the only block between --- lines.
        expect(body.split('\n').filter((l) => /^\s*(---|\*\*\*|___)\s*$/.test(l))).toEqual([]);
      }),
      { numRuns: 50 },
    );
  }, 60_000);

  const escapes: Array<[string, string]> = [
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['<img src=x onerror=alert(1)>', '\\<img src\\=x onerror\\=alert(1)\\>'],
    ['# Heading', '\\# Heading'],
    ['---', '\\---'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['12. item', '12\\. item'],
    ['3) item', '3\\) item'],
    ['    code', 'code'],
    ['![[Secret note]]', '!\\[\\[Secret note\\]\\]'],
    ['==mark== %%c%% $x$ #tag ^id', '\\=\\=mark\\=\\= \\%\\%c\\%\\% \\$x\\$ \\#tag \\^id'],
    ['&#106;avascript', '\\&\\#106;avascript'],
    ['a\\', 'a\\\\'],
    ['新闻 2024. 😀', '新闻 2024. 😀'],
  ];
  it.each(escapes)('escapes %j', (input, line) => {
    expect(escapeMarkdown(input)).toEqual([line]);
  });

  it('quotes every line of a multi-line highlight and keeps the note, colour and passage link', () => {
    const page: PageRecord = {
      url: 'https://news.example.com/a?id=1',
      title: 'T',
      publisher: null,
      provenance: null,
      firstSeen: '2024-01-01T00:00:00.000Z',
      lastSeen: '2024-01-01T00:00:00.000Z',
    };
    const h = quoteHighlight(page.url, 'first line\n\nsecond line', {
      id: '3b241101-e2bb-4255-8caf-4136c566a962',
      color: 'purple',
      note: 'why it matters',
      created: '2024-01-01T00:00:00.000Z',
      updated: '2024-01-01T00:00:00.000Z',
    });
    const { body } = readFrontMatter(toMarkdown({ pages: [page], highlights: [h], exportedAt: h.created }));
    // The lines are blocks of the page: the link matches each in its own (textStart,textEnd).
    expect(body).toContain('> first line\n>\n> second line\n\n**Note:** why it matters\n\nColour: Purple · [open passage](<https://news.example.com/a?id=1#:~:text=first%20line,second%20line>)');
  });

  it('writes a page address into a link as it is: an entity or a backslash in it is not read as Markdown', () => {
    const url = 'https://news.example.com/a?x=1&amp;y=2&q=a\\*b';
    const page: PageRecord = { url, title: 'T', publisher: null, provenance: null, firstSeen: '2024-01-01T00:00:00.000Z', lastSeen: '2024-01-01T00:00:00.000Z' };
    const { body } = readFrontMatter(toMarkdown({ pages: [page], highlights: [quoteHighlight(url, '要点')], exportedAt: page.firstSeen }));
    expect(body).toContain('(<https://news.example.com/a?x=1\\&amp;y=2\\&q=a\\\\*b#:~:text=');
  });

  it('keeps the lines and paragraphs of a note: a plain newline would join them in note apps', () => {
    const page: PageRecord = { url: 'https://news.example.com/b', title: 'T', publisher: null, provenance: null, firstSeen: '2024-01-01T00:00:00.000Z', lastSeen: '2024-01-01T00:00:00.000Z' };
    const h = quoteHighlight(page.url, '要点', { note: '第一行\r\n- 第二行\n\n第二段', created: '2024-01-01T00:00:00.000Z', updated: '2024-01-01T00:00:00.000Z' });
    const { body } = readFrontMatter(toMarkdown({ pages: [page], highlights: [h], exportedAt: h.created }));
    expect(body).toContain('**Note:** 第一行\\\n\\- 第二行\n\n第二段\n');
  });

  it('shows dates as readers read them in the text, and keeps the front matter ISO for note apps', () => {
    const provenance = {
      publisher: '海南信息港',
      originalTitle: null,
      publishedAt: '2024-02-23T09:42:00+08:00',
      sources: [{ outlet: '海南信息港', role: 'publisher' as const, via: null, date: '2024-02-23T01:42:00Z', evidence: '海南信息港' }],
      credits: [],
    };
    const page = (url: string): PageRecord => ({ url, title: 'T', publisher: null, provenance, firstSeen: '2024-01-01T00:00:00.000Z', lastSeen: '2024-01-01T00:00:00.000Z' });
    const [a, b] = [page('https://news.example.com/a'), page('https://news.example.com/b')];
    const one = toMarkdown({ pages: [a], highlights: [quoteHighlight(a.url, 'x')], exportedAt: '2024-03-01T00:00:00.000Z' }, english, 'Asia/Shanghai');
    expect(readFrontMatter(one).fields).toMatchObject({ published: '2024-02-23T09:42:00+08:00', source_chain: ['海南信息港 (publisher, 2024-02-23 09:42)'] });
    const both = toMarkdown({ pages: [a, b], highlights: [quoteHighlight(a.url, 'x'), quoteHighlight(b.url, 'y', { id: '00000000-0000-4000-8000-000000000002' })], exportedAt: '2024-03-01T00:00:00.000Z' }, english, 'Asia/Shanghai');
    expect(both).toContain('- Published: 2024-02-23 09:42\n');
    expect(both).toContain('- Source chain: 海南信息港 (publisher, 2024-02-23 09:42)\n');
  });

  it('links nothing for a page that is not http(s)', () => {
    const bundle = fc.sample(exportBundle(), { numRuns: 1, seed: 7 })[0]!;
    const pages = bundle.pages.map((p) => ({ ...p, url: 'javascript:alert(1)' }));
    const highlights = bundle.highlights.map((h) => ({ ...h, pageUrl: 'javascript:alert(1)' }));
    const markdown = toMarkdown({ ...bundle, pages, highlights });
    // No link: a `](` of the page's text is escaped, `\](`.
    expect(markdown).not.toMatch(/(?<!\\)\]\(/);
  });
});

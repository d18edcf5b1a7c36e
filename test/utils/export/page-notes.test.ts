import Papa from 'papaparse';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { PageRecord } from '../../../utils/annotation-types';
import { toCsv } from '../../../utils/export/csv';
import { exportFile } from '../../../utils/export';
import { toHtml } from '../../../utils/export/html';
import { toMarkdown } from '../../../utils/export/markdown';
import { toW3cJson } from '../../../utils/export/w3c-json';
import { quoteHighlight } from '../../helpers/records';

const NOTED: PageRecord = {
  url: 'https://www.cankaoxiaoxi.com/world/1.shtml',
  title: '美媒：美国在中东部署更多战机',
  publisher: '参考消息网',
  provenance: null,
  firstSeen: '2024-02-23T01:00:00.000Z',
  lastSeen: '2024-02-23T01:00:00.000Z',
  note: 'The 参考消息 original says otherwise.\n<b>Check</b> the 联合早报 piece.',
  noteUpdated: '2024-02-24T09:30:00.000Z',
};
const ALONE: PageRecord = { ...NOTED, url: 'https://only.example.org/a', title: 'Only a note', note: 'why I kept this', noteUpdated: '2024-02-25T00:00:00.000Z' };
const PLAIN: PageRecord = { ...NOTED, url: 'https://plain.example.org/b', title: 'No note', note: undefined, noteUpdated: undefined };
const h = quoteHighlight(NOTED.url, '美国在中东部署更多战机');
const bundle = { pages: [NOTED, ALONE, PLAIN], highlights: [h, quoteHighlight(PLAIN.url, 'plain', { id: '00000000-0000-4000-8000-000000000002' })], exportedAt: '2024-03-01T00:00:00.000Z' };

describe('page notes in the exports', () => {
  it('Markdown writes the note under the page’s details, a page with only a note too, its lines kept and its text inert', () => {
    const md = toMarkdown(bundle, undefined, 'UTC');
    const section = md.slice(md.indexOf(`## ${NOTED.title}`), md.indexOf('## Only a note'));
    expect(section.indexOf('**Page note:** The 参考消息 original says otherwise.\\\n\\<b\\>Check\\</b\\> the 联合早报 piece.')).toBeGreaterThan(section.indexOf('- Publisher:'));
    expect(section.indexOf('**Page note:**')).toBeLessThan(section.indexOf('> 美国在中东部署更多战机'));
    expect(md).toContain('## Only a note\n\n- URL: [https://only.example.org/a](<https://only.example.org/a>)\n- Publisher: 参考消息网\n\n**Page note:** why I kept this');
    expect(md.slice(md.indexOf('## No note'))).not.toContain('Page note');
  });

  it('HTML writes it as text under the page’s details, its lines kept', () => {
    const doc = new JSDOM(toHtml(bundle, undefined, 'UTC')).window.document;
    const sections = [...doc.querySelectorAll('section')];
    const note = sections[0]!.querySelector('.page-note')!;
    expect(note.previousElementSibling?.tagName).toBe('DL');
    expect(note.textContent).toBe(`Page note: ${NOTED.note}`);
    expect(note.querySelector('b')).toBeNull();
    expect(doc.querySelector('style')!.textContent).toMatch(/\.page-note \{[^}]*white-space: pre-wrap/);
    expect(sections.map((s) => s.querySelectorAll('.page-note').length)).toEqual([1, 1, 0]);
  });

  it('W3C JSON writes it as a commenting annotation of the page itself, with no selector, and once', () => {
    const doc = JSON.parse(toW3cJson(bundle));
    const notes = doc.first.items.filter((a: { target: { selector?: unknown } }) => a.target.selector === undefined);
    expect(notes).toEqual([
      expect.objectContaining({ type: 'Annotation', motivation: 'commenting', modified: NOTED.noteUpdated, body: { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: NOTED.note }, target: { source: NOTED.url } }),
      expect.objectContaining({ motivation: 'commenting', body: expect.objectContaining({ value: 'why I kept this' }), target: { source: ALONE.url } }),
    ]);
    expect(notes[0].id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(doc.total).toBe(doc.first.items.length);
    expect(doc['sm:pages'].some((p: object) => 'note' in p || 'noteUpdated' in p)).toBe(false);
  });

  it('CSV leaves it out, a row per highlight as Readwise reads them: no row without a passage', () => {
    const rows = Papa.parse<string[]>(toCsv(bundle).slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4], r[5]])).toEqual([
      [h.quote, NOTED.title, '', '1'],
      ['plain', 'No note', '', '1'],
    ]);
  });

  it('names the file of one page with only a note after that page', () => {
    expect(exportFile('markdown', { pages: [ALONE, PLAIN], highlights: [], exportedAt: bundle.exportedAt }).filename).toMatch(/^Only a note/);
  });
});

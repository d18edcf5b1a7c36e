import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../utils/export/import';
import { toW3cJson } from '../../../utils/export/w3c-json';
import { importableBundle, notesOf, withoutNote } from './records';

const empty = { pageUrls: new Set<string>(), highlightIds: new Set<string>(), now: '2100-01-01T00:00:00.000Z' };

describe('JSON export -> import', () => {
  it('restores exactly the pages, highlights and page notes that were exported', () => {
    fc.assert(
      fc.property(importableBundle('binary'), (bundle) => {
        const result = parseImport(toW3cJson(bundle), empty);
        if (!result.ok) throw new Error(`${result.error.key}: ${result.error.detail}`);
        expect(result.pages).toEqual(bundle.pages.map(withoutNote));
        expect(result.highlights).toEqual(bundle.highlights);
        expect(result.notes).toEqual(notesOf(bundle.pages));
        expect(result.preview).toEqual({
          newPages: bundle.pages.length,
          existingPages: 0,
          newHighlights: bundle.highlights.length,
          mergedHighlights: 0,
          pageNotes: notesOf(bundle.pages).length,
          skipped: 0,
        });
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('previews a second import of the same file as all merged, nothing new', () => {
    fc.assert(
      fc.property(importableBundle(), (bundle) => {
        const current = {
          pageUrls: new Set(bundle.pages.map((p) => p.url)),
          highlightIds: new Set(bundle.highlights.map((h) => h.id)),
          now: empty.now,
        };
        const result = parseImport(toW3cJson(bundle), current);
        expect(result.ok && result.preview).toEqual({
          newPages: 0,
          existingPages: bundle.pages.length,
          newHighlights: 0,
          mergedHighlights: bundle.highlights.length,
          pageNotes: notesOf(bundle.pages).length,
          skipped: 0,
        });
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});

// idb recognises requests by the global IDB* classes, which Node lacks.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HighlightRecord } from '../../../utils/annotation-types';
import { openAnnotationDb, type AnnotationStore } from '../../../utils/db';
import { parseImport } from '../../../utils/export/import';
import { toW3cJson } from '../../../utils/export/w3c-json';
import { importableBundle, notesOf } from './records';

const NOW = '2100-01-01T00:00:00.000Z';

/** Everything the library can see, in an order that does not depend on how it was written. */
async function snapshot(store: AnnotationStore) {
  const byId = (a: HighlightRecord, b: HighlightRecord) => (a.id < b.id ? -1 : 1);
  return {
    pages: (await store.listPages()).sort((a, b) => (a.url < b.url ? -1 : 1)),
    highlights: (await store.allHighlights()).sort(byId),
  };
}

async function importText(store: AnnotationStore, text: string) {
  const before = await snapshot(store);
  const result = parseImport(text, {
    pageUrls: new Set(before.pages.map((p) => p.url)),
    highlightIds: new Set(before.highlights.map((h) => h.id)),
    notedPageUrls: new Set(before.pages.filter((p) => p.note).map((p) => p.url)),
    now: NOW,
  });
  if (result.ok) await store.importRecords(result.pages, result.highlights, result.notes);
  return result;
}

describe('export JSON -> wipe -> import, through the database', () => {
  it('leaves the database as it was, page notes included', async () => {
    await fc.assert(
      fc.asyncProperty(importableBundle('binary'), async (bundle) => {
        const original = await openAnnotationDb(new IDBFactory());
        await original.importRecords(bundle.pages, bundle.highlights, notesOf(bundle.pages));
        const saved = await snapshot(original);
        const text = toW3cJson({ pages: saved.pages.map(({ highlightCount: _, ...p }) => p), highlights: saved.highlights, exportedAt: NOW });
        original.close();

        const wiped = await openAnnotationDb(new IDBFactory());
        const result = await importText(wiped, text);
        expect(result.ok).toBe(true);
        expect(await snapshot(wiped)).toEqual(saved);
        wiped.close();
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('changes nothing when the file is truncated or breaks the schema', async () => {
    const [bundle] = fc.sample(importableBundle(), { numRuns: 1, seed: 5 });
    const store = await openAnnotationDb(new IDBFactory());
    await store.importRecords(bundle!.pages, bundle!.highlights, notesOf(bundle!.pages));
    const before = await snapshot(store);
    const other = fc.sample(importableBundle(), { numRuns: 1, seed: 6 })[0]!;
    const text = toW3cJson(other);
    const broken = JSON.parse(text);
    broken.first.items.at(-1).target.selector = [{ type: 'TextPositionSelector', start: 'x', end: 1 }];
    for (const bad of [text.slice(0, text.length - 10), JSON.stringify(broken)]) {
      expect((await importText(store, bad)).ok).toBe(false);
      expect(await snapshot(store)).toEqual(before);
    }
    store.close();
  });
});

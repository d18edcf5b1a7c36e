import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hantFoldPairs, hantTableSource, provenanceHanChars } from '../../scripts/lib/hant-table';

const installed = (JSON.parse(readFileSync(new URL('../../node_modules/opencc-js/package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('the traditional-to-simplified table', () => {
  it('is what `npm run gen:hant` writes for provenance’s sources from the installed OpenCC (run it after adding a pattern)', () => {
    const committed = readFileSync(new URL('../../utils/provenance/hant-table.ts', import.meta.url), 'utf8');
    expect(committed).toBe(hantTableSource(hantFoldPairs(provenanceHanChars()), installed));
  });

  it('is what `npm run gen:hant` writes for the library search, every character, from the installed OpenCC', () => {
    const committed = readFileSync(new URL('../../utils/library-hant-table.ts', import.meta.url), 'utf8');
    expect(committed).toBe(hantTableSource(hantFoldPairs(), installed));
  });

  it('maps single characters to single characters, each once, and never to a key', () => {
    const pairs = hantFoldPairs(provenanceHanChars());
    for (const [traditional, simplified] of pairs) {
      expect([traditional.length, simplified.length]).toEqual([1, 1]);
      expect(pairs.has(simplified)).toBe(false);
    }
    expect(pairs.get('據')).toBe('据');
    expect(pairs.get('為')).toBe('为');
    expect(pairs.has('么')).toBe(false);
  });

  it('folds every character when no set is given', () => {
    const pairs = hantFoldPairs();
    expect([pairs.get('經'), pairs.get('濟'), pairs.get('裡')]).toEqual(['经', '济', '里']);
    expect(pairs.size).toBeGreaterThan(hantFoldPairs(provenanceHanChars()).size);
  });

  it('folds only to characters provenance’s patterns hold', () => {
    const pairs = hantFoldPairs(new Set(['据', '报']));
    expect([...pairs.values()].sort()).toEqual(['报', '据']);
    expect(pairs.get('報')).toBe('报');
  });
});

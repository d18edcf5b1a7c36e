/**
 * `npm run gen:hant`: writes the traditional-to-simplified tables from the installed opencc-js:
 * utils/provenance/hant-table.ts for the characters provenance's sources hold, and
 * utils/library-hant-table.ts, every character, for the library search.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { hantFoldPairs, hantTableSource, provenanceHanChars } from './lib/hant-table';

const { version } = JSON.parse(readFileSync(new URL('../node_modules/opencc-js/package.json', import.meta.url), 'utf8')) as { version: string };
for (const [path, pairs] of [
  ['../utils/provenance/hant-table.ts', hantFoldPairs(provenanceHanChars())],
  ['../utils/library-hant-table.ts', hantFoldPairs()],
] as const) {
  const table = new URL(path, import.meta.url);
  writeFileSync(table, hantTableSource(pairs, version));
  console.log(`${pairs.size} characters written to ${table.pathname}`);
}

/** `npm run gen:hant`: writes utils/provenance/hant-table.ts from the installed opencc-js, for the characters provenance's sources hold. */
import { readFileSync, writeFileSync } from 'node:fs';
import { hantFoldPairs, hantTableSource, provenanceHanChars } from './lib/hant-table';

const TABLE = new URL('../utils/provenance/hant-table.ts', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('../node_modules/opencc-js/package.json', import.meta.url), 'utf8')) as { version: string };
const pairs = hantFoldPairs(provenanceHanChars());
writeFileSync(TABLE, hantTableSource(pairs, version));
console.log(`${pairs.size} characters written to ${TABLE.pathname}`);

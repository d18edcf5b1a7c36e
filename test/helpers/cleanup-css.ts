/**
 * The cleanup stylesheet the manifest declares for every page, read from disk (Vitest empties CSS
 * imports) so jsdom tests hide with the real file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// `import.meta.url` is not a file URL under the jsdom environment; `__dirname` still names this folder.
export const CLEANUP_CSS = readFileSync(join(__dirname, '../../entrypoints/cleanup.content.css'), 'utf8');

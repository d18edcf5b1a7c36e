/**
 * Saved page file → Document → Analysis: the one path shared by `npm run analyze` and `npm run eval`,
 * so the numbers eval prints describe exactly what the CLI (and the extension) produce.
 */
import { readFile, stat } from 'node:fs/promises';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Analysis } from '../../utils/analysis-types';
import { analyzeDocument } from '../../utils/analyze';
import { decodeHtml, looksBinary } from '../../utils/charset';

/** A problem with the input file itself, reported to the user as one line (no stack trace). */
export class InputError extends Error {}

/** A decoded, parsed page. */
export interface LoadedPage {
  doc: Document;
  /** The encoding the bytes were decoded with. */
  encoding: string;
}

/** Reads a page file, refusing what cannot be a saved page: missing, not a regular file, empty. */
export async function readPageBytes(path: string): Promise<Uint8Array> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError(`${path}: no such file`);
  if (info.isDirectory()) throw new InputError(`${path}: is a directory, not an HTML file`);
  if (!info.isFile()) throw new InputError(`${path}: not a regular file`);
  if (info.size === 0) throw new InputError(`${path}: file is empty`);
  return new Uint8Array(await readFile(path));
}

/**
 * Decodes and parses page bytes. `url` becomes the document URL so relative links resolve.
 * Page scripts never run and no resources load (jsdom's defaults, kept on purpose: the analysis must see
 * the saved markup, and evaluation must not hit the network); jsdom's own console chatter (CSS it
 * cannot parse) is dropped so the CLI's stderr carries only real errors.
 */
export function parsePage(bytes: Uint8Array, name: string, url?: string | null): LoadedPage {
  if (looksBinary(bytes)) throw new InputError(`${name}: looks like a binary file, not HTML`);
  const { text, encoding } = decodeHtml(bytes);
  // Any tag, comment or doctype will do: the point is to refuse plain text, not to validate HTML.
  if (!/<[a-z!/?]/i.test(text)) throw new InputError(`${name}: not HTML (no tag found)`);
  const dom = new JSDOM(text, { url: url ?? undefined, virtualConsole: new VirtualConsole() });
  return { doc: dom.window.document, encoding };
}

/** Reads, decodes and parses a page file. */
export async function loadPage(path: string, url?: string | null): Promise<LoadedPage> {
  return parsePage(await readPageBytes(path), path, url);
}

/** Runs the analysis core on a loaded page; the core falls back to canonical/og:url when `url` is absent. */
export function analyzePage(page: LoadedPage, url?: string | null): Analysis {
  return analyzeDocument(page.doc, { url: url ?? null });
}

/**
 * Reading the shared evaluation corpus (shared/corpus/README.md): its manifest, the ground truth
 * beside each page, the provenance labels, and the pages the labellers flagged as impaired.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { ProvenanceFields } from './metrics';

/** The corpus directory: $SOURCEMARK_CORPUS, else `../shared/corpus` beside the repo; null when absent. */
export function locateCorpus(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env.SOURCEMARK_CORPUS ? resolve(env.SOURCEMARK_CORPUS) : resolve(repoRoot, '../shared/corpus');
  return existsSync(join(dir, 'MANIFEST.tsv')) ? dir : null;
}

/** Parses a TSV with a header row into records keyed by column name (the corpus TSVs use no quoting). */
export function parseTsv(text: string): Array<Record<string, string>> {
  const [header, ...rows] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = (header ?? '').split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}

/** One MANIFEST.tsv row, reduced to what eval uses. */
export interface ManifestEntry {
  /** Path relative to the corpus, e.g. `gne/163__8.html`. */
  file: string;
  folder: string;
  lang: string;
  /** 'yes' | 'no' | anything else (e.g. 'unknown', left out of detection scores). */
  isArticle: string;
  /** The page URL from MARKERS.tsv when the dataset or page recorded one. */
  url: string | null;
}

/** The manifest's pages, in manifest order. */
export async function readManifest(corpus: string): Promise<ManifestEntry[]> {
  const manifest = parseTsv(await readFile(join(corpus, 'MANIFEST.tsv'), 'utf8'));
  const markers = existsSync(join(corpus, 'MARKERS.tsv'))
    ? parseTsv(await readFile(join(corpus, 'MARKERS.tsv'), 'utf8'))
    : [];
  const urls = new Map(markers.map((m) => [m.file, m.url_in_page_or_dataset]));
  return manifest.map((row) => ({
    file: row.file!,
    folder: dirname(row.file!),
    lang: row.lang ?? '',
    isArticle: row.is_article ?? '',
    url: urls.get(row.file!) || null,
  }));
}

/** What the corpus says the article body is: full text, or must-have / must-not-have snippets. */
export type BodyTruth =
  | { kind: 'text'; text: string }
  | { kind: 'snippets'; with: string[]; without: string[] };

const textOfHtml = (html: string): string =>
  new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document.body.textContent ?? '';

/**
 * The body ground truth beside a page, whatever form its dataset uses: `.gt.json` (`content`,
 * `articleBody`, or trafilatura's `with`/`without`), `.cleaned.txt` (cwced), `.expected.html`
 * (Readability's test set), `.txt` (newspaper4k). Null when the page has none.
 */
export async function readBodyTruth(corpus: string, file: string): Promise<BodyTruth | null> {
  const stem = join(corpus, file.replace(/\.html?$/, ''));
  const read = (suffix: string): Promise<string | null> =>
    existsSync(stem + suffix) ? readFile(stem + suffix, 'utf8') : Promise.resolve(null);

  const gt = await read('.gt.json');
  if (gt !== null) {
    const json = JSON.parse(gt) as { content?: unknown; articleBody?: unknown; with?: unknown; without?: unknown };
    const text = typeof json.content === 'string' ? json.content : json.articleBody;
    if (typeof text === 'string' && text.trim()) return { kind: 'text', text };
    if (Array.isArray(json.with) || Array.isArray(json.without)) {
      const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
      return { kind: 'snippets', with: strings(json.with), without: strings(json.without) };
    }
  }
  const expectedHtml = await read('.expected.html');
  if (expectedHtml !== null) return { kind: 'text', text: textOfHtml(expectedHtml) };
  const text = (await read('.cleaned.txt')) ?? (await read('.txt'));
  return text !== null && text.trim() ? { kind: 'text', text } : null;
}

/** A hand-made provenance label (labels/README.md). */
export type Label = ProvenanceFields & { file: string; notes?: string };

/** The label of a page (`labels/<folder>__<stem>.json`), or null when it has none. */
export async function readLabel(corpus: string, file: string): Promise<Label | null> {
  const name = `${dirname(file)}__${basename(file).replace(/\.html?$/, '')}.json`;
  const path = join(corpus, 'labels', name);
  if (!existsSync(path)) return null;
  const label = JSON.parse(await readFile(path, 'utf8')) as Label;
  return { ...label, title: label.title ?? null, sources: label.sources ?? [], credits: label.credits ?? [] };
}

/**
 * The pages labels/README.md lists under "Impaired or doubtful pages", as `folder/stem` → the reason
 * given there. Read from the README rather than copied so the list cannot drift from the labellers' notes.
 */
export function parseImpairedPages(readme: string): Map<string, string> {
  const section = /^## Impaired or doubtful pages\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
  const pages = new Map<string, string>();
  // Each entry is `folder/stem` followed by its reason in parentheses (which may itself hold backticks).
  for (const m of section.matchAll(/`([\w.-]+\/[\w.-]+)`\s*(?:\(((?:[^()]|\([^()]*\))*)\))?/g)) {
    pages.set(m[1]!, (m[2] ?? '').replace(/`/g, '').replace(/\s+/g, ' ').trim());
  }
  return pages;
}

/** The impaired-page list of a corpus (empty when the README is missing). */
export async function readImpairedPages(corpus: string): Promise<Map<string, string>> {
  const path = join(corpus, 'labels', 'README.md');
  return existsSync(path) ? parseImpairedPages(await readFile(path, 'utf8')) : new Map();
}

/** The `folder/stem` key used by the impaired list. */
export const pageKey = (file: string): string => file.replace(/\.html?$/, '');

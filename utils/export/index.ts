/** One entry point for the background's `export` message: a bundle in, a named file out. */
import type { ExportFormat } from '../messages';
import { english, type Translate } from '../reasons';
import { hasPageNote } from '../annotation-types';
import type { ExportBundle } from './bundle';
import { toCsv } from './csv';
import { exportFilename } from './filename';
import { toHtml } from './html';
import { toMarkdown } from './markdown';
import { toW3cJson } from './w3c-json';

export interface ExportedFile {
  filename: string;
  mime: string;
  text: string;
}

const FORMATS: Record<ExportFormat, { extension: string; mime: string; write: (b: ExportBundle, words: Translate, timeZone?: string) => string }> = {
  markdown: { extension: 'md', mime: 'text/markdown;charset=utf-8', write: toMarkdown },
  // .json rather than .jsonld: every system knows how to open it, and it is plain JSON.
  json: { extension: 'json', mime: 'application/json;charset=utf-8', write: toW3cJson },
  html: { extension: 'html', mime: 'text/html;charset=utf-8', write: toHtml },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8', write: toCsv },
};

/**
 * Named after the page when the bundle holds one, else "Sourcemark highlights", plus the date.
 * `words` are the reader's language: the labels and the chain's roles are written in it. Dates
 * people read are on the reader's clock (`timeZone` in tests); those programs read stay ISO.
 */
export function exportFile(format: ExportFormat, bundle: ExportBundle, words: Translate = english, timeZone?: string): ExportedFile {
  const { extension, mime, write } = FORMATS[format];
  const pageUrls = new Set([...bundle.highlights.map((h) => h.pageUrl), ...bundle.pages.filter(hasPageNote).map((p) => p.url)]);
  const only = pageUrls.size === 1 ? bundle.pages.find((p) => pageUrls.has(p.url)) : undefined;
  return {
    filename: exportFilename(only?.title ?? words('export_title', []), bundle.exportedAt, extension, timeZone),
    mime,
    text: write(bundle, words, timeZone),
  };
}

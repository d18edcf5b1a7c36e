/**
 * File names for exports, from the page title and the date, valid on Windows, macOS and Linux
 * and accepted by the browsers' download APIs.
 */
import { readableDate } from '../readable-date';
import { collapseSpace, wellFormed } from './plain-text';

/** ext4 and APFS allow 255 UTF-8 bytes; the margin leaves room for a browser's " (1)". */
export const MAX_FILENAME_BYTES = 200;

// Forbidden on Windows (and `/` everywhere), C0/C1 controls, and bidi/invisible format characters
// that could make "txt.exe" display as something else.
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Windows refuses these as a name before the first dot, in any case, with or without extension;
// superscript digits count too.
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const encoder = new TextEncoder();
const byteLength = (s: string): number => encoder.encode(s).length;

/** Cuts to at most `max` UTF-8 bytes without splitting a character, emoji or combining sequence. */
function truncateBytes(text: string, max: number): string {
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = byteLength(segment);
    if (used + size > max) break;
    out += segment;
    used += size;
  }
  return out;
}

/** Leading dots hide a file on Unix; trailing dots and spaces are dropped by Windows. */
const trimEdges = (s: string): string => s.replace(/^[\s.]+|[\s.]+$/g, '');

/** A safe file-name stem (no extension) from free text; `fallback` when nothing usable is left. */
export function sanitizeStem(text: string, maxBytes: number, fallback: string): string {
  let stem = trimEdges(collapseSpace(wellFormed(text).normalize('NFC').replace(FORBIDDEN, ' ')));
  stem = trimEdges(truncateBytes(stem, maxBytes));
  if (!stem) return fallback;
  return RESERVED.test(stem.split('.')[0]!.trim()) ? `_${stem}` : stem;
}

/**
 * "Title 2024-02-20.md". `date` is an ISO timestamp; its day on the reader's clock is used (`timeZone`
 * in tests), so an export made in Beijing at 07:00 is not named after the day before. `extension` has no dot.
 */
export function exportFilename(title: string, date: string, extension: string, timeZone?: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(readableDate(date, timeZone))?.[0];
  const suffix = `${day ? ` ${day}` : ''}.${extension}`;
  return sanitizeStem(title, MAX_FILENAME_BYTES - byteLength(suffix) - 1, 'Sourcemark') + suffix;
}

/**
 * Just enough YAML to write front matter: flat keys whose values are strings or lists of strings,
 * always double-quoted so page text can never end the block (`---`), start a comment, or be read
 * as a number, date, boolean or nested structure.
 */
import { wellFormed } from './plain-text';

// YAML 1.2 allows none of the C0/C1 controls raw, and YAML 1.1 readers (still common) treat NEL,
// LS and PS as line breaks; a BOM inside a value confuses some.
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function yamlString(value: string): string {
  const body = wellFormed(value)
    .replace(/[\\"]/g, '\\$&')
    .replace(NEEDS_ESCAPE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${body}"`;
}

export type FrontMatter = Array<[key: string, value: string | string[] | null]>;

/** The `---` block; null values and empty lists are left out rather than written as empty. */
export function frontMatter(fields: FrontMatter): string {
  const lines = ['---'];
  for (const [key, value] of fields) {
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    if (Array.isArray(value)) lines.push(`${key}:`, ...value.map((item) => `  - ${yamlString(item)}`));
    else lines.push(`${key}: ${yamlString(value)}`);
  }
  lines.push('---');
  return lines.join('\n');
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFilename, MAX_FILENAME_BYTES } from '../../../utils/export/filename';
import { hostileText } from './records';

const DATE = '2024-02-20T09:30:00.000Z';
const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('exportFilename', () => {
  const cases: Array<[string, string]> = [
    ['Plain title', 'Plain title 2024-02-20.md'],
    ['a/b:c*?', 'a b c 2024-02-20.md'],
    ['<x> "y" | z \\ w', 'x y z w 2024-02-20.md'],
    ['CON', '_CON 2024-02-20.md'],
    ['nul.txt', '_nul.txt 2024-02-20.md'],
    ['COM¹', '_COM¹ 2024-02-20.md'],
    ['Console', 'Console 2024-02-20.md'],
    ['...hidden', 'hidden 2024-02-20.md'],
    ['ends with dots... ', 'ends with dots 2024-02-20.md'],
    ['line\nbreak\ttab', 'line break tab 2024-02-20.md'],
    ['\u202Egpj.exe', 'gpj.exe 2024-02-20.md'],
    ['', 'Sourcemark 2024-02-20.md'],
    ['???', 'Sourcemark 2024-02-20.md'],
    ['国务院总理李强会见', '国务院总理李强会见 2024-02-20.md'],
  ];
  it.each(cases)('%j -> %j', (title, name) => expect(exportFilename(title, DATE, 'md')).toBe(name));

  it("is named after the export's day on the reader's clock, not in UTC", () => {
    // 07:30 in Beijing is still the day before in UTC.
    expect(exportFilename('T', '2024-02-20T23:30:00.000Z', 'md', 'Asia/Shanghai')).toBe('T 2024-02-21.md');
    expect(exportFilename('T', '2024-02-20T23:30:00.000Z', 'md', 'UTC')).toBe('T 2024-02-20.md');
  });

  it('cuts a 300-character Chinese title to the byte limit without splitting a character', () => {
    const title = '新华社记者报道国务院总理'.repeat(25);
    expect(title).toHaveLength(300);
    const name = exportFilename(title, DATE, 'md');
    expect(bytes(name)).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
    expect(bytes(name)).toBeGreaterThan(MAX_FILENAME_BYTES - 4);
    const stem = name.slice(0, -' 2024-02-20.md'.length);
    expect(title.startsWith(stem)).toBe(true);
  });

  it('keeps emoji sequences whole when cutting', () => {
    const family = '👨‍👩‍👧';
    const stem = exportFilename(family.repeat(40), DATE, 'csv').slice(0, -' 2024-02-20.csv'.length);
    expect(stem.length % family.length).toBe(0);
    expect(stem.replaceAll(family, '')).toBe('');
  });

  it('is a valid name on every OS for any title', () => {
    fc.assert(
      fc.property(hostileText('binary'), (title) => {
        const name = exportFilename(title, DATE, 'json');
        expect(bytes(name)).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
        expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f]/);
        expect(name).not.toMatch(/^[.\s]/);
        expect(name.split('.')[0]!.trim()).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
        expect(name.endsWith(' 2024-02-20.json')).toBe(true);
        expect(name).toBe(name.normalize('NFC'));
        expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
    );
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeHtml, looksBinary, normalizeCharset } from '../../utils/charset';

/** ASCII markup as bytes; TextEncoder writes UTF-8, which is ASCII for these strings. */
const ascii = (s: string): number[] => Array.from(new TextEncoder().encode(s));
const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : p)));

// 你好 written by hand: GBK cannot be produced with TextEncoder.
const NIHAO_GBK = [0xc4, 0xe3, 0xba, 0xc3];
const NIHAO_UTF8 = [0xe4, 0xbd, 0xa0, 0xe5, 0xa5, 0xbd];

describe('decodeHtml', () => {
  it('decodes UTF-8 even when the page declares gb2312 (stale declaration)', () => {
    const page = bytes('<meta charset="gb2312"><p>', NIHAO_UTF8, '</p>');
    expect(decodeHtml(page)).toEqual({ text: '<meta charset="gb2312"><p>你好</p>', encoding: 'utf-8' });
  });

  it('honours a gb2312 declaration on GBK bytes, decoding as GB18030', () => {
    const page = bytes('<meta charset=gb2312><p>', NIHAO_GBK, '</p>');
    expect(decodeHtml(page)).toEqual({ text: '<meta charset=gb2312><p>你好</p>', encoding: 'gb18030' });
  });

  it('reads the charset from http-equiv content-type', () => {
    const page = bytes('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GBK"><p>', NIHAO_GBK);
    expect(decodeHtml(page).text.endsWith('你好')).toBe(true);
  });

  it('falls back to GB18030 for undeclared invalid UTF-8', () => {
    const page = bytes('<html><p>', NIHAO_GBK, NIHAO_GBK, '</p>');
    expect(decodeHtml(page)).toEqual({ text: '<html><p>你好你好</p>', encoding: 'gb18030' });
  });

  it('honours a BOM and strips it', () => {
    expect(decodeHtml(bytes([0xef, 0xbb, 0xbf], '<p>', NIHAO_UTF8))).toEqual({ text: '<p>你好', encoding: 'utf-8' });
    const utf16le = bytes([0xff, 0xfe], [0x3c, 0, 0x70, 0, 0x3e, 0, 0x60, 0x4f, 0x7d, 0x59]);
    expect(decodeHtml(utf16le)).toEqual({ text: '<p>你好', encoding: 'utf-16le' });
  });

  it('keeps UTF-8 when a saver cut the last character in half', () => {
    const page = bytes('<p>', Array<number[]>(100).fill(NIHAO_UTF8).flat(), [0xe4, 0xbd]);
    expect(decodeHtml(page).encoding).toBe('utf-8');
  });

  it('ignores the charset of a <script> tag and declarations past the sniffed head', () => {
    const scriptOnly = bytes('<script charset="utf-8" src="a.js"></script><p>', NIHAO_GBK);
    expect(decodeHtml(scriptOnly).encoding).toBe('gb18030');
    const late = bytes(`<p>${' '.repeat(5000)}</p><meta charset="big5"><p>`, NIHAO_GBK);
    expect(decodeHtml(late).encoding).toBe('gb18030');
  });

  it('uses another declared legacy charset when the bytes are not UTF-8', () => {
    const page = bytes('<meta charset="windows-1252"><p>caf', [0xe9], '</p>');
    expect(decodeHtml(page)).toEqual({ text: '<meta charset="windows-1252"><p>café</p>', encoding: 'windows-1252' });
  });
});

describe('declaredCharset / normalizeCharset', () => {
  it('finds charset and http-equiv declarations, in either quote style', () => {
    expect(declaredCharset(`<meta charset='utf-8'>`)).toBe('utf-8');
    expect(declaredCharset('<meta http-equiv=content-type content="text/html;charset=gb2312" />')).toBe('gb2312');
    expect(declaredCharset('<meta name="description" content="charset=gbk">')).toBeNull();
    expect(declaredCharset('<p>no meta</p>')).toBeNull();
  });

  it('maps the GB family to GB18030 and rejects unknown labels', () => {
    expect(normalizeCharset('GB2312')).toBe('gb18030');
    expect(normalizeCharset('gbk')).toBe('gb18030');
    expect(normalizeCharset(' UTF8 ')).toBe('utf-8');
    expect(normalizeCharset('utf-16')).toBe('utf-8');
    expect(normalizeCharset('no-such-charset')).toBeNull();
  });
});

describe('looksBinary', () => {
  it('flags NUL bytes and control-character noise, not text', () => {
    expect(looksBinary(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe(true);
    expect(looksBinary(bytes([1, 2, 3, 4, 5, 6], '<p>'))).toBe(true);
    expect(looksBinary(bytes('<p>\tline\r\n</p>', NIHAO_GBK))).toBe(false);
    expect(looksBinary(bytes([0xff, 0xfe], [0x3c, 0]))).toBe(false);
  });
});

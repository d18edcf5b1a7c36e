/**
 * Decoding saved HTML bytes to text the way a reader would have seen the page.
 * Uses only TextDecoder so the same code runs in Node (CLI, eval) and in the browser.
 */

/** How many leading bytes are searched for a `<meta>` charset declaration. */
const SNIFF_BYTES = 4096;

/** The result of decoding: the text and the WHATWG name of the encoding used. */
export interface DecodedHtml {
  text: string;
  encoding: string;
}

const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function bomEncoding(bytes: Uint8Array): string | null {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  return bom ? bom.encoding : null;
}

/**
 * The TextDecoder name for a declared charset label, or null when the label is unknown.
 * GB2312 and GBK pages routinely use characters only GB18030 defines, so all three decode as GB18030;
 * a page cannot really be UTF-16 once its declaration was readable as ASCII, so that means UTF-8 (as in HTML).
 */
export function normalizeCharset(label: string): string | null {
  const trimmed = label.trim().toLowerCase();
  try {
    const encoding = new TextDecoder(trimmed).encoding;
    if (encoding === 'gbk') return 'gb18030';
    if (encoding.startsWith('utf-16')) return 'utf-8';
    return encoding;
  } catch {
    return null;
  }
}

const META_TAG = /<meta\b[^>]*>/gi;
const ATTRIBUTE = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
const CHARSET_IN_CONTENT = /charset\s*=\s*["']?\s*([\w.:-]+)/i;

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attributes;
}

/**
 * The charset label declared by `<meta charset>` or `<meta http-equiv="content-type" content="…; charset=…">`
 * in the given markup, or null. Only `<meta>` tags count: `<script charset>` names the script's encoding.
 */
export function declaredCharset(markup: string): string | null {
  for (const [tag] of markup.matchAll(META_TAG)) {
    const attributes = attributesOf(tag);
    const charset = attributes.get('charset');
    if (charset) return charset;
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-type') {
      const fromContent = CHARSET_IN_CONTENT.exec(attributes.get('content') ?? '');
      if (fromContent) return fromContent[1]!;
    }
  }
  return null;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * True when lenient UTF-8 decoding produced (almost) no U+FFFD: a UTF-8 page cut mid-character by the
 * saver, or with one stray byte, is still UTF-8, while legacy CJK bytes fail on nearly every character.
 */
function isMostlyValid(utf8: string): boolean {
  let nonAscii = 0;
  let invalid = 0;
  for (const ch of utf8) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (ch === '\uFFFD') invalid++;
  }
  return invalid <= nonAscii * 0.01;
}

/**
 * Decodes saved HTML bytes. Order of trust: a BOM; then (almost entirely) valid UTF-8 (saved pages often keep a stale
 * gb2312 declaration after being re-saved as UTF-8, and legacy multi-byte text is practically never valid
 * UTF-8); then the `<meta>` declaration in the first 4 KB; then GB18030, the usual undeclared legacy
 * encoding of Chinese pages; windows-1252 as the last resort because it accepts any byte.
 */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom };

  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (isMostlyValid(utf8)) return { text: utf8, encoding: 'utf-8' };

  // latin1 maps every byte to one char, so the ASCII markup of the declaration reads back unchanged.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const label = declaredCharset(head);
  const declared = label === null ? null : normalizeCharset(label);
  if (declared && declared !== 'utf-8') {
    return { text: new TextDecoder(declared).decode(bytes), encoding: declared };
  }

  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== null) return { text: gb, encoding: 'gb18030' };
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}

/** How many leading bytes `looksBinary` inspects; enough to see any file's nature. */
const BINARY_PROBE_BYTES = 8192;

/**
 * True when the bytes are evidently not text: a NUL byte, or more than 10% control characters other than
 * tab/newline/carriage return/form feed/escape. UTF-16 with a BOM is text despite its NUL bytes.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bomEncoding(bytes)?.startsWith('utf-16')) return false;
  const probe = bytes.subarray(0, BINARY_PROBE_BYTES);
  let control = 0;
  for (const byte of probe) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control++;
  }
  return control > probe.length * 0.1;
}

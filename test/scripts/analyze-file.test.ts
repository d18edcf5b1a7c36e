import { describe, expect, it } from 'vitest';
import { InputError, parsePage } from '../../scripts/lib/analyze-file';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parsePage', () => {
  it('decodes GBK bytes before parsing', () => {
    const bytes = new Uint8Array([...utf8('<meta charset=gbk><p id=x>'), 0xc4, 0xe3, 0xba, 0xc3, ...utf8('</p>')]);
    const page = parsePage(bytes, 'gbk.html');
    expect(page.encoding).toBe('gb18030');
    expect(page.doc.getElementById('x')?.textContent).toBe('你好');
  });

  it('resolves relative links against the given URL and runs no page script', () => {
    const page = parsePage(utf8('<a href="/b">b</a><script>document.title = "ran"</script>'), 'p.html', 'https://s.test/a/');
    expect(page.doc.querySelector('a')?.href).toBe('https://s.test/b');
    expect(page.doc.title).toBe('');
  });

  it('refuses binary bytes and text without any tag', () => {
    expect(() => parsePage(new Uint8Array([0, 1, 2, 3]), 'b.bin')).toThrow(InputError);
    expect(() => parsePage(utf8('plain words'), 'p.txt')).toThrow(/p\.txt: not HTML/);
  });
});

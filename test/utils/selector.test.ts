import { describe, expect, it } from 'vitest';
import { uniqueSelector } from '@/utils/selector';
import { parseHtml } from '../helpers/dom';

describe('uniqueSelector', () => {
  const doc = parseHtml(`<body><div id="main"><p>a</p><p>b</p><div><span>c</span></div></div>
    <div class="x" id="dup"></div><div id="dup"></div><div id="1bad"><p>d</p></div></body>`);

  it('matches exactly the element it was made for', () => {
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      const sel = uniqueSelector(el);
      expect(doc.querySelectorAll(sel)).toHaveLength(1);
      expect(doc.querySelector(sel)).toBe(el);
    }
  });

  it('uses a unique id, and skips duplicate or unsafe ids', () => {
    expect(uniqueSelector(doc.getElementById('main')!)).toBe('#main');
    expect(uniqueSelector(doc.querySelector('#main > p:nth-of-type(2)')!)).toBe('#main > p:nth-of-type(2)');
    expect(uniqueSelector(doc.querySelector('.x')!)).not.toContain('#dup');
    expect(uniqueSelector(doc.querySelector('[id="1bad"] p')!)).not.toContain('#1bad');
  });
});

import { describe, expect, it } from 'vitest';
import { findTextRange } from '@/utils/find-text';
import { parseHtml } from '../helpers/dom';

describe('findTextRange', () => {
  const doc = parseHtml(`<body><p>参考消息网2月23日报道 据新加坡《联合早报》<b>网站</b>2月20日报道,继生成式人工智能</p>
    <script>var s = "据新加坡《联合早报》网站";</script><p>Second   paragraph
    with spaces.</p></body>`);

  it('finds text that crosses inline elements', () => {
    expect(findTextRange(doc.body, '据新加坡《联合早报》网站2月20日报道')?.toString()).toBe('据新加坡《联合早报》网站2月20日报道');
  });

  it('ignores whitespace differences', () => {
    expect(findTextRange(doc.body, 'Second paragraph with spaces.')?.toString().replace(/\s+/g, ' ')).toBe('Second paragraph with spaces.');
  });

  it('returns null for text that is not visible on the page', () => {
    expect(findTextRange(doc.body, 'var s =')).toBeNull();
    expect(findTextRange(doc.body, '纽约时报')).toBeNull();
    expect(findTextRange(doc.body, '   ')).toBeNull();
  });

  it('prefers an occurrence the page shows to one inside hidden clutter, and falls back to the first', () => {
    const page = parseHtml(`<body><div class="nav" data-hidden>网易首页 网易公司版权所有</div><h1>标题</h1>
      <p>本文来源：网易公司版权所有的报道</p><div class="foot" data-hidden>只在页脚</div></body>`);
    const shown = (el: Element): boolean => !el.closest('[data-hidden]');
    expect(findTextRange(page.body, '网易公司版权所有', shown)?.startContainer.parentElement?.tagName).toBe('P');
    expect(findTextRange(page.body, '只在页脚', shown)?.toString()).toBe('只在页脚');
    expect(findTextRange(page.body, '网易公司版权所有')?.startContainer.parentElement?.className).toBe('nav');
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { markBoxes, nameTokens } from '@/utils/clutter';

const el = (html: string): Element => {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
};

describe('nameTokens', () => {
  it('splits id and class on non-letters and at camelCase joints, lower-cased', () => {
    expect(nameTokens(el('<div id="newsAdBox" class="side_ad2 footer2_2011"></div>'))).toEqual(['news', 'ad', 'box', 'side', 'ad', 'footer']);
  });

  it('keeps an upper-case run together and splits only where lower meets upper', () => {
    expect(nameTokens(el('<div class="ADBox topAD xgydList"></div>'))).toEqual(['adbox', 'top', 'ad', 'xgyd', 'list']);
  });

  it('has no tokens for an element without id or class, or with only digits and signs', () => {
    expect(nameTokens(el('<div></div>'))).toEqual([]);
    expect(nameTokens(el('<div class="  2024 -- 中文 "></div>'))).toEqual([]);
  });
});

describe('markBoxes: cloud-affiliate links', () => {
  it('counts links to the hosting affiliates, whatever the case of their host, and no others', () => {
    const box = el(`<div>
      <a href="https://PROMOTION.ALIYUN.COM/ntms/act">云服务器</a>
      <a href="//cloud.tencent.com/act/cps">腾讯云</a>
      <a href="https://news.example.com/cloud-computing-2024.html">云计算新闻</a>
      <a href="https://bce.example.org/">不是百度云</a>
      <a>无链接</a>
    </div>`);
    expect(markBoxes(document.body).affiliate.get(box)).toBe(2);
  });
});

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

describe('markBoxes: close controls and QR codes', () => {
  it('marks the boxes around QR images, named in their src or alt in any case, and no other image', () => {
    document.body.innerHTML = `
      <div id="a"><img src="/img/WeChat_QR.png"></div>
      <div id="b"><img src="/img/erweima.jpg"></div>
      <div id="c"><img src="/img/1.jpg" alt="扫码关注二维码"></div>
      <div id="d"><img src="/img/2.jpg" alt="Our QRcode"></div>
      <div id="e"><img src="/img/photo.jpg" alt="记者 摄"></div>`;
    const { qr } = markBoxes(document.body);
    const marked = ['a', 'b', 'c', 'd', 'e'].filter((id) => qr.has(document.getElementById(id)!));
    expect(marked).toEqual(['a', 'b', 'c', 'd']);
  });

  it('marks the boxes around a close-named element or a short close text, and no others', () => {
    document.body.innerHTML = `
      <div id="a"><span class="btnClose"></span></div>
      <div id="b"><i class="ad_guanbi"></i></div>
      <div id="c"><a> × </a></div>
      <div id="d"><span>关闭</span></div>
      <div id="e"><p>请关闭窗口后再试一次,谢谢。</p></div>
      <div id="f"><p>Close</p></div>`;
    const { close } = markBoxes(document.body);
    const marked = ['a', 'b', 'c', 'd', 'e', 'f'].filter((id) => close.has(document.getElementById(id)!));
    expect(marked).toEqual(['a', 'b', 'c', 'd']);
  });
});

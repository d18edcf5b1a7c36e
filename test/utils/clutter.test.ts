// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { classifyElement, markBoxes, nameTokens } from '@/utils/clutter';
import { DomStats } from '@/utils/dom-stats';

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

describe('classifyElement: text rules', () => {
  const classify = (html: string) => {
    const target = el(html);
    return classifyElement(target, { stats: new DomStats(), boxes: markBoxes(document.body) });
  };

  it.each([
    ['<div>当前位置:首页 > 国际 > 正文</div>', 'navigation', 'breadcrumb'],
    ['<div>首页 &gt; 财经</div>', 'navigation', 'breadcrumb'],
    ['<div>第2页 共5页</div>', 'navigation', 'page-turn'],
    ['<div>« Previous page</div>', 'navigation', 'page-turn'],
    ['<div>分享到: 微信 微博</div>', 'widget', 'tool bar'],
    ['<div>Share this article</div>', 'widget', 'tool bar'],
    ['<div>【打印】【关闭窗口】</div>', 'widget', 'tool bar'],
    ['<div>Sign up for our morning briefing</div>', 'widget', 'newsletter'],
    ['<div>关注微信二维码</div>', 'widget', 'QR code'],
    ['<div>本文仅代表作者个人观点,不代表本站立场。</div>', 'boilerplate', 'disclaimer'],
    ['<div>Copyright © 2024 海南信息港 All Rights Reserved</div>', 'boilerplate', 'copyright'],
    ['<div>琼ICP备05000000号</div>', 'boilerplate', 'copyright'],
  ])('%s is %s (%s)', (html, kind, reason) => {
    const verdict = classify(html);
    expect(verdict?.kind).toBe(kind);
    expect(verdict?.reason).toContain(reason);
  });

  it('leaves a teaser headline or an empty box alone', () => {
    expect(classify('<div>美国对华芯片出口管制再升级</div>')).toBeNull();
    expect(classify('<div><img src="/photo.jpg"></div>')).toBeNull();
  });
});

describe('classifyElement: ad-network scripts', () => {
  const story = '这是一段足够长的正文文字,'.repeat(10);

  it('calls a heavy container of an ad-network script an ad, and one of another script not', () => {
    const withAd = el(`<div><p>${story}</p><script src="//pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script></div>`);
    const ctx = { stats: new DomStats(), boxes: markBoxes(document.body) };
    expect(ctx.stats.of(withAd).weight).toBeGreaterThanOrEqual(80);
    expect(classifyElement(withAd, ctx)?.reason).toBe('container of an ad-network script');

    const withOther = el(`<div><p>${story}</p><script src="/js/jquery.min.js"></script></div>`);
    expect(classifyElement(withOther, { stats: new DomStats(), boxes: markBoxes(document.body) })).toBeNull();
  });
});

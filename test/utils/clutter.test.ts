// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { addedFloatingBox, adLabelVerdict, classifyElement, popUpBackdrops, isStoryPager, markBoxes, nameTokens, readMoreLabel, teaserHeading, teaserItems } from '@/utils/clutter';
import { DomStats } from '@/utils/dom-stats';
import { englishReason } from '@/utils/reasons';

const el = (html: string): Element => {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
};

/** Classifies the first element of `html`, parsed as the page's body, with fresh stats and boxes. */
const classify = (html: string) => classifyElement(el(html), { stats: new DomStats(), boxes: markBoxes(document.body) });

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

  // It runs on every container of the page, and in Firefox each DOM read of a content script
  // crosses an Xray wrapper.
  it('reads the id and the class once each', () => {
    const box = el('<div id="newsAdBox" class="side_ad2"></div>');
    const id = vi.spyOn(Element.prototype, 'id', 'get');
    const attribute = vi.spyOn(Element.prototype, 'getAttribute');
    try {
      expect(nameTokens(box)).toEqual(['news', 'ad', 'box', 'side', 'ad']);
      expect(id).toHaveBeenCalledTimes(1);
      expect(attribute).toHaveBeenCalledTimes(1);
    } finally {
      id.mockRestore();
      attribute.mockRestore();
    }
  });
});

describe('a floating box with a close control', () => {
  const POP_UP = '<ul><li><a href="/a/1.html">和你侃：大A未迎开门红</a></li><li><a href="/a/2.html">长城影视控股股东增持</a></li></ul>';
  /** Classified where the box's position is `position`, as the content script reads it from the live page. */
  const classifyAt = (html: string, position: string) => {
    const box = el(html);
    return classifyElement(box, { stats: new DomStats(), boxes: markBoxes(document.body), position: (e) => (e === box ? position : 'static') });
  };

  it.each([
    ['a control named close', `<div id="pop"><span class="close">×</span>${POP_UP}</div>`],
    ['an empty link whose click hides its box', `<div id="pop"><a id="clsBtn" onclick="document.getElementById('pop').style.display='none'"></a>${POP_UP}</div>`],
  ])('is an ad when fixed, by %s, and nothing when it sits in the page', (_, html) => {
    expect(classifyAt(html, 'fixed')).toMatchObject({ kind: 'ad', why: { key: 'reason_floating_box' } });
    expect(classifyAt(html, 'static')).toBeNull();
  });

  it('is nothing while the page keeps it out of sight: it may be a box the reader opens', () => {
    const box = el(`<div id="pop"><span class="close">×</span>${POP_UP}</div>`);
    const ctx = { stats: new DomStats(), boxes: markBoxes(document.body), position: () => 'fixed' };
    expect(classifyElement(box, { ...ctx, shown: () => false })).toBeNull();
    expect(classifyElement(box, { ...ctx, shown: () => true })).toMatchObject({ kind: 'ad', why: { key: 'reason_floating_box' } });
  });

  it('is not a dialog whose id says something is closed', () => {
    const dialog = '<div id="wow_close_inform"><strong>看一看入口已关闭</strong><a href="javascript:;">我知道了</a></div>';
    expect(classifyAt(dialog, 'fixed')).toBeNull();
  });
});

describe('popUpBackdrops', () => {
  /** The backdrops found behind #pop, where the elements named in `fixed` are fixed and those in `covering` cover the window. */
  const backdrops = (html: string, fixed: string[], covering: string[]) => {
    document.body.innerHTML = html;
    const ctx = {
      stats: new DomStats(),
      position: (e: Element) => (fixed.includes(e.id) ? 'fixed' : 'static'),
      covers: (e: Element) => covering.includes(e.id),
    };
    return popUpBackdrops(document.getElementById('pop')!, ctx).map((e) => e.id);
  };
  const POP = '<div id="pop"><span class="close">×</span><a href="/a/1.html">订阅每日早报</a></div>';

  it('finds the empty pane fixed over the window beside the box, or beside its wrapper', () => {
    expect(backdrops(`<div id="story"><p>正文</p></div>${POP}<div id="shade"></div>`, ['pop', 'shade'], ['shade'])).toEqual(['shade']);
    expect(backdrops(`<div id="mask"></div><div id="wrap"><div>${POP}</div></div>`, ['pop', 'mask'], ['mask'])).toEqual(['mask']);
  });

  it('leaves a pane with something to read or use, one that does not cover the window, and one in the page’s flow', () => {
    expect(backdrops(`${POP}<div id="bar"><a href="/">首页</a></div>`, ['pop', 'bar'], ['bar'])).toEqual([]);
    expect(backdrops(`${POP}<div id="bar">返回顶部</div>`, ['pop', 'bar'], ['bar'])).toEqual([]);
    expect(backdrops(`${POP}<div id="corner"></div>`, ['pop', 'corner'], [])).toEqual([]);
    expect(backdrops(`${POP}<div id="spacer"></div>`, ['pop'], ['spacer'])).toEqual([]);
  });

  it('finds none without layout', () => {
    document.body.innerHTML = `${POP}<div id="shade"></div>`;
    expect(popUpBackdrops(document.getElementById('pop')!, { stats: new DomStats(), position: () => 'fixed' })).toEqual([]);
  });
});

describe('addedFloatingBox', () => {
  const POP_UP = '<span class="close">×</span><a href="/a/1.html">和你侃：大A未迎开门红</a>';
  /** The box a page's script brings in `html`, where the elements named in `fixed` are fixed. */
  const found = (html: string, fixed: string[]) => {
    const added = el(html);
    const position = (e: Element) => (fixed.includes(e.id) ? 'fixed' : 'static');
    return addedFloatingBox(added, { stats: new DomStats(), position })?.el.id;
  };

  it('finds the fixed box inside the wrapper a script adds, the outermost one', () => {
    expect(found(`<div id="wrap"><div id="mask"><div id="pop"><div id="inner">${POP_UP}</div></div></div></div>`, ['pop', 'inner'])).toBe('pop');
    expect(found(`<div id="pop">${POP_UP}</div>`, ['pop'])).toBe('pop');
  });

  it('finds nothing without a close control, in the page’s flow, or in a heavy addition', () => {
    expect(found('<div id="wrap"><div id="pop"><a href="/a/1.html">和你侃：大A未迎开门红</a></div></div>', ['pop'])).toBeUndefined();
    expect(found(`<div id="wrap"><div id="pop">${POP_UP}</div></div>`, [])).toBeUndefined();
    const story = `<p>${'青溪县今年将新建三座水厂，全县农村自来水普及率将达到百分之九十八。'.repeat(8)}</p>`;
    expect(found(`<div id="wrap">${story}<div id="pop">${POP_UP}</div></div>`, ['pop'])).toBeUndefined();
  });

  it('finds nothing where layout is not known', () => {
    expect(addedFloatingBox(el(`<div id="pop">${POP_UP}</div>`), { stats: new DomStats() })).toBeNull();
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

describe('classifyElement: cloud-affiliate links', () => {
  it('calls a box of nothing but links to a hosting affiliate an ad, an empty logo link included', () => {
    expect(englishReason(classify('<div><a href="https://www.aliyun.com/minisite/goods?userCode=x">【阿里云】云服务器 99元/年</a></div>')!.why)).toBe('affiliate promotion (www.aliyun.com)');
    expect(classify('<li><a href="https://cloud.tencent.com/act/cps"><img src="/logo.png"></a></li>')?.kind).toBe('ad');
  });

  it('leaves a story sentence that links a cloud vendor, and the link in it', () => {
    const p = el('<p>阿里云官网（<a href="https://www.aliyun.com/product/ecs">www.aliyun.com</a>）显示，新品将于下月上市。</p>');
    const ctx = { stats: new DomStats(), boxes: markBoxes(document.body) };
    expect(classifyElement(p, ctx)).toBeNull();
    expect(classifyElement(p.querySelector('a')!, ctx)).toBeNull();
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
      <div id="f"><p>Close</p></div>
      <div id="g"><div>关闭广告</div><a href="/x"><img src="/c.jpg"></a></div>`;
    const { close } = markBoxes(document.body);
    const marked = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].filter((id) => close.has(document.getElementById(id)!));
    expect(marked).toEqual(['a', 'b', 'c', 'd', 'g']);
  });
});

describe('classifyElement: text rules', () => {
  it.each([
    ['<div>当前位置:首页 > 国际 > 正文</div>', 'navigation', 'breadcrumb'],
    ['<div>首页 &gt; 财经</div>', 'navigation', 'breadcrumb'],
    ['<div>您的当前位置：新闻中心 &gt; 武汉</div>', 'navigation', 'breadcrumb'],
    ['<div>现在位置： 首页 &gt;&gt; 东区新闻 &gt;&gt; 正文</div>', 'navigation', 'breadcrumb'],
    ['<div>目前位置：新聞中心</div>', 'navigation', 'breadcrumb'],
    ['<div>您現在的位置：新聞中心</div>', 'navigation', 'breadcrumb'],
    ['<div class="news-position"><a href="/">江城网</a> <a href=""></a> 正文</div>', 'navigation', 'breadcrumb'],
    ['<div><a href="/">江城网</a> &gt; <a href="/sh/">社会</a> &gt; 正文</div>', 'navigation', 'breadcrumb'],
    ['<div class="homer"><span><a href="/">中国科普网</a></span> <span>&gt;</span> <span><a href="/politics/">时政新闻</a></span> <span>&gt;</span></div>', 'navigation', 'breadcrumb'],
    ['<div class="layout route" id="rwb_navpath"><a href="/">江城网</a> <a href="/sh/">社会</a> <a href="/sh/jy/">教育</a></div>', 'navigation', 'navpath'],
    ['<div class="route"><a href="/">江城网</a> <a href="/sh/">社会</a> <a href="/sh/jy/">教育</a></div>', 'navigation', 'route'],
    ['<div>第2页 共5页</div>', 'navigation', 'page-turn'],
    ['<li><div>下一篇 :</div> 没有了</li>', 'navigation', 'page-turn'],
    ['<div><h2>您此时的心情</h2><ul><li>开心 0</li><li>难过 0</li><li>点赞 3</li></ul></div>', 'widget', 'mood vote'],
    ['<div><span>此刻心情</span> <a>感动</a> <a>愤怒</a></div>', 'widget', 'mood vote'],
    // Without the label: a row of moods and their counts, nothing else.
    ['<ul class="face_box"><li><span></span><img src="/hw.png"><b>好文</b></li> <li><img src="/qp.png"><b>钦佩</b></li> <li><b>喜欢</b></li> <li><b>泪奔</b></li></ul>', 'widget', 'mood vote (“好文 钦佩 喜欢 泪奔”)'],
    ['<div><span>感动 12</span> <span>同情 3</span> <span>無聊 0</span> <span>憤怒 41</span></div>', 'widget', 'mood vote'],
    ['<div>« Previous page</div>', 'navigation', 'page-turn'],
    ['<div class="nextpage"><div>阅读下一篇：</div><div><a href="#"></a></div></div>', 'navigation', 'page-turn'],
    ['<div><span>閱讀下一篇</span><a href="#"></a></div>', 'navigation', 'page-turn'],
    ['<div>分享到: 微信 微博</div>', 'widget', 'tool bar'],
    ['<div>Share this article</div>', 'widget', 'tool bar'],
    ['<div>Listen to this article</div>', 'widget', 'tool bar'],
    ['<div>【我要纠错】</div>', 'widget', 'tool bar'],
    ['<div><a href="#">举报</a> <a href="#">点赞</a> <a href="#">在看</a></div>', 'widget', 'tool bar'],
    ['<div>下载APP</div>', 'widget', 'tool bar'],
    ['<div><span>字級</span> <span>檢舉</span> <span>按讚</span> <span>追蹤</span> <span>訂閱</span></div>', 'widget', 'tool bar'],
    ['<div>App內開啟</div>', 'widget', 'tool bar'],
    ['<div><button>Gift this article</button> <button>Save</button> <button>Copy link</button></div>', 'widget', 'tool bar'],
    ['<div>【打印】【关闭窗口】</div>', 'widget', 'tool bar'],
    ['<span class="font">调整字体</span>', 'widget', 'tool bar'],
    // Counts beside the tools, and labels letter-spaced to a width (收&nbsp;&nbsp;藏).
    ['<div><span><b>0</b><i>收&nbsp;&nbsp;藏</i><span>+1</span></span> <span><b>12</b><i>评&nbsp;&nbsp;论</i></span></div>', 'widget', 'tool bar'],
    ['<div><a href="#">点赞(3.2万)</a> <a href="#">收藏</a> <a href="#">分享</a></div>', 'widget', 'tool bar'],
    ['<div><span>沉浸阅读</span> <span>返回顶部</span></div>', 'widget', 'tool bar'],
    // A follow button and a report link, alone or with the bar's other tools.
    ['<div><a href="javascript:void(0)">+ 关注</a></div>', 'widget', 'tool bar'],
    ['<div><div>返回首页</div> <div>举报/反馈</div></div>', 'widget', 'tool bar'],
    ['<a href="/feedback">意见反馈</a>', 'widget', 'tool bar'],
    ['<a href="javascript:;">不感兴趣</a>', 'widget', 'tool bar'],
    ['<div class="more">点击加载更多</div>', 'widget', 'load-more button, loading line or end line'],
    ['<div class="no_more">已显示全部内容</div>', 'widget', 'load-more button, loading line or end line'],
    ['<div>没有更多了</div>', 'widget', 'load-more button, loading line or end line'],
    ['<a href="javascript:;">點擊載入更多</a>', 'widget', 'load-more button, loading line or end line'],
    ['<button>Load more stories</button>', 'widget', 'load-more button, loading line or end line'],
    ['<div class="cardlist-a__loading">加载中<s class="icon-loading"></s></div>', 'widget', 'loading line or end line (“加载中”)'],
    ['<span class="loading_txt">加载中...</span>', 'widget', 'loading line'],
    ['<div>載入中…</div>', 'widget', 'loading line'],
    ['<div class="spinner">Loading...</div>', 'widget', 'loading line'],
    ['<div>Sign up for our morning briefing</div>', 'widget', 'newsletter'],
    ['<div>Newsletter Get our daily briefing</div>', 'widget', 'newsletter'],
    ['<div>SUBSCRIBE</div>', 'widget', 'newsletter'],
    ['<div>Previous Post Harbor fire contained</div>', 'navigation', 'page-turn'],
    ['<div>关注微信二维码</div>', 'widget', 'QR code'],
    ['<div>本文仅代表作者个人观点,不代表本站立场。</div>', 'boilerplate', 'disclaimer'],
    ['<div><p>特别声明：以上内容为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。</p></div>', 'boilerplate', 'disclaimer'],
    ['<div>Notice: this is a social media platform and only provides information storage services.</div>', 'boilerplate', 'disclaimer'],
    ['<div><p>“特别声明：以上作品内容为自媒体平台“大风号”用户上传并发布，本平台仅提供信息存储空间服务。</p></div>', 'boilerplate', 'disclaimer'],
    ['<div>Notice: a social media platform which merely provides information storage space services.</div>', 'boilerplate', 'disclaimer'],
    ['<div>Microsoft may earn an Affiliate Commission if you purchase something through recommended links in this article.</div>', 'boilerplate', 'disclaimer'],
    ['<div>When you buy something using the retail links in our stories, we may earn a small affiliate commission.</div>', 'boilerplate', 'disclaimer'],
    ['<div>Ars Technica may earn compensation on sales from links on this site.</div>', 'boilerplate', 'disclaimer'],
    ['<div>Copyright © 2024 海南信息港 All Rights Reserved</div>', 'boilerplate', 'copyright'],
    // A site's call to read on in its app.
    ['<div><a href="#">打开网易新闻 查看更多精彩</a></div>', 'widget', 'app download prompt'],
    ['<div class="open-app"><a href="#">打开APP，阅读体验更佳</a></div>', 'widget', 'app download prompt'],
    ['<div><span>网易新闻 体验更佳</span><a href="#">打开</a></div>', 'widget', 'app download prompt'],
    ['<div class="followText">下载客户端<br>独家抢先看</div>', 'widget', 'app download prompt'],
    ['<div>打开今日头条，查看更多精彩</div>', 'widget', 'app download prompt'],
    ['<div><a>点击下载APP</a></div>', 'widget', 'app download prompt'],
    ['<div>Open in app</div>', 'widget', 'app download prompt'],
    ['<div>アプリで読む</div>', 'widget', 'app download prompt'],
    ['<div>앱에서 보기</div>', 'widget', 'app download prompt'],
    ['<p>海量资讯、精准解读，尽在新浪财经APP</p>', 'widget', 'app download prompt'],
    // Calls to follow the account, links back to the site.
    ['<p>点击上方“蓝字”关注我们</p>', 'widget', 'call to follow'],
    ['<section>点击蓝字 关注我们</section>', 'widget', 'call to follow'],
    ['<p>关注我们，获取更多资讯</p>', 'widget', 'call to follow'],
    ['<div><span><img src="/ewm.jpg" alt="关注公众号：人民网财经">关注公众号：人民网财经</span></div>', 'widget', 'call to follow'],
    ['<p>关注公众号「晨光新闻」</p>', 'widget', 'call to follow'],
    ['<p>更多精彩内容，请关注晨光新闻微信公众号</p>', 'widget', 'call to follow'],
    ['<p>关注观察者网微信guanchacn，每日阅读趣味文章。</p>', 'widget', 'call to follow'],
    ['<p>更多资讯请下载晨光新闻客户端</p>', 'widget', 'app download prompt'],
    ['<div>下载晨光新闻APP，看更多新闻</div>', 'widget', 'app download prompt'],
    ['<a href="https://www.youtube.com/user/HarborTimes?sub_confirmation=1"><img src="/t.jpg"><p>NOW ON YOUTUBE! Click to subscribe!</p></a>', 'widget', 'call to follow the account (“NOW ON YOUTUBE!…”)'],
    ['<a href="https://twitter.com/intent/follow?screen_name=harbortimes">Follow @harbortimes</a>', 'widget', 'call to follow'],
    ['<p><i>Listen to Newsbeat </i><a href="https://www.bbc.co.uk/sounds/play/live:bbc_radio_one">live</a><i> at 12:45 and 17:45 weekdays - or listen back </i><a href="/programmes/b006wkry">here</a>.</p>', 'widget', 'call to follow'],
    ['<p>Subscribe to Harbor Weekly wherever you get your podcasts.</p>', 'widget', 'call to follow'],
    ['<p>Listen to The Harbor Hour on BBC Sounds, Spotify or Apple Podcasts</p>', 'widget', 'call to follow'],
    ['<p>点击关注</p>', 'widget', 'call to follow'],
    // However the line ends: all of it names networks to follow the outlet on.
    ['<p><i>Follow Newsbeat on </i><a href="#">Instagram</a><i>, </i><a href="#">Facebook</a><i>, </i><a href="#">Twitter</a><i> and </i><a href="#">YouTube</a><i>.</i></p>', 'widget', 'call to follow'],
    ['<p>Follow us on X.</p>', 'widget', 'call to follow'],
    ['<div>Follow The Harbor Times on Facebook & Instagram</div>', 'widget', 'call to follow'],
    ['<div class="messenger-content"><p>Chat with us in Facebook Messenger. Find out what\'s happening in the world as it unfolds.</p></div>', 'widget', 'call to follow'],
    ['<div><a href="https://www.sohu.com/">返回搜狐，查看更多</a></div>', 'navigation', 'link back to the site'],
    ['<div>【返回列表】</div>', 'navigation', 'link back to the site'],
    ['<div>回到首页</div>', 'navigation', 'link back to the site'],
    ['<a href="http://www.qq.com/?pref=article"><img src="/favicon.ico"><span>返回腾讯网首页&gt;&gt;</span></a>', 'navigation', 'link back to the site (“返回腾讯网首页>>”)'],
    // The outlet's note on its standards under the story: its label, then the link.
    ['<div><span>Our Standards:</span><span><a href="https://example.test/trust-principles.html">The Harbor Times Trust Principles.</a></span></div>', 'boilerplate', 'editorial standards'],
    ['<p><a href="/editorialguidelines">Why you can trust Harbor News</a></p>', 'boilerplate', 'editorial standards'],
    // Japanese and Korean portals' tool bars, rights lines and menus.
    ['<div><a href="#">ポスト</a> <a href="#">シェア</a> <a href="#">LINEで送る</a> <a href="#">はてなブックマーク</a></div>', 'widget', 'tool bar'],
    ['<div><span>文字サイズ</span> <span>印刷</span></div>', 'widget', 'tool bar'],
    ['<div><a href="#">공유</a> <a href="#">글자 크기</a> <a href="#">인쇄</a> <a href="#">스크랩</a></div>', 'widget', 'tool bar'],
    ['<div class="have-your-say">Have your say.<a href="#">Give us feedback.</a></div>', 'widget', 'tool bar'],
    ['<div><a href="#comments">查看评论</a></div>', 'widget', 'tool bar'],
    ['<div><a href="#say">我要说说</a></div>', 'widget', 'tool bar'],
    ['<div class="moreBtn"><h2><a href="#" id="moreComment">更多评论</a></h2></div>', 'widget', 'tool bar'],
    ['<div><a class="c-load-more">查看更多評論</a></div>', 'widget', 'tool bar'],
    ['<div>Copyright(C) 2024 毎日新聞社 記事の無断転用を禁じます。</div>', 'boilerplate', 'copyright'],
    ['<div>무단 전재 및 재배포 금지</div>', 'boilerplate', 'copyright'],
    ['<div class="gnb"><a href="/">하늘포털</a> <a href="/s/1">정치</a> <a href="/s/2">경제</a></div>', 'navigation', 'gnb'],
    ['<div class="gnav"><a href="/">あさひなニュース</a> <a href="/c/1">国内</a> <a href="/c/2">国際</a></div>', 'navigation', 'gnav'],
    // The same rules in traditional characters, as Taiwan and Hong Kong sites print them.
    ['<div>轉發到：<a>Facebook</a> <a>LINE</a></div>', 'widget', 'tool bar'],
    ['<div>【列印】【關閉視窗】</div>', 'widget', 'tool bar'],
    ['<div>複製連結</div>', 'widget', 'tool bar'],
    ['<div>關注微信二維碼</div>', 'widget', 'QR code'],
    ['<div>本文僅代表作者個人觀點，不代表本站立場。</div>', 'boilerplate', 'disclaimer'],
    ['<div>未經授權不得轉載</div>', 'boilerplate', 'disclaimer'],
    ['<div>晨光新聞網 版權所有</div>', 'boilerplate', 'copyright'],
    ['<div>琼ICP备05000000号</div>', 'boilerplate', 'copyright'],
    [`<div class="copybd">${'有意与本网合作者，有关合作事宜请与江城网联系。未经江城网书面授权，请勿转载或建立镜像，否则即为侵权。'.repeat(3)}<a href="#">琼ICP证050000号</a> <a href="#">琼公网安备46010000000001号</a> 违法和不良信息举报电话：0898-00000000 Copyright 江城网 版权所有</div>`, 'boilerplate', 'copyright'],
    // A story's tags: a label, then links and the marks between them.
    ['<div class="ar_keywords">关键字：<a href="/tags.php?tag=LPR">LPR</a></div>', 'navigation', 'the story’s tags (“关键字：LPR”)'],
    ['<div>标签：<a href="/t/1">长春</a> <a href="/t/2">疫情</a> <a href="/t/3">新经济</a></div>', 'navigation', 'the story’s tags'],
    ['<div>標籤：<a href="/t/1">颱風</a>、<a href="/t/2">停班停課</a></div>', 'navigation', 'the story’s tags'],
    ['<p>Topics: <a href="/t/banks">Banks</a>, <a href="/t/fintech">Fintech</a></p>', 'navigation', 'the story’s tags'],
    ['<div><span>Topics</span><a href="/t/banks">banks</a><a href="/t/money">money</a></div>', 'navigation', 'the story’s tags (“Topicsbanksmoney”)'],
    ['<div>タグ: <a href="/tag/1">ソフトウェア</a></div>', 'navigation', 'the story’s tags'],
    ['<div>RELATED TAGS: <a href="/t/1">BANKS</a>, <a href="/t/2">FINTECH</a></div>', 'navigation', 'the story’s tags'],
    ['<div id="topic-tags"><h2>Related Topics</h2><ul><li><a href="/t/1">Kanye West</a></li><li><a href="/t/2">Taylor Swift</a></li><li><a href="/t/3">Music</a></li></ul></div>', 'navigation', 'the story’s tags'],
    ['<p>点击进入专题： <a href="/zt/1">聚焦香港局势</a></p>', 'navigation', 'the story’s tags'],
    // Tags listed without a label, in a box the page's code names for them.
    ['<div class="article-body-tags"><ul><li><a href="/t/1">Science &amp; Technology</a></li><li><a href="/t/2">Space</a></li><li><a href="/t/3">United States</a></li></ul></div>', 'navigation', 'the story’s tags (“Science & Techno…”)'],
    ['<div class="keywords"><a href="/k/1">新能源汽车</a> <a href="/k/2">充电桩</a></div>', 'navigation', 'the story’s tags'],
    // Tags printed as plain words after the label and its mark.
    ['<div class="news_keyword">关键词 &gt;&gt; 共享充电宝</div>', 'navigation', 'the story’s tags (“关键词 >> 共享充电宝”)'],
    ['<div>关键词：两会、民生、教育</div>', 'navigation', 'the story’s tags'],
    ['<p>Keywords: climate, energy, coal</p>', 'navigation', 'the story’s tags'],
    // The site's call for news tips under the story.
    ['<div class="tip">欢迎提供新闻线索，报料热线：0898-66810110</div>', 'boilerplate', 'the site’s call for news tips (“欢迎提供新闻线索，报料热线：08…”)'],
    ['<p>投稿邮箱：news@jiangcheng.example.cn</p>', 'boilerplate', 'call for news tips'],
    ['<div>想爆料？请拨打 0898-66810110</div>', 'boilerplate', 'call for news tips'],
    ['<div>新聞熱線：(02) 2345-6789</div>', 'boilerplate', 'call for news tips'],
    ['<p>Have a news tip? Email tips@riverside.example.com</p>', 'boilerplate', 'call for news tips'],
    // A page's floating rail: back to the top beside a few short links.
    ['<div class="page-right-bar"><a href="/">江城首页</a> <a>相关新闻</a> <a href="/survey">改版调查</a> <a>返回顶部</a></div>', 'widget', 'tool bar'],
    ['<div class="m-sidebar"><a href="/">回到首页</a> <span>回到顶部</span></div>', 'widget', 'tool bar'],
    ['<div><a href="/">Home</a> <a href="#top">Back to top</a></div>', 'widget', 'tool bar'],
  ])('%s is %s (%s)', (html, kind, reason) => {
    const verdict = classify(html);
    expect(verdict?.kind).toBe(kind);
    expect(verdict && englishReason(verdict.why)).toContain(reason);
  });

  it('quotes a breadcrumb that ends in 正文 as the page shows it, without the text it keeps out of sight', () => {
    const verdict = classify('<div class="h-p1"><div style="display:none"><a href="/a">食品辟谣联盟官网正式上线</a></div><div><a href="/">江城网</a> <a href=""></a> 正文</div></div>');
    expect(englishReason(verdict!.why)).toBe('breadcrumb (“江城网 正文”)');
  });

  it('leaves a teaser headline or an empty box alone', () => {
    expect(classify('<div>美国对华芯片出口管制再升级</div>')).toBeNull();
    expect(classify('<div>Agents may earn a commission of 6% on each sale, the report said.</div>')).toBeNull();
    expect(classify('<div><img src="/photo.jpg"></div>')).toBeNull();
    expect(classify('<div>所在地：武汉市江岸区</div>')).toBeNull();
    // A line that opens with the tag label but goes on as a sentence, or names no mark, is the story's.
    expect(classify('<div>关键词：今年的关键词是稳增长。</div>')).toBeNull();
    expect(classify('<div>关键词是稳增长</div>')).toBeNull();
    // A box named for tags that lists headlines lists stories, not tags.
    expect(classify('<div class="tags"><a href="/a/1">国内多条高铁线路将于下月起调整运行图</a> <a href="/a/2">新一批个税汇算开始预约办理</a></div>')?.why.key).not.toBe('reason_tag_row');
    // A headline that opens with a tip's label, and a sentence about a tip line, are not the site's call.
    expect(classify('<div>网友爆料：小区电梯故障已三天</div>')).toBeNull();
    expect(classify('<p>他拨打了报料热线，反映小区停水的情况。</p>')).toBeNull();
    expect(classify('<p>The mayor said the tips came from residents.</p>')).toBeNull();
    expect(classify('<p>“Have your say,” the mayor told residents, “and give us feedback on the plan by May.”</p>')).toBeNull();
    // A list's control is all of its box's text: a sentence or a headline with those words is not one.
    expect(classify('<p>新版应用加载更多内容时不再卡顿。</p>')).toBeNull();
    expect(classify('<div>没有更多了：老街菜市场最后一批摊主回迁</div>')).toBeNull();
    // Back to the top in a sentence, or beside more than a rail's few items, is no rail.
    expect(classify('<p>如需返回顶部，请点击页面右侧的按钮。</p>')).toBeNull();
    expect(classify('<div>新版目录在每页右下角加了 返回顶部 的按钮方便读者浏览</div>')).toBeNull();
    // The label of a next-story link that is there: the link beside it shows the story it leads to.
    expect(classify('<span>下一篇 :</span>')).toBeNull();
    // A sentence that opens with the mood words is the story's.
    expect(classify('<p>你现在的心情怎么样？他笑了笑，没有回答。</p>')).toBeNull();
    // A self-media platform's crumb names the account that posted the story.
    expect(classify('<div><a href="/list">澎湃号</a> &gt; <a href="/u/1">中国广州发布</a></div>')).toBeNull();
    // An author box ending with its rights lines, all of one kind, is not a site's legal footer.
    expect(classify(`<div class="author"><a href="/u/9">陈晓</a>${'江城网资深记者，长期关注城市交通与公共服务。'.repeat(9)}本文版权所有 Copyright © 2024 All Rights Reserved</div>`)).toBeNull();
    // A long block with one copyright line is not a site's legal footer, however it spells it.
    expect(classify(`<div>${'江城网记者走访了三家社区食堂，了解老人就餐情况。'.repeat(8)}Copyright © 2024 江城网 All Rights Reserved</div>`)).toBeNull();
    // Nor one with a single copyright word.
    expect(classify(`<div>${'江城网记者走访了三家社区食堂，了解老人就餐情况。'.repeat(8)}本文版权所有。</div>`)).toBeNull();
    // Arrows in a sentence, or between words that are not all links, are not a breadcrumb.
    expect(classify('<div><a href="/a">油价</a>上涨 &gt; 预期，<a href="/b">专家</a>称</div>')).toBeNull();
    expect(classify('<div><a href="/news/">更多资讯&gt;&gt;</a> <a href="/join/">诚征合作伙伴&gt;&gt;</a></div>')).toBeNull();
    expect(classify('<div><a href="/1">|&lt;&lt;</a><a href="/1">1</a><a href="/2">2</a><a href="/2">下一页</a><a href="/9">&gt;&gt;|</a></div>')?.why.key).not.toBe('reason_breadcrumb');
    // 正文 ending a sentence, and a mood in a sentence, are the story's words.
    expect(classify('<div>请点击<a href="/a">这里</a>阅读报道正文</div>')).toBeNull();
    expect(classify('<div>心情好的时候，他会去江边走走。</div>')).toBeNull();
    // A story's pointer to its own audio, or a sentence about listening, is the story's.
    expect(classify('<p>Listen to the full interview <a href="/audio/1">here</a>.</p>')).toBeNull();
    expect(classify('<p>Subscribers to the podcast doubled after the episode aired on Spotify.</p>')).toBeNull();
    // A link to a channel's video, or to the channel, is the story's.
    expect(classify('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">the full interview</a>')).toBeNull();
    expect(classify('<a href="https://www.youtube.com/user/HarborTimes">our channel</a>')).toBeNull();
    expect(classify('<p>Chat with us on WhatsApp, he said, was all he ever asked of his children.</p>')).toBeNull();
    // Standards named in a sentence, with or without a link, are the story's.
    expect(classify('<p>Our standards of care have slipped, the report said.</p>')).toBeNull();
    expect(classify('<p>Editorial standards: the paper says <a href="/a">they are unchanged</a> since the merger of its two newsrooms last year.</p>')).toBeNull();
    expect(classify('<p>返回首页的读者越来越少<a href="/a">&gt;&gt;</a></p>')).toBeNull();
    // A scoop seen first in a sentence is the story's.
    expect(classify('<div>下载客户端的用户可以抢先看到这条新闻的完整版本</div>')).toBeNull();
    // The account named in a sentence, not a call to follow it.
    expect(classify('<div>关注公众号的读者越来越多，运营者也在变</div>')).toBeNull();
    expect(classify('<p>关注公众号的读者越来越多，运营者也在变。</p>')).toBeNull();
    expect(classify('<p>他关注人民日报微博很多年了。</p>')).toBeNull();
    expect(classify('<p>专题报道显示，<a href="/zt/1">三座水厂</a>将于年底建成。</p>')).toBeNull();
    // A count beside no CJK tool word ("Top 10" heads a list) or alone is no tool bar; nor is a line with words of its own beside a tool word.
    expect(classify('<div>Top 10</div>')).toBeNull();
    expect(classify('<div>7.4万</div>')).toBeNull();
    expect(classify('<span>(12)</span>')).toBeNull();
    expect(classify('<div>点赞 12 次</div>')).toBeNull();
    expect(classify('<div>关注民生</div>')).toBeNull();
    expect(classify('<div>群众反馈</div>')).toBeNull();
    // Tag words with text of their own beside the links: a line of the story.
    expect(classify('<div>关键词：<a href="/t/1">LPR</a>下调的可能性仍然存在</div>')).toBeNull();
    expect(classify('<div>Topical <a href="/t/1">creams</a> work best at night</div>')).toBeNull();
    expect(classify('<div>Tags are <a href="/t/1">optional</a></div>')).toBeNull();
  });
});

describe('classifyElement: an e-paper’s controls (数字报)', () => {

  it.each([
    // Buttons with a line break between the characters, as e-papers print them down a narrow column.
    ['<ul><li><a id="cal">日<br>历</a></li><li><a href="#">上<br>一<br>期</a></li><li><a href="#">下<br>一<br>期</a></li><li><a href="/index.htm">往<br>期</a></li></ul>', '日历上一期下一期往期'],
    ['<div><a href="node_01.html">返<br>回</a> <a href="node_02.html">下<br>一<br>版</a></div>', '返回 下一版'],
    ['<table><tr><td>第A01版：<strong>头版</strong></td><td><a href="node_222.htm">下一版</a></td><td><a href="A01.pdf"><img src="pdf.gif"></a></td></tr></table>', '第A01版：头版下一版'],
    ['<ul><li><span>版面导航</span></li><li><span>标题导航</span></li><li><a href="#">数字报导航</a></li><li><a href="/">网站首页</a></li></ul>', '版面导航标题导航数字报导航网站首…'],
    ['<div><a href="node_1.htm">第01版：要闻</a> <a href="node_2.htm">第02版：综合</a> <a href="node_3.htm">第03版：经济</a></div>', '第01版：要闻 第02版：综合…'],
  ])('calls %s navigation', (html, quoted) => {
    const verdict = classify(html);
    expect(verdict?.kind).toBe('navigation');
    expect(englishReason(verdict!.why)).toBe(`e-paper page and issue links (“${quoted}”)`);
  });

  it('leaves what only prints among the controls, and sentences that name an issue or a page', () => {
    expect(classify('<div><a href="/">返回</a> <a href="/">网站首页</a></div>')).toBeNull();
    expect(classify('<div>上一期</div>')).toBeNull();
    expect(classify('<p>上一期节目播出后，许多观众打来电话。</p>')).toBeNull();
    expect(classify('<p>本报今天出版第A01版：头版刊登了这条消息。</p>')).toBeNull();
  });
});

describe('classifyElement: share lists', () => {
  const item = (name: string): string => `<li><a href="#"><span>${name}</span> <span class="off-screen">Share this with ${name}</span></a></li>`;

  it('calls a list of links to networks a share widget, however heavy its off-screen labels make it', () => {
    const verdict = classify(`<ul class="sharetools">${['Facebook', 'Twitter', 'WhatsApp', 'LinkedIn', 'Pinterest', 'Reddit', 'Email', 'Messenger'].map(item).join('')}<li><a href="/help">About sharing</a></li></ul>`);
    expect(verdict?.kind).toBe('widget');
    expect(englishReason(verdict!.why)).toBe('share buttons (9 links to social networks)');
    expect(classify('<div><a href="#">分享</a><a href="#">QQ空间</a><a href="#">新浪微博</a><a href="#">微信</a><a href="#">豆瓣</a></div>')?.kind).toBe('widget');
  });

  it('counts the button that opens the other networks as one of them', () => {
    expect(classify('<ul><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li><li><a href="#">Show more sharing options</a></li></ul>')?.kind).toBe('widget');
  });

  it('calls a small box of icon buttons named share, or sending to a network, with the networks beside them a share widget', () => {
    const verdict = classify(`<div class="col">
      <div><img src="/wx.png"><div>关注江城网</div></div>
      <div><a class="share-wx" href="javascript:void(0);"></a> 微信</div>
      <div><a class="s-wb" href="http://service.weibo.com/share/share.php?url=x"></a> 微博</div>
      <div><a class="s-q" href="http://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?url=x"></a> Qzone</div>
    </div>`);
    expect(verdict?.kind).toBe('widget');
    expect(englishReason(verdict!.why)).toBe('share buttons (3 links to social networks)');
  });

  it('leaves a dek, a byline, a source or a date that has share icons beside it', () => {
    const icons = '<a class="share-fb" href="#"></a><a class="share-tw" href="#"></a><a class="share-mail" href="#"></a>';
    for (const row of ["<p>Our city's night buses are being rebuilt around the hospitals.</p>", '<span>2024-06-18 08:30</span> <span>来源：江城晚报</span>', '<span>来源：人民日报</span>', '<span>本报记者 张晓明</span>', '<span>By Alex Smith</span>', '<span>2024-05-01</span>']) {
      expect(classify(`<div>${row}${icons}</div>`), row).toBeNull();
    }
  });

  it('leaves a list that opens with other words, or whose links mostly go elsewhere', () => {
    expect(classify(`<div><span>19 November 2019</span><ul>${['Facebook', 'Twitter', 'Email'].map(item).join('')}</ul></div>`)).toBeNull();
    expect(classify('<ul><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li><li><a href="#">Email</a></li><li><a href="/a">Port strike enters third day</a></li><li><a href="/b">Gold hits a record</a></li></ul>')).toBeNull();
  });
});

describe('teaserHeading', () => {
  const links = '<ul><li><a href="/1">国内多条高铁线路将调整运行图</a></li><li><a href="/2">新一批个税汇算开始预约</a></li></ul>';
  const name = (html: string) => teaserHeading(el(html), { stats: new DomStats() });

  it.each([
    [`<div><h2>拓展阅读</h2>${links}</div>`, '拓展阅读'],
    [`<div><h2 class="post_side_mod_title"><a href="/news/">头条要闻</a></h2>${links}</div>`, '头条要闻'],
    [`<div><div class="mod-hd">体育要闻</div>${links}</div>`, '体育要闻'],
    [`<div>【相关阅读】${links}</div>`, '相关阅读'],
    [`<div><div><i>/</i><span>阅读下一篇</span><i>/</i></div><h3><a href="/n">多地发布大风预警</a></h3><div><a href="/">返回首页</a></div></div>`, '阅读下一篇'],
    ['<div>上一篇：<a href="/p">自治区召开审计委员会会议</a><br>下一篇：<a href="/n">全区春耕备耕工作会议召开</a></div>', '上一篇'],
    [`<div><div class="author-text-title">精华文章</div>${links}</div>`, '精华文章'],
    [`<section><p>往期推荐</p>${links}</section>`, '往期推荐'],
    [`<div><h3>小编最近文章</h3>${links}</div>`, '小编最近文章'],
    [`<div><h3>您可能感兴趣的文章</h3>${links}</div>`, '您可能感兴趣'],
    [`<div><h3>你可能会喜欢</h3>${links}</div>`, '你可能会喜欢'],
    [`<div><h4>您可能會有興趣的文章</h4>${links}</div>`, '您可能會有興趣'],
    [`<div><h3>最新资讯</h3>${links}</div>`, '最新资讯'],
    [`<div><h3>阅读排行</h3>${links}</div>`, '阅读排行'],
    [`<div><h3>熱文推薦</h3>${links}</div>`, '熱文推薦'],
    [`<div><h3>精彩视频推荐</h3>${links}</div>`, '精彩视频推荐'],
    [`<div><h3>相关视频</h3>${links}</div>`, '相关视频'],
    [`<div><h3>熱門視頻</h3>${links}</div>`, '熱門視頻'],
    [`<div><h3>视频推荐</h3>${links}</div>`, '视频推荐'],
    [`<div><h3>Editors’ Picks</h3>${links}</div>`, 'Editors’ Picks'],
    [`<div><h3>Don't miss</h3>${links}</div>`, "Don't miss"],
    [`<div><h3>Further reading</h3>${links}</div>`, 'Further reading'],
    [`<div><h3>More Great WIRED Stories</h3>${links}</div>`, 'More Great WIRED Stories'],
    [`<div><h3>In case you missed it</h3>${links}</div>`, 'In case you missed it'],
    [`<div><h3>喜欢此内容的人还喜欢</h3>${links}</div>`, '喜欢此内容的人还喜欢'],
    [`<div><h3>看过本文的人还看了</h3>${links}</div>`, '看过本文的人还看了'],
    [`<div><h2>関連記事</h2>${links}</div>`, '関連記事'],
    [`<div><h2>アクセスランキング</h2>${links}</div>`, 'アクセスランキング'],
    [`<div><h2>あわせて読みたい</h2>${links}</div>`, 'あわせて読みたい'],
    [`<div><h3>관련 기사</h3>${links}</div>`, '관련 기사'],
    [`<div><h3>많이 본 뉴스</h3>${links}</div>`, '많이 본 뉴스'],
    [`<div><h3>함께 볼만한 뉴스</h3>${links}</div>`, '함께 볼만한 뉴스'],
  ])('%s is a teaser block named %s', (html, expected) => {
    expect(name(html)).toBe(expected);
  });

  it('does not take a story\'s related topics for a teaser block: they are its tags', () => {
    expect(name('<div><h2>Related Topics</h2><ul><li><a href="/t/1">Justin Bieber</a></li><li><a href="/t/2">Music</a></li></ul></div>')).toBeNull();
    expect(name('<div><h2>Related tags</h2><ul><li><a href="/t/1">Banks</a></li><li><a href="/t/2">Fintech</a></li></ul></div>')).toBeNull();
    expect(name(`<div><h3>Related</h3>${links}</div>`)).toBe('Related');
  });

  it('does not take a menu named "more" for a teaser block: it is navigation as a whole', () => {
    const menu = el(`<div class="nav_more_con"><ul><li><a href="/a">江城论坛</a></li><li><a href="/b">江城视频</a></li></ul><h3>报系</h3><div><a href="/c">江城日报</a> <a href="/d">江城晚报</a> <a href="/e">江城商报</a></div></div>`);
    const ctx = { stats: new DomStats(), boxes: markBoxes(document.body) };
    expect(teaserHeading(menu, ctx)).toBeNull();
    expect(englishReason(classifyElement(menu, ctx)!.why)).toBe('navigation (marked “nav” in the page’s code)');
  });

  it('still takes a block named related for one, whatever layout names it also carries', () => {
    expect(name(`<div class="related position-relative">${links}</div>`)).toBe('related');
  });

  it('does not take a menu that lists 要闻 among its channels for a teaser block', () => {
    expect(name('<div><a href="/yw/">要闻</a> <a href="/dj/">党建</a> <a href="/gd/">广东</a> <a href="/gj/">国际</a></div>')).toBeNull();
    expect(name('<ul><li><a href="/">首页</a></li><li><a href="/yw/">要闻</a></li><li><a href="/rw/">热问</a></li></ul>')).toBeNull();
  });

  it('does not take a story that opens with the same characters for one', () => {
    expect(name(`<div><p>主要闻名于世的是镇上的十二座石桥，<a href="/a">东桥</a>和<a href="/b">西桥</a>都有五百年历史。</p></div>`)).toBeNull();
    expect(name(`<div><h2>国际新闻</h2>${links}</div>`)).toBeNull();
  });
});

describe('classifyElement: ad frames', () => {

  it.each([
    ['<iframe class="banner" src="/adpages/node_1.html" width="860" height="110"></iframe>', 'ad slot (marked “banner” in the page’s code)'],
    ['<iframe src="/adpages/slot_2.html" width="300" height="250"></iframe>', 'frame of a standard ad size (300x250)'],
    ['<iframe src="/x.html" width="728" height="90"></iframe>', 'frame of a standard ad size (728x90)'],
  ])('%s is an ad: %s', (html, reason) => {
    const verdict = classify(html);
    expect(verdict?.kind).toBe('ad');
    expect(englishReason(verdict!.why)).toBe(reason);
  });

  it('leaves a video player or a frame of another size', () => {
    expect(classify('<iframe src="https://player.example.com/v/1" width="640" height="360"></iframe>')).toBeNull();
    expect(classify('<iframe class="read" src="/list.html" width="300" height="910"></iframe>')).toBeNull();
  });

  it.each([
    'https://www.google.com/maps/embed?pb=!1m18',
    'https://www.youtube.com/embed/abc123',
    'https://player.bilibili.com/player.html?bvid=BV1',
    'https://v.qq.com/txp/iframe/player.html?vid=x',
    'https://map.baidu.com/embed?x=1',
    '//www.youtube-nocookie.com/embed/abc123',
    'https://www.openstreetmap.org/export/embed.html?bbox=1,2,3,4',
    'https://www.instagram.com/p/abc/embed',
  ])('leaves an embed of an ad size: %s', (src) => {
    expect(classify(`<iframe src="${src}" width="300" height="250"></iframe>`)).toBeNull();
  });

  it.each([
    'https://gg.portal.cn/embed-banner/1.html',
    '/player/slot.html',
    'https://ads.example.cn/show?from=https://www.bilibili.com/video/1',
    'https://youtube.com.ads.example.cn/embed/1',
  ])('still calls a frame of an ad size an ad when only its words look like an embed: %s', (src) => {
    expect(classify(`<iframe src="${src}" width="300" height="250"></iframe>`)?.kind).toBe('ad');
  });
});

describe('classifyElement: pinyin names', () => {

  it('calls a portal\'s full-width ad bar (通栏广告, tlgg) and couplet ads (对联广告) ads, and a like button (赞, zan) a widget', () => {
    expect(classify('<div class="layout tlgg"><img src="/b.jpg"></div>')?.kind).toBe('ad');
    expect(classify('<div id="couplet3_left"><div>关闭广告</div><a href="/x"><img src="/c.jpg"></a></div>')?.kind).toBe('ad');
    // The AdChoices link beside an ad whose slot no rule names (msn's) goes as the ad's.
    expect(classify('<a class="adchoices" href="//go.microsoft.com/fwlink/?LinkID=286759"><span class="adchoiceicon"></span><span>AdChoices</span></a>')?.kind).toBe('ad');
    expect(englishReason(classify('<div class="sina_zan"><a href="#">赞</a> 赶快成为第一个赞的人吧</div>')!.why)).toBe('widget (marked “zan” in the page’s code)');
  });

  it.each(['mood', 'biaotai', 'xinqing', 'dianzan', 'praise'])('calls a small box named %s a widget', (name) => {
    expect(englishReason(classify(`<div class="${name}-box"><span>开心</span> 12 <span>难过</span> 3</div>`)!.why)).toBe(`widget (marked “${name}” in the page’s code)`);
  });

  it('calls a vote button (ifeng\'s 推荐 with its count, vote) a widget', () => {
    expect(englishReason(classify('<div class="index_vote_OHWb9">推荐<span>39</span></div>')!.why)).toBe('widget (marked “vote” in the page’s code)');
  });

  it('calls a button to follow the story\'s topic (跟踪, genzong) a widget', () => {
    // 澎湃新闻's, beside its like count and 收藏 under the story.
    const button = '<a href="javascript:trackCont(false);" id="genzong" class="genzong">跟踪: 共享充电宝</a>';
    expect(englishReason(classify(button)!.why)).toBe('widget (marked “genzong” in the page’s code)');
  });
});

describe('classifyElement: a like button named in English', () => {
  it.each([
    ['thumb-up-box', 'thumb-up'],
    ['article-thumbsUp', 'thumbs-up'],
    ['thumbup', 'thumbup'],
  ])('calls a small box named %s a widget', (name, token) => {
    const box = `<div class="${name}"><span>+1</span><div>2</div><p class="txt">好文章，需要你的鼓励</p></div>`;
    expect(englishReason(classify(box)!.why)).toBe(`widget (marked “${token}” in the page’s code)`);
  });

  it('leaves a thumbnail alone: a thumb is not a thumbs-up', () => {
    expect(classify('<div class="video-thumb"><img src="/t.jpg"><span>2:14</span></div>')).toBeNull();
    expect(classify('<div class="thumbs-wrap"><img src="/t.jpg"><p>图为救援现场。</p></div>')).toBeNull();
  });
});

describe('classifyElement: bShare\'s share pop-up', () => {
  it('calls the box bShare\'s script names bsBox a widget, its close X and platform link with it', () => {
    const box = '<div id="bsBox" class="bsBox"><div class="bsClose">X</div><div class="bsTop"><div class="bsReturn">选择其他平台 &gt;&gt;</div><span>分享到</span><span class="bsPlatName"></span></div><div class="bsFrameDiv"><iframe class="bShareFrame" name="bsFrame1"></iframe></div></div>';
    expect(englishReason(classify(box)!.why)).toBe('widget (marked “bshare” in the page’s code)');
  });

  it('leaves other boxes whose names open with bs alone', () => {
    expect(classify('<div class="bs-callout"><p>注：本文数据截至6月底。</p></div>')).toBeNull();
    expect(classify('<div class="bsBoxes"><span>提示</span></div>')).toBeNull();
  });
});

describe('classifyElement: story sentences holding a clutter word', () => {
  // Tool, page-turn and QR words open sentences; comment words open them too; rights and
  // disclaimer words are what some stories are about.
  it.each([
    '<p>分享经济的兴起，让年轻人有了更多选择。</p>',
    '<p>收藏家王先生说，这件瓷器是他十年前购得的。</p>',
    '<p>打印机厂商也在加紧布局。</p>',
    '<p>扫一扫就能支付的日子，老人们也渐渐习惯了。</p>',
    '<p>他掏出手机扫码关注了公众号。</p>',
    '<p>第3页的数据显示，增长主要来自农村。</p>',
    '<p><a href="/tag/1">分享经济</a>的兴起，让年轻人有了更多选择。</p>',
    '<p><a href="/tag/2">二维码</a>支付已经普及到县城菜市场。</p>',
    '<p>Share prices fell 3% in early trading.</p>',
    '<p>Subscribers will be refunded, the company said.</p>',
    '<p>The lawsuit says the company ignored copyright law when it trained its models on news articles.</p>',
    '<p>Copyright disputes are not part of the talks.</p>',
    '<p>该公司表示，这些图片的版权所有者已经同意授权使用。</p>',
    '<p>报道称，未经许可转载使用他人作品的行为将受到处罚。</p>',
    '<p>他说，这些数据仅供参考，最终结果以官方公布为准。</p>',
    '<p>评论认为，这一技术的出现将改变影视行业的生产方式。</p>',
    '<p>评论称，美方的做法只会让局势更加紧张。</p>',
    '<div>评论员文章：让每一个孩子都能享有公平而有质量的教育。</div>',
    '<p>留言的网友大多表示支持，也有人担心执行难度。</p>',
    '<p>評論指出，這項政策將影響數十萬名勞工。</p>',
    '<p>更多评论认为，这一政策需要配套措施。</p>',
    '<p>正在加载中的货车排起了长队。</p>',
    '<div>感动 同情</div>',
    '<h3>感动 中国 年度 人物</h3>',
    '<p>Comments by the minister on Tuesday suggested the plan would be delayed.</p>',
    '<p>Every box was stamped “All rights reserved”, though the design had never been registered.</p>',
    '<p>报道称，该网站在页面底部标注“本站所有内容版权所有”，却从未取得授权。</p>',
    '<p>Join the conversation about the new bridge at the library on Friday, the council said.</p>',
    '<p>Leave a comment was all the old forum offered, she recalled.</p>',
    '<p>打开APP的用户越来越多，商家也在加紧布局。</p>',
    '<h2>返回地球</h2>',
    '<p>返回北京后，他立即投入工作。</p>',
    '<p>关注我们的读者都知道，这项政策已经讨论了很久。</p>',
    '<p>尽在掌握之中。</p>',
    '<p>Follow the money on Wall Street.</p>',
    '<p>Follow-up talks on Twitter policy stalled.</p>',
    '<div>打开窗户通风，是最简单的防护办法。</div>',
    '<div>Open in app stores worldwide, the game sold well.</div>',
    '<p>シェアハウスの人気が、都市部の若者の間で高まっている。</p>',
    '<p>印刷会社の倒産が相次いでいる。</p>',
    '<p>공유 경제가 확산하면서 새로운 일자리가 생겨나고 있다.</p>',
    '<p>기사 무단 전재 문제를 두고 언론사들이 소송을 냈다.</p>',
  ])('leaves %s', (html) => {
    expect(classify(html)).toBeNull();
  });

  // A story set in divs: each probe stands before a paragraph of the story.
  const NEXT = '<div>港口方面表示，罢工已经持续两天，数千个集装箱滞留在码头上等待装船。</div>';
  it.each([
    `<div>分享经济的兴起，让年轻人有了更多选择。</div>${NEXT}`,
    `<div>打印机厂商也在加紧布局。</div>${NEXT}`,
    `<div>第3页的数据显示，增长主要来自农村。</div>${NEXT}`,
    `<div>上一页的内容提到，该公司去年亏损。</div>${NEXT}`,
    `<div>Share prices fell 3% in early trading.</div><p>The strike, called by the union after talks with terminal operators broke down on Sunday, has left dozens of ships waiting at anchor off the coast.</p>`,
  ])('leaves a div that ends as a sentence beside the story’s paragraph: %s', (html) => {
    expect(classify(html)).toBeNull();
  });

  it.each([
    '<div>Previous talks collapsed in 2019.</div>',
    '<div>Subscribers will be refunded, the company said.</div>',
    '<div>Sign up rates for the union doubled this year.</div>',
    '<div>Newsletter editors were told to stand by.</div>',
    '<div>Save the date: the festival opens on June 1.</div>',
    '<div>举报人已向警方提交了相关证据。</div>',
    '<div>追蹤調查顯示，這批貨物最後流向了南部港口。</div>',
  ])('leaves an English sentence that opens with a page-turn or sign-up word: %s', (html) => {
    expect(classify(html)).toBeNull();
  });

  it('still calls a tool line alone, or a box beside the story, what it is', () => {
    expect(classify('<div>收藏本文。</div>')?.kind).toBe('widget');
    const box = '<div><div>SUBSCRIBE</div><figure><img src="/w.png"></figure><div>Subscribe to the Harbor Times and stay informed.</div></div>';
    expect(classify(`${box}<p>The strike, called by the union after talks broke down, has left ships waiting at anchor.</p>`)?.kind).toBe('widget');
  });

  it('still calls the same words a tool bar where they are no sentence, or a sentence of links', () => {
    expect(classify('<p>分享到：<span>微信</span> <span>微博</span></p>')?.kind).toBe('widget');
    expect(classify('<p>扫一扫，关注我们</p>')?.kind).toBe('widget');
    expect(classify('<div>收藏本文。</div>')?.kind).toBe('widget');
    expect(classify('<p><a href="/s">分享到微信朋友圈</a>。</p>')?.kind).toBe('widget');
  });

  it.each([
    '<p>本文来源于网络，不代表本站立场。</p>',
    '<p>未经授权，不得转载。</p>',
    '<p>转载请注明出处。</p>',
    '<p>本文仅供参考，不构成投资建议。</p>',
    '<p>Copyright 2024 The Associated Press. All rights reserved.</p>',
    '<div>版权所有：江城网 琼ICP备05000000号</div>',
    '<p>Copyright 2024 “The Harbor Times”. All rights reserved.</p>',
    '<p>本文为“江城观察”原创，转载请注明出处。</p>',
  ])('still calls a notice about the page itself boilerplate: %s', (html) => {
    expect(classify(html)?.kind).toBe('boilerplate');
  });
});

describe('classifyElement: comment sections', () => {

  it('calls a block named by an abbreviation of comment (澎湃\'s aq_commt) or headed 跟帖 a comment section', () => {
    expect(classify('<div id="aq_commt"><textarea></textarea><span>已输入0字</span><button>发表</button></div>')?.kind).toBe('comments');
    expect(classify('<div class="box"><h3>网友跟帖</h3><p>说得好</p></div>')?.kind).toBe('comments');
    expect(classify('<div class="box"><h3>跟贴</h3><p>顶一下</p></div>')?.kind).toBe('comments');
    expect(classify('<div class="box"><h3>跟帖（12）</h3><p>顶一下</p></div>')?.kind).toBe('comments');
  });

  it.each([
    ['<span class="fr"><span class="num"> <a href="https://comment.tie.163.com/EF.html">19</a> </span>跟贴</span>', '19 跟贴'],
    ['<span class="num_recom"><font class="cmtcount">0</font> 条评论</span>', '0 条评论'],
    ['<a href="#comments">1,204 評論</a>', '1,204 評論'],
    ['<a href="#comments">12 Comments</a>', '12 Comments'],
  ])('calls a count of the comments, the link to them, comments: %s', (html, label) => {
    expect(englishReason(classify(html)!.why)).toBe(`comments (“${label}”)`);
  });

  it.each([
    '<p>19 评论员文章指出，改革还要深化。</p>',
    '<span>3 comments later, the thread was closed</span>',
    '<span>2019年 评论</span>',
  ])('leaves a line that only opens with a count and the word: %s', (html) => {
    expect(classify(html)?.kind).not.toBe('comments');
  });

  it('leaves a story paragraph that opens with 跟帖', () => {
    expect(classify('<p>跟帖评论服务提供者应当建立健全跟帖评论审核管理、实时巡查、应急处置等制度。</p>')).toBeNull();
  });

  it('leaves Japanese and Korean story paragraphs that open with the word', () => {
    expect(classify('<div class="box"><p>コメントを求めたが、同社は回答しなかった。</p><p>関係者によると、交渉は続いている。</p></div>')).toBeNull();
    expect(classify('<div class="box"><p>댓글을 단 누리꾼들은 대부분 찬성했다.</p><p>정부는 5일 대책을 발표했다.</p></div>')).toBeNull();
  });

  it.each([
    ['<div class="box"><h3>评论区</h3><p>说得好</p></div>', '评论区'],
    ['<div class="box"><h3>精彩评论</h3><p>说得好</p></div>', '精彩评论'],
    ['<div class="box"><h3>網友評論</h3><p>說得好</p></div>', '網友評論'],
    ['<div class="box"><h3>發表評論</h3><textarea></textarea></div>', '發表評論'],
    ['<div class="box"><h3>我要留言</h3><textarea></textarea></div>', '我要留言'],
    ['<div class="box"><h3>熱門留言（8）</h3><p>支持</p></div>', '熱門留言（8）'],
    ['<div class="box">留言板 共12条 <p>支持</p></div>', '留言板 共12条'],
    ['<div class="box"><h2>Comments</h2><p>Great piece.</p></div>', 'Comments'],
    ['<div class="box">Comments (12) <p>Great piece.</p></div>', 'Comments (12)'],
    ['<div class="box"><h3>Join the conversation</h3><p>Great piece.</p></div>', 'Join the conversation'],
    ['<div class="box"><h3>JOIN THE CONVERSATION</h3><p>Great piece.</p></div>', 'JOIN THE CONVERSATION'],
    ['<div class="box"><h3>Leave a Reply <small><a href="#">Cancel reply</a></small></h3><textarea></textarea></div>', 'Leave a Reply'],
    ['<div class="box"><h3>Leave a comment:</h3><textarea></textarea></div>', 'Leave a comment'],
    ['<div class="box"><h2>コメント</h2><p>よくまとまった記事だと思う。</p></div>', 'コメント'],
    ['<div class="box"><h2>みんなの意見</h2><p>よくまとまった記事だと思う。</p></div>', 'みんなの意見'],
    ['<div class="box"><h3>댓글 12</h3><p>좋은 기사네요.</p></div>', '댓글 12'],
  ])('calls a block headed %s a comment section', (html, head) => {
    const verdict = classify(html);
    expect(verdict?.kind).toBe('comments');
    expect(englishReason(verdict!.why)).toContain(head.slice(0, 6));
  });

  it('calls an empty comment block holding the frame its threads load into a comment section, and an empty icon named comment nothing', () => {
    expect(classify('<div class="qq_comment"><iframe id="commentIframe"></iframe></div>')?.kind).toBe('comments');
    expect(classify('<span class="comment-icon"></span>')).toBeNull();
  });
});

describe('teaserItems', () => {
  const share = '<ul class="share"><li><a href="javascript:;">易信</a></li><li><a href="javascript:;">微信</a></li><li><a href="javascript:;">微博</a></li></ul>';
  const teaser = (n: number) => `<div class="item"><h3><a href="/19/0907/${n}.html">第${n}条推荐新闻的标题写得比较长一些</a></h3><span>中新经纬</span>${share}</div>`;

  it('takes the list items of a list of teasers', () => {
    const block = el('<div><h2>相关阅读</h2><ul><li><a href="/1.html">第一条相关新闻的标题</a></li><li><a href="/2.html">第二条相关新闻的标题</a></li></ul></div>');
    expect(teaserItems(block).map((i) => i.tagName)).toEqual(['LI', 'LI']);
  });

  it('takes the repeated teasers, not the share buttons listed inside each (网易\'s 为您推荐)', () => {
    const block = el(`<div id="rec"><div class="ctrl"><div>为您推荐</div><ul><li><span>推荐</span></li><li><span>娱乐</span></li></ul></div><div class="news"><div>${[1, 2, 3].map(teaser).join('')}</div></div></div>`);
    const items = teaserItems(block);
    expect(items.map((i) => i.className)).toEqual(['item', 'item', 'item']);
  });
});

describe('isStoryPager', () => {
  const pager = (links: string) => el(`<div class="pages">${links}</div>`);

  it('takes a pager that goes to another page of the story, forward or back', () => {
    expect(isStoryPager(pager('<span>1</span><a href="?page=2">2</a><a href="?page=3">3</a><a href="?page=2">下一页</a>'))).toBe(true);
    // The last page of two: only the way back is a link.
    expect(isStoryPager(pager('<a href="/a/1.htm">上一页</a><a href="/a/1.htm">1</a><span>2</span>'))).toBe(true);
    expect(isStoryPager(el('<span>第1页/共3页 <a href="/a/1_2.htm">下一页</a></span>'))).toBe(true);
  });

  it('does not take a count with nowhere to go, links to elsewhere, or an archive calendar', () => {
    expect(isStoryPager(pager('第1页/共1页 &lt;&lt; 上一页 | 下一页 &gt;&gt;'))).toBe(false);
    expect(isStoryPager(pager('<a href="javascript:;">2</a><a href="#">下一页</a>'))).toBe(false);
    expect(isStoryPager(pager('<a href="/p2">2</a><a href="/list/">返回列表</a>'))).toBe(false);
    const days = Array.from({ length: 28 }, (_, i) => `<a href="/2024/02/${i + 1}/">${i + 1}</a>`).join('');
    expect(isStoryPager(pager(days))).toBe(false);
    // 首页 is as often the site's home: a breadcrumb is no pager.
    expect(isStoryPager(el('<div class="crumb">当前位置：<a href="/">首页</a> &gt; 正文</div>'))).toBe(false);
  });

  it('reads the turns and counts in traditional characters (頁)', () => {
    expect(isStoryPager(pager('<a class="first">|&lt;&lt;</a><span>1</span><a href="/a/1_2.htm">2</a><a href="/a/1_2.htm">下一頁</a><a href="/a/1_3.htm">末頁</a>'))).toBe(true);
    expect(isStoryPager(pager('<a href="/a/1.htm">上一頁</a><a href="/a/1.htm">1</a><span>2</span>'))).toBe(true);
    expect(isStoryPager(el('<span>第1頁/共3頁 <a href="/a/1_2.htm">下一頁</a></span>'))).toBe(true);
    expect(isStoryPager(pager('<a href="?page=2">2</a><a href="?page=2">下一頁</a>'), true)).toBe(true);
    expect(classify('<div class="single"><span>第1頁/共1頁</span> &lt;&lt; 上一頁 | 下一頁 &gt;&gt;</div>')?.kind).toBe('navigation');
  });

  it('asks for a turn where numbers alone may be a menu of archive days', () => {
    const days = Array.from({ length: 8 }, (_, i) => `<a href="/2024/02/${i + 1}/">${i + 1}</a>`).join('');
    expect(isStoryPager(pager(days), true)).toBe(false);
    expect(isStoryPager(pager('<a href="?page=2">2</a><a href="?page=2">下一页</a>'), true)).toBe(true);
  });
});

describe('classifyElement: ad-network scripts', () => {
  const story = '这是一段足够长的正文文字,'.repeat(10);

  it('calls a heavy container of an ad-network script an ad, and one of another script not', () => {
    const withAd = el(`<div><p>${story}</p><script src="//pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script></div>`);
    const ctx = { stats: new DomStats(), boxes: markBoxes(document.body) };
    expect(ctx.stats.of(withAd).weight).toBeGreaterThanOrEqual(80);
    expect(englishReason(classifyElement(withAd, ctx)!.why)).toBe('container of an ad-network script');

    const withOther = el(`<div><p>${story}</p><script src="/js/jquery.min.js"></script></div>`);
    expect(classifyElement(withOther, { stats: new DomStats(), boxes: markBoxes(document.body) })).toBeNull();
  });
});

describe('adLabelVerdict: a line that only labels the ad beside it', () => {
  const verdict = (html: string) => {
    const v = adLabelVerdict(el(html), new DomStats());
    return v && { kind: v.kind, why: englishReason(v.why) };
  };

  it.each([
    ['<p><span class="text70">スポンサードリンク</span></p>', 'スポンサードリンク'],
    ['<div class="tip">广告</div>', '广告'],
    ['<div>  Anzeige </div>', 'Anzeige'],
    ['<p>広告</p>', '広告'],
    ['<div class="tip">廣告</div>', '廣告'],
    ['<span>贊助</span>', '贊助'],
    ['<div class="css-1cz6wm">Supported by</div>', 'Supported by'],
    ['<p>Paid Post</p>', 'Paid Post'],
    ['<div>赞助内容</div>', '赞助内容'],
  ])('calls %s an ad label', (html, label) => {
    expect(verdict(html)).toEqual({ kind: 'ad', why: `labelled “${label}”` });
  });

  it.each([
    ['a link reading AD (a control)', '<p><a href="/ad">AD</a></p>'],
    ['a sentence that names ads', '<p>本站不接受任何形式的广告。</p>'],
    ['an empty line', '<p> </p>'],
    ['a word that is not a label', '<p>推荐</p>'],
    ['a sentence opening with a label’s words', '<p>Supported by the city, the library reopened.</p>'],
    // A press office's as often as Japanese portals' badge: too common a word to read as a label.
    ['PR alone', '<span>PR</span>'],
  ])('leaves %s', (_, html) => {
    expect(verdict(html)).toBeNull();
  });

  // Asked of every small element: the ad it announced may be blocked or not yet loaded.
  it('is how classifyElement judges such a line, but for a table cell (a column of spending headed 广告)', () => {
    const key = (html: string) => classify(html)?.why.key ?? null;
    expect(key('<div class="label">Advertisement</div>')).toBe('reason_ad_label');
    expect(key('<p>ADVERTISEMENT</p>')).toBe('reason_ad_label');
    const cell = el('<table><tr><td>广告</td><td>1200万元</td></tr></table>').querySelector('td')!;
    expect(classifyElement(cell, { stats: new DomStats() })).toBeNull();
  });
});

describe('readMoreLabel', () => {
  const label = (html: string) => readMoreLabel(el(html), new DomStats());

  it.each([
    ['<p><strong>READ MORE:</strong> <a href="/x">Rail fares to rise by 5% in April, operators say</a></p>', 'READ MORE'],
    ['<p>Related: <a href="/y">Airport workers vote to strike over pay</a></p>', 'Related'],
    ['<p>相关阅读：<a href="/a/1">高铁票价四月上调</a></p>', '相关阅读'],
    ['<p>【延伸閱讀】<a href="/a/2">颱風假怎麼放</a></p>', '延伸閱讀'],
  ])('reads %s as a line labelled %s', (html, expected) => {
    expect(label(html)).toBe(expected);
  });

  it.each([
    '<p>Related issues were discussed at length, <a href="/z">the minutes</a> show.</p>',
    '<p>More than 200 people attended, according to <a href="/z">the organisers</a>, who said the event would return next year.</p>',
    '<p>相关阅读：本报此前报道了这一事件的来龙去脉，读者可以在网站上找到。</p>',
  ])('reads no such line in %s', (html) => {
    expect(label(html)).toBeNull();
  });
});


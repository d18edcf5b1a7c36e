/**
 * Rules that say what an element outside the story is: an ad, a teaser block, a widget,
 * boilerplate, navigation or comments. Each rule looks at one element and answers with a kind
 * and a reason a reader can understand, or nothing.
 */
import type { HiddenKind } from './analysis-types';
import { DomStats, LEAD_CHARS, linkDensity, type Weights } from './dom-stats';
import { because, type Cause } from './reasons';
import { INLINE_TAGS, clip, collapseSpace, hiddenByMarkup, leadingRawText, shortTextNodes, trimmedLength, visibleText } from './text';
import { SHOW_TEXT } from './dom-constants';
import { PLATFORMS } from './provenance/self-media';

export interface Verdict {
  kind: HiddenKind;
  /** Why, as a message the popup shows in the reader's language (see reasons.ts). */
  why: Cause;
}

const NO_TOKENS: readonly string[] = [];

/** Splits id/class into lower-case word tokens: `newsAdBox side_ad2 footer2_2011` → news, ad, box, side, ad, footer. */
export function nameTokens(el: Element): readonly string[] {
  const cls = el.getAttribute('class');
  // Read once: in a Firefox content script each DOM read crosses an Xray wrapper.
  const id = el.id;
  // Most elements carry neither; skip the work for them.
  if (!id && !cls) return NO_TOKENS;
  const raw = cls ? `${id} ${cls}` : id;
  // One pass over char codes (this runs on every container of the page): runs of ASCII letters,
  // also split where a lower-case letter meets an upper-case one (camelCase).
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : 0;
    const upper = c >= 65 && c <= 90;
    if (!upper && !(c >= 97 && c <= 122)) {
      if (start >= 0) tokens.push(raw.slice(start, i).toLowerCase());
      start = -1;
    } else if (start < 0) start = i;
    else if (upper && raw.charCodeAt(i - 1) >= 97) {
      tokens.push(raw.slice(start, i).toLowerCase());
      start = i;
    }
  }
  return tokens;
}

/** What the rules read of an element more than once per page (the teaser pass, then classification). */
interface Reading {
  tokens: readonly string[];
  heading: string;
}

// Keyed by the page's stats object, so a fresh DomStats (late-injected nodes) starts a fresh memo;
// the inner map is a plain Map for the same reason as DomStats' own caches.
const readings = new WeakMap<DomStats, Map<Element, Reading>>();

function readingOf(el: Element, ctx: ClutterContext): Reading {
  let memo = readings.get(ctx.stats);
  if (!memo) readings.set(ctx.stats, (memo = new Map()));
  let r = memo.get(el);
  // Every heading the rules look for (评论, 拓展阅读, Related) has weight: an element without any
  // (an image wrapper, an empty ad slot) has none to find.
  if (!r) memo.set(el, (r = { tokens: nameTokens(el), heading: ctx.stats.of(el).weight > 0 ? heading(el, ctx) : '' }));
  return r;
}

const AD_TOKENS = new Set(['ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'adsbygoogle', 'adchoices', 'guanggao', 'gg', 'sponsor', 'sponsored', 'tuiguang', 'adbox', 'adslot', 'dfp', 'tlgg', 'couplet']);
/** Words that label an ad on its own line or in its box, a sponsor's among them (Supported by, 赞助内容). */
const AD_LABEL = /^([广廣]告|推[广廣]|[赞贊]助|AD|Ad|ADVERTISEMENT|Advertisement|Sponsored|SPONSORED|Sponsored [Cc]ontent|SPONSORED CONTENT|Supported by|SUPPORTED BY|Paid [Pp]ost|Paid [Cc]ontent|PAID (?:POST|CONTENT)|[广廣]告位|商[业業]推[广廣]|[赞贊]助[内內]容|推[广廣][内內]容|広告|スポンサードリンク|スポンサーリンク|광고|Anzeige|ANZEIGE|Werbung|Publicité|Publicidad|Pubblicità|Реклама)$/;
const AD_SCRIPT = /googlesyndication|doubleclick|adservice|cpro\.baidu|pos\.baidu|dup\.baidustatic|cbjs\.baidu|tanx\.com|alimama|mediav|adsame|\/ads?[./]|ad\.js|ads\.js|adsbygoogle/i;
/** Affiliate promotions for cloud hosting, the staple ad of small portals. */
const CLOUD_AFFILIATE = /(^|\.)(aliyun\.com|cloud\.tencent\.com|huaweicloud\.com|console\.bce\.baidu\.com|cloud\.baidu\.com|qiniu\.com|ucloud\.cn|jdcloud\.com|vultr\.com|bandwagonhost\.com)$/i;
/** The standard ad units' sizes (IAB): a frame of exactly one of them is an ad slot. Video players are not. */
const AD_FRAME_SIZES = new Set(['728x90', '970x90', '970x250', '960x90', '1000x90', '300x250', '336x280', '300x600', '160x600', '120x600', '468x60', '234x60', '320x50', '320x100', '300x50', '300x100', '250x250', '200x200', '125x125', '180x150']);
/**
 * What a story embeds, whatever its frame's size (a 300x250 map beside a paragraph): the maps and
 * players of known hosts, by host and path, so that a portal's own /embed-banner/ slot stays an ad.
 */
const EMBED_FRAMES: ReadonlyArray<readonly [host: string, path: string]> = [
  ['google.com', '/maps/embed'],
  ['google.cn', '/maps/embed'],
  ['maps.google.com', '/'],
  ['openstreetmap.org', '/export/embed.html'],
  ['map.qq.com', '/'],
  ['apis.map.qq.com', '/'],
  ['map.baidu.com', '/'],
  ['api.map.baidu.com', '/'],
  ['uri.amap.com', '/'],
  ['youtube.com', '/embed/'],
  ['youtube-nocookie.com', '/embed/'],
  ['player.vimeo.com', '/video/'],
  ['player.bilibili.com', '/'],
  ['v.qq.com', '/txp/iframe/'],
  ['v.qq.com', '/iframe/'],
  ['player.youku.com', '/embed/'],
  ['www.ixigua.com', '/iframe/'],
  ['platform.twitter.com', '/embed/'],
  ['instagram.com', '/p/'],
  ['weibo.com', '/tv/'],
];

function isEmbed(src: string): boolean {
  let url: URL;
  try {
    // A relative address is the site's own page, which no host below matches.
    url = new URL(src, 'https://relative.invalid/');
  } catch {
    return false;
  }
  const host = url.hostname;
  return EMBED_FRAMES.some(([h, path]) => (host === h || host.endsWith(`.${h}`)) && url.pathname.startsWith(path));
}
/** True when the line `el` sits in (its nearest block, itself if one) is mostly unlinked text. */
function inRunningText(el: Element, ctx: ClutterContext): boolean {
  let line = el;
  while (INLINE_TAGS.has(line.tagName) && line.parentElement) line = line.parentElement;
  const { weight, linkWeight } = ctx.stats.of(line);
  return weight > linkWeight * 2;
}

/** A word every CLOUD_AFFILIATE host holds: the links without one (nearly all) skip the host parse. */
const AFFILIATE_WORD = /aliyun|cloud|bce|qiniu|vultr|bandwagon/i;

/**
 * Teaser-block headings, simplified and traditional (相關新聞, 延伸閱讀 on Hong Kong and Taiwan sites);
 * a portal's side boxes of other news (头条要闻, 体育要闻), a column's best, past and recent posts
 * (精华文章, 往期推荐, 小编最近文章) and the next or previous story (阅读下一篇).
 * X要闻 counts only as a whole heading: as the first words of a block it is a menu's channel
 * (首页 要闻 国内 …). Brackets, bars and dashes may decorate a heading (【相关阅读】, /阅读下一篇/);
 * group 1 is its words.
 */
/** The next or previous story's label (阅读下一篇, 上一篇, 閱讀下一篇). */
const NEXT_STORY_LABEL = '(?:[阅閱][读讀])?[下上]一篇';
/**
 * Japanese and Korean portals' teaser headings: 関連記事, アクセスランキング, あわせて読みたい;
 * 관련 기사, 많이 본 뉴스, 함께 볼만한 뉴스.
 */
const JA_KO_TEASER_HEADINGS = String.raw`関連(?:記事|ニュース|リンク)|おすすめ(?:の)?(?:記事|ニュース)|(?:あわせて|合わせて)読みたい|こちらもおすすめ|よく読まれている(?:記事|ニュース)|アクセスランキング|ランキング|人気(?:記事|ニュース)|主要ニュース|最新ニュース|注目(?:の)?(?:記事|ニュース)|관련\s?(?:기사|뉴스)|(?:가장\s?)?많이\s?본\s?(?:뉴스|기사)|추천\s?(?:기사|뉴스)|함께\s?(?:볼만한|보면\s?좋은)\s?(?:뉴스|기사)|이\s?시각\s?(?:주요\s?)?뉴스|주요\s?뉴스|최신\s?뉴스|인기\s?(?:기사|뉴스)|랭킹\s?뉴스`;
const TEASER_HEADING = new RegExp(String.raw`^[\s/|｜【\[(（<《—-]*((拓展|延伸|扩展|擴展|相[关關]|推[荐薦])[阅閱][读讀]|相[关關](新[闻聞]|文章|[报報][道導]|推[荐薦])|[为為]你推[荐薦]|[为為][您你]推[荐薦]|猜你喜[欢歡]|[你您]可能[还還也会會]?(喜[欢歡]|想看|感[兴興]趣|有[兴興]趣)|[热熱]([点點]|[门門])推[荐薦]|精彩(視頻|视频)?推[荐薦]|(相[关關]|[热熱][门門]|精彩)(視頻|视频)|(視頻|视频)推[荐薦]|[热熱][门門]排行|排行榜|[热熱][门門](文章|新[闻聞])|[热熱][点點]新[闻聞]|[热熱]文(排行|推[荐薦])|[阅閱][读讀]排行|[点點][击擊]排行|大家都在看|大家[还還]在看|喜[欢歡]此[内內]容的人[还還]喜[欢歡]|看[过過]本文的人[还還]看了|精[华華]文章|往期(推[荐薦]|回[顾顧]|精[选選])|(小[编編]|作者)?(最近|近期)文章|(小[编編]|作者)的?其他文章|今日推[荐薦]|[编編][辑輯]推[荐薦]|最新(文章|新[闻聞]|[资資][讯訊])|更多新[闻聞]|[图圖]片新[闻聞]|精彩[图圖]片|[热熱][门門][标標][签籤]|[\u4e00-\u9fff]{0,4}要[闻聞]$|${NEXT_STORY_LABEL}|related(?!\s*(?:topic|tag))|related (stories|articles|news|content|coverage|posts)|more ((?:[\w’'-]+ ){0,3}(?:stories|news)|from .{1,40})|more(?=\s*[:：])|recommended( for you)?|most (read|popular|viewed)|popular( now| stories)?|trending( now)?|you (may|might) also like|read (more|next)|top stories|latest (news|stories)|what to read next|editors?['’]?s? picks|don['’]t miss|further reading|in case you missed it|${JA_KO_TEASER_HEADINGS})(?![a-z])`, 'i');
const TEASER_TOKENS = new Set(['related', 'recommend', 'recommended', 'relate', 'xgyd', 'xgxw', 'tjyd', 'hot', 'hotnews', 'rank', 'ranking', 'paihang', 'toplist', 'morenews', 'more', 'trending', 'popular', 'mostread', 'outbrain', 'taboola', 'tuijian', 'xiangguan', 'recommendation', 'recommendations']);

/**
 * A list's control, all of a box's text: the button that loads more of it (点击加载更多, 載入更多, Load more),
 * the line shown while the site's script loads it (加载中…, Loading...) or the line saying it has no
 * more (已显示全部内容, 没有更多了). A kept block of teasers still shows them under its related items.
 */
const LIST_CONTROL = /^(?:(?:[点點][击擊])?(?:加[载載]|[载載]入)更多(?:[内內]容)?|(?:正在)?(?:加[载載]|[载載]入)中(?:\.{1,6}|…{1,2})?|已[显顯]示全部(?:[内內]容)?|[没沒]有更多(?:了|[内內]容了?)?|load more(?: stories)?|loading(?:\.{1,3}|…)?)$/i;
/** Weight of the longest LIST_CONTROL text ("Load more stories" weighs 3, 已显示全部内容 7). */
const LIST_CONTROL_MAX_WEIGHT = 8;
const WIDGET_TEXT = /^(分享到|[转轉][发發]到|分享至|一[键鍵]分享|分享|share( this)?( article)?|[扫掃]一[扫掃]|[扫掃][码碼]|打印|【打印】|列印|【列印】|[关關][闭閉](?:窗口|[视視]窗)|【[关關][闭閉](?:窗口|[视視]窗)】|字[号號]|【字[号號]|字[体體][:：]|收藏|[复複][制製](?:[链鏈]接|[连連]結))/i;
const WIDGET_TOKENS = new Set(['share', 'sharing', 'bdshare', 'social', 'qrcode', 'qr', 'erweima', 'fontsize', 'print', 'toolbar', 'tool', 'tools', 'bshare', 'jiathis', 'sharebox', 'newsletter', 'signup', 'subscribe', 'subscription', 'mood', 'biaotai', 'xinqing', 'zan', 'dianzan', 'praise', 'thumbup', 'thumbsup', 'genzong', 'vote']);
/**
 * Words of page tool bars (【打印本页】【关闭窗口】, 【大 中 小】, Listen to this article, Save, Copy link, シェア 印刷, 공유 인쇄):
 * a block made only of them is a widget.
 * These rules' words are also read in traditional characters (列印, 關閉視窗, 複製連結, 免責聲明).
 */
const TOOL_WORDS = /打印本[页頁]|打印本文|打印此文|打印|列印本[页頁]|列印|[关關][闭閉](?:窗口|[视視]窗)|[关關][闭閉]|返回[顶頂]部|回到[顶頂]部|返回[页頁]首|返回首[页頁]|收藏本文|收藏|[调調]整字[体體]|字[体體]|字[号號]|[纠糾][错錯]|沉浸式?[阅閱][读讀]|[复複][制製](?:[链鏈]接|[连連]結)|推[荐薦][给給]朋友|[发發]送[给給]朋友|[发發]表[评評][论論]|我要[评評][论論]|(?:查看)?更多[评評][论論]|查看[评評][论論]|我要[说說][说說]|[评評][论論]|我要[纠糾][错錯]|[举舉][报報]|[检檢][举舉]|不感[兴興]趣|(?:意[见見]|算法)?反[馈饋]|[+＋]?\s?[关關]注|[点點][赞贊讚]|按[赞讚]|在看|追[踪蹤]|[订訂][阅閱]|加入好友|字[级級]|下[载載](?:APP|客[户戶]端)|(?:APP|App)?[内內](?:打[开開]|[开開][启啟])|打[开開]APP|分享|[大中小]|listen to this (?:article|story)|have your say\.?|give us (?:your )?feedback\.?|send (?:us )?feedback|gift this (?:article|story)|copy link|save for later|save|bookmark|シェア|ツイート|ポスト|LINEで送る|はてなブックマーク|ブックマーク|印刷|文字サイズ|공유하기|공유|글자\s?크기|인쇄|스크랩|좋아요|구독|print|close|email|share|top|a\+|a-/gi;
/**
 * Where an English label's word ends (case matters in the patterns built on it): the line's end, a
 * mark, or a capitalised word, the title a label leads to. A lower-case word goes on as a sentence.
 */
const LABEL_END = String.raw`(?=\s*(?:$|[^\sa-z]))`;
/**
 * A sign-up's call: the word alone, before a mark or a capitalised word (Newsletter Get our daily…),
 * or as a call goes on (Sign up for…, Subscribe now). "Subscribers will be refunded", "Sign up
 * rates doubled" and "Newsletter editors were told" open sentences.
 */
const NEWSLETTER = new RegExp(
  String.raw`^(?:(?:[Ss]ign [Uu]p|SIGN UP|[Ss]ubscribe|SUBSCRIBE|[Nn]ewsletters?|NEWSLETTERS?)(?:${LABEL_END}|(?=\s+(?:now|today|here|for|to|free|sign)\b))|[Gg]et (?:the|our) .{0,30}newsletter)`,
);
/**
 * A site's call to read on in its app, all of a box's text: 打开网易新闻 查看更多精彩, 打开APP，阅读体验更佳, 下载客户端 独家抢先看,
 * 更多资讯请下载X客户端, 下载X APP，看更多新闻,
 * 网易新闻 体验更佳 打开, 点击下载APP, 海量资讯、精准解读，尽在新浪财经APP; Open in app; アプリで読む; 앱에서 보기. A sentence about apps
 * (打开APP的用户越来越多。) goes on past the call and stays.
 */
const APP_CALL = String.raw`(?:(?:查看|阅读|閱讀|观看|觀看|看)(?:更多)?(?:精彩|内容|內容|高清图片|高清圖片|全文|原文|评论|評論|视频|視頻|新闻|新聞|资讯|資訊)?|(?:阅读|閱讀)?(?:体验|體驗)更佳|更多精彩|(?:独家|獨家)?(?:抢先看|搶先看))`;
const APP_OPEN = String.raw`(?:点击|立即)?(?:打开|下载|安装|打開|下載|安裝)\s*`;
const APP_PROMPT = new RegExp(
  String.raw`^(?:${APP_OPEN}(?:APP|客户端|客戶端|\S{2,8}?(?:新闻|新聞|APP|App|客户端|客戶端))(?:[\s，,:：!！]*${APP_CALL})?[!！。]?|${APP_OPEN}\S{2,8}?[\s，,:：!！]*${APP_CALL}[!！。]?|\S{2,8}(?:新闻|新聞|APP|App)\s*(?:阅读)?(?:体验|體驗)更佳\s*(?:立即)?(?:打开|打開)?|[^。！？!?]{0,16}(?:尽|盡)在\S{2,10}?(?:APP|App|客户端|客戶端)[!！。]?|更多\S{0,6}?[，,]?\s*(?:请|請|敬请|敬請)?${APP_OPEN}\S{2,10}?(?:APP|App|客户端|客戶端)[!！。]?|open in (?:the )?app|get the app|download (?:the|our) app|read (?:it )?in the app|continue in (?:the )?app|アプリ(?:で(?:読む|開く|見る)|をダウンロード)|앱(?:에서|으로)\s?(?:보기|열기|읽기)|앱\s?다운로드)$`,
  'i',
);
/**
 * A call to follow the account or to go back to the site, all of a box's text: 点击上方蓝字关注我们 (how
 * WeChat articles open), 关注我们，获取更多资讯, 关注公众号：人民网财经 (under its QR code); 返回搜狐，查看更多
 * (under every Sohu story), 【返回列表】, 回到首页.
 */
const FOLLOW_PROMPT = /^(?:(?:点击|點擊)(?:上方|下方|上面|下面)?[“"「]?(?:蓝字|藍字|[^\s“”"「」]{1,10}?)?[”"」]?\s*(?:一键|一鍵)?(?:关注|關注)(?:我们|我們)?|(?:关注|關注)(?:我们|我們)[，,\s]*(?:获取|獲取|了解)更多\S{0,6}|(?:扫码|掃碼|长按|長按)?[，,\s]*(?:关注|關注)(?:微信)?(?:公众号|公眾號)[:：\s]*[“"「《]?[^\s“”"「」《》。，,]{1,16}[”"」》]?)[!！。]?$/;
/**
 * A call to follow the outlet on social networks, all of a line's text however it ends: Follow
 * Newsbeat on Instagram, Facebook, Twitter and YouTube. (BBC's, closing the story); Follow us on X;
 * Chat with us in Facebook Messenger. … (CNN's, under the byline). Only networks may follow "on":
 * "Follow the money on Wall Street." is the story's, and so is "Chat with us on WhatsApp, he said, …".
 */
const NETWORK = String.raw`(?:Instagram|Facebook|Twitter|X|YouTube|TikTok|LinkedIn|Threads|Bluesky|Snapchat|WhatsApp|Telegram|Mastodon|Flipboard|Google News|Apple News)`;
const FOLLOW_ON = new RegExp(String.raw`^[Ff]ollow (?:us|[^\s,.]+(?: [^\s,.]+){0,3}) on ${NETWORK}(?:(?:,? and |, | & )${NETWORK})*[.!]?$|^Chat with us (?:in|on) (?:Facebook Messenger|Messenger|WhatsApp|Telegram)[.!]`);
/**
 * A call to listen to the outlet's show, all of a line's text: Listen to Newsbeat live at 12:45 and
 * 17:45 weekdays - or listen back here. (BBC's, closing the story); Subscribe to X wherever you get
 * your podcasts. Only with the words of such a call: "Listen to the full interview here." is the story's.
 */
const LISTEN_PLUG = /^(?:Listen|Subscribe)(?: to)? .{1,80}?(?:listen back here|wherever you get your podcasts|on (?:BBC Sounds|Apple Podcasts|Spotify|Google Podcasts)(?:(?:,? or |, | and )[A-Z][\w ]{1,20})*)[.!]?$/;
/**
 * A call to follow the outlet's account, all of a line's text however it ends: 更多精彩内容，请关注X微信公众号;
 * 关注观察者网微信guanchacn，每日阅读趣味文章。 The account's kind must follow the name: 关注公众号的读者越来越多 is a sentence.
 */
const FOLLOW_ACCOUNT = /^(?:更多(?:精彩)?(?:内容|內容|资讯|資訊|新闻|新聞)[，,]?\s*)?(?:请|請|欢迎|歡迎)?(?:关注|關注)\S{2,14}?(?:微信(?:公众号|公眾號)?|公众号|公眾號|微博|客户端|客戶端|抖音号?|视频号|視頻號)(?:[:：\s]*[A-Za-z0-9_-]{2,24})?(?:[，,]\s*\S{0,14})?[。!！]?$/;
/**
 * The outlet's link to its editorial standards under the story (Reuters' "Our Standards: The Thomson
 * Reuters Trust Principles.", BBC's "Why you can trust BBC News"): the label, then mostly the link.
 * "Our standards of care have slipped." is a sentence.
 */
const STANDARDS_NOTE = /^(?:(?:our|editorial) standards\s*[:：]|why you can trust\s)/i;
const STANDARDS_NOTE_MAX_WEIGHT = 30;
/**
 * The site's call for news tips and contributions, under many stories: 欢迎提供新闻线索, 报料热线：…,
 * 投稿邮箱：…, 想爆料？, "Have a news tip?". A label counts with the number or address after it: a
 * headline opens with one too (网友爆料：…), and a story mentions a tip line in a sentence.
 */
const TIP_LINE = /(?:[报報爆]料|投稿|新[闻聞](?:线索|線索|[热熱][线線]))(?:[热熱][线線]|[电電][话話]|[邮郵]箱|信箱|方式|渠道)?\s*[:：]\s*(?:[\d(（+]|[\w.-]+@)|[欢歡]迎(?:投稿|[报報爆]料|提供(?:新[闻聞])?(?:线索|線索))|想[爆报報]料|\b(?:have|got) a (?:news )?tip\b|\bsend us (?:a |your )?(?:news )?tips?\b|\bnews tips?\s*:/i;
const TIP_LINE_MAX_WEIGHT = 80;
/** Links that subscribe the reader to a channel or follow an account in one click. */
const SUBSCRIBE_LINK = /[?&]sub_confirmation=1|\b(?:twitter|x)\.com\/intent\/(?:follow|user)\b/;
/** 返回搜狐，查看更多, 【返回列表】, 回到首页, and with the arrows some print after it: 返回腾讯网首页>>. */
const BACK_LINK = /^[【\[]?(?:返回|回到)\S{0,6}?(?:(?:首页|首頁|列表|频道|頻道)[】\]]?|[，,\s]*(?:查看|看)更多)(?:\s*[>»›]+)?$/;
/**
 * A line in the story's box pointing to another story: READ MORE: <a>…</a>, Related: <a>…</a>,
 * 相关阅读：<a>…</a>, 関連記事：, 관련기사:. The label and its mark, then links.
 */
const READ_MORE_LINE = /^[\s【\[(（]*(read more|read also|also read|related|see also|more|watch|recommended|相[关關][阅閱][读讀]|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀]|相[关關]新[闻聞]|相[关關][链鏈]接|相[关關][报報][道導]|[阅閱][读讀]更多|更多[阅閱][读讀]|[关關][联聯][阅閱][读讀]|関連記事|관련\s?기사|관련\s?뉴스)\s*[:：|｜】\]）)>»›]/i;
/** Such a line is short, and nearly all links. */
const READ_MORE_MAX_WEIGHT = 60;

/** The label of a "READ MORE: <link>" line (see READ_MORE_LINE), or null. */
export function readMoreLabel(el: Element, stats: DomStats): string | null {
  const w = stats.of(el);
  if (w.links === 0 || w.links > 2 || w.weight > READ_MORE_MAX_WEIGHT || w.linkWeight < w.weight * 0.6) return null;
  return READ_MORE_LINE.exec(stats.lead(el))?.[1] ?? null;
}

/** An app prompt is a line: a heavier block says more than the call. */
const APP_PROMPT_MAX_WEIGHT = 40;
const SHARE_NETWORKS = 'facebook|messenger|twitter|x|pinterest|whatsapp|linkedin|reddit|telegram|tumblr|flipboard|line|e-?mail|wechat|weixin|qzone|微博|新浪微博|腾讯微博|微信|朋友圈|qq|qq空间|qq好友|豆瓣|豆瓣网|人人|人人网|开心网|邮件';
/**
 * A share button's text: a network's name, "Share this with" / 分享到 and a name, both (a visible
 * name before its off-screen label: "Email Share this with Email"), or share alone; or the button
 * opening the rest of them ("Show more sharing options").
 */
const SHARE_LINK = new RegExp(`^(?:(?:${SHARE_NETWORKS}) )?(?:(?:share(?: this)?(?: with| on| via| to)?|分享到|分享) ?)?(?:${SHARE_NETWORKS}|copy (?:this )?link|复制链接|(?:show )?more (?:sharing|share) options|更多分享)?$`, 'i');
/** Where a share button sends the page (jiathis, Weibo, QQ, Facebook, X …), when its text is only an icon. */
const SHARE_HREF = /jiathis\.com\/send|service\.weibo\.com\/share|connect\.qq\.com\/widget\/share|sns\.qzone\.qq\.com|share\.baidu\.com|facebook\.com\/sharer|twitter\.com\/(?:intent\/tweet|share)|\/\/x\.com\/intent|linkedin\.com\/share|pinterest\.com\/pin\/create|reddit\.com\/submit|api\.whatsapp\.com\/send|t\.me\/share/i;
/** Class words of share buttons drawn as icons (`share-wx`, `bdshare`). */
const SHARE_TOKENS = new Set(['share', 'sharing', 'bdshare', 'bshare', 'jiathis']);
/**
 * The words an icon share box shows beside its icons: the networks' names, a follow prompt with
 * the site's name (关注新华网), share, comment, and the separators between them.
 */
const SHARE_BOX_WORDS = new RegExp(`关注\\S{0,8}|${SHARE_NETWORKS}|分享到?|评论|收藏|share|follow|comments?|[\\s:：|·/]`, 'gi');
/**
 * What else an icon share box may say, in characters (Follow us): anything more (来源：人民日报,
 * 本报记者 张晓明, By Alex Smith, a date, a dek) is a meta line or the story's, whatever icons sit beside it.
 */
const SHARE_BOX_OTHER_CHARS = 2;
/** Icon share boxes are a handful of network names at most (微信 微博 Qzone). */
const SHARE_BOX_MAX_WEIGHT = 40;
/** How a share list's text opens: one opening with other words (a date, a heading) holds more than buttons. */
const SHARE_LEAD = new RegExp(`^(?:share|分享|${SHARE_NETWORKS})`, 'i');
/** Share buttons are a handful of short links; a block past these is more than a share bar. */
const SHARE_LIST_MAX_WEIGHT = 300;

/**
 * Disclaimers, a self-media platform's among them (网易号, 大风号: 本平台仅提供信息存储服务), and
 * an English site's affiliate disclosure (we may earn an affiliate commission if you buy …).
 */
const DISCLAIMER = /不代表.{0,20}(立[场場]|[观觀][点點])|[仅僅]代表作者|免[责責][声聲]明|[转轉][载載][请請][注註]明|[版][权權][归歸].{0,10}所有|未[经經].{0,10}([授][权權]|[许許]可).{0,10}([转轉][载載]|使用)|[仅僅]供[参參]考|仅提供信息存储(空间)?服务|does not (necessarily )?reflect|provides? information storage (space )?services?|may earn (an? )?(small )?affiliate commission|may earn (an? )?commission (if|when) you (buy|purchase)|may earn (a portion of sales|compensation on sales) from/i;
/**
 * A site's numbered rights and disclaimer notice opens with its label (振兴东北网版权与免责声明：,
 * 本站免责声明:, 免责声明：) and runs past the one-line rule's size: the label is all it takes. Only
 * a site's name may come before it: a story's sentence about some terms (协议中的免责声明：) is not one.
 */
const DISCLAIMER_LABEL = /^(?:[^\s。，！？：:]{0,12}?[网網站])?(?:版[权權](?:[与與]|和|及)?)?免[责責][声聲]明\s*[:：]/;
/** A notice of a few numbered points; heavier, the block holds more than the notice. */
const DISCLAIMER_BLOCK_MAX_WEIGHT = 600;
const COPYRIGHT = /copyright|©|\(c\)\s*\d{4}|版[权權]所有|all rights? reserved|icp备|icp证|公网安备|违法和不良信息举报|無断(?:転載|転用|複製)|무단\s?(?:전재|배포)|재배포\s?금지/i;
const COPYRIGHT_ALL = new RegExp(COPYRIGHT.source, 'gi');
/**
 * A site footer's legal lines run long (licences, report lines, a reprint notice), past the size of
 * the one-line rule above; three kinds of them at once (版权所有, ICP证, 公网安备) are no story's.
 */
const FOOTER_MAX_WEIGHT = 500;
const FOOTER_MAX_LINKS = 12;
const FOOTER_MARKS = 3;
/** A breadcrumb's label: 当前位置, 您的位置, 您现在的位置, 您的当前位置, 所在位置, 位置. */
export const BREADCRUMB_LABEL = '(?:[您你]的?)?(?:[当當]前|[现現]在的?|所在|目前)?位置';
const BREADCRUMB = new RegExp(`^${BREADCRUMB_LABEL}\\s*[:：]|^首[页頁]\\s*(>|»|›|&gt;|\\/)`);
/**
 * A breadcrumb without a label whose last step is the page itself: 新华网 > 正文, or with the
 * separator drawn by the stylesheet (新华网 正文). Asked only of small blocks holding a link.
 */
const BREADCRUMB_TAIL = /\S(?:\s*[>»›/|]\s*|\s+)正文$/;
/** The longest breadcrumb of that kind: a site's name and a channel or two. */
const BREADCRUMB_TAIL_MAX_WEIGHT = 40;
/**
 * Steps joined by arrows, all of them links: 中国科普网 > 时政新闻 >. A step is a channel's name;
 * a longer run before an arrow is a box's text before its "更多>>" link, and |<< 1 2 下一页 >>| pages.
 */
const BREADCRUMB_TRAIL = /^[^<>»›|]{1,14}(?:(?:>|»|›)+[^<>»›|]{1,14})+(?:>|»|›)*$/;
/** A self-media platform's crumb (澎湃号 > 中国广州发布) names the account that posted the story: it stays. */
const PLATFORM_CRUMB = new RegExp(`^\\s*(?:${PLATFORMS})`);
/** "More" links end in arrows too (更多资讯>> 诚征合作伙伴>>): no trail has them. */
const MORE_LINK = /更多|\bmore\b/i;
/** Share of a trail's text in its links: all but the arrows. */
const TRAIL_LINK_DENSITY = 0.8;
/**
 * Page-turn links: 第1页/共3页, 上一页 | 下一页, « Previous · Next » (页 also as 頁). Previous is a
 * link's label alone, before a mark or before the capitalised title it leads to (Previous Post
 * Title); before a lower-case word it opens a sentence (Previous talks collapsed in 2019.).
 */
const PAGINATION = new RegExp(String.raw`^(?:第\s*\d+\s*[页頁]|共\s*\d+\s*[页頁]|[<«‹]*\s*上一[页頁]|[<«‹]*\s*(?:[Pp]revious|PREVIOUS)(?:\s+(?:[Pp]age|PAGE))?${LABEL_END})`);
/** What a pager's links say: page numbers and turns (下一页, 末页, >>|, Next). */
const PAGE_LINK_TEXT = /^(?:\d{1,3}|[<«‹]*\s*上一[页頁]|下一[页頁]\s*[>»›]*|首[页頁]|尾[页頁]|末[页頁]|\|?[<«‹]{1,2}|[>»›]{1,2}\|?|prev(?:ious)?(?: page)?|next(?: page)?)$/i;
/**
 * The links of a pager that go to another page: a number or a turn either way (上一页 1 [2] on the
 * last page). Not 首页: as often the site's home as the first page (当前位置：首页 > 正文).
 */
const PAGE_TO = /^(?:\d|[<«‹]*\s*上一[页頁]|下一[页頁]|prev|next)/i;
const PAGE_TURN = /^(?:[<«‹]*\s*上一[页頁]|下一[页頁]|prev|next)/i;
/** More numbered links than a story has pages: a calendar of the archive (1 … 31). */
const MAX_PAGE_NUMBERS = 12;
/**
 * An e-paper's (数字报's) controls: to another issue (上一期, 往期) or page of the printed paper
 * (下一版, 第A02版：要闻), its menus of them (版面导航, 标题导航), and what it prints among them
 * (返回, 日历, 放大). Buttons often run together without a space between them.
 */
const EDITION_WORD = /上一期|下一期|往期|上一版|下一版|(?:版面|[标標][题題]|本版|数字报|數字報)[导導]航|第?[A-Z]?\d{1,3}版[:：](?:(?!上一|下一|第)[^\s|｜]){1,12}|返回|日[历曆]|[网網]站首[页頁]|首[页頁]|放大|[缩縮]小|默[认認]|pdf/gi;
/** Of those, what alone says nothing of an e-paper. */
const EDITION_AUX = /^(?:返回|日[历曆]|[网網]站首[页頁]|首[页頁]|放大|[缩縮]小|默[认認]|pdf)$/i;

/** A block of e-paper words and nothing else: two at least, and one a control, not only what is printed among them. */
function isEditionBar(text: string): boolean {
  let words = 0;
  let controls = 0;
  const rest = text.replace(EDITION_WORD, (word) => {
    words++;
    if (!EDITION_AUX.test(word)) controls++;
    return '';
  });
  return words >= 2 && controls > 0 && !/[^\s|｜]/.test(rest);
}
/**
 * A next- or previous-story label as all of a block's text: the link beside it is empty (阅读下一篇：),
 * or the site says there is none (下一篇：没有了).
 */
const EMPTY_NEXT_STORY = new RegExp(`^${NEXT_STORY_LABEL}\\s*[:：]?\\s*(没有了|暂无|无)?$`);
/**
 * A readers' mood vote under the story (您此时的心情: 开心 难过 点赞, 新闻表情排行, 我要表态): the label
 * as a text of its own, then the votes. A sentence opening with the words (你现在的心情怎么样？) is the story's.
 */
const REACTIONS = /^([您你](此时|此刻|现在|读完|看完)?的心情|(此时|此刻|读完|看完)的?心情|新闻表情排行|心情排行|我要表态)(?=\s|[:：]|$)/;
/** The moods such a vote offers (ifeng's 好文 钦佩 喜欢 泪奔 可爱 思考, sina's 感动 同情 无聊 愤怒), in both scripts. */
const MOOD_WORD = /^(?:好文|[钦欽]佩|喜[欢歡]|[泪淚]奔|可[爱愛]|思考|[开開]心|[难難][过過]|感[动動]|同情|无聊|無聊|[愤憤]怒|搞笑|震[惊驚]|高[兴興]|路[过過]|新奇|雷人|[给給]力|[惊驚][讶訝]|[伤傷]心|[担擔][忧憂]|期待|鄙[视視]|无语|無語)$/;
/** Six moods and their counts, with room to spare. */
const MOOD_VOTE_MAX_WEIGHT = 40;

/**
 * A mood vote printed without its label: four moods at least and nothing else but their counts. One
 * or two such words are a line's (感动 is a headline's word too); a row of them is the vote.
 */
function isMoodVote(text: string): boolean {
  // Most small texts fail on their first word, before the text is split.
  if (!MOOD_WORD.test(text.slice(0, 2))) return false;
  const words = text.replace(TOOL_COUNT, ' ').split(' ').filter((word) => word !== '');
  return words.length >= 4 && words.every((word) => MOOD_WORD.test(word));
}

/** A word every REACTIONS label holds: most small texts have none, and their first text is not looked for. */
const REACTION_WORD = /心情|表情|表态/;
const NAV_TOKENS = new Set(['nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs', 'position', 'location', 'topbar', 'gnav', 'gnavi', 'globalnav', 'gnb', 'lnb', 'snb', 'sitenav', 'subnav', 'header', 'footer', 'sitemap', 'navpath', 'route']);
const COMMENT_TOKENS = new Set(['comment', 'comments', 'disqus', 'pinglun', 'reply', 'replies', 'discuss', 'gentie', 'cmt', 'commt']);
/**
 * A comment section's heading (网友评论, 发表評論, 我要留言, Comments (12), コメント, 댓글 12). The word
 * ends the label: a story's sentence goes on from it (评论认为，…, 评论员文章, 留言的网友…, Comments by
 * the minister…, コメントを求めた…, 댓글을 단…).
 */
const COMMENT_HEADING = /^(?:(?:[网網]友|我要|[热熱][门門]|最新|[发發]表|全部|精彩)?(?:[评評][论論]|留言)(?:[区區]|列表|板)?(?![\u3400-\u9fff])|comments?(?=\s*(?:$|[(\d:]))|(?:コメント|みんなの(?:意見|コメント)|댓글|독자\s?의견)(?:一覧|欄|\s?\d+)?(?=\s*(?:$|[(（\d:])))/i;
/**
 * The English calls to comment, as a heading says them: alone, or before a capitalised word
 * (Leave a Reply Cancel reply) or a mark. Case matters, so "Join the conversation about the
 * bridge on Friday." opens a story's sentence.
 */
const COMMENT_CALL = new RegExp(String.raw`^(?:[Jj]oin [Tt]he [Cc]onversation|JOIN THE CONVERSATION|[Ll]eave [Aa] (?:[Cc]omment|[Rr]eply)|LEAVE A (?:COMMENT|REPLY))${LABEL_END}`);
/**
 * 跟帖 (网易's and 澎湃's word) heads a comment section only as a whole label: a story may open a
 * paragraph with it (跟帖评论服务…). A count before the word (19 跟贴, 0 条评论, 12 Comments) is
 * the link to the comments, set beside the share tools or in the meta line.
 */
const COMMENT_LABEL = /^(?:(?:网友跟帖|热门跟帖|我要跟帖|跟帖|跟贴)\s*[(（]?\d*[)）]?|\d[\d,]*\s*[条條]?(?:跟帖|跟贴|[评評][论論])|\d[\d,]*\s+[Cc]omments?)$/;

/** Whether a text heads a comment section (COMMENT_HEADING, COMMENT_CALL, COMMENT_LABEL). */
const isCommentHeading = (text: string): boolean => COMMENT_HEADING.test(text) || COMMENT_CALL.test(text) || COMMENT_LABEL.test(text);

/**
 * A word of every text rule of classifyElement (BREADCRUMB, BREADCRUMB_TAIL, BREADCRUMB_TRAIL,
 * PAGINATION, EMPTY_NEXT_STORY, the e-paper's controls, REACTIONS, WIDGET_TEXT, the floating
 * rail's BACK_TO_TOP, NEWSLETTER, the QR words, DISCLAIMER, COPYRIGHT, STANDARDS_NOTE, TIP_LINE):
 * a text without one matches none of them.
 */
const RULE_WORDS = /[页頁]|[顶頂]部|back to top|[报報爆]料|投稿|[线線]索|[热熱][线線]|tips?\b|一篇|一期|往期|一版|版[:：]|[导導]航|位置|正文|心情|表[态態]|>|»|›|previous|分享|[转轉][发發]到|share|[扫掃]|打印|列印|[关關][闭閉](?:窗口|[视視]窗)|字[号號]|字[体體]|收藏|[复複][制製](?:[链鏈]接|[连連]結)|sign up|subscribe|newsletter|二[维維][码碼]|不代表|[仅僅]代表作者|免[责責][声聲]明|[转轉][载載][请請][注註]明|版[权權]|未[经經]|[仅僅]供[参參]考|信息存储|does not|information storage|may earn|copyright|©|\(c\)|all rights?|icp|公网安备|违法和不良信息举报|無断|무단|재배포|standards|you can trust/i;
/** A word of every prompt rule (APP_PROMPT, FOLLOW_PROMPT, BACK_LINK). */
const PROMPT_WORDS = /[打下][开開载載]|[体體][验驗]更佳|[尽盡]在|\bapp\b|アプリ|앱|[关關]注|返回|回到/i;

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DT', 'STRONG', 'B']);

/** A heading tag, or a class naming a title or head (`tit`, `hd`, `head`): what labels a block. */
export function isHeadingLike(el: Element): boolean {
  if (HEADING_TAGS.has(el.tagName.toUpperCase())) return true;
  const cls = el.getAttribute('class');
  return !!cls && (cls.includes('tit') || cls.includes('hd') || cls.includes('head'));
}

/** What the clutter rules need to know about the page. */
export interface ClutterContext {
  /** The computed `position` of an element, when layout exists (browser); absent in Node. */
  position?: (el: Element) => string;
  /**
   * Whether the page draws an element now (browser): a floating box it keeps out of sight is left
   * (see waitingBox). Absent, every element counts as drawn.
   */
  shown?: (el: Element) => boolean;
  /** Whether an element covers (nearly) the whole window, stacked above the page (browser): a pop-up's backdrop does. */
  covers?: (el: Element) => boolean;
  /** Cached text/link weights of the page's elements. */
  stats: DomStats;
  /**
   * Elements holding a close control or a QR-code image, collected once for the whole page
   * (see `markBoxes`); without it each element's subtree is searched.
   */
  boxes?: MarkedBoxes;
}

export interface MarkedBoxes {
  close: Set<Element>;
  qr: Set<Element>;
  /** Parents of ad-network scripts. */
  adScript: Set<Element>;
  /** How many cloud-affiliate links each element (a few levels up from them) holds. */
  affiliate: Map<Element, number>;
}

/**
 * A close control: named so by its class, or a control whose click hides its box by script
 * (hexun's pop-up closes with an empty link: onclick="….style.display='none'"). Not by an id: a
 * dialog telling the reader something is closed (wechat's wow_close_inform) is no close control.
 */
const CLOSE_CONTROL = `[class*=close i], [class*=guanbi i], [onclick*="display='none'"], [onclick*='display="none"'], [onclick*="display = 'none'"]`;
const QR_IMAGE = 'img[src*=qr i], img[src*=erweima i], img[alt*=qr i], img[alt*=erweima i], img[alt*=二维码], img[alt*=二維碼]';
/** QR_IMAGE's tests of an image's `src`, and of its `alt`. */
const QR_SRC = /qr|erweima/i;
const QR_ALT = /qr|erweima|二[维維][码碼]/i;
/** Floating boxes and QR widgets are small: their controls sit a few levels down at most. */
const BOX_DEPTH = 6;

/**
 * One look over the page for close controls and QR images, marking the few ancestors that may be
 * their box, and for ad-network scripts, marking their parents. `shortTexts` are the page's text
 * nodes of up to CLOSE_TEXT_MAX characters at least (see shortTextNodes), when already collected.
 */
export function markBoxes(root: Element, shortTexts: readonly Text[] = shortTextNodes(root, CLOSE_TEXT_MAX)): MarkedBoxes {
  const markUp = (from: Element | null, into: Set<Element>): void => {
    for (let el = from, n = 0; el && n < BOX_DEPTH; el = el.parentElement, n++) into.add(el);
  };
  const close = new Set<Element>();
  const qr = new Set<Element>();
  const affiliate = new Map<Element, number>();
  const adScript = new Set<Element>();
  const scripts = root.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i]!;
    if (script.parentElement && AD_SCRIPT.test(script.getAttribute('src') ?? '')) adScript.add(script.parentElement);
  }
  const links = root.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    const a = links[i]!;
    const href = a.getAttribute('href');
    if (!href || !AFFILIATE_WORD.test(href) || !CLOUD_AFFILIATE.test(hostOf(href))) continue;
    for (let el: Element | null = a, n = 0; el && n < BOX_DEPTH; el = el.parentElement, n++) affiliate.set(el, (affiliate.get(el) ?? 0) + 1);
  }
  for (const found of Array.from(root.querySelectorAll(CLOSE_CONTROL))) markUp(found, close);
  // The page's images are few: testing them here costs less than matching five image selectors
  // against every element.
  const images = root.getElementsByTagName('img');
  for (let i = 0; i < images.length; i++) {
    const img = images[i]!;
    if (QR_SRC.test(img.getAttribute('src') ?? '') || QR_ALT.test(img.getAttribute('alt') ?? '')) markUp(img, qr);
  }
  for (const text of shortTexts) {
    if (text.length <= CLOSE_TEXT_MAX && CLOSE_TEXT.test((text.nodeValue ?? '').trim())) markUp(text.parentElement, close);
  }
  return { close, qr, adScript, affiliate };
}

/**
 * A like button named in two English words (36氪's thumb-up-box, thumbsUp), which the page's names
 * split apart: asked together, since a thumb alone is a thumbnail. Written as one word, it is a widget token.
 */
function thumbsUp(tokens: readonly string[]): string | undefined {
  for (let i = 0; i < tokens.length - 1; i++) if ((tokens[i] === 'thumb' || tokens[i] === 'thumbs') && tokens[i + 1] === 'up') return `${tokens[i]}-up`;
  return undefined;
}

/** The boxes bShare's script draws (its share pop-up bsBox, its list bsPanel), named in camelCase that splits "bs" from the rest. */
const BSHARE_BOX = /(?:^|\s)bs(?:Box|Panel|MorePanel)(?:\s|$)/;

/**
 * bShare's share pop-up (its close X, 选择其他平台 >>, 分享到 and the networks' frame): a widely
 * deployed widget, known by the names its script gives its boxes.
 */
function bShareBox(el: Element, tokens: readonly string[]): string | undefined {
  if (!tokens.includes('bs')) return undefined;
  return BSHARE_BOX.test(`${el.id} ${el.getAttribute('class') ?? ''}`) ? 'bshare' : undefined;
}

function has(tokens: readonly string[], set: Set<string>): string | undefined {
  // An indexed loop: asked several times of every container, before the JIT has optimised an iterator.
  for (let i = 0; i < tokens.length; i++) if (set.has(tokens[i]!)) return tokens[i];
  return undefined;
}

/**
 * The element's leading label: a heading-like element at its start (in its first child), else
 * its first words. A heading further down belongs to a nested block, not to this one.
 */
function heading(el: Element, ctx: ClutterContext): string {
  // An empty child (an ad slot not yet filled, a spacer) is not where the block starts: a column
  // opening with one before its 热门文章 box would take that box's name.
  let first = el.firstElementChild;
  while (first && ctx.stats.of(first).weight === 0) first = first.nextElementSibling;
  const inner = first?.firstElementChild;
  // A heading one level down counts when the first child merely wraps it; when that child is a
  // whole block (a page column opening with its 相關文章 box), the heading is the block's own.
  const wrapped = !!first && !!inner && isHeadingLike(inner) && ctx.stats.of(first).weight <= ctx.stats.of(inner).weight + 10;
  const h = first && isHeadingLike(first) ? first : wrapped ? inner! : null;
  if (h && ctx.stats.of(h).weight <= 30) {
    const headText = collapseSpace(h.textContent ?? '');
    if (headText && headText.length <= 30) return headText;
  }
  // When the first words come from a whole first block rather than a short label, they head
  // that nested block (a page column opening with its 相關文章 box), not this one.
  if (first && ctx.stats.of(first).weight > 30 && !hasLeadingText(el, first)) return '';
  return ctx.stats.lead(el);
}

/** The first text in `el` that is not blank, whitespace-collapsed. */
function firstText(el: Element): string {
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (trimmedLength(value) > 0) return collapseSpace(value);
  }
  return '';
}

/** A story's tags after their label, all links: 关键字：LPR, Tags: Banking, Fintech; タグ：…; its topic page's (点击进入专题：X). */
const TAG_LABEL = /^(?:[关關][键鍵][词詞字]|[标標][签籤]|(?:点击|點擊)?进入专题|進入專題|相关专题|相關專題|专题|專題|(?:Related )?Tags?|(?:RELATED )?TAGS?|(?:Related )?Topics?|(?:RELATED )?TOPICS?|Keywords?|KEYWORDS?|Filed [Uu]nder|タグ|キーワード|태그|키워드)\s*[:：]?/;
/** Beside its links a tag row holds only the marks between them. */
const TAG_SEPARATORS = /^[\s,，、;；|｜/·#]*$/;
/** A dozen tags at most: a longer line is more than a tag row. */
const TAG_ROW_MAX_WEIGHT = 80;
/** A box the page's code names for tags (article-body-tags, keywords), for tags listed without a label. */
const TAG_TOKENS = new Set(['tag', 'tags', 'keyword', 'keywords', 'taglist', 'tagcloud', 'biaoqian', 'guanjianci']);
/** A tag is a word or two (Science & Technology, 新能源汽车); a headline is longer. */
const TAG_MAX_AVERAGE_WEIGHT = 8;
const TAG_LIST_MIN_DENSITY = 0.8;

function isTagRow(el: Element, text: string): boolean {
  const label = TAG_LABEL.exec(text);
  if (!label) return false;
  // The label is the only text outside the links (a sentence opening with 关键词 is the story's).
  let unlinked = '';
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest('a')) unlinked += node.nodeValue;
  return TAG_SEPARATORS.test(collapseSpace(unlinked).trim().slice(label[0].trim().length));
}

/** Tags listed without a label in a box named for them (Al Jazeera's article-body-tags): short links and little else. */
function isTagList(w: Weights, density: number, tokens: readonly string[]): boolean {
  return w.links >= 2 && density >= TAG_LIST_MIN_DENSITY && w.weight <= w.links * TAG_MAX_AVERAGE_WEIGHT && has(tokens, TAG_TOKENS) !== undefined;
}

/** A tag row without links marks its tags with a colon, which TAG_LABEL takes, or an arrow (关键词 >> 共享充电宝). */
const TAG_ARROW = /^\s*(?:>>|»|＞＞)/;
/**
 * The tags: a few short words between spaces or commas; a sentence's marks make it a line of the
 * story. Each word ends at a separator or the end, so a long run of text is not tried cut every way.
 */
const UNLINKED_TAGS = /^[\s,，、;；|｜/·#]*(?:[^\s,，、;；|｜/·#。！？!?]{1,12}(?:[\s,，、;；|｜/·#]+|$)){1,8}$/;

/** Tags printed as plain words (thepaper's 关键词 >> 共享充电宝): the label and its mark, then a few short words. */
function isUnlinkedTagRow(text: string): boolean {
  const label = TAG_LABEL.exec(text);
  if (!label) return false;
  const rest = text.slice(label[0].length);
  const arrow = TAG_ARROW.exec(rest);
  if (!arrow && !/[:：]$/.test(label[0])) return false;
  return UNLINKED_TAGS.test(arrow ? rest.slice(arrow[0].length) : rest);
}

/** Text of the element's own before `first`, its first child with text. */
function hasLeadingText(el: Element, first: Element): boolean {
  for (let n = el.firstChild; n && n !== first; n = n.nextSibling) {
    if (n.nodeType === 3 && /\S/.test(n.nodeValue ?? '')) return true;
  }
  return false;
}

function adVerdict(el: Element, tokens: readonly string[], w: Weights, ctx: ClutterContext): Verdict | null {
  const tag = el.tagName;
  const weight = w.weight;
  const adToken = has(tokens, AD_TOKENS);
  if (adToken) return { kind: 'ad', why: because('reason_ad_token', adToken) };
  if (tag === 'INS' && tokens.includes('adsbygoogle')) return { kind: 'ad', why: because('reason_ad_network_slot') };
  if (tag === 'IFRAME') {
    const src = el.getAttribute('src') ?? '';
    if (AD_SCRIPT.test(src)) return { kind: 'ad', why: because('reason_ad_network_frame') };
    // A frame named a banner is one, whatever serves it (a portal's own ad pages).
    if (tokens.includes('banner')) return { kind: 'ad', why: because('reason_ad_token', 'banner') };
    const size = `${el.getAttribute('width') ?? ''}x${el.getAttribute('height') ?? ''}`;
    if (AD_FRAME_SIZES.has(size) && !isEmbed(src)) return { kind: 'ad', why: because('reason_ad_frame_size', size) };
  }
  // A heavy element is judged by its children only when one is an ad script: its labels are not read.
  const scan = weight < 80 || !ctx.boxes || ctx.boxes.adScript.has(el);
  for (let child = scan ? el.firstElementChild : null; child; child = child.nextElementSibling) {
    if (child.tagName === 'SCRIPT') {
      if (AD_SCRIPT.test(child.getAttribute('src') ?? '')) return { kind: 'ad', why: because('reason_ad_script') };
      continue;
    }
    // Every label (广告, 商业推广, Sponsored) weighs 1.5 to 4 units; only those are stringified.
    if (weight >= 80) continue;
    const childWeight = ctx.stats.of(child).weight;
    if (childWeight === 0 || childWeight > 4) continue;
    const label = collapseSpace(child.textContent ?? '');
    if (AD_LABEL.test(label)) return { kind: 'ad', why: because('reason_ad_label', label) };
  }
  // A link in a sentence (阿里云官网（aliyun.com）显示，…) is the story citing the vendor, not an ad.
  if (w.links > 0 && weight < 60 && (!ctx.boxes || ctx.boxes.affiliate.get(el) === w.links) && !inRunningText(el, ctx)) {
    const links = el.tagName === 'A' ? [el] : Array.from(el.querySelectorAll('a'));
    const affiliate = links.filter((a) => CLOUD_AFFILIATE.test(hostOf(a.getAttribute('href') ?? '')));
    if (affiliate.length && affiliate.length === links.length) {
      return { kind: 'ad', why: because('reason_affiliate', hostOf(affiliate[0]!.getAttribute('href') ?? '')) };
    }
  }
  // A box the page keeps out of sight may be one the reader opens (a login box): not hidden now.
  const floating = floatingBox(el, ctx);
  return floating && (ctx.shown?.(el) ?? true) ? floating : null;
}

/** A floating box is small: a pop-up's few lines, a login form, a corner ad. */
const FLOATING_BOX_MAX_WEIGHT = 120;

/**
 * The verdict on a small box with a close control that is fixed or stuck on the screen, drawn or
 * not; null for anything else. Layout is asked last: the weight answers from the cache, and a
 * close control is searched for only when the page's boxes were not marked.
 */
function floatingBox(el: Element, ctx: ClutterContext): Verdict | null {
  const { position, boxes } = ctx;
  if (!position || ctx.stats.of(el).weight >= FLOATING_BOX_MAX_WEIGHT || !(boxes ? boxes.close.has(el) : hasCloseButton(el))) return null;
  const pos = position(el);
  return pos === 'fixed' || pos === 'sticky' ? { kind: 'ad', why: because('reason_floating_box', pos) } : null;
}

/**
 * A floating box with a close control that the page keeps out of sight for now: a login box it
 * opens on the reader's click, a pop-up its script shows later. The floating-box rule leaves it;
 * the cleanup watches it and tells the two apart when it shows (see CleanupOptions.waiting).
 * Asked of the elements the walk meets, as the rule itself is: layout is read only for small boxes
 * holding a close control, and an element out of sight has its style computed on demand.
 */
export function waitingBox(el: Element, ctx: ClutterContext): WaitingBox | null {
  const { shown } = ctx;
  const verdict = shown ? floatingBox(el, ctx) : null;
  return verdict && !shown?.(el) ? { el, why: verdict.why } : null;
}

/**
 * The floating box a page's script brings in one addition, drawn or not: the added element, or
 * the outermost one inside it (a pop-up often comes in a wrapper of its own, with a backdrop).
 * Only a small addition is searched, and only the few elements around its close controls.
 */
export function addedFloatingBox(el: Element, ctx: ClutterContext): { el: Element; verdict: Verdict } | null {
  if (!ctx.position || ctx.stats.of(el).weight >= FLOATING_BOX_MAX_WEIGHT) return null;
  const boxes = markBoxes(el);
  const within: ClutterContext = { ...ctx, boxes };
  let found: { el: Element; verdict: Verdict } | null = null;
  for (const candidate of boxes.close) {
    if (!el.contains(candidate) || (found && found.el.contains(candidate))) continue;
    const verdict = floatingBox(candidate, within);
    if (verdict) found = { el: candidate, verdict };
  }
  return found;
}

/**
 * A share bar a page's script brings: the added element, or the box it lands in (a share SDK fills
 * an empty <div> with its buttons one by one). `verdict` is the added element's own. Only the
 * share-link rule is asked: it reads the links' own words and addresses, and over the corpus it
 * took no line of a page for a bar. Each box is asked once (`asked`, one per batch); `judgeBox` is
 * the batch's verdict of a box (see boxJudge), which the comment rule asks too.
 */
export function addedShareBar(el: Element, verdict: Verdict | null, judgeBox: BoxJudge, asked: Set<Element>): { el: Element; verdict: Verdict } | null {
  if (verdict?.why.key === 'reason_share_links') return { el, verdict };
  const box = el.parentElement;
  if (!box || box === el.ownerDocument.body || asked.has(box)) return null;
  asked.add(box);
  const boxVerdict = judgeBox(box);
  return boxVerdict?.why.key === 'reason_share_links' ? { el: box, verdict: boxVerdict } : null;
}

/** The rules' verdict of a box a late element landed in. */
export type BoxJudge = (box: Element) => Verdict | null;

/** One batch's box verdicts, each box classified once: the share-bar and comment rules ask of the same boxes. */
export function boxJudge(ctx: ClutterContext): BoxJudge {
  const verdicts = new Map<Element, Verdict | null>();
  return (box) => {
    let verdict = verdicts.get(box);
    if (verdict === undefined) verdicts.set(box, (verdict = classifyElement(box, ctx)));
    return verdict;
  };
}

/**
 * The ids comment scripts fill, where the box says nothing of comments by its name: 畅言's
 * <div id="SOHUCS">, Coral's <div id="coral_thread">. Asked only of a box a script fills after
 * load (see addedComments), never at load, where an empty one is nothing to hide.
 */
const COMMENT_BOX_IDS = new Set(['SOHUCS', 'coral_thread']);

/** Whether a box is named as a comment widget's: a comment script's id, or a name of comments (网易's post_comment, 腾讯's qq_comment, disqus_thread). */
function namedForComments(el: Element): boolean {
  return COMMENT_BOX_IDS.has(el.id) || has(nameTokens(el), COMMENT_TOKENS) !== undefined;
}

/**
 * Whether `box` is a thread `comment` lands in: a list of comments, its first and last children
 * two items of the comment's tag named for comments. Its heading may open it (网友评论), and what
 * closes it may follow its last comment (see closesThread). Its ends only: a box the page keeps
 * filling is not walked again with each batch, and one holding more (a related list, a footer)
 * seldom starts and ends with comments. A box holding one widget (腾讯's #Comment) is that widget's.
 */
function isThread(box: Element, comment: Element): boolean {
  const item = (child: Element | null): boolean => child !== null && child.tagName === comment.tagName && namedForComments(child);
  let first = box.firstElementChild;
  // The comment after its heading opens it.
  if (first && !item(first) && opensThread(first)) first = first.nextElementSibling;
  let last = box.lastElementChild;
  // The comment before what closes it closes it.
  for (let n = 0; last && n < THREAD_TAIL && !item(last) && closesThread(last); n++) last = last.previousElementSibling;
  return first !== last && item(first) && item(last);
}

/**
 * A thread's control, all of its text: what loads more of a list (LIST_CONTROL), or more of its
 * comments or replies (加载更多评论, 查看更多评论>>, 展开全部 28 条回复, Load more comments).
 */
const THREAD_CONTROL = /^(?:(?:[点點][击擊])?(?:加[载載]|[载載]入|查看|[显顯]示|展[开開])?更多(?:[评評][论論]|回[复覆復]|留言|跟[贴帖])|(?:查看|展[开開])全部(?:\s?\d+\s?[条條])?(?:[评評][论論]|回[复覆復]|留言|跟[贴帖])|(?:load|show|view|see) more (?:comments|replies))\s?[.…>»›]*$/i;
/** The longest text of a thread's heading or control, in characters (查看全部 1234 条评论 >> is shorter). */
const THREAD_LABEL_CHARS = 24;
/** Characters of a thread's end child read for its heading or control, its markup's indentation with them. */
const THREAD_LABEL_READ = 200;
/** Children passed over after a thread's last comment: its controls and blanks (加载更多评论, 没有更多了 out of sight, a spacer). */
const THREAD_TAIL = 3;

/** A thread's heading (网友评论, 热门评论 (28), Comments): a first child whose whole text is short and heads comments. */
function opensThread(el: Element): boolean {
  // Its first characters only: a child holding more is no heading, however long it is.
  const text = collapseSpace(leadingRawText(el, THREAD_LABEL_READ));
  return text.length <= THREAD_LABEL_CHARS && isCommentHeading(text);
}

/**
 * What may follow a thread's last comment: its control, all of its text (what loads more of a list,
 * LIST_CONTROL, or more of its comments, THREAD_CONTROL), or what shows no text (an empty spacer,
 * an item the markup hides).
 */
function closesThread(el: Element): boolean {
  if (hiddenByMarkup(el)) return true;
  const raw = leadingRawText(el, THREAD_LABEL_READ);
  const text = collapseSpace(raw);
  // Empty only when all of it was read: indentation may come before a long text.
  if (text === '') return raw.length < THREAD_LABEL_READ;
  return text.length <= THREAD_LABEL_CHARS && (LIST_CONTROL.test(text) || THREAD_CONTROL.test(text));
}

/**
 * Where a late comment widget is (see addedComments): beside or below the story's box ('apart'),
 * in that box below its last paragraph ('below'), or where none goes (around the story, in its
 * text, in something listed).
 */
export type CommentPlace = 'apart' | 'below' | null;

/**
 * How far above a late element its comment box is looked for: 网易's thread comes three levels
 * below its named box (#post_comment_area > #tie > .tie-area), and a widget's script often adds
 * its empty wrapper first and fills it in a later batch.
 */
const COMMENT_CLIMB = 3;

/**
 * A comment widget a page's script brings: the added element when the rules take it for comments,
 * or the box it lands in (畅言 fills an empty <div id="SOHUCS">, Disqus its <div id="disqus_thread">
 * with a frame), which was empty at load and so taken for nothing, or a box named for comments a
 * few levels above (网易's post_comment). `verdict` is the added element's own. Inside the story's
 * box only what is named for comments goes, below its last paragraph (`place`): a heading there
 * may be the story's. Each box is asked once (`asked`, one per batch), by name before it is weighed,
 * and none where `place` says none goes (one around the story: weighing it would read the whole page).
 */
export function addedComments(
  el: Element,
  verdict: Verdict | null,
  judgeBox: BoxJudge,
  asked: Set<Element>,
  place: (box: Element) => CommentPlace,
): { el: Element; verdict: Verdict } | null {
  const where = place(el);
  if (!where) return null;
  const own = verdict?.kind === 'comments' && (where === 'apart' || namedForComments(el)) ? { el, verdict } : null;
  const body = el.ownerDocument.body;
  for (let box = el.parentElement, up = 0; box && box !== body && up < COMMENT_CLIMB; box = box.parentElement, up++) {
    const at = place(box);
    if (!at) break;
    // The widget's own box goes whole: what else its script puts there (a login bar) goes with it.
    if (COMMENT_BOX_IDS.has(box.id)) return { el: box, verdict: { kind: 'comments', why: because('reason_comment_section') } };
    // A comment lands in its thread: the thread goes once, and the comments coming into it later
    // are hidden with it, not listed one by one (a script adding 5,000, 250 at a time).
    if (own) return up === 0 && isThread(box, el) ? { el: box, verdict: own.verdict } : own;
    // The box it lands in beside the story is weighed whatever its name (its filling may make it a
    // comment section); above that, or in the story's box, only one named for comments.
    if (asked.has(box) || !((up === 0 && at === 'apart') || namedForComments(box))) continue;
    asked.add(box);
    const boxVerdict = judgeBox(box);
    if (boxVerdict?.kind === 'comments') return { el: box, verdict: boxVerdict };
  }
  return own;
}

/** What a backdrop holds none of: a pop-up's backdrop is an empty pane. */
const BACKDROP_CONTENT = 'a, button, input, select, textarea, iframe, img, video, canvas, svg';
/** How far up from a pop-up its backdrop is looked for among the siblings: a pop-up sits a few levels below the page. */
const BACKDROP_LEVELS = 3;

/**
 * The backdrops drawn behind a floating box: an empty pane, fixed over the whole window, beside the
 * box or beside a block around it (Bootstrap's .modal-backdrop, a site's <div class="mask">). When
 * the box goes, its backdrop would go on dimming the page and catching every click. Without layout
 * (no `position` or `covers`), none.
 */
export function popUpBackdrops(box: Element, ctx: ClutterContext): Element[] {
  const { position, covers } = ctx;
  if (!position || !covers) return [];
  const found: Element[] = [];
  const body = box.ownerDocument.body;
  for (let el: Element | null = box, level = 0; el && el !== body && level < BACKDROP_LEVELS; el = el.parentElement, level++) {
    for (let sibling: Element | null = el.parentElement?.firstElementChild ?? null; sibling; sibling = sibling.nextElementSibling) {
      // The position first: a sibling may be the page's whole wrapper, whose text is long to weigh.
      if (sibling === el || position(sibling) !== 'fixed' || !covers(sibling) || !(ctx.shown?.(sibling) ?? true)) continue;
      if (ctx.stats.of(sibling).weight === 0 && !sibling.querySelector(BACKDROP_CONTENT)) found.push(sibling);
    }
  }
  return found;
}

/** A floating box out of sight at load, with the reason it goes if the page shows it unasked. */
export interface WaitingBox {
  el: Element;
  why: Cause;
}

const CLOSE_TEXT = /^(×|x|X|✕|[关關][闭閉]|[关關][闭閉][广廣]告|close)$/;
/** The longest raw text a close control's is: its word with some space around. */
const CLOSE_TEXT_MAX = 12;

/** A close control inside `el`: a close-named element, or a text that is only ×, X, 关闭 or close. */
function hasCloseButton(el: Element): boolean {
  if (el.querySelector(CLOSE_CONTROL)) return true;
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const v = node.nodeValue ?? '';
    if (v.length <= CLOSE_TEXT_MAX && CLOSE_TEXT.test(v.trim())) return true;
  }
  return false;
}

function hostOf(href: string): string {
  const m = /^(?:https?:)?\/\/([^/?#:]+)/i.exec(href);
  return m ? m[1]! : '';
}

/**
 * Classifies one element that holds no story paragraph. Returns null when nothing marks it as
 * clutter: unknown blocks stay visible.
 */
export function classifyElement(el: Element, ctx: ClutterContext): Verdict | null {
  const { tokens, heading: head } = readingOf(el, ctx);
  const tag = el.tagName;
  const w = ctx.stats.of(el);
  const weight = w.weight;
  const ad = adVerdict(el, tokens, w, ctx);
  if (ad) return ad;

  const density = linkDensity(w);
  // A comment section with nothing to read yet is still one when it holds the frame its threads load into.
  const headed = isCommentHeading(head);
  if (headed || (has(tokens, COMMENT_TOKENS) && (weight > 0 || el.querySelector('iframe') !== null))) {
    return { kind: 'comments', why: headed ? because('reason_comments_heading', clip(head, 12)) : because('reason_comment_section') };
  }
  if (tag === 'NAV' || el.getAttribute('role') === 'navigation') return { kind: 'navigation', why: because('reason_site_navigation') };
  // A box that is one link to subscribe to the outlet's channel (CNN's "THE POINT -- NOW ON YOUTUBE!
  // … Click to subscribe!" between two paragraphs), whatever it says. A link without words (an
  // icon in a bar) is left to the bar's rules, and its address unread: a call into the DOM.
  if (tag === 'A' && weight > 0 && SUBSCRIBE_LINK.test(el.getAttribute('href') ?? '')) return { kind: 'widget', why: because('reason_follow_prompt', clip(collapseSpace(el.textContent ?? ''), 16)) };
  // Asked before the size cut below: off-screen labels (Share this with Facebook) make share lists heavy.
  // Icon buttons with the networks' names beside them (微信 微博 Qzone) are light and not linked text.
  if (w.links >= 3 && weight < SHARE_LIST_MAX_WEIGHT && isShareCandidate(el, w, density, ctx) && isShareList(el)) {
    return { kind: 'widget', why: because('reason_share_links', String(w.links)) };
  }
  // A label alone on its line (广告, Advertisement) announces a slot the page left empty or one no
  // rule names: nothing a reader wants. A table's cell is data (a column headed 广告 in a table of spending).
  const label = tag !== 'TD' ? adLabelVerdict(el, ctx.stats) : null;
  if (label) return label;
  // The text rules below only ever match small elements. The start-anchored ones read the
  // cached first words; the whole text is built only when the first words are not all of it.
  // A footer links its licences (ICP, 公网安备) or its pages; a story paragraph seldom has a link, and
  // its text is not built for this. A notice opening with its 免责声明 label is read from its lead.
  if (weight >= 150) {
    const verdict = structuralVerdict(el, tokens, density, ctx) ?? (weight < FOOTER_MAX_WEIGHT && w.links > 0 && w.links <= FOOTER_MAX_LINKS ? legalFooter(el) : null);
    // A paragraph is the story's, whatever it opens with; a notice is a box of its own.
    return verdict ?? (tag !== 'P' && weight < DISCLAIMER_BLOCK_MAX_WEIGHT && DISCLAIMER_LABEL.test(ctx.stats.lead(el)) ? { kind: 'boilerplate', why: because('reason_disclaimer') } : null);
  }
  const lead = ctx.stats.lead(el);
  // A lead shorter than its limit is the element's whole text.
  const text = lead.length < LEAD_CHARS ? lead : collapseSpace(el.textContent ?? '');
  // Most texts hold no word of any rule below: one test answers for all of them.
  const worded = RULE_WORDS.test(text);
  // A paragraph of unlinked text (a keyword link or two at most) that ends as a sentence is the
  // story's: tool, page-turn and QR words open sentences too (分享经济的兴起…。, 第3页的数据显示…。,
  // Share prices fell.). Stories set in divs have such paragraphs too, between others.
  let isSentence: boolean | undefined;
  const sentence = (): boolean => (isSentence ??= density < 0.5 && SENTENCE_END.test(text) && (tag === 'P' || besideParagraph(el, tag, ctx)));
  const toolWorded = worded && !sentence();
  // The prompts' words (关注, 返回, 打开, app) are common in prose: their own test, only on lines short enough to be one.
  const prompted = weight < APP_PROMPT_MAX_WEIGHT && PROMPT_WORDS.test(text) && !sentence();
  if (worded && weight < 80 && BREADCRUMB.test(text)) return { kind: 'navigation', why: because('reason_breadcrumb', clip(text, 16)) };
  // Quoted from its end as shown, where the rule matched: the page may keep other text in it out of sight.
  if (worded && w.links > 0 && weight < BREADCRUMB_TAIL_MAX_WEIGHT && BREADCRUMB_TAIL.test(text)) {
    return { kind: 'navigation', why: because('reason_breadcrumb', clip(collapseSpace(visibleText(el)), 16, 'end')) };
  }
  if (worded && w.links >= 2 && weight < BREADCRUMB_TAIL_MAX_WEIGHT && density >= TRAIL_LINK_DENSITY && BREADCRUMB_TRAIL.test(text) && !PLATFORM_CRUMB.test(text) && !MORE_LINK.test(text)) {
    return { kind: 'navigation', why: because('reason_breadcrumb', clip(text, 16)) };
  }
  const emptyNext = toolWorded ? EMPTY_NEXT_STORY.exec(text) : null;
  // The label with an empty link beside it, or with 没有了 and no link at all.
  // A page count with somewhere to go is the story's own pager: its other pages are the story.
  if (toolWorded && ((weight < 40 && PAGINATION.test(text) && !isStoryPager(el)) || (emptyNext && (w.links > 0 || emptyNext[1])))) {
    return { kind: 'navigation', why: because('reason_page_turn', clip(text, 16)) };
  }
  if (weight < TAG_ROW_MAX_WEIGHT && (w.links > 0 ? isTagRow(el, text) || isTagList(w, density, tokens) : isUnlinkedTagRow(text))) return { kind: 'navigation', why: because('reason_tag_row', clip(text, 16)) };
  if (worded && isEditionBar(text)) return { kind: 'navigation', why: because('reason_edition_bar', clip(text, 16)) };
  // The label is its own text (the votes come in other elements), so it is read from the first text.
  if (toolWorded && weight < 60 && REACTION_WORD.test(text) && REACTIONS.test(firstText(el))) return { kind: 'widget', why: because('reason_reactions', clip(text, 12)) };
  if (weight < MOOD_VOTE_MAX_WEIGHT && isMoodVote(text)) return { kind: 'widget', why: because('reason_reactions', clip(text, 12)) };

  if (weight < 60 && ((toolWorded && WIDGET_TEXT.test(text)) || isToolText(text) || (toolWorded && isToolRail(text)))) return { kind: 'widget', why: because('reason_tool_bar', clip(text, 12)) };
  if (weight <= LIST_CONTROL_MAX_WEIGHT && LIST_CONTROL.test(text)) return { kind: 'widget', why: because('reason_list_control', text) };
  if (toolWorded && weight < 80 && NEWSLETTER.test(text)) return { kind: 'widget', why: because('reason_newsletter') };
  if (prompted && APP_PROMPT.test(text)) return { kind: 'widget', why: because('reason_app_prompt', clip(text, 16)) };
  if ((prompted && FOLLOW_PROMPT.test(text)) || (weight < APP_PROMPT_MAX_WEIGHT && (FOLLOW_ON.test(text) || LISTEN_PLUG.test(text) || FOLLOW_ACCOUNT.test(text)))) return { kind: 'widget', why: because('reason_follow_prompt', clip(text, 16)) };
  if (prompted && BACK_LINK.test(text)) return { kind: 'navigation', why: because('reason_back_link', clip(text, 16)) };
  const widgetToken = has(tokens, WIDGET_TOKENS) ?? thumbsUp(tokens) ?? bShareBox(el, tokens);
  if (widgetToken && weight < 60) return { kind: 'widget', why: because('reason_widget_token', widgetToken) };
  if (weight <= 40 && (hasQrImage(el, ctx) || (toolWorded && QR_WORDS.test(text)))) return { kind: 'widget', why: because('reason_qr_code') };

  if (worded && w.links > 0 && weight < STANDARDS_NOTE_MAX_WEIGHT && density >= 0.5 && STANDARDS_NOTE.test(text)) return { kind: 'boilerplate', why: because('reason_standards_note') };
  const notice = worded && weight < 150 && isNoticeShaped(text);
  if (notice && DISCLAIMER.test(text)) return { kind: 'boilerplate', why: because('reason_disclaimer') };
  if (notice && COPYRIGHT.test(text)) return { kind: 'boilerplate', why: because('reason_copyright') };
  // After the notices: a block that is both (报料：… 未经授权不得转载) is named for its disclaimer.
  if (worded && weight < TIP_LINE_MAX_WEIGHT && TIP_LINE.test(text)) return { kind: 'boilerplate', why: because('reason_tip_line', clip(text, 16)) };
  return structuralVerdict(el, tokens, density, ctx);
}

/**
 * Worth counting the links of: a block of linked text opening with a network's name, or a small
 * block of icon buttons that is not the story's byline row.
 */
function isShareCandidate(el: Element, w: Weights, density: number, ctx: ClutterContext): boolean {
  if (density > 0.6) return SHARE_LEAD.test(ctx.stats.lead(el));
  return w.weight < SHARE_BOX_MAX_WEIGHT && (el.textContent ?? '').replace(SHARE_BOX_WORDS, '').length <= SHARE_BOX_OTHER_CHARS;
}

/**
 * Three share buttons or more, and at least three in four links: a link with text is one when the
 * text names a network to share on; an icon without text, when its class or address says share.
 */
function isShareList(el: Element): boolean {
  let counted = 0;
  let shared = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) {
    const share = shareButton(a);
    if (share === null) continue;
    counted++;
    if (share) shared++;
  }
  return shared >= 3 && shared * 4 >= counted * 3;
}

/** Whether a link is a share button; null for an icon link that says nothing either way (not counted). */
function shareButton(a: Element): boolean | null {
  const text = collapseSpace(a.textContent ?? '').trim();
  if (text) return SHARE_LINK.test(text);
  return has(nameTokens(a), SHARE_TOKENS) || SHARE_HREF.test(a.getAttribute('href') ?? '') ? true : null;
}

/**
 * A pager of the story's pages (第1页/共3页 下一页, |<< 1 2 3 下一页 >>|, 上一页 1 [2]): every link
 * is a page number or a turn, one of them goes to another page, and there are no more numbers than
 * a story has pages. On an article page, those pages are the rest of the story. `needsTurn` asks
 * for a 上一页/下一页 too, where numbers alone may be something else (a menu of a few archive days).
 */
export function isStoryPager(el: Element, needsTurn = false): boolean {
  const links = el.tagName === 'A' ? [el] : Array.from(el.getElementsByTagName('a'));
  let goes = false;
  let turns = false;
  let numbers = 0;
  for (const a of links) {
    const text = collapseSpace(a.textContent ?? '').trim();
    if (!PAGE_LINK_TEXT.test(text)) return false;
    if (/^\d/.test(text) && ++numbers > MAX_PAGE_NUMBERS) return false;
    const href = (a.getAttribute('href') ?? '').trim();
    if (PAGE_TO.test(text) && href && href !== '#' && !/^javascript:/i.test(href)) goes = true;
    if (PAGE_TURN.test(text)) turns = true;
  }
  return goes && (turns || !needsTurn);
}

/** A link that shares the page on a network (微博, QQ空间, Facebook), by its text, class or address. */
export function isShareLink(a: Element): boolean {
  return shareButton(a) === true;
}

/**
 * A block of a site's legal lines: several kinds of copyright and licence marks. Every rights
 * statement (版权所有, Copyright, ©, All rights reserved) is one kind, so an author box ending
 * "本文版权所有 Copyright © 2024 … All rights reserved" is not yet a footer. One holding a form field
 * (a footer's search box) stays usable.
 */
function legalFooter(el: Element): Verdict | null {
  const kindOf = (mark: string): string => (RIGHTS_MARK.test(mark) ? 'rights' : mark);
  const marks = new Set(Array.from((el.textContent ?? '').matchAll(COPYRIGHT_ALL), (m) => kindOf(m[0].toLowerCase())));
  if (marks.size < FOOTER_MARKS || el.querySelector('input, textarea, select')) return null;
  return { kind: 'boilerplate', why: because('reason_copyright') };
}

/** The rights statements among COPYRIGHT's marks; the others are licences and report lines. */
const RIGHTS_MARK = /^(?:copyright|©|\(c\)|版[权權]所有|all rights? reserved)/;

/** The heaviest ad label on a line of its own: スポンサードリンク weighs 9, Advertisement 1.5. */
const AD_LABEL_LINE_MAX_WEIGHT = 12;

/**
 * A line that only labels an ad (スポンサードリンク over an AdSense slot, a bare 广告 in a div of
 * its own), or a box whose only text it is: with the ad hidden, blocked or never loaded, it
 * announces nothing. The container rule above finds a label in a heavier box's child element. A
 * link reading "AD" is a control, not a label.
 */
export function adLabelVerdict(el: Element, stats: DomStats): Verdict | null {
  const w = stats.of(el);
  if (w.links > 0 || w.weight === 0 || w.weight > AD_LABEL_LINE_MAX_WEIGHT) return null;
  // A label is short: its lead is all of its text.
  const label = stats.lead(el);
  return AD_LABEL.test(label) ? { kind: 'ad', why: because('reason_ad_label', label) } : null;
}

/** A quote as a ticker ends it: the price, then the change and its percentage (18,652.59 -216.12 (-1.15%)). */
const QUOTE = /\d[\d,.]*\s*[+\-−]?\d[\d,.]*\s*[(（][+\-−]?\d[\d.]*%[)）]$/;
/** An index's, a currency's or a share's name beside its numbers; more text is a line of its own. */
const QUOTE_MAX_WEIGHT = 30;
/** Fewer quotes are a line the page prints (a share's price in a story about it), not a ticker. */
const TICKER_MIN_QUOTES = 3;

/**
 * A market ticker (恒指 18,652.59 -216.12 (-1.15%), 道指 …): a list of three quotes or more and
 * nothing else. Asked outside the story's box only: a market report may list the day's moves.
 */
export function tickerVerdict(el: Element, stats: DomStats): Verdict | null {
  // Its first quote is in its first words: a block without a percentage there is no ticker.
  if (el.childElementCount < TICKER_MIN_QUOTES || !stats.lead(el).includes('%')) return null;
  let quotes = 0;
  for (let item = el.firstElementChild; item; item = item.nextElementSibling) {
    const weight = stats.of(item).weight;
    if (weight === 0) continue;
    if (weight > QUOTE_MAX_WEIGHT || !QUOTE.test(collapseSpace(item.textContent ?? '').trim())) return null;
    quotes++;
  }
  return quotes >= TICKER_MIN_QUOTES ? { kind: 'widget', why: because('reason_ticker', String(quotes)) } : null;
}

/** Rules from tag, name and link density alone, for elements of any size. */
function structuralVerdict(el: Element, tokens: readonly string[], density: number, ctx: ClutterContext): Verdict | null {
  const tag = el.tagName;
  if (tag === 'FOOTER' && density > 0.3) return { kind: 'boilerplate', why: because('reason_page_footer') };
  const navToken = has(tokens, NAV_TOKENS);
  if (navToken && (density > 0.6 || isControlMenu(el, ctx))) return { kind: 'navigation', why: because('reason_nav_token', navToken) };
  if (tag === 'HEADER' && density > 0.5) return { kind: 'navigation', why: because('reason_page_header') };
  return null;
}

const CONTROL_ROLES = '[role="button"], [role="link"], [role="menuitem"], [role="tab"]';
/** Fewer controls than this are a block's buttons (收藏, 分享), not a menu. */
const CONTROL_MENU_ITEMS = 4;

/**
 * A menu a site's script drives (今日头条's channels 关注 推荐 财经 …, each an item with
 * role=button): no links to measure it by, but its controls hold most of its text.
 */
function isControlMenu(el: Element, ctx: ClutterContext): boolean {
  const weight = ctx.stats.of(el).weight;
  if (weight === 0) return false;
  let items = 0;
  let held = 0;
  for (const item of Array.from(el.querySelectorAll(CONTROL_ROLES))) {
    // Outermost controls only: a button inside a menu item is the item's.
    const outer = item.parentElement?.closest(CONTROL_ROLES);
    if (outer && el.contains(outer)) continue;
    items++;
    held += ctx.stats.of(item).weight;
  }
  return items >= CONTROL_MENU_ITEMS && held >= weight * 0.6;
}

/** Copyright lines and disclaimers: sentence-like, but never the story. */
export function isBoilerplateText(text: string): boolean {
  return (COPYRIGHT.test(text) || isDisclaimerText(text)) && isNoticeShaped(text);
}

/**
 * What a rights notice or disclaimer says of the page or of itself (本站, 本文, 作者, 不得, ©, this
 * article): a story's sentence about rights (the lawsuit says the company ignored copyright law;
 * 这些图片的版权所有者…; 未经许可转载他人作品的行为…; 这些数据仅供参考) says none of it.
 */
const SELF_REFERENCE = /本[站网網文报報刊台]|本平台|作者|不得|[严嚴]禁|禁止|免[责責][声聲]明|[转轉][载載][请請][注註]明|©|\(c\)|all rights? reserved|copyright\s+\d{4}|版[权權]所有(?![者人方])|icp|公网安备|[举舉][报報]|information storage|may earn|\b(?:this|our) (?:article|story|stories|content|site|website|page|publication|platform)\b|\breflects? the (?:views|opinions)\b/i;

/** Text in double quotes: words a sentence quotes (the label read “All rights reserved”) are not what it says of itself. */
const QUOTED = /“[^”]*”|"[^"]*"|「[^」]*」|『[^』]*』/g;

/** The weight from which a block beside an element reads as a story's paragraph, not a label. */
const NEIGHBOUR_PARAGRAPH_WEIGHT = 30;

/**
 * Whether the element is a paragraph beside a paragraph of prose, as the story's divs are: text
 * and inline elements only (a box holding a heading or a figure is no paragraph), with a sibling
 * just before or after it, a `<p>` or of its own tag, heavy and mostly unlinked.
 */
function besideParagraph(el: Element, tag: string, ctx: ClutterContext): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (!INLINE_TAGS.has(child.tagName)) return false;
  for (const sibling of [el.previousElementSibling, el.nextElementSibling]) {
    if (!sibling || (sibling.tagName !== 'P' && sibling.tagName !== tag)) continue;
    const w = ctx.stats.of(sibling);
    if (w.weight >= NEIGHBOUR_PARAGRAPH_WEIGHT && linkDensity(w) < 0.5) return true;
  }
  return false;
}

/** A notice's line: one that is no sentence (a footer's run of marks), or a sentence about the page itself. */
function isNoticeShaped(text: string): boolean {
  return !SENTENCE_END.test(text) || SELF_REFERENCE.test(text.replace(QUOTED, ''));
}

/** A disclaimer (不代表本站立场, 本平台仅提供信息存储服务 …). */
export function isDisclaimerText(text: string): boolean {
  return DISCLAIMER.test(text);
}

function isToolText(text: string): boolean {
  // A character no tool word, count or separator has settles it without rewriting the text twice.
  if (NOT_TOOL_CHAR.test(text)) return false;
  // Counts beside the tools (点赞(12), 0 收藏 +1) only on a bar of CJK words: "Top 10" is a heading, 7.4万 a count.
  const uncounted = text.replace(TOOL_COUNT, ' ');
  if (uncounted !== text && !CJK_CHAR.test(uncounted)) return false;
  // Labels letter-spaced to a width (收　藏, 评  论) are the words they spell.
  const words = uncounted.replace(LETTER_SPACING, '');
  return /\S/.test(text) && words.replace(TOOL_WORDS, '').replace(TOOL_SEPARATOR, '') === '';
}

const CJK_CHAR = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
/** A count beside a tool: 12, +1, 3.2万, 1.5k. */
const TOOL_COUNT = /[+＋]?\d+(?:\.\d+)?[万wk]?/gi;
/** Spaces between two Han characters: a label set wide. */
const LETTER_SPACING = /(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g;

/** The link back to the top of the page, an item of a page's floating rail. */
const BACK_TO_TOP = /(?:^| )(?:(?:返回|回到)[顶頂]部|[Bb]ack to top)(?= |$)/;
/** A rail's other items are a few short links (新浪首页, 用户反馈, 评论37): more, or longer, is a menu or a line of text. */
const RAIL_MAX_ITEMS = 6;
const RAIL_ITEM_MAX_CHARS = 6;

/**
 * A page's floating rail: back to the top beside a few short links of the site's own (新浪首页
 * 相关新闻 改版调查 返回顶部, 回到首页 回到顶部). Its other words are no tool words, so the whole bar
 * is not tool text; the back-to-top link says what the bar is.
 */
function isToolRail(text: string): boolean {
  const top = BACK_TO_TOP.exec(text);
  if (!top) return false;
  const others = (text.slice(0, top.index) + ' ' + text.slice(top.index + top[0].length)).split(' ').filter((item) => item !== '');
  return others.length < RAIL_MAX_ITEMS && others.every((item) => item.length <= RAIL_ITEM_MAX_CHARS);
}

/** What stands between tool words (【打印】 | 【关闭】): spaces, brackets, bars, colons, dots. */
const TOOL_SEPARATORS = String.raw`\s【】\[\]|｜/·:：()（）-`;
const TOOL_SEPARATOR = new RegExp(`[${TOOL_SEPARATORS}]`, 'g');
/**
 * Any character outside TOOL_WORDS' words and the separators between them, built from the words'
 * own Han, kana and Hangul characters, so a word added to TOOL_WORDS is a word the pre-test lets through.
 */
const NOT_TOOL_CHAR = new RegExp(`[^${[...new Set(TOOL_WORDS.source.match(new RegExp(CJK_CHAR.source, 'g')))].join('')}a-z0-9.+＋万${TOOL_SEPARATORS}]`, 'i');

function hasQrImage(el: Element, ctx: ClutterContext): boolean {
  return ctx.boxes ? ctx.boxes.qr.has(el) : el.querySelector(QR_IMAGE) !== null;
}

const QR_WORDS = /二[维維][码碼]|[扫掃][码碼][关關]注|[扫掃]一[扫掃]/;
/** How a sentence ends: its stop, then any closing quotes or brackets. */
const SENTENCE_END = /[。！？!?.…][”"’'」』）)]*\s*$/;

/** Characters of link text in the elements. */
function linkedText(els: readonly Element[]): number {
  let n = 0;
  for (const el of els) for (const a of Array.from(el.getElementsByTagName('a'))) n += trimmedLength(a.textContent ?? '');
  return n;
}

/** A block of teasers: its heading (拓展阅读, Related …) or name says so, and it is a list of links. */
const NEXT_STORY_HEADING = new RegExp(`${NEXT_STORY_LABEL}$|^read next$`, 'i');

/** True for a teaser heading (as {@link teaserHeading} returns it) naming the next or previous story. */
export function namesNextStory(heading: string): boolean {
  return NEXT_STORY_HEADING.test(heading);
}

export function teaserHeading(el: Element, ctx: ClutterContext): string | null {
  const { tokens, heading: head } = readingOf(el, ctx);
  const m = TEASER_HEADING.exec(head);
  if (m) return m[1]!;
  const w = ctx.stats.of(el);
  const token = has(tokens, TEASER_TOKENS);
  // A menu named "more" (nav_more) is navigation, judged as a whole rather than item by item.
  if (token && w.links >= 2 && linkDensity(w) > 0.3 && !(token === 'more' && has(tokens, NAV_TOKENS))) return token;
  return null;
}

/** The heaviest label a block's name printed beside it has (您可能感兴趣的文章, Related stories). */
const LABEL_MAX_WEIGHT = 30;

/**
 * A teaser block's name printed just before it rather than in it (a title div, then the list, as
 * siblings in a column that holds more): a short label without links that names a teaser block.
 */
export function teaserLabel(el: Element | null, ctx: ClutterContext): string | null {
  if (!el) return null;
  // The cached weights first: most elements asked are no label, and childElementCount is a call into the DOM.
  const w = ctx.stats.of(el);
  if (w.weight === 0 || w.weight > LABEL_MAX_WEIGHT || w.links > 0) return null;
  // A label is its words (in a span at most): a block holding a title and a list is a block of its own.
  if (el.childElementCount > 1) return null;
  const name = TEASER_HEADING.exec(ctx.stats.lead(el))?.[1];
  // 下一篇 beside a block is a page-turn line, not the name of the block after it.
  return name && !namesNextStory(name) ? name : null;
}

/** The teaser items of a block: the repeated children (li, dd, or sibling divs) that carry links. */
export function teaserItems(block: Element): Element[] {
  const lis = Array.from(block.querySelectorAll('li'));
  // Outermost items only: a nested list belongs to its item.
  const isOuter = (li: Element): boolean => {
    const outer = li.parentElement?.closest('li');
    return !outer || outer === block || !block.contains(outer);
  };
  if (lis.length >= 2) {
    const items = lis.filter((li) => li.querySelector('a') && isOuter(li));
    // List items holding little of the block's linked text are its tabs or each teaser's share
    // buttons (网易's 为您推荐: the teasers are divs, each with a list of networks inside).
    if (linkedText(items) * 2 >= linkedText([block])) return items;
  }
  // Without a list, the items are the link-carrying children of the deepest element holding most links.
  let container: Element = block;
  for (;;) {
    let withLinks = Array.from(container.children).filter((c) => c.querySelector('a') || c.tagName === 'A');
    // The block's title with a link of its own (更多>>, 算法反馈) names the items, it is not one of
    // them; items that are headings themselves (an h3 per headline) are all kept.
    if (withLinks.length >= 2 && isHeadingLike(withLinks[0]!) && !isHeadingLike(withLinks[1]!)) withLinks = withLinks.slice(1);
    if (withLinks.length === 1 && withLinks[0]!.children.length > 0) container = withLinks[0]!;
    else return withLinks.length >= 2 ? withLinks : [];
  }
}

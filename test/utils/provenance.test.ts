import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../helpers/dom';
import { chainLines as chain, creditLines as credits } from '../helpers/provenance-lines';
import { extractProvenance, type Provenance } from '../../utils/provenance';

interface PageParts {
  title?: string;
  head?: string;
  meta?: string;
  body: string[];
  tail?: string;
  /** Raw markup after the body, before the teasers (tool bars, share bars). */
  tailHtml?: string;
  teaser?: string;
  publishedAt?: string | null;
  /** Raw markup between the headline and the meta line (a share bar). */
  afterHeadline?: string;
  /** Raw markup before the headline (logo, home link) and at the page's end (copyright). */
  header?: string;
  footer?: string;
  url?: string | null;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A small portal page: headline, meta line, body, end lines, then a teaser block outside the story. */
function page(parts: PageParts): string {
  return `<!doctype html><html><head><title>${esc(parts.title ?? '某地举办读书节_社会_晨光新闻网')}</title>${parts.head ?? ''}</head>
<body>${parts.header ?? ''}<div class="nav"><a href="/">首页</a></div>
<div class="main"><h1>某地举办读书节</h1>${parts.afterHeadline ?? ''}<div class="info">${parts.meta ?? '<span>2024-03-05 08:00</span>'}</div>
<div id="text">${parts.body.map((p) => `<p>${esc(p)}</p>`).join('')}</div>
${parts.tail ? `<div class="end">${esc(parts.tail)}</div>` : ''}${parts.tailHtml ?? ''}
<div class="teasers"><h3>相关阅读</h3><ul><li><a href="/a">${esc(parts.teaser ?? '来源：央视网 另一条新闻 责任编辑：于啸歌')}</a></li><li><a href="/b">第二条</a></li><li><a href="/c">第三条</a></li></ul></div>
</div>${parts.footer ?? ''}</body></html>`;
}

function run(parts: PageParts): Provenance {
  const doc = parseHtml(page(parts));
  return extractProvenance({
    doc,
    articleRoot: doc.querySelector('#text'),
    headline: doc.querySelector('h1'),
    isExcluded: (el) => el.closest('.teasers, .nav, .share') !== null,
    url: parts.url ?? null,
    publishedAt: parts.publishedAt === undefined ? '2024-03-05T08:00' : parts.publishedAt,
  });
}

interface SourceCase {
  name: string;
  parts: PageParts;
  chain: string[];
}

const PUB = '晨光新闻网';

const sourceCases: SourceCase[] = [
  { name: '来源 label in the meta line', parts: { meta: '2024-03-05 08:00 来源：江城日报', body: ['读书节开幕。'] }, chain: [`reprinted-from 江城日报 <- ${PUB} @-`] },
  {
    name: 'a source slot read by its lines: the name, not the follow box beside it',
    parts: { meta: '<div class="sourceTitle"><a href="/media/2583">青禾书话</a><div class="follow"><div>下载客户端<br>独家抢先看</div></div></div><a>2024-03-05 08:00</a>', body: ['读书节开幕。'] },
    chain: [`reprinted-from 青禾书话 <- ${PUB} @-`],
  },
  {
    name: 'a badge line in the source slot is passed over',
    parts: { meta: '<div class="source"><div class="badge">独家</div><div>江城晚报</div></div><a>2024-03-05 08:00</a>', body: ['读书节开幕。'] },
    chain: [`reprinted-from 江城晚报 <- ${PUB} @-`],
  },
  { name: '稿源 label', parts: { body: ['读书节开幕。'], tail: '稿源：北岭晚报' }, chain: [`reprinted-from 北岭晚报 <- ${PUB} @-`] },
  { name: '转载自 in the body', parts: { body: ['读书节开幕。', '本文转载自南湖周刊。'] }, chain: [`reprinted-from 南湖周刊 <- ${PUB} @-`] },
  { name: '本文来自 with quotes', parts: { body: ['读书节开幕。', '本文来自“山海科技评论”'] }, chain: [`reprinted-from 山海科技评论 <- ${PUB} @-`] },
  { name: '本文转自', parts: { body: ['读书节开幕。'], tail: '本文转自东岸观察网' }, chain: [`reprinted-from 东岸观察网 <- ${PUB} @-`] },
  {
    name: 'a rights notice names whose work it is, a foreign outlet’s nationality dropped',
    parts: { meta: '来源：北岭科技', body: ['读书节开幕。', '【美国The Next Web作品的中文相关权益归晨光公司独家所有。未经授权，不得转载。】'] },
    chain: [`reprinted-from 北岭科技 <- ${PUB} @-`, 'reprinted-from The Next Web <- 北岭科技 @-'],
  },
  {
    name: 'a translation’s original comes before the edition whose dateline opens it',
    parts: { body: ['北岭科技网3月4日报道 读书节开幕。', '【美国The Next Web作品的中文相关权益归晨光公司独家所有。】'] },
    chain: [`reprinted-from 北岭科技网 <- ${PUB} @2024-03-04`, 'reprinted-from The Next Web <- 北岭科技网 @-'],
  },
  { name: '本文系X授权 names the licensing outlet', parts: { body: ['读书节开幕。', '本文系《南湖周刊》授权晨光新闻网独家发布。'] }, chain: [`reprinted-from 南湖周刊 <- ${PUB} @-`] },
  { name: '本文系作者授权 and 版权归原作者 name no outlet', parts: { body: ['读书节开幕。', '本文系作者授权发布，版权归原作者所有。'] }, chain: [] },
  {
    name: 'a site’s policy on the works it carries names no source of this story, nor does its placeholder',
    parts: { body: ['读书节开幕。', '凡本网注明“来源：XXX（非本网）”的作品，均转载自其它媒体，并不代表本网赞同其观点。'] },
    chain: [],
  },
  { name: 'a policy naming a real outlet is still a rule, not this story’s source', parts: { body: ['读书节开幕。', '凡注明“来源：江城日报”的作品，版权均属江城日报所有。'] }, chain: [] },
  { name: 'a source line before the site’s policy is still read', parts: { body: ['读书节开幕。', '来源：北岭晚报。凡本网注明“来源：XXX”的作品均转载自其它媒体。'] }, chain: [`reprinted-from 北岭晚报 <- ${PUB} @-`] },
  { name: '转自 opening a line before an account', parts: { body: ['读书节开幕。', '转自江城日报微信公众号'] }, chain: [`reprinted-from 江城日报 <- ${PUB} @-`] },
  { name: '文章转自 in a body line', parts: { body: ['读书节开幕。', '文章转自南湖周刊，有删节。'] }, chain: [`reprinted-from 南湖周刊 <- ${PUB} @-`] },
  { name: '转自 opening a clause is a verb', parts: { body: ['读书节开幕。', '转自他人之手的藏书占了一半。'] }, chain: [] },
  { name: '出处 label', parts: { body: ['读书节开幕。'], tail: '出处：北岭晚报' }, chain: [`reprinted-from 北岭晚报 <- ${PUB} @-`] },
  { name: 'a saying’s 出处 is no source', parts: { body: ['读书节开幕。', '馆长说，这句话的出处：《论语》。'] }, chain: [] },
  { name: 'whose original the text is (本文系X原创)', parts: { body: ['读书节开幕。', '本文系江城观察独家原创，转载请联系授权。'] }, chain: [`reprinted-from 江城观察 <- ${PUB} @-`] },
  { name: 'whose original the text is, an account named in quotes', parts: { body: ['读书节开幕。', '本文为“山海科技评论”原创。'] }, chain: [`reprinted-from 山海科技评论 <- ${PUB} @-`] },
  { name: 'an original of the writer, the site or a reader names no outlet', parts: { body: ['读书节开幕。', '本文系作者原创。', '本文为本站原创。', '本文系网友原创。'] }, chain: [] },
  { name: 'a template’s placeholder is no outlet', parts: { meta: '2024-03-05 08:00 来源：XX网', body: ['读书节开幕。'] }, chain: [] },
  { name: 'an outlet left unnamed (某报) is none', parts: { body: ['据某报3月4日报道，读书节开幕。'] }, chain: [] },
  { name: 'a rights notice about all of a site’s works names no outlet', parts: { body: ['读书节开幕。', '凡在晨光网刊发的作品的中文相关权益归晨光公司所有。'] }, chain: [] },
  // Lines are scanned for labels only when they hold 源, 自 or 首发: 首发于 has neither 源 nor 自.
  { name: '首发于 in the body', parts: { body: ['读书节开幕。', '本文首发于南湖周刊。'] }, chain: [`reprinted-from 南湖周刊 <- ${PUB} @-`] },
  {
    name: '资料来源 lists every outlet, all via the same step',
    parts: { body: ['读书节开幕。', '（资料来源：江城日报、北岭晚报等）'] },
    chain: [`reprinted-from 江城日报 <- ${PUB} @-`, `reprinted-from 北岭晚报 <- ${PUB} @-`],
  },
  {
    name: 'reports stay with the text’s teller when it names what it was compiled from',
    parts: { body: ['据东港日报报道，读书节开幕。', '（资料来源：江城日报、北岭晚报等）'] },
    chain: [`reprinted-from 江城日报 <- ${PUB} @-`, `reprinted-from 北岭晚报 <- ${PUB} @-`, `reported-by 东港日报 <- ${PUB} @-`],
  },
  {
    name: 'a partial 部分内容综合自 source is not the teller either',
    parts: { meta: '来源：江城日报', body: ['据东港日报报道，读书节开幕。'], tail: '部分内容综合自：北岭晚报等' },
    chain: [`reprinted-from 江城日报 <- ${PUB} @-`, `reprinted-from 北岭晚报 <- 江城日报 @-`, `reported-by 东港日报 <- 江城日报 @-`],
  },
  { name: '转自 a WeChat account', parts: { body: ['读书节开幕。', '本文转自青禾读书微信公众号'] }, chain: [`reprinted-from 青禾读书 <- ${PUB} @-`] },
  { name: '转自 a WeChat account named after its kind', parts: { body: ['读书节开幕。', '本文转自微信公众号“青禾读书”。'] }, chain: [`reprinted-from 青禾读书 <- ${PUB} @-`] },
  { name: '来源 a WeChat account named after its kind', parts: { meta: '来源：微信公众号 青禾读书', body: ['读书节开幕。'] }, chain: [`reprinted-from 青禾读书 <- ${PUB} @-`] },
  { name: '本文经X授权 names the licensing account', parts: { body: ['读书节开幕。', '本文经微信公众号“青禾读书”授权转载。'] }, chain: [`reprinted-from 青禾读书 <- ${PUB} @-`] },
  { name: '本文经X授权 names the licensing outlet', parts: { body: ['读书节开幕。', '本文经南湖周刊授权转载。'] }, chain: [`reprinted-from 南湖周刊 <- ${PUB} @-`] },
  // 原载于 and its kin hold none of 源, 自 or 首发.
  { name: '原载于 in the body', parts: { body: ['读书节开幕。', '本文原载于《南湖周刊》。'] }, chain: [`reprinted-from 南湖周刊 <- ${PUB} @-`] },
  { name: '原文刊载于 in the body', parts: { body: ['读书节开幕。', '原文刊载于南湖周刊2月20日第3版。'] }, chain: [`reprinted-from 南湖周刊 <- ${PUB} @-`] },
  { name: '据X报道', parts: { body: ['据东港日报报道，读书节开幕。'] }, chain: [`reported-by 东港日报 <- ${PUB} @-`] },
  { name: '据X消息', parts: { body: ['据湖州电视台消息，读书节开幕。'] }, chain: [`reported-by 湖州电视台 <- ${PUB} @-`] },
  {
    name: 'broadcasters known by names that end like no outlet’s: 美国之音, 德国之声',
    parts: { body: ['据美国之音报道，读书节开幕。', '另据德国之声报道，三百家书店参加。'] },
    chain: [`reported-by 美国之音 <- ${PUB} @-`, `reported-by 德国之声 <- ${PUB} @-`],
  },
  { name: 'X报道称', parts: { body: ['读书节开幕。', '当天，星城晚报报道称，参与人数创新高。'] }, chain: [`reported-by 星城晚报 <- ${PUB} @-`] },
  {
    name: '另据 with a foreign outlet, dated with the page year',
    parts: { body: ['读书节开幕。', '另据英国《泰晤士报》网站3月2日报道，书店销量上升。'] },
    chain: [`reported-by 泰晤士报 <- ${PUB} @2024-03-02`],
  },
  {
    name: '综合X、Y报道',
    parts: { body: ['综合海峡日报、南国晚报报道，读书节开幕。'] },
    chain: [`reported-by 海峡日报 <- ${PUB} @-`, `reported-by 南国晚报 <- ${PUB} @-`],
  },
  {
    name: 'X援引Y报道: Y came through X',
    parts: { body: ['读书节开幕。', '，路透社援引彭博社报道，书价上涨。'] },
    chain: [`reported-by 路透社 <- ${PUB} @-`, `reported-by 彭博社 <- 路透社 @-`],
  },
  {
    name: '接受X采访: the outlet that ran the interview reported what was said',
    parts: { body: ['读书节开幕。', '馆长3月4日在接受东港电视台(DGTV)采访时表示，人数很多。', '他还接受了《南国晚报》记者的专访。'] },
    chain: [`reported-by 东港电视台 <- ${PUB} @2024-03-04`, `reported-by 南国晚报 <- ${PUB} @-`],
  },
  {
    name: 'a wire that sent out the story’s photo (新华社发, 中新社发) reported it',
    parts: { body: ['读书节开幕。', '新华社发（李明摄）', '读者在书市选书。（中新社发 张三 摄）'] },
    chain: [`reported-by 新华社 <- ${PUB} @-`, `reported-by 中新社 <- ${PUB} @-`],
  },
  {
    name: 'a wire’s 发 that starts another word (发展, 发出) is no photo credit',
    parts: { body: ['读书节开幕。', '她曾在新华社发展研究部门工作。', '馆长向新华社发出邀请（见附件）。'] },
    chain: [],
  },
  {
    name: 'a wire’s own poll (路透月度调查显示, 彭博调查发现) was reported by the wire',
    parts: { body: ['读书节开幕。', '路透月度调查显示，书商信心保持稳定。', '彭博社的一项调查发现，书价仍在上涨。'] },
    chain: [`reported-by 路透 <- ${PUB} @-`, `reported-by 彭博社 <- ${PUB} @-`],
  },
  {
    name: 'a wire’s poll in traditional characters (路透月度調查顯示)',
    parts: { body: ['讀書節開幕，這是第十屆。', '路透月度調查顯示，書商信心保持穩定。'] },
    chain: [`reported-by 路透 <- ${PUB} @-`],
  },
  {
    name: 'a poll by anyone but a wire, or the reporter’s own inquiry, names no outlet',
    parts: { body: ['读书节开幕。', '书商协会调查显示，书商信心保持稳定。', '记者调查发现，书价仍在上涨。', '路透社记者在现场看到，人数很多。'] },
    chain: [],
  },
  {
    name: '接受记者采访 and 接受媒体采访 name no outlet',
    parts: { body: ['读书节开幕。馆长接受记者采访时表示，人数很多。', '他多次接受媒体采访，也接受治疗时的采访。'] },
    chain: [],
  },
  {
    name: '据X网站N月N日报道 normalises the outlet and dates it',
    parts: { body: ['据新加坡《联合早报》网站2月20日报道，读书节开幕。'] },
    chain: [`reported-by 联合早报 <- ${PUB} @2024-02-20`],
  },
  {
    name: 'a month after the page date belongs to the previous year',
    parts: { body: ['据美国《华尔街日报》12月30日报道，书价上涨。'] },
    chain: [`reported-by 华尔街日报 <- ${PUB} @2023-12-30`],
  },
  {
    name: 'without the page year the stated words are kept',
    parts: { meta: '<span>晨光新闻网</span>', body: ['据新加坡《联合早报》网站2月20日报道，读书节开幕。'], publishedAt: null },
    chain: [`reported-by 联合早报 <- ${PUB} @2月20日`],
  },
  {
    name: 'wire dateline 新华社北京…电',
    parts: { body: ['新华社北京3月4日电（记者 周明远）读书节开幕。'] },
    chain: [`reported-by 新华社 <- ${PUB} @2024-03-04`],
  },
  {
    name: 'a dateline from 台北: 台 opens the place, it does not end the wire’s name',
    parts: { body: ['新华社台北3月4日电（记者 周明远）读书节开幕。'] },
    chain: [`reported-by 新华社 <- ${PUB} @2024-03-04`],
  },
  {
    name: 'an outlet’s own story heading X N月N日报道 is what the page reprints',
    parts: { body: ['东岸观察网3月4日报道 读书节开幕。'] },
    chain: [`reprinted-from 东岸观察网 <- ${PUB} @2024-03-04`],
  },
  // A sentence opening the body that reports another outlet's words is no heading of that outlet's own story.
  {
    name: 'X援引Y的报道称 opening the body: two reports, no outlet named 路透社援引彭博社',
    parts: { body: ['路透社援引彭博社的报道称，书价上涨。'] },
    chain: [`reported-by 路透社 <- ${PUB} @-`, `reported-by 彭博社 <- 路透社 @-`],
  },
  { name: 'X N日报道，… opening the body is a report', parts: { body: ['东港日报3月4日报道，读书节开幕。'] }, chain: [`reported-by 东港日报 <- ${PUB} @2024-03-04`] },
  { name: 'X援引…报道称 opening the body is a report', parts: { body: ['东港日报援引知情人士报道称，读书节开幕。'] }, chain: [`reported-by 东港日报 <- ${PUB} @-`] },
  {
    name: 'an outlet named in quotes after its region: 据台湾“X社”报道',
    parts: { body: ['据台湾“东港社”3日报道，读书节开幕。', '据“一带一路”报道，书价上涨。'] },
    chain: [`reported-by 东港社 <- ${PUB} @2024-03-03`],
  },
  { name: '有线 is part of a name, not a clause', parts: { body: ['读书节开幕。', '美国有线电视新闻网报道称，书价上涨。'] }, chain: [`reported-by 有线电视新闻网 <- ${PUB} @-`] },
  {
    name: '来源 in a small hidden bar holding the meta line',
    parts: { meta: '<div class="share">发布时间：2024-03-05 08:00 来源：<span>江城日报</span> <a>分享</a></div>', body: ['读书节开幕。'] },
    chain: [`reprinted-from 江城日报 <- ${PUB} @-`],
  },
  {
    name: 'a small share bar under the headline does not end the meta line',
    parts: { afterHeadline: '<div class="share">分享到：<a>微博</a><a>微信</a></div>', meta: '2024-03-05 08:00 来源：江城日报', body: ['读书节开幕。'] },
    chain: [`reprinted-from 江城日报 <- ${PUB} @-`],
  },
  {
    name: 'the 信息来源 line of a small hidden tool bar after the body',
    parts: { body: ['读书节开幕。'], tailHtml: '<div class="share"><a>打印</a><a>关闭</a><p>信息来源：江城日报</p></div>' },
    chain: [`reprinted-from 江城日报 <- ${PUB} @-`],
  },
  { name: '中新网…电', parts: { body: ['中新网3月4日电 读书节开幕。'] }, chain: [`reported-by 中新网 <- ${PUB} @2024-03-04`] },
  { name: 'X消息 opening the body: the outlet’s own story', parts: { body: ['南湖网消息（晚间新闻）：读书节开幕。'] }, chain: [`reprinted-from 南湖网 <- ${PUB} @-`] },
  { name: '最新消息 opening the body names no outlet', parts: { body: ['最新消息：读书节开幕。'] }, chain: [] },
  { name: '本报讯 names no other outlet', parts: { body: ['本报讯（记者 孙立平）读书节开幕。'] }, chain: [] },
  { name: '新京报讯', parts: { body: ['新京报讯（记者 韩雪梅）读书节开幕。'] }, chain: [`reported-by 新京报 <- ${PUB} @-`] },
  {
    name: 'a dateline of the 来源 outlet merges into the reprint, giving it a date',
    parts: { meta: '2024-03-05 来源：新华社', body: ['新华社北京3月4日电 读书节开幕。', '据东港日报报道，人数很多。'] },
    chain: [`reprinted-from 新华社 <- ${PUB} @2024-03-04`, `reported-by 东港日报 <- 新华社 @-`],
  },
  {
    name: 'reports are relayed by the reprinted outlet',
    parts: { meta: '来源: 参考消息网', body: ['参考消息网3月5日报道 据日本《朝日新闻》3月3日报道，书店回暖。'] },
    chain: [`reprinted-from 参考消息网 <- ${PUB} @2024-03-05`, `reported-by 朝日新闻 <- 参考消息网 @2024-03-03`],
  },
  {
    name: 'a foreign outlet glossed with its Latin name goes by it',
    parts: { body: ['据美国有线电视新闻网（CNN）3月3日报道，书店回暖。', '据日本广播协会（NHK）报道，书价上涨。'] },
    chain: [`reported-by CNN <- ${PUB} @2024-03-03`, `reported-by NHK <- ${PUB} @-`],
  },
  {
    name: 'a station’s programme goes by the station',
    parts: { body: ['据中国之声《新闻和报纸摘要》报道，书店回暖。', '据央视《新闻联播》报道，书价上涨。'] },
    chain: [`reported-by 中国之声 <- ${PUB} @-`, `reported-by 央视 <- ${PUB} @-`],
  },
  { name: 'a company glossed in Latin is no outlet', parts: { body: ['据该公司（ABC Corp）称，书店回暖。'] }, chain: [] },
  {
    name: 'one outlet by its full and short names (中国新闻网, 中新网) is one step',
    parts: { meta: '来源：中国新闻网', body: ['中新网江城3月4日电（记者 王小明）读书节开幕。'] },
    chain: [`reprinted-from 中国新闻网 <- ${PUB} @2024-03-04`],
  },
  { name: 'English wire dateline (Reuters) -', parts: { body: ['LONDON (Reuters) - Book sales rose.'] }, chain: [`reported-by Reuters <- ${PUB} @-`] },
  { name: 'English sign-off — The Associated Press', parts: { body: ['Book sales rose.', '— The Associated Press'] }, chain: [`reported-by Associated Press <- ${PUB} @-`] },
  {
    name: 'This article originally appeared on X',
    parts: { body: ['Book sales rose.', 'This article originally appeared on The Conversation.'] },
    chain: [`reprinted-from The Conversation <- ${PUB} @-`],
  },
  {
    name: 'Republished with permission from X',
    parts: { body: ['Book sales rose.', 'Republished with permission from Harbor Weekly.'] },
    chain: [`reprinted-from Harbor Weekly <- ${PUB} @-`],
  },
  {
    name: 'Reprinted with permission, first appeared in, republished from X',
    parts: { body: ['Book sales rose.', 'Reprinted with permission from Harbor Weekly. This story first appeared in The Dune Ledger.', 'This article is republished from The Conversation under a Creative Commons license.'] },
    chain: [`reprinted-from Harbor Weekly <- ${PUB} @-`, 'reprinted-from The Dune Ledger <- Harbor Weekly @-', 'reprinted-from The Conversation <- The Dune Ledger @-'],
  },
  { name: 'English sign-off — Reuters', parts: { body: ['Book sales rose.', '— Reuters'] }, chain: [`reported-by Reuters <- ${PUB} @-`] },
  { name: 'X contributed to this report', parts: { body: ['Book sales rose.', 'Reuters contributed to this report.'] }, chain: [`reported-by Reuters <- ${PUB} @-`] },
  {
    name: 'a wire’s writer contributed to this report: the wire reports, the writer is credited',
    parts: { body: ['Book sales rose.', 'Associated Press writer Jane Doe contributed to this report.'] },
    chain: [`reported-by Associated Press <- ${PUB} @-`],
  },
  { name: 'a person contributing names no outlet', parts: { body: ['Book sales rose.', 'Jane Doe contributed to this report.'] }, chain: [] },
  { name: 'as first reported by X', parts: { body: ['Book sales rose, as first reported by Axios.'] }, chain: [`reported-by Axios <- ${PUB} @-`] },
  { name: 'This story was produced by X', parts: { body: ['Book sales rose.', 'This story was produced by ProPublica, a nonprofit newsroom.'] }, chain: [`reprinted-from ProPublica <- ${PUB} @-`] },
  {
    name: 'A version of this story appeared in X, not in print',
    parts: { body: ['Book sales rose.', 'A version of this story appeared in the Harbor Times.', 'A version of this article appeared in print on March 5.'] },
    chain: [`reprinted-from Harbor Times <- ${PUB} @-`],
  },
  { name: 'an English source line naming an outlet', parts: { body: ['Book sales rose.', 'Source: Reuters'] }, chain: [`reprinted-from Reuters <- ${PUB} @-`] },
  { name: 'an English source line naming two outlets', parts: { body: ['Book sales rose.', 'Sources: AP and The Harbor Times.'] }, chain: [`reprinted-from Associated Press <- ${PUB} @-`, `reprinted-from The Harbor Times <- ${PUB} @-`] },
  { name: 'an English source line naming data, or a sentence about a source, is none', parts: { body: ['Book sales rose.', 'Source: Bureau of Labor Statistics', 'Source: Reuters said the talks had stalled, a union official told reporters.'] }, chain: [] },
  { name: 'first appeared in a month or a place is no reprint', parts: { body: ['Book sales rose.', 'The symptoms first appeared in March and were republished from Geneva reports.'] }, chain: [] },
  { name: 'According to X', parts: { body: ['Book sales rose, according to nobody.', 'According to the Financial Times, sales rose.'] }, chain: [`reported-by Financial Times <- ${PUB} @-`] },
  { name: 'According to X. A new sentence', parts: { body: ['According to the Harbor Times. Sales rose.'] }, chain: [`reported-by Harbor Times <- ${PUB} @-`] },
  { name: 'X reported', parts: { body: ['读书节开幕。', 'Bloomberg reported that sales rose.'] }, chain: [`reported-by Bloomberg <- ${PUB} @-`] },
  { name: 'According to a report in X', parts: { body: ['According to a report in The Wall Street Journal, sales rose.'] }, chain: [`reported-by The Wall Street Journal <- ${PUB} @-`] },
  { name: 'By X | Wire', parts: { meta: 'By Jane Doe | Reuters', body: ['Book sales rose.'] }, chain: [`reprinted-from Reuters <- ${PUB} @-`] },
  { name: 'With files from X', parts: { body: ['Book sales rose.', 'With files from The Canadian Press'] }, chain: [`reported-by The Canadian Press <- ${PUB} @-`] },
  { name: '— X closing the story', parts: { body: ['Book sales rose.', '— The Canadian Press'] }, chain: [`reported-by The Canadian Press <- ${PUB} @-`] },
  { name: 'Syndicated from X', parts: { body: ['Book sales rose.', 'Syndicated from The Harbor Times'] }, chain: [`reprinted-from The Harbor Times <- ${PUB} @-`] },
  { name: '— a person, or a clause, closing a line is no outlet', parts: { body: ['Book sales rose.', '— Jane Doe', '— and then the talks stalled'] }, chain: [] },
  {
    name: 'a self-media account beside the platform’s tag',
    parts: { meta: '<span class="acct"><span>青禾读书</span><span>企鹅号</span></span> 2024-03-05', body: ['读书节开幕。'] },
    chain: [`reprinted-from 青禾读书 <- ${PUB} @-`],
  },
  {
    name: 'the account card of a post, before the 来源 it names',
    parts: { body: ['读书节开幕。'], tail: '来源：江城日报', footer: '<p>特别声明：以上内容为自媒体平台“网易号”用户上传并发布</p><div class="user-info"><h4>东岸观察</h4></div>' },
    chain: [`reprinted-from 东岸观察 <- ${PUB} @-`, `reprinted-from 江城日报 <- 东岸观察 @-`],
  },
  {
    name: 'a 来源 list keeps an account whose name ends in 发布',
    parts: { body: ['读书节开幕。'], tail: '来源|江城参考、南湖发布、北岭晚报' },
    chain: [`reprinted-from 江城参考 <- ${PUB} @-`, `reprinted-from 南湖发布 <- ${PUB} @-`, `reprinted-from 北岭晚报 <- ${PUB} @-`],
  },
  { name: '发布时间 after a 来源 ends its value', parts: { meta: '来源：江城日报 发布时间：2024-03-05', body: ['读书节开幕。'] }, chain: [`reprinted-from 江城日报 <- ${PUB} @-`] },
  {
    name: 'the account a platform’s breadcrumb leads to',
    parts: { meta: '<div class="crumb"><a>澎湃号</a> &gt; <a>南湖发布</a></div>', body: ['读书节开幕。'] },
    chain: [`reprinted-from 南湖发布 <- ${PUB} @-`],
  },
  {
    name: '据X…电 with the place after the wire',
    parts: { body: ['据新华社拉萨3月4日电（记者 格桑边觉）读书节开幕。'] },
    chain: [`reported-by 新华社 <- ${PUB} @2024-03-04`],
  },
  {
    name: 'a digest’s items headed 【outlet】 all came through its 来源',
    parts: { meta: '来源：财经汇总网', body: ['【江城日报】读书节开幕 三百家书店参加', '读书节开幕。', '【北岭晚报】书价上涨', '书价上涨。'] },
    chain: [`reprinted-from 财经汇总网 <- ${PUB} @-`, `reprinted-from 江城日报 <- 财经汇总网 @-`, `reprinted-from 北岭晚报 <- 财经汇总网 @-`],
  },
  {
    name: 'a digest’s items headed by well-known outlets whose names end like no outlet’s',
    parts: { meta: '来源：财经汇总网', body: ['【21世纪经济报道】读书节开幕', '读书节开幕。', '【券商中国】书价上涨', '书价上涨。', '【深度】书店的冬天', '书店关门。'] },
    chain: [`reprinted-from 财经汇总网 <- ${PUB} @-`, `reprinted-from 21世纪经济报道 <- 财经汇总网 @-`, `reprinted-from 券商中国 <- 财经汇总网 @-`],
  },
  {
    name: 'a wire named alone under the byline makes the story the wire’s, its dateline merged',
    parts: { meta: '<div>By ANNA REED</div><div>Associated Press</div>', body: ['LONDON (AP) — Book sales rose.'] },
    chain: [`reprinted-from Associated Press <- ${PUB} @-`],
  },
  {
    name: 'an outlet’s reporter opening the body: the story is that outlet’s',
    parts: { body: ['江城晚报·南湖日报记者马俊峰/文', '读书节开幕。'] },
    chain: [`reprinted-from 南湖日报 <- ${PUB} @-`],
  },
  {
    name: 'an outlet’s reporter after a bar',
    parts: { body: ['南湖新闻记者 | 马俊峰', '读书节开幕。'] },
    chain: [`reprinted-from 南湖新闻 <- ${PUB} @-`],
  },
  {
    name: 'an outlet’s app, a bar, then its reporter',
    parts: { body: ['南湖日报客户端 | 记者 马俊峰', '读书节开幕。'] },
    chain: [`reprinted-from 南湖日报 <- ${PUB} @-`],
  },
  {
    name: 'a paper, then its app that reads as no outlet, then its reporter: the paper',
    parts: { body: ['南湖晚报·南湖壹点 记者 马俊峰', '读书节开幕。'] },
    chain: [`reprinted-from 南湖晚报 <- ${PUB} @-`],
  },
  { name: 'an outlet, a space, then its reporter', parts: { body: ['南湖日报 记者 马俊峰', '读书节开幕。'] }, chain: [`reprinted-from 南湖日报 <- ${PUB} @-`] },
  { name: 'a reporter of the page’s own paper names no outlet', parts: { body: ['本报 记者 马俊峰', '读书节开幕。'] }, chain: [] },
  { name: 'an outlet named with digits', parts: { body: ['21世纪经济报道记者马俊峰 北京报道', '读书节开幕。'] }, chain: [`reprinted-from 21世纪经济报道 <- ${PUB} @-`] },
  { name: 'a name/outlet byline in the meta line', parts: { meta: '<p>石佳/北岭青年报</p><p>2024-03-05</p>', body: ['读书节开幕。'] }, chain: [`reprinted-from 北岭青年报 <- ${PUB} @-`] },
  { name: 'a bare 《outlet》 after the meta line’s date', parts: { meta: '2024年03月05日 08:00 《江城周刊》', body: ['读书节开幕。'] }, chain: [`reprinted-from 江城周刊 <- ${PUB} @-`] },
  {
    name: 'a meta source shown only as the wire dateline is read as the dateline',
    parts: { head: '<meta name="source" content="新华社">', body: ['新华社北京3月4日电 读书节开幕。'] },
    chain: [`reported-by 新华社 <- ${PUB} @2024-03-04`],
  },
  {
    name: 'a news site under its formal and its brand name is one source, named by the brand',
    parts: { meta: '来源：青禾新闻网', body: ['读书节开幕。'], tail: '文章来源：青禾网' },
    chain: [`reprinted-from 青禾网 <- ${PUB} @-`],
  },
  {
    name: 'an English byline in a small hidden bar of the meta line is still read',
    parts: { meta: '<div class="share"><div>By Anna Reed, CNN</div><a>Share</a></div>', body: ['Book sales rose.'] },
    chain: [`reprinted-from CNN <- ${PUB} @-`],
  },
  { name: 'By two names, an outlet', parts: { body: ['By Anna Reed and Tom Baker, The Harbor Post', 'Book sales rose.'] }, chain: [`reprinted-from The Harbor Post <- ${PUB} @-`] },
  { name: 'CNN’s dateline', parts: { body: ['LONDON (CNN) — Book sales rose.'] }, chain: [`reported-by CNN <- ${PUB} @-`] },
  { name: 'By Name, CNN: a network writer’s story', parts: { body: ['By Anna Reed, CNN', 'Book sales rose.'] }, chain: [`reprinted-from CNN <- ${PUB} @-`] },
  // Negatives: nothing here names a source of this article.
  { name: 'a quoted person is not an outlet', parts: { body: ['读书节开幕。', '，馆长王建国称，今年人数翻倍。', '，专家李明指出，阅读很重要。'] }, chain: [] },
  { name: 'unnamed 据外媒报道 gives no entry', parts: { body: ['据外媒报道，书价上涨。', '据媒体报道，书店回暖。'] }, chain: [] },
  { name: 'a brand that ends in 媒体 is an outlet', parts: { body: ['据钛媒体报道，书价上涨。'] }, chain: [`reported-by 钛媒体 <- ${PUB} @-`] },
  { name: 'a country’s or region’s media name no outlet', parts: { body: ['据美国媒体报道，书价上涨。', '据日本媒体消息，书店回暖。', '据西方媒体报道，读者增多。'] }, chain: [] },
  { name: '来源：综合 names no outlet', parts: { body: ['读书节开幕。'], tail: '来源：综合' }, chain: [] },
  {
    name: 'a picture’s, video’s or data’s 来源 is not the article’s',
    parts: { body: ['读书节开幕。', '图片来源：视觉中国', '视频来源：抖音用户@小王', '数据来源：国家统计局', '封面图片来源：图虫创意', '数据来源于滨海统计年鉴。'] },
    chain: [],
  },
  { name: 'a teaser 来源 is not this article’s', parts: { body: ['读书节开幕。'], teaser: '来源：央视网 央视网消息：另一件事' }, chain: [] },
  { name: 'a teaser’s rights notice is not this article’s', parts: { body: ['读书节开幕。'], teaser: '【美国The Next Web作品的中文相关权益归晨光公司独家所有】另一件事' }, chain: [] },
  { name: '载于 as an ordinary verb in prose', parts: { body: ['读书节开幕。', '具体名单载于附表，刊于本期第三版。'] }, chain: [] },
  { name: '来源 as an ordinary noun in prose', parts: { body: ['读书节开幕。', '图书馆的主要经费来源是财政拨款和社会捐赠，今年共收到捐赠五十万元，用于购买新书。'] }, chain: [] },
  { name: '来源：本站原创 is the publisher itself', parts: { body: ['读书节开幕。'], tail: '来源：本站原创' }, chain: [] },
  { name: 'a 来源 naming the publisher is not a reprint', parts: { meta: '来源：晨光新闻网', body: ['读书节开幕。'] }, chain: [] },
  {
    name: 'a platform named only in the story does not make the page a post',
    parts: { body: ['读书节开幕，不少头条号作者到场。'], footer: '<div class="user-info"><h4>东岸观察</h4></div>' },
    chain: [],
  },
  {
    name: 'a platform’s menu entry is not an account',
    parts: { header: '<ul class="menu"><li><a>创作者中心</a></li><li><a>头条号</a></li></ul>', body: ['读书节开幕。'], footer: '<p>以上内容由头条号用户上传</p>' },
    chain: [],
  },
  { name: 'a hotline opening the body is no dateline', parts: { body: ['违法和不良信息举报电话：12345', '读书节开幕。'] }, chain: [] },
  { name: '据 a body’s 《document》 cites no outlet', parts: { body: ['据市文化局《阅读推广活动信息披露办法》，书店可申请补贴。'] }, chain: [] },
  { name: '来源：转载文章 names no one', parts: { meta: '来源：转载文章', body: ['读书节开幕。'] }, chain: [] },
  { name: '来源：商讯 is a category, not an outlet or a person', parts: { meta: '来源：商讯', body: ['读书节开幕。'] }, chain: [] },
  { name: 'a bare name after the date that the page credits is the writer', parts: { meta: '2024-03-05 08:00 青禾', body: ['读书节开幕。'], tail: '执笔/青禾' }, chain: [] },
  { name: 'a platform in the 来源 line is not an outlet', parts: { meta: '来源：晨光新闻网·澎湃号', body: ['读书节开幕。'] }, chain: [] },
  {
    name: 'a 来源 in a large hidden block after the body is another story’s',
    parts: { body: ['读书节开幕。'], tailHtml: `<div class="share"><p>${'另一条新闻的摘要文字，'.repeat(12)}</p><p>来源：江城日报</p></div>` },
    chain: [],
  },
  {
    name: 'a large hidden block under the headline still ends the meta line',
    parts: { afterHeadline: `<div class="share"><p>${'推荐阅读的另一条新闻，'.repeat(12)}</p></div><p>来源：江城日报</p>`, body: ['读书节开幕。'] },
    chain: [],
  },
  { name: 'a platform’s channel after it in a 来源 line is not an outlet', parts: { meta: '来源：晨光新闻网·澎湃号·政务', body: ['读书节开幕。'] }, chain: [] },
  { name: '【深度】 heads a column, not an outlet’s item', parts: { body: ['【深度】读书节观察', '读书节开幕。'] }, chain: [] },
  { name: 'a section name alone in the meta line is no wire', parts: { meta: '<div>By ANNA REED</div><div>World News</div>', body: ['Book sales rose.'] }, chain: [] },
  { name: 'a wire photographer’s credit opening the body is no byline', parts: { body: ['新华社记者 谢明轩 摄', '读书节开幕。'] }, chain: [] },
  { name: '本报记者 names the page’s own paper', parts: { meta: '本报记者 王乐天', body: ['读书节开幕。'] }, chain: [] },
  { name: 'government bodies are not reporting outlets', parts: { body: ['据市文化局消息，读书节开幕。'] }, chain: [] },
  { name: 'an outlet in brackets after the last sentence', parts: { body: ['读书节开幕。', '活动将持续一周。（人民日报海外版）'] }, chain: [`reprinted-from 人民日报海外版 <- ${PUB} @-`] },
  { name: '原载《X》', parts: { body: ['读书节开幕。'], tail: '原载《求是》2024年第5期' }, chain: [`reprinted-from 求是 <- ${PUB} @-`] },
  // The story reports from the outlet it signs with: the bracket credits that report's picture or words.
  {
    name: 'an outlet in brackets that the story reports from stays a report',
    parts: { body: ['英国广播公司网站（BBC）不久前刊文称，各地正在效仿。', '马拉加已修建400多座运动场。（BBC）'] },
    chain: [`reported-by BBC <- ${PUB} @-`],
  },
  { name: 'a reporter’s bracketed sign-off is no outlet', parts: { body: ['读书节开幕。（张巨峰）'] }, chain: [] },
  { name: 'X（CNN）报道称 goes by the Latin name, whatever words the Chinese one holds', parts: { body: ['美国有线电视新闻网（CNN）报道称，读书节开幕。'] }, chain: [`reported-by CNN <- ${PUB} @-`] },
  {
    name: 'a Latin name of several words is read whole, after 据 and before a verb',
    parts: { body: ['据Business Insider报道，书店回暖。', 'The New York Times 3月3日报道，书价上涨。', '据Financial Times中文网消息，读书节开幕。'] },
    chain: [`reported-by Business Insider <- ${PUB} @-`, `reported-by The New York Times <- ${PUB} @2024-03-03`, `reported-by Financial Times中文网 <- ${PUB} @-`],
  },
  { name: 'a Latin name of several words that reads as a person is no outlet', parts: { body: ['据Tim Cook称，书店回暖。', '苹果CEO Tim Cook表示，书价上涨。'] }, chain: [] },
];

describe('extractProvenance: accounts on a site made only of posts', () => {
  it('reads the account opening the meta line', () => {
    const result = run({ title: '读书节开幕 - 今日头条', meta: '<span>原创 南岭日报 2024-03-05 08:00</span>', body: ['读书节开幕。'] });
    expect(result.publisher).toBe('今日头条');
    expect(chain(result)).toEqual(['reprinted-from 南岭日报 <- 今日头条 @-']);
    expect(result.sources[1]?.evidence).toBe('原创 南岭日报');
  });
});

interface CreditCase {
  name: string;
  parts: PageParts;
  credits: string[];
}

const creditCases: CreditCase[] = [
  { name: '(编译/X)', parts: { body: ['读书节开幕。（编译/赵静怡）'] }, credits: ['compiler 赵静怡'] },
  { name: '编译：X', parts: { body: ['读书节开幕。'], tail: '编译：钱文博' }, credits: ['compiler 钱文博'] },
  { name: 'X编译 in brackets', parts: { body: ['读书节开幕。（孙海燕编译）'] }, credits: ['compiler 孙海燕'] },
  { name: '翻译：X', parts: { body: ['读书节开幕。'], tail: '翻译：李思远' }, credits: ['translator 李思远'] },
  { name: '译者：X', parts: { body: ['读书节开幕。'], tail: '译者：周若兰' }, credits: ['translator 周若兰'] },
  { name: '责任编辑 strips the editor code', parts: { body: ['读书节开幕。'], tail: '责任编辑：吴晓东_NN2587' }, credits: ['editor 吴晓东'] },
  { name: '责任编辑 with a spaced code', parts: { body: ['读书节开幕。'], tail: '[责任编辑：郑可欣 PK155]' }, credits: ['editor 郑可欣'] },
  { name: '【编辑:X】', parts: { body: ['读书节开幕。【编辑:冯一鸣】'] }, credits: ['editor 冯一鸣'] },
  { name: '编辑 and 责任编辑 on one line', parts: { body: ['读书节开幕。'], tail: '编辑：陈雨 责任编辑：林海' }, credits: ['editor 陈雨', 'editor 林海'] },
  { name: '校对', parts: { body: ['读书节开幕。'], tail: '校对：黄佳琪' }, credits: ['proofreader 黄佳琪'] },
  { name: '审校', parts: { body: ['读书节开幕。'], tail: '审校：黄佳琪' }, credits: ['proofreader 黄佳琪'] },
  { name: '撰稿：X', parts: { meta: '撰稿：何雨桐', body: ['读书节开幕。'] }, credits: ['author 何雨桐'] },
  { name: '译/X and X/译', parts: { body: ['读书节开幕。'], tail: '译/李思远 校对/周若兰' }, credits: ['translator 李思远', 'proofreader 周若兰'] },
  { name: 'X/译, X/摄', parts: { body: ['读书节开幕。'], tail: '李思远/译 邓佳/摄' }, credits: ['translator 李思远', 'photographer 邓佳'] },
  { name: 'short labels side by side (文｜X 图｜Y)', parts: { meta: '文｜何雨桐 图｜邓佳', body: ['读书节开幕。'] }, credits: ['author 何雨桐', 'photographer 邓佳'] },
  { name: '实习生 beside 本报记者', parts: { meta: '本报记者 宋之远 实习生 杨一帆', body: ['读书节开幕。'] }, credits: ['reporter 宋之远', 'reporter 杨一帆'] },
  { name: 'Photo by X/Agency', parts: { body: ['Book sales rose.', 'Photo by Jane Doe/Reuters'] }, credits: ['photographer Jane Doe'] },
  { name: 'Photography by X for Outlet', parts: { body: ['Book sales rose.', 'Photography by John Smith for The Harbor Times'] }, credits: ['photographer John Smith'] },
  { name: 'a picture agency is no photographer', parts: { body: ['Book sales rose.', 'Photo by Getty Images', 'Photo: Shutterstock'] }, credits: [] },
  {
    name: 'English label lines (Words:, Photo:, Editor:, Translation:)',
    parts: { body: ['Book sales rose.', 'Words: Jane Doe', 'Photo: John Smith/AFP', 'Editor: Mary Major', 'Translation: Li Hua'] },
    credits: ['author Jane Doe', 'photographer John Smith', 'editor Mary Major', 'translator Li Hua'],
  },
  { name: 'a label word opening a sentence credits no one', parts: { body: ['Book sales rose.', 'Editor: the story was updated on Monday.'] }, credits: [] },
  { name: '译 in a sentence credits no one', parts: { body: ['读书节开幕。', '他说这本书的中文版由王小明译。'] }, credits: [] },
  { name: '文/X', parts: { meta: '文/何雨桐', body: ['读书节开幕。'] }, credits: ['author 何雨桐'] },
  { name: '作者 with two names', parts: { meta: '作者：宋之远 杨一帆', body: ['读书节开幕。'] }, credits: ['author 宋之远', 'author 杨一帆'] },
  { name: '作者 naming a reporter credits the reporter', parts: { meta: '作者： 记者王乐天', body: ['读书节开幕。'] }, credits: ['reporter 王乐天'] },
  { name: '作者 naming an outlet’s reporter credits the reporter', parts: { meta: '作者：江城日报记者 王乐天 宋之远', body: ['读书节开幕。'] }, credits: ['reporter 王乐天', 'reporter 宋之远'] },
  { name: '作者 naming the writer’s post before the name', parts: { meta: '作者：清华大学经济管理学院教授 李稻葵', body: ['读书节开幕。'] }, credits: ['author 李稻葵'] },
  {
    name: '作者 naming posts that commas part, the name closing the bracket',
    parts: { body: ['读书节开幕。', '（作者：中国国际经济交流中心世界经济研究部部长，“一带一路”研究部部长、研究员徐占忱）'] },
    credits: ['author 徐占忱'],
  },
  { name: '记者 X in the meta line', parts: { meta: '记者 刘晨阳', body: ['读书节开幕。'] }, credits: ['reporter 刘晨阳'] },
  { name: '本报记者 with a spaced two-character name', parts: { meta: '本报记者 王乐天 方 圆', body: ['读书节开幕。'] }, credits: ['reporter 王乐天', 'reporter 方圆'] },
  { name: '摄影：X', parts: { body: ['读书节开幕。'], tail: '摄影：蒋文涛' }, credits: ['photographer 蒋文涛'] },
  { name: 'X 摄 is a photographer, not a reporter', parts: { body: ['读者在挑选图书。新华社记者 谢明轩 摄'] }, credits: ['photographer 谢明轩'] },
  { name: 'dateline reporter', parts: { body: ['新华社北京3月4日电（记者 周明远）读书节开幕。'] }, credits: ['reporter 周明远'] },
  { name: 'Translated by', parts: { body: ['Book sales rose.', 'Translated by Mei Lin'] }, credits: ['translator Mei Lin'] },
  {
    name: 'Written, Edited, Photographs and Translated from … by',
    parts: { body: ['Book sales rose.', 'Written by Anna Reed. Photographs by Tom Baker. Edited by Sara Cole.', 'This article was translated from Dutch by Mei Lin.'] },
    // One line's credits come in the patterns' order, the editor's first.
    credits: ['editor Sara Cole', 'author Anna Reed', 'photographer Tom Baker', 'translator Mei Lin'],
  },
  { name: 'By with several writers', parts: { body: ['By ANNA REED and TOM BAKER', 'Book sales rose.'] }, credits: ['reporter Anna Reed', 'reporter Tom Baker'] },
  {
    name: '责任编辑 opening a tool bar whose share list ends the article',
    parts: { body: ['读书节开幕。'], tailHtml: '<div class="tools"><div>责任编辑：韩知远</div><ul><li><a>微博</a></li><li><a>微信</a></li><li><a>QQ</a></li></ul></div>' },
    credits: ['editor 韩知远'],
  },
  {
    name: '责任编辑 after a small hidden share bar',
    parts: { body: ['读书节开幕。'], tailHtml: '<div class="share">分享到：<a>微博</a><a>微信</a></div><ul class="other"><li>责任编辑：韩知远</li></ul>' },
    credits: ['editor 韩知远'],
  },
  {
    name: '责任编辑 after a long script between the body and its end lines',
    parts: { body: ['读书节开幕。'], tailHtml: `<script>var fontSize = '${'x'.repeat(500)}';</script><div>责任编辑：韩知远</div>` },
    credits: ['editor 韩知远'],
  },
  { name: '（记者 X） takes a name of any surname', parts: { body: ['据新华社拉萨3月4日电（记者 格桑边觉）读书节开幕。'] }, credits: ['reporter 格桑边觉'] },
  { name: 'an outlet’s reporter byline', parts: { body: ['江城晚报·南湖日报记者马俊峰/文', '读书节开幕。'] }, credits: ['reporter 马俊峰'] },
  { name: 'a name/outlet byline', parts: { meta: '<p>石佳/北岭青年报</p>', body: ['读书节开幕。'] }, credits: ['reporter 石佳'] },
  {
    name: 'Author, with a glossed Han name and a Latin one',
    parts: { body: ['Author, 林达·普雷（Linda Prey）& Tom Baker', 'Role, 记者', '读书节开幕。'] },
    credits: ['author 林达·普雷（Linda Prey）', 'author Tom Baker'],
  },
  { name: '（X） after the last sentence is a reporter’s sign-off', parts: { body: ['读书节开幕，市民踊跃参加。（张明远）'] }, credits: ['reporter 张明远'] },
  { name: '萧 is a surname in a run of names', parts: { body: ['读书节开幕。（评论员 罗博 萧海川）'] }, credits: ['author 罗博', 'author 萧海川'] },
  { name: '记者 X 摄 with a rare surname', parts: { body: ['读者在挑选图书。新华社记者 才子扬 摄'] }, credits: ['photographer 才子扬'] },
  {
    name: 'X writers … contributed to this report',
    parts: { body: ['Book sales rose.', 'Associated Press writers Anna Reed and Tom Baker contributed to this report.'] },
    credits: ['reporter Anna Reed', 'reporter Tom Baker'],
  },
  { name: 'REUTERS/Name photo credit', parts: { body: ['Shoppers browse books. REUTERS/Lee Morgan'] }, credits: ['photographer Lee Morgan'] },
  { name: 'Reporting by …; Editing by …', parts: { body: ['Book sales rose.', 'Reporting by Anna Reed; Editing by Tom Baker'] }, credits: ['reporter Anna Reed', 'editor Tom Baker'] },
  { name: 'Additional reporting by X in a place', parts: { body: ['Book sales rose.', 'Additional reporting by Mark Lee in Tokyo'] }, credits: ['reporter Mark Lee'] },
  { name: 'Story by X • an age', parts: { meta: 'Story by Jane Doe • 2h', body: ['Book sales rose.'] }, credits: ['author Jane Doe'] },
  { name: '图/X', parts: { body: ['读书节开幕。', '图/谢明轩'] }, credits: ['photographer 谢明轩'] },
  { name: 'a byline slot holding a bare name', parts: { meta: '<span id="author_name">王一帆</span> 2024-03-05', body: ['读书节开幕。'] }, credits: ['author 王一帆'] },
  { name: 'a byline slot’s name link beside its follow button', parts: { meta: '<div class="byline"><a>Anna Reed</a> <span>关注</span></div>', body: ['读书节开幕。'] }, credits: ['author Anna Reed'] },
  { name: '作者 and 记者 naming one person give one credit', parts: { meta: '作者：王乐天', body: ['读书节开幕。（记者 王乐天）'] }, credits: ['author 王乐天'] },
  // Negatives.
  { name: 'a sign-off naming the editor keeps the editor’s role', parts: { body: ['读书节开幕。（郭明）'], tail: '责任编辑：郭明' }, credits: ['editor 郭明'] },
  { name: 'a bracketed word inside a sentence is no sign-off', parts: { body: ['读书节在房山（房产大厦）举行，市民参加'] }, credits: [] },
  { name: 'a teaser 责任编辑 is not this article’s', parts: { body: ['读书节开幕。'] }, credits: [] },
  { name: '来源：商讯 credits no one', parts: { meta: '来源：商讯', body: ['读书节开幕。'] }, credits: [] },
  {
    name: 'a 责任编辑 under the heading of the block that ends the article is another story’s',
    parts: { body: ['读书节开幕。'], tailHtml: '<div class="more"><h3>热门排行</h3><p>责任编辑：于啸歌</p><ul><li><a>一</a></li><li><a>二</a></li><li><a>三</a></li></ul></div>' },
    credits: [],
  },
  { name: 'a post with no name after it credits no one', parts: { meta: '作者：清华大学经济管理学院教授', body: ['读书节开幕。'] }, credits: [] },
  { name: '作者 naming a department credits no one', parts: { body: ['读书节开幕。', '（作者：江城市统计局研究室）'] }, credits: [] },
  { name: '记者了解到 is prose, not a credit', parts: { body: ['记者了解到，今年的读书节共有三百家书店参加，活动将持续一周，市民可以免费入场参与各类活动。'] }, credits: [] },
  { name: 'photo agencies are not people', parts: { body: ['读书节开幕。（图：视觉中国）'] }, credits: [] },
  { name: 'Author, naming a network credits no one', parts: { body: ['Author, BBC News', '读书节开幕。'] }, credits: [] },
  { name: '（记者手记） is a heading, not a credit', parts: { body: ['读书节开幕。', '（记者手记）'] }, credits: [] },
  { name: '编辑部 is not an editor', parts: { body: ['读书节开幕。欢迎向编辑部投稿。'] }, credits: [] },
  { name: 'a person in the 来源 slot is the writer', parts: { body: ['读书节开幕。'], tail: '来源：尹晓娟' }, credits: ['author 尹晓娟'] },
  { name: '文字：X 图片：Y', parts: { body: ['读书节开幕。'], tail: '文字：王小明 图片：李华' }, credits: ['author 王小明', 'photographer 李华'] },
  { name: '主编：X', parts: { body: ['读书节开幕。'], tail: '责任编辑：王五 主编：赵六' }, credits: ['editor 王五', 'editor 赵六'] },
  // 审核, 策划 and the like end the names before them; they credit no writer or editor here.
  { name: '编辑 | X 审核 | Y', parts: { body: ['读书节开幕。'], tail: '编辑 | 李华 审核 | 赵六' }, credits: ['editor 李华'] },
  { name: '文/图 X: the writer who took the pictures', parts: { body: ['文/图 周明远', '读书节开幕。'] }, credits: ['author 周明远'] },
  { name: '文／图 记者 X', parts: { body: ['文／图 记者 周明远', '读书节开幕。'] }, credits: ['reporter 周明远'] },
  { name: 'a site’s placeholders (管理员, 小编, 匿名) are no one', parts: { body: ['读书节开幕。'], tail: '作者：管理员 责任编辑：小编 校对：匿名' }, credits: [] },
  { name: '作者：X网特约评论员 Y: the post is no part of the name', parts: { body: ['读书节开幕。'], tail: '作者：江城网特约评论员 周明远' }, credits: ['author 周明远'] },
  // A meta line's counters and links follow the names; they are no one.
  {
    name: '作者：X 浏览次数：N, 编辑：X 阅读原文',
    parts: { meta: '<span>2024-03-05 08:00</span> <span>作者：周明远</span> <span>浏览次数：312</span>', body: ['读书节开幕。'], tail: '编辑：韩晓 阅读原文' },
    credits: ['author 周明远', 'editor 韩晓'],
  },
];

describe('extractProvenance: sources', () => {
  it.each(sourceCases)('$name', ({ parts, chain: expected }) => {
    const result = run(parts);
    expect(result.publisher).toBe(PUB);
    expect(result.sources[0]).toMatchObject({ outlet: PUB, role: 'publisher', via: null });
    expect(chain(result)).toEqual(expected);
  });
});

describe('extractProvenance: credits', () => {
  it.each(creditCases)('$name', ({ parts, credits: expected }) => {
    expect(credits(run(parts))).toEqual(expected);
  });
});

describe('extractProvenance: evidence as the card shows it', () => {
  it('keeps the closing quote of a quoted account name', () => {
    const result = run({ body: ['读书节开幕。', '本文来自“青禾书话”，作者：周明远。'] });
    expect(chain(result)).toEqual([`reprinted-from 青禾书话 <- ${PUB} @-`]);
    expect(result.sources[1]?.evidence).toBe('本文来自“青禾书话”');
  });

  it('ends a credit at its names, not at the next field’s separator', () => {
    const result = run({ body: ['读书节开幕。'], tail: '作者：周明远 | 编辑：韩晓 ｜ 校对：吴思' });
    expect(result.credits.map((c) => c.evidence)).toEqual(['作者：周明远', '编辑：韩晓', '校对：吴思']);
  });
});

describe('extractProvenance: English reports and bylines', () => {
  it('reads according to X in the middle of a sentence', () => {
    const result = run({ body: ['The book fair opened on Tuesday, according to The Harbor Times.'] });
    expect(chain(result)).toEqual([`reported-by The Harbor Times <- ${PUB} @-`]);
  });

  it('credits the writer of By NAME Associated Press, not the wire with the name', () => {
    const result = run({ body: ['By MAYA STERN Associated Press', 'The book fair opened on Tuesday.'] });
    expect(credits(result)).toEqual(['reporter Maya Stern']);
  });
});

describe('extractProvenance: English bylines that name no one', () => {
  it('credits no person for an Editorial byline slot or By The Editorial Board, and still credits a name', () => {
    const slot = run({ meta: '<span class="byline">Editorial</span><span>2024-03-05 08:00</span>', body: ['读书节开幕。'] });
    expect(credits(slot)).toEqual([]);
    const line = run({ body: ['By The Editorial Board', 'The book fair opened on Tuesday.'] });
    expect(credits(line)).toEqual([]);
    const named = run({ meta: '<span class="byline">Maya Stern</span><span>2024-03-05 08:00</span>', body: ['By Staff Writer', '读书节开幕。'] });
    expect(credits(named)).toEqual(['author Maya Stern']);
  });
});

describe('extractProvenance: original title and publisher', () => {
  it('reads 原标题:《…》', () => {
    expect(run({ body: ['原标题：《书香满城》', '读书节开幕。'] }).originalTitle).toBe('书香满城');
  });

  it('reads (原标题:…)', () => {
    expect(run({ body: ['（原标题：全市读书节今日开幕 三百家书店参加）', '读书节开幕。'] }).originalTitle).toBe('全市读书节今日开幕 三百家书店参加');
  });

  it('reads 本文原标题为《…》 and 原题为：…, not 原题为 in prose', () => {
    expect(run({ body: ['读书节开幕。', '本文原标题为《书香满城》'] }).originalTitle).toBe('书香满城');
    expect(run({ body: ['读书节开幕。'], tail: '原题为：书香满城 来源：江城日报' }).originalTitle).toBe('书香满城');
    expect(run({ body: ['读书节开幕。', '这篇文章的原题为什么改了？'] }).originalTitle).toBeNull();
  });

  it.each([
    ['原题：全市读书节今日开幕', '全市读书节今日开幕'],
    ['原文标题：全市读书节今日开幕', '全市读书节今日开幕'],
    ['原标题：全市读书节今日开幕 责任编辑：林海', '全市读书节今日开幕'],
    ['（原标题：全市（含郊县）读书节今日开幕）', '全市（含郊县）读书节今日开幕'],
  ])('reads %s', (line, title) => {
    expect(run({ body: [line, '读书节开幕。'] }).originalTitle).toBe(title);
  });

  it('takes the paper behind a site named after it as a reprint source, and the site itself as none', () => {
    expect(chain(run({ title: '读书节开幕_江城日报网', meta: '来源：江城日报', body: ['读书节开幕。'] }))).toEqual(['reprinted-from 江城日报 <- 江城日报网 @-']);
    expect(chain(run({ title: '读书节开幕_江城日报网', meta: '来源：江城日报网', body: ['读书节开幕。'] }))).toEqual([]);
  });

  it('names a portal by its brand, not its channel', () => {
    expect(run({ title: '读书节开幕_网易新闻', body: ['读书节开幕。'] }).publisher).toBe('网易');
  });

  it('names 雅虎 channels by the brand, and a network’s Chinese edition by the network', () => {
    expect(run({ title: '读书节开幕--雅虎新闻', body: ['读书节开幕。'] }).publisher).toBe('雅虎中国');
    const head = '<meta property="og:site_name" content="BBC News 中文">';
    expect(run({ title: '读书节开幕', head, body: ['读书节开幕。'] }).publisher).toBe('BBC中文');
  });

  it('takes a Latin acronym leading a Chinese name as the site, but not a short section tag', () => {
    expect(run({ title: '读书节开幕-EDN 电子技术设计', body: ['读书节开幕。'] }).publisher).toBe('EDN 电子技术设计');
    expect(run({ title: '读书节开幕_IT资讯', body: ['读书节开幕。'] }).publisher).toBeNull();
  });

  it('skips section and host parts of the title', () => {
    expect(run({ title: '读书节开幕_首页_新闻中心_江湾网_jw.cn', body: ['读书节开幕。'] }).publisher).toBe('江湾网');
  });

  it('falls back to the disclaimer, with it as evidence', () => {
    const result = run({ title: '读书节开幕', body: ['读书节开幕。'], tail: '本文来源于网络，不代表青禾资讯网立场' });
    expect(result.sources[0]).toMatchObject({ outlet: '青禾资讯网', evidence: '不代表青禾资讯网立场' });
  });

  it('uses og:site_name when the title has no site part', () => {
    const head = '<meta property="og:site_name" content="山城晚报">';
    expect(run({ title: '读书节开幕', head, body: ['读书节开幕。'] }).publisher).toBe('山城晚报');
  });

  it('reads meta name=source in any case, and JSON-LD isBasedOn, when the text shows them', () => {
    const upper = '<meta name="SOURCE" content="滨海日报">';
    expect(chain(run({ head: upper, body: ['读书节开幕。滨海日报'] }))).toEqual([`reprinted-from 滨海日报 <- ${PUB} @-`]);
    const basedOn = '<script type="application/ld+json">{"isBasedOn":{"name":"滨海日报"}}</script>';
    expect(chain(run({ head: basedOn, body: ['读书节开幕。滨海日报'] }))).toEqual([`reprinted-from 滨海日报 <- ${PUB} @-`]);
  });

  it('takes a meta source only when the visible text shows it', () => {
    const head = '<meta name="source" content="滨海日报">';
    expect(chain(run({ head, body: ['读书节开幕。'] }))).toEqual([]);
    expect(chain(run({ head, body: ['读书节开幕。滨海日报'] }))).toEqual([`reprinted-from 滨海日报 <- ${PUB} @-`]);
  });
});

describe('extractProvenance: a site’s two names, and the provider it shows the story for', () => {
  const ld = (data: object): string => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
  const YAHOO = '<meta property="og:site_name" content="Harbor Finance">' + ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: '港灣財經' } });

  it('names the site as its page labels itself when og:site_name is the brand in English', () => {
    const result = run({ title: '某地举办读书节', head: YAHOO, header: '<div class="ybar"><a href="/news/original/">港灣財經</a></div>', body: ['读书节开幕。'] });
    expect(result.sources[0]).toMatchObject({ outlet: '港灣財經', role: 'publisher', evidence: '港灣財經' });
  });

  it('keeps og:site_name when the page never shows the other name', () => {
    expect(run({ title: '某地举办读书节', head: YAHOO, body: ['读书节开幕。'] }).publisher).toBe('Harbor Finance');
  });

  /** Yahoo's template: the provider's logo and name over the headline, in the headline's own header. */
  const providerPage = (author: object | null, provider: string, inGraph = false): Provenance => {
    const article = { '@type': 'NewsArticle', author };
    const data = inGraph ? { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, article] } : article;
    const doc = parseHtml(`<html><head><title>日本企業信心保持穩定</title>${YAHOO}${author ? ld(data) : ''}</head><body>
      <div class="ybar"><a href="/news/original/">港灣財經</a></div>
      <header class="caas-header"><div class="caas-logo"><a href="http://www.harbor-radio.example"><img alt="${provider}"><span class="caas-attr-provider">${provider}</span></a></div>
      <div class="caas-title-wrapper"><h1>日本企業信心保持穩定</h1></div></header>
      <div class="caas-body"><p>月度調查顯示，日本企業信心保持穩定，但日圓疲弱推高成本。</p><p>製造業景氣判斷指數維持於正9。</p></div></body></html>`);
    return extractProvenance({ doc, articleRoot: doc.querySelector('.caas-body'), headline: doc.querySelector('h1'), isExcluded: () => false, url: null, publishedAt: '2024-05-22T08:21' });
  };

  it('takes an organisation credited as author, shown beside the headline, as the outlet reprinted from', () => {
    expect(chain(providerPage({ '@type': 'Organization', name: '港灣電台-財經' }, '港灣電台-財經'))).toEqual(['reprinted-from 港灣電台-財經 <- 港灣財經 @-']);
  });

  it('finds that organisation in a JSON-LD graph as well', () => {
    expect(chain(providerPage({ '@type': 'Organization', name: '港灣電台-財經' }, '港灣電台-財經', true))).toEqual(['reprinted-from 港灣電台-財經 <- 港灣財經 @-']);
  });

  it('takes no provider the page does not show, no person, and not the site itself again', () => {
    expect(chain(providerPage({ '@type': 'Organization', name: '港灣電台-財經' }, '合作夥伴'))).toEqual([]);
    expect(chain(providerPage({ '@type': 'Person', name: '港灣電台-財經' }, '港灣電台-財經'))).toEqual([]);
    expect(chain(providerPage({ '@type': 'Organization', name: '港灣財經' }, '港灣財經'))).toEqual([]);
  });
});

interface PublisherCase {
  name: string;
  parts: Partial<PageParts>;
  publisher: string | null;
  evidence?: string;
}

/** Pages whose title names no site, so the publisher must come from elsewhere. */
const publisherCases: PublisherCase[] = [
  { name: 'the logo’s alt text in the home link', parts: { header: '<a href="/"><img src="logo.png" alt="江湾日报网"></a>' }, publisher: '江湾日报网' },
  { name: 'a home link titled X首页', parts: { header: '<a href="https://www.example.net" title="DEVHUB首页"><img src="l.png"></a>' }, publisher: 'DEVHUB' },
  { name: 'a bare 首页 link to a known portal', parts: { header: '<a href="http://www.163.com">首页</a>' }, publisher: '网易' },
  { name: 'a web.archive.org copy of a portal page', parts: { url: 'https://web.archive.org/web/20120611024252/http://www.he.xinhuanet.com/news/a.htm' }, publisher: '新华网' },
  { name: '本文为X原创', parts: { tail: '本文为山海科技网 原创文章，转载请注明出处' }, publisher: '山海科技网', evidence: '本文为山海科技网 原创' },
  { name: 'a copyright line naming a brand without a site ending', parts: { footer: '<p>Copyright © 2019 观澜 All rights reserved。</p>' }, publisher: '观澜' },
  // The copyright patterns run only on pages holding their words: the test for them ignores case too.
  { name: 'a copyright line in capitals without ©', parts: { footer: '<p>COPYRIGHT 2019 观澜 ALL RIGHTS RESERVED</p>' }, publisher: '观澜' },
  { name: '版权所有 followed by the owner', parts: { footer: '<p>版权所有 江北市第一人民医院 Copyright © 2018</p>' }, publisher: '江北市第一人民医院' },
  { name: 'a portal company’s copyright names its brand', parts: { footer: '<p>网易公司版权所有</p>' }, publisher: '网易' },
  // A footer line ending in 版权所有 is followed by a link, not by its owner: the owner is named before it.
  {
    name: '版权所有 ending a line: the next line is not the owner',
    parts: { footer: '<p>江城日报网 版权所有</p><p><a href="/">返回首页</a></p>' },
    publisher: '江城日报网',
    evidence: '江城日报网 版权所有',
  },
  { name: 'a Latin site name in the logo’s alt text', parts: { header: '<a href="http://harboreagle.example.com"><img src="l.png" alt="The Harbor Eagle Gazette"></a>' }, publisher: 'The Harbor Eagle Gazette' },
  { name: '所有内容为X版权所有 names X', parts: { footer: '<p>制作单位：青禾新闻网 | 所有内容为青禾新闻网版权所有，未经授权不得转载</p>' }, publisher: '青禾新闻网' },
  { name: 'a bare 首页 link to 雅虎中国', parts: { header: '<a href="http://www.yahoo.com.cn/">首页</a>' }, publisher: '雅虎中国' },
  // Named nowhere in the text or the title, the site is shown with what it was read from, not with a title that does not name it.
  { name: 'a logo drawn by an icon font, linking to a news site known by its host', parts: { header: '<a href="http://www.huanqiu.com" class="linkHome"><i class="iconfont icon-LOGO"></i></a>' }, publisher: '环球网', evidence: 'www.huanqiu.com' },
  { name: 'the page’s own host, for a news site known by it', parts: { url: 'https://www.thepaper.cn/newsDetail_forward_1234567' }, publisher: '澎湃新闻', evidence: 'www.thepaper.cn' },
  { name: 'a channel host of a news site known by its host', parts: { url: 'http://auto.qianlong.com/4543/2005/07/18/2500@2735476.htm' }, publisher: '千龙网' },
  // Hosts match on whole labels: mychina.com.cn is not 中国网's china.com.cn.
  { name: 'a host only ending like a known one names nothing', parts: { url: 'http://www.mychina.com.cn/a/1.html' }, publisher: null },
  // The host table names sites by host only: a paper whose name shares its words keeps its own.
  { name: 'a paper named like a site in the host table keeps its name', parts: { footer: '<p>Copyright © 2019 环球时报 All rights reserved</p>' }, publisher: '环球时报' },
  { name: 'a paper company’s legal name without its region', parts: { footer: '<p>版权所有 江苏江城晚报有限公司</p>' }, publisher: '江城晚报' },
  { name: 'the first step of the breadcrumb', parts: { header: '<div class="crumb">江城网>>社会频道>>正文</div>' }, publisher: '江城网' },
  { name: 'a WeChat account name', parts: { header: '<a id="js_name">江湾观察</a>' }, publisher: '江湾观察' },
  // Either of WeChat's two places for the name: the first the page shows wins, as a query for both would.
  { name: 'a WeChat profile card before the account link', parts: { header: '<b class="profile_nickname">山海观察</b><a id="js_name">江湾观察</a>' }, publisher: '山海观察' },
  { name: 'JSON-LD publisher', parts: { head: '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"江湾日报网"}}</script>' }, publisher: '江湾日报网' },
  { name: 'JSON-LD publisher after a block that does not parse', parts: { head: '<script type="application/ld+json">{broken</script><script type="application/ld+json">[{"publisher":{"name":"江湾日报网"}}]</script>' }, publisher: '江湾日报网' },
  {
    name: 'the site heading its own notice',
    parts: { footer: '<div class="notice"><b>青禾新闻网版权与免责声明：</b><p>一、凡本网注明“来源：青禾新闻网”的作品，版权均属本网。</p></div>' },
    publisher: '青禾新闻网',
    evidence: '青禾新闻网版权与免责声明',
  },
  // Negatives: none of these names the site.
  { name: 'a notice headed 本站免责声明 names no one', parts: { footer: '<div class="notice"><b>本站免责声明：</b><p>本站部分内容转载自网络。</p></div>' }, publisher: null },
  { name: 'a notice heading that is no site’s name', parts: { footer: '<p>用户协议及免责声明</p>' }, publisher: null },
  { name: 'a legal company name is not the site', parts: { footer: '<p>©1999-2019 北京某某网络技术有限公司</p>' }, publisher: null },
  { name: '版权所有 不得转载 names no owner', parts: { footer: '<p>© 2006 版权所有 不得转载</p>' }, publisher: null },
  { name: '不代表本网赞同其观点 names no one', parts: { tail: '此文仅代表作者观点，不代表本网赞同其观点' }, publisher: null },
  { name: 'a platform is not a site name', parts: { header: '<a href="/"><img src="l.png" alt="互联网理财平台"></a>' }, publisher: null },
  { name: 'a partner link after the headline is not the site', parts: { footer: '<a href="http://www.partner.cn/"><img alt="友邻日报网"></a>' }, publisher: null },
  { name: 'an icon link to a host nobody knows names nothing', parts: { header: '<a href="http://www.example.org"><i class="iconfont"></i></a>' }, publisher: null },
];

describe('extractProvenance: publisher without a site in the title', () => {
  it.each(publisherCases)('$name', ({ parts, publisher, evidence }) => {
    const result = run({ title: '某地举办读书节', body: ['读书节开幕。'], ...parts });
    expect(result.publisher).toBe(publisher);
    if (evidence) expect(result.sources[0]?.evidence).toBe(evidence);
  });
});

describe('extractProvenance: the page’s date stated after the story', () => {
  it('takes a labelled date from the lines after the story when the core found none, and dates the reports by it', () => {
    const result = run({ meta: '', publishedAt: null, body: ['据新华社5日报道，读书节开幕。'], tail: '发布日期： 2019-03-06 责任编辑： 龙慧' });
    expect(result.publishedAt).toBe('2019-03-06');
    expect(result.sources[0]?.date).toBe('2019-03-06');
    expect(chain(result)).toEqual([`reported-by 新华社 <- ${PUB} @2019-03-05`]);
  });

  it('keeps the core’s date, and reads no date from the story itself', () => {
    expect(run({ body: ['读书节开幕。'], tail: '时间：2019-09-23 14:34' }).publishedAt).toBe('2024-03-05T08:00');
    expect(run({ meta: '', publishedAt: null, body: ['发布时间：2019-09-23 14:34，读书节开幕。'] }).publishedAt).toBeNull();
  });
});

describe('extractProvenance: a report dated the day after the page', () => {
  it('dates 10日 on a page dated the 9th in UTC as the 10th, not a month back', () => {
    const result = run({ publishedAt: '2024-05-09T22:30:00.000Z', body: ['据路透社10日报道，读书节开幕。', '据共同社8日报道，书展同日举行。'] });
    expect(chain(result)).toEqual([`reported-by 路透社 <- ${PUB} @2024-05-10`, `reported-by 共同社 <- ${PUB} @2024-05-08`]);
  });

  it('dates 6月1日 on a page of 31 May in that year, not the year before', () => {
    const result = run({ publishedAt: '2024-05-31T20:00:00.000Z', body: ['据路透社6月1日报道，读书节开幕。'] });
    expect(chain(result)).toEqual([`reported-by 路透社 <- ${PUB} @2024-06-01`]);
  });

  it('still reads a later day of the month as the month before', () => {
    const result = run({ publishedAt: '2024-05-09T08:00', body: ['据路透社28日报道，读书节开幕。'] });
    expect(chain(result)).toEqual([`reported-by 路透社 <- ${PUB} @2024-04-28`]);
  });
});

describe('extractProvenance on the demo portal page', () => {
  const html = readFileSync(fileURLToPath(new URL('../../demo/portal-article.html', import.meta.url)), 'utf8');
  const doc = parseHtml(html);
  const text = (doc.body.textContent ?? '').replace(/\s+/g, ' ');
  const result = extractProvenance({
    doc,
    articleRoot: doc.querySelector('#text'),
    headline: doc.querySelector('h1'),
    isExcluded: (el) => el.closest('.extend, .right, .top, .footer, .position') !== null,
    url: null,
    publishedAt: '2024-02-23T09:42',
  });

  it('gives the exact seed chain', () => {
    expect(result.publisher).toBe('海南信息港');
    expect(result.sources.map(({ outlet, role, via, date }) => ({ outlet, role, via, date }))).toEqual([
      { outlet: '海南信息港', role: 'publisher', via: null, date: '2024-02-23T09:42' },
      { outlet: '参考消息网', role: 'reprinted-from', via: '海南信息港', date: '2024-02-23' },
      { outlet: '联合早报', role: 'reported-by', via: '参考消息网', date: '2024-02-20' },
      { outlet: '纽约时报', role: 'reported-by', via: '参考消息网', date: '2024-02-21' },
    ]);
    expect(result.sources[2]?.evidence).toBe('据新加坡《联合早报》网站2月20日报道');
  });

  it('credits only the compiler, not the teaser editor', () => {
    expect(result.credits).toEqual([{ role: 'compiler', name: '刘子彦', evidence: '编译/刘子彦' }]);
  });

  it('takes every evidence string from the visible text', () => {
    for (const item of [...result.sources, ...result.credits]) expect(text).toContain(item.evidence);
  });
});

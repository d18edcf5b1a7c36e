/**
 * Site names: the brands of the big portals (网易, not 网易新闻), the host a page lives on (also
 * through a web.archive.org copy), and the test for a string that reads as a site name.
 */

/** Portals whose channels print many names (网易新闻, 网易订阅, 腾讯新闻) for one brand. */
const PORTALS: Array<[RegExp, string]> = [
  [/网易|(?:^|\.)163\.com$/, '网易'],
  [/新浪|(?:^|\.)sina\.(?:com\.cn|cn|net)$/, '新浪'],
  [/腾讯|(?:^|\.)qq\.com$/, '腾讯网'],
  [/搜狐|(?:^|\.)sohu\.com$/, '搜狐'],
  [/凤凰|(?:^|\.)ifeng\.com$/, '凤凰网'],
  [/头条|(?:^|\.)toutiao\.com$/, '今日头条'],
  [/(?:^|\.)people\.(?:com\.)?cn$/, '人民网'],
  [/(?:^|\.)(?:xinhuanet\.com|news\.cn)$/, '新华网'],
  [/雅虎(?!香港|奇摩)|(?:^|\.)yahoo\.com\.cn$/, '雅虎中国'],
  // News sites known by their host alone: pages whose logo is an icon and whose text never names them.
  [/(?:^|\.)huanqiu\.com$/, '环球网'],
  [/(?:^|\.)chinanews\.com(?:\.cn)?$/, '中国新闻网'],
  [/(?:^|\.)gmw\.cn$/, '光明网'],
  [/(?:^|\.)thepaper\.cn$/, '澎湃新闻'],
  [/(?:^|\.)cctv\.com$/, '央视网'],
  [/(?:^|\.)chinadaily\.com\.cn$/, '中国日报网'],
  [/(?:^|\.)cankaoxiaoxi\.com$/, '参考消息网'],
  [/(?:^|\.)guancha\.cn$/, '观察者网'],
  [/(?:^|\.)ce\.cn$/, '中国经济网'],
  [/(?:^|\.)youth\.cn$/, '中国青年网'],
  [/(?:^|\.)cnr\.cn$/, '央广网'],
  [/(?:^|\.)china\.com\.cn$/, '中国网'],
  [/(?:^|\.)cri\.cn$/, '国际在线'],
  [/(?:^|\.)qianlong\.com$/, '千龙网'],
  [/(?:^|\.)ynet\.com$/, '北青网'],
  [/(?:^|\.)bjnews\.com\.cn$/, '新京报'],
  [/(?:^|\.)eastday\.com$/, '东方网'],
  [/(?:^|\.)xinmin\.cn$/, '新民网'],
  [/(?:^|\.)southcn\.com$/, '南方网'],
  [/(?:^|\.)infzm\.com$/, '南方周末'],
  [/(?:^|\.)dahe\.cn$/, '大河网'],
  [/(?:^|\.)dzwww\.com$/, '大众网'],
  [/(?:^|\.)rednet\.cn$/, '红网'],
  [/(?:^|\.)cnhubei\.com$/, '荆楚网'],
  [/(?:^|\.)cqnews\.net$/, '华龙网'],
  [/(?:^|\.)zjol\.com\.cn$/, '浙江在线'],
  [/(?:^|\.)scol\.com\.cn$/, '四川在线'],
  [/(?:^|\.)yangtse\.com$/, '扬子晚报网'],
  [/(?:^|\.)caixin\.com$/, '财新网'],
  [/(?:^|\.)caijing\.com\.cn$/, '财经网'],
  [/(?:^|\.)yicai\.com$/, '第一财经'],
  [/(?:^|\.)jiemian\.com$/, '界面新闻'],
  [/(?:^|\.)nbd\.com\.cn$/, '每日经济新闻'],
  [/(?:^|\.)21jingji\.com$/, '21经济网'],
  [/(?:^|\.)stcn\.com$/, '证券时报网'],
  [/(?:^|\.)cs\.com\.cn$/, '中证网'],
  [/(?:^|\.)hexun\.com$/, '和讯网'],
  [/(?:^|\.)eastmoney\.com$/, '东方财富网'],
  [/(?:^|\.)36kr\.com$/, '36氪'],
  [/(?:^|\.)39\.net$/, '39健康网'],
  [/(?:^|\.)1905\.com$/, '1905电影网'],
];
/** A network's Chinese edition goes by the network's name: BBC News 中文 → BBC中文. */
const NETWORK_EDITION = /^([A-Z][A-Za-z]{1,9}) News\s*(中文网?)$/;

/** Section, channel and host names that are not the site (国际, 商业频道, cjn.cn). */
export const NOT_A_SITE = /^(?:首页.*|.*频道(?:首页)?|.*中心|要闻.*|资讯|新闻|国际|国内|财经|经济|科技|娱乐|体育|政务|正文|Hosted|Tech|[\w-]+(?:\.[\w-]+)+)$/i;
/** What a Chinese site name usually ends with (电视台, but not 平台). */
const SITE_ENDING = /(?:网|报|港|(?<!平)台|社|站|氪|新闻|在线|传媒|网站)$/;
/** A Latin brand (CSDN, The Paper). */
export const LATIN_SITE = /^[A-Z][\w.&' ]{1,30}$/;
/** A Latin acronym leading a Chinese name is a brand, never a section: EDN 电子技术设计. */
export const ACRONYM_SITE = /^[A-Z]{3,10}\s?[\u4e00-\u9fa5]{2,10}$/;

/** The portal brand a name belongs to (网易新闻 → 网易), else the name itself. */
export function brandOf(name: string): string {
  return PORTALS.find(([pattern]) => pattern.test(name))?.[1] ?? name.replace(NETWORK_EDITION, '$1$2');
}

/** True for a Chinese name that reads as a site: a site-like ending or a portal brand. */
export function isHanSiteName(name: string): boolean {
  return !NOT_A_SITE.test(name) && (SITE_ENDING.test(name) || PORTALS.some(([pattern]) => pattern.test(name)));
}

/** True for a name that reads as a site, Chinese or Latin. */
export function isSiteName(name: string): boolean {
  return isHanSiteName(name) || (!NOT_A_SITE.test(name) && LATIN_SITE.test(name));
}

/** The host of a page; for a web.archive.org copy, the host of the archived page. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    const archived = parsed.hostname === 'web.archive.org' ? /^\/web\/[^/]+\/(https?:\/\/.+)$/.exec(parsed.pathname)?.[1] : undefined;
    return archived ? new URL(archived).hostname : parsed.hostname;
  } catch {
    return null;
  }
}

/** The brand a known portal host belongs to (news.163.com → 网易), else null. */
export function portalOfHost(url: string | null): string | null {
  const host = hostOf(url);
  return host ? (PORTALS.find(([pattern]) => pattern.test(host))?.[1] ?? null) : null;
}

/**
 * Outlet names as a reader says them, and the tests that tell an outlet from a person or from an
 * unnamed attribution (据外媒报道) that must produce no entry.
 */

const COUNTRIES =
  '美国|英国|法国|德国|日本|韩国|俄罗斯|俄|新加坡|澳大利亚|澳洲|加拿大|印度|西班牙|意大利|阿根廷|巴西|以色列|土耳其|伊朗|' +
  '卡塔尔|埃及|南非|瑞士|瑞典|荷兰|比利时|奥地利|波兰|乌克兰|越南|泰国|菲律宾|马来西亚|印尼|印度尼西亚|巴基斯坦|沙特|' +
  '阿联酋|墨西哥|新西兰|爱尔兰|挪威|丹麦|芬兰|葡萄牙|希腊|朝鲜|蒙古|黎巴嫩|伊拉克|智利|哥伦比亚|秘鲁|香港|台湾|美|英|法|德|日|韩';
/** A nationality or region before the outlet (新加坡《联合早报》, 台湾“中央社”, 美国The Next Web), which readers drop. */
const COUNTRY_PREFIX = new RegExp(`^(?:${COUNTRIES})(?=《|“|[A-Z])`);
const COUNTRY_BEFORE_NAME = new RegExp(`^(?:${COUNTRIES})(?=[\\u4e00-\\u9fa5]{3,})`);

/** Endings that make a Han string an outlet rather than a person (社, 报, 网, 台, 新闻 …). */
const OUTLET_ENDING = /(?:社|报|网|台|刊|站|新闻|日报|晚报|时报|周刊|杂志|电视|频道|之声|媒体|在线|客户端|财经|观察|之家|科技|资讯|公众号|报海外版)$/;
/** Well-known outlets that carry none of those endings. */
const BARE_OUTLETS = /^(?:BBC|CNN|NBC|CBS|ABC|AP|AFP|NHK|VOA|RFI|DW|Reuters|Bloomberg|Axios|Politico|Vox|央视|总台|彭博|路透|美联|法新|共同社|韩联社|塔斯社|今日俄罗斯|半月谈|求是|财新|界面|虎嗅|钛媒体|36氪|IT之家|21世纪经济报道|券商中国|华尔街见闻|中新经纬|格隆汇|CNBC|NPR|Fox News|美国之音|德国之声|法广|风传媒|端传媒|香港01|ETtoday(?:新闻云)?|TVBS)$/i;
/** Latin names that read as outlets (… News, … Times); a bare capitalised name may be a person. */
const LATIN_OUTLET = /\b(?:News|Times|Post|Journal|Press|Herald|Tribune|Guardian|Telegraph|Wire|Agency|Magazine|Daily|Gazette|Review|Insider|Economist|Radio|TV)$/;
/** Attributions without a name: they produce no entry. */
const UNNAMED = /^(?:外媒|外电|港媒|台媒|日媒|美媒|英媒|俄媒|韩媒|法媒|德媒|印媒|[\u4e00-\u9fa5]{0,4}媒体|官媒|综合|网络|网上|网传|网友|本报|本网|本站|本刊|本台|原创|本站原创|网络整理|转载|转载文章|商讯|快讯|广告|推广|未知|佚名|互联网|知情人士|消息人士|相关报道|公开报道|报道|消息)$/;

/** A self-media platform (澎湃号, 网易号) hosts accounts; it is not the outlet a text came from. */
const PLATFORM_NAME = /^(?:网易|企鹅|搜狐|头条|百家|大风|澎湃|快传|一点|凤凰)号$/;

const SURNAMES = new Set(
  ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由萧蔚冉祁').split(''),
);

/** Strips quotes, 《》, a nationality prefix and a 网站 suffix: 新加坡《联合早报》网站 → 联合早报. */
export function normalizeOutlet(raw: string): string {
  let name = raw.trim().replace(/^[（(【\[“"'「『\s]+|[）)】\]”"'」』:：,，。\s]+$/g, '');
  name = name.replace(COUNTRY_PREFIX, '');
  const quoted = /^《([^》]+)》(.*)$/.exec(name);
  if (quoted && /^(?:网站|网络版|官网|中文网|电子版|报道)?$/.test(quoted[2] ?? '')) name = quoted[1] ?? name;
  // A station's or paper's programme or column (中国之声《新闻和报纸摘要》, 人民日报《人民时评》) goes by the outlet.
  const programme = /^([^《》]{2,12})《[^》]+》$/.exec(name);
  if (programme && looksLikeOutlet(programme[1]!)) name = programme[1]!;
  name = name.replace(/[《》“”"「」『』]/g, '');
  name = name.replace(/门户网站$/, '网').replace(/(?:网站|官网|官方网站|网络版|电子版|中文网站)$/, '');
  name = name.replace(/(?:微信公众号|公众号|官方微信|微信号|官方微博|官方账号|客户端|APP)$/i, '');
  // A brand that opens with its country (美国之音) keeps it.
  if (!BARE_OUTLETS.test(name) && (!OUTLET_ENDING.test(name) || name.length > 6)) name = name.replace(COUNTRY_BEFORE_NAME, '');
  return name.trim();
}

/** A bare 2–3 character Han name starting with a common surname: 尹娟 is a person, not an outlet. */
export function looksLikePerson(name: string): boolean {
  if (!/^[\u4e00-\u9fa5]{2,3}$/.test(name) || OUTLET_ENDING.test(name) || BARE_OUTLETS.test(name)) return false;
  return SURNAMES.has(name[0] ?? '');
}

/** True for a self-media platform's name (澎湃号); what a 来源 line prints after it is its channel (政务). */
export function isPlatform(name: string): boolean {
  return PLATFORM_NAME.test(name);
}

/** A placeholder for a name (XXX, XX网, ***, 某某报, 某网): a template's blank, no outlet. */
const PLACEHOLDER = /^(?:[XxＸｘ×*＊]{2,}|某)(?![A-Za-z])/;

/** True for names that say no outlet (外媒, 网络, 本站原创, XX网) and so give no entry. */
export function isUnnamed(name: string): boolean {
  // A country's or kind of media (美国媒体, 当地媒体) names no one; a brand ending so (钛媒体) does.
  return name.length < 2 || PLACEHOLDER.test(name) || (UNNAMED.test(name) && !BARE_OUTLETS.test(name)) || PLATFORM_NAME.test(name) || /自媒体|未经|授权/.test(name) || /^(?:该|此|这|那|其|本|一家|多家)/.test(name) || /(?:人士|官员|专家|网友|消息人士)$/.test(name) || /^[\d\s\-:：/.年月日]+$/.test(name);
}

/** A name the text may call a reporting outlet: outlet-like ending or a well-known brand. */
export function looksLikeOutlet(name: string): boolean {
  if (isUnnamed(name) || looksLikePerson(name) || name.length > 20) return false;
  return OUTLET_ENDING.test(name) || BARE_OUTLETS.test(name) || LATIN_OUTLET.test(name);
}

/** A news site's brand from its formal name (千龙新闻网 → 千龙网): the two compare as one. */
export const brandForm = (name: string): string => name.replace(/新闻网$/, '网');

/** One outlet's names, the short one a dateline prints and the full one a 来源 line prints: 中新网 is 中国新闻网. */
const ALIASES: ReadonlyArray<readonly string[]> = [
  ['中国新闻网', '中新网'],
  ['中国新闻社', '中新社'],
  ['新华社', '新华通讯社'],
  ['中央电视台', '央视', 'cctv'],
  ['中央社', '中央通讯社'],
];
const CANONICAL = new Map(ALIASES.flatMap((names) => names.map((name) => [name, names[0]!] as const)));

/** Dedup rule: names match when one contains the other after normalisation, or both name one outlet (see ALIASES). */
export function sameOutlet(a: string, b: string): boolean {
  const x = normalizeOutlet(a).toLowerCase();
  const y = normalizeOutlet(b).toLowerCase();
  if (x.length === 0 || y.length === 0) return false;
  return x.includes(y) || y.includes(x) || brandForm(x) === brandForm(y) || (CANONICAL.get(x) ?? x) === (CANONICAL.get(y) ?? y);
}

/**
 * Source patterns: the phrases by which a text names where it came from (来源:X, 本文来自X),
 * who reported the news (据X报道, X报道称, X援引Y报道) and the wire dateline it opens with
 * (新华社北京2月23日电). Each hit keeps the exact matched text as its evidence.
 */
import type { Line } from './text-zones';
import { LATIN_LETTER } from './credits';
import { isPlatform, isUnnamed, looksLikeOutlet, looksLikePerson, normalizeOutlet } from './outlet-names';

export type HitKind = 'reprint' | 'report' | 'dateline';

/** One source phrase found in the text, before the chain is assembled. */
export interface SourceHit {
  kind: HitKind;
  outlet: string;
  /** The date as stated (2月20日, 21日), resolved later against the page's date. */
  date: string | null;
  evidence: string;
  /** The outlet that says so when the phrase itself names it (X援引Y报道: Y via X). */
  via?: string;
  /** Where the phrase was read; a 来源 in the meta line sits closer to the reader than one in the body. */
  zone: Line['zone'];
  /** True when a bare label names a person (来源: 尹娟): it becomes an author credit instead. */
  person?: boolean;
  /** True for a dateline heading an outlet's own story (参考消息网2月23日报道), not a wire dispatch (电): the page reprints it. */
  ownStory?: boolean;
  /** True for material a text was compiled from (资料来源, 综合自): not the outlet that tells its reports. */
  compiled?: boolean;
  /** True for the foreign original a translation's rights notice names (X作品的中文版权归…): upstream of the edition's own dateline. */
  original?: boolean;
  /**
   * True for an outlet in brackets after a sentence (。（人民日报海外版）): the story's source, unless
   * the story also reports from that outlet (BBC称…, then …。（BBC） credits a picture or words of that report).
   */
  signOff?: boolean;
}

const DATE = '(?:\\d{1,2}月)?\\d{1,2}日';
/** 电 that starts another word (电视台, 举报电话, 电脑), not a wire's 电. */
const NOT_WIRE_DIAN = '[视台话脑商子影力网]';
/** Characters an outlet name may contain (no punctuation that ends a phrase). */
const NAME_CHAR = '[^\\s，,。；;：:！!？?、“”"（）()【】\\[\\]|丨/]';
const FILLER = '(?:此前|近日|日前|不久前|当天|当日|今天|昨天|早前|最近|最新|刚刚|当地时间|晚间|早间)';

/** A foreign outlet's Latin name glossed after its Chinese one: 美国有线电视新闻网（CNN）. */
const LATIN_GLOSS = `(?:[（(][A-Za-z][\\w .&'’-]{0,30}[)）])?`;
/**
 * A Latin name of several capitalised words (Business Insider, The New York Times), as Chinese text
 * prints foreign outlets: the names above stop at a space, and took its last word alone (Insider).
 * Whether it names an outlet is judged after (looksLikeOutlet): Tim Cook does not.
 */
const LATIN_NAME = "[A-Z][\\w&.'’-]*(?: [A-Z][\\w&.'’-]*){1,4}(?:中文网)?";
/** 台湾“中央社”: an outlet the text names in quotes, with its region before them. */
const QUOTED_NAME = '(?:[\\u4e00-\\u9fa5]{1,5})?“[^”]{2,12}”(?:网站|新闻网)?';
const REPORT_JU = new RegExp(`(?:另据|又据|据)(${QUOTED_NAME}|${LATIN_NAME}|${NAME_CHAR}{2,24}?)${LATIN_GLOSS}${FILLER}?\\s?(${DATE})?(?:的)?(报道|消息|电(?!${NOT_WIRE_DIAN})|援引|披露|称)`, 'g');
const CITES = new RegExp(`(${NAME_CHAR}{2,16}?)援引(${NAME_CHAR}{2,16}?)(?:${DATE})?(?:的)?(?:报道|消息|文章)`, 'g');
const QUOTED_OUTLET = `(?:[\\u4e00-\\u9fa5]{1,5})?《[^》]{1,12}》(?:网站|网络版)?`;
const REPORT_VERB = new RegExp(
  `(?<=^|[，,。；;“"（(\\s]|另据|据)(?!另?据)(${QUOTED_OUTLET}|${LATIN_NAME}|[A-Za-z\\u4e00-\\u9fa5·]{2,12}?)${LATIN_GLOSS}(?:在|于)?${FILLER}?\\s?(${DATE})?(?:的)?` +
    '(报道称|报道说|报道指|报道|援引|刊文|刊登|刊发|发表|发文|撰文|消息称|曝光|指出|称)',
  'g',
);
/**
 * 在接受天空新闻(Sky News)采访时表示: an interview the outlet ran, so it reported what was said.
 * The name may carry its Latin form in brackets; 接受媒体/记者采访 names no one.
 */
const INTERVIEW = new RegExp(
  `(?:(${DATE})(?:在)?)?接受(?:了)?(${QUOTED_OUTLET}|[A-Za-z\\u4e00-\\u9fa5·]{2,16}?)(?:[（(][^）)]{1,30}[）)])?(?:的)?(?:记者|主持人)?(?:的)?(?:电话|视频|书面|独家)?(?:采访|专访)`,
  'g',
);
const LIST_ITEM = '[^\\s，,。；;：:！!？?、和及与“”"（）()【】\\[\\]|丨/]{2,12}';
/** Function words that show a run of characters is a clause (如果没有央视新闻), not a name; 有线 (cable) is a name's (美国有线电视新闻网). */
const PROSE_WORD = /[的了是在和与对把被将从也都就而没如这那]|有(?!线)/;
const COMPILED_REPORTS = new RegExp(`综合(${LIST_ITEM}(?:[、和及与]${LIST_ITEM}){1,5})(?:等)?(?:媒体|外电)?(?:的)?(?:报道|消息)`, 'g');

const LABELS =
  '资料来源|信息来源|稿件来源|文章来源|新闻来源|内容来源|本文来源于|本文来源|来源于|稿源|来源|出处|本文转载自|文章转载自|转载自|本文转自|文章转自|本文来自|转自|首发于|' +
  '本文原载于|原载于|原文刊载于|原文载于|原刊于|原载(?=《)|原刊(?=《)|' +
  '部分内容综合自|综合整理自|综合自|整理自';
// A picture's, video's or data's 来源 (图片来源：视觉中国, 数据来源：国家统计局) credits that material, not the text.
// An account is named after its kind (转自微信公众号“书香江城”): the name is what follows.
const REPRINT = new RegExp(`(?<!图片|图|视频|音频|数据|照片|图表)(${LABELS})(\\s*[:：|丨︱｜]?\\s*)(?:(?:微信)?公众号\\s*[:：]?\\s*)?[“"《「]?(${NAME_CHAR.replace('、', '')}{2,60})`, 'g');
/** Labels strong enough to be trusted anywhere, even inside a long body paragraph. */
const STRONG_LABEL = /^(?:资料来源|信息来源|稿件来源|文章来源|本文|文章转|转载自|首发于|原载|原文刊载于|原文载于|原刊|部分内容综合自|综合整理自|综合自|整理自)/;
/** Labels of material the text was compiled from, rather than the text it reprints. */
const COMPILED_LABEL = /^(?:资料来源|部分内容综合自|综合整理自|综合自|整理自)$/;
/** Words after which a 来源 value has ended (a following field of the meta line); 发布 only as a field (广州南沙发布 is an account). */
const VALUE_END = /(?:作者|编辑|责任编辑|责编|记者|时间|发布(?=时间|日期|于|[:：])|日期|浏览|阅读|点击|字号|分享|微信公众号|公众号|等|\d{4}|\d{1,2}月).*$/;

/** Taiwan's wire brackets its dateline and may compile foreign wires: （中央社台北5日综合外电报道）, （中央社记者X柏林5日专电）. */
const DATELINE = new RegExp(`^[【\\[（(〔]?(?!另?据)(${NAME_CHAR}{2,18}?)\\s?(${DATE})?(?:综合外电|专)?(电(?!${NOT_WIRE_DIAN})|讯|报道|消息(?=\\s*[（(：:]|\\s))[】\\]）)〕]?`);
/**
 * The outlet ends at the last outlet-like character; what follows is the place (新华社|北京). A 台
 * opening 台北, 台中, 台南 or 台东 is the place's (新华社|台北).
 */
const OUTLET_THEN_PLACE = /^(.+(?:社|网|报|台(?![北中南东])|站|新闻|客户端))([\u4e00-\u9fa5]{0,6})$/;
const EN_WIRE = /\((Reuters|AP|AFP|Bloomberg|Xinhua|CNN)\)\s*[-—–]|[-—–]\s*(?:The )?(Associated Press|Reuters|AFP|Agence France-Presse|Bloomberg News|Xinhua)\s*$/;
/** A byline's writer: two to four capitalised words. */
const EN_PERSON = String.raw`[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}`;
/** By Anna Reed, CNN; By Anna Reed and Tom Baker, The Washington Post. */
const EN_BYLINE_OUTLET = new RegExp(String.raw`^By ${EN_PERSON}(?:(?:,\s*|\s+and\s+)${EN_PERSON})*(?:,\s*|\s*[|•·]\s*)((?:The )?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})$`);
const EN_WIRE_NAMES: Record<string, string> = { AP: 'Associated Press' };
/** A meta line holding only a wire's name: the byline's affiliation (By A and B / Associated Press). */
const EN_WIRE_LINE = /^(?:The )?(Associated Press|AP|Reuters|AFP|Agence France-Presse|Bloomberg News|Xinhua)$/;
/** A capitalised word of a name; a full stop inside it (U.S.) but not one ending a sentence (Weekly. This). */
const EN_NAME_WORD = String.raw`[A-Z](?:[\w&'’-]|\.(?!\s|$))*`;
const EN_REPRINT = new RegExp(String.raw`(?:originally (?:appeared|was published|published) (?:in|on|at|by)|(?:Republished|Reprinted) with permission (?:from|of)|This (?:article|story|piece|post|essay|column|report) (?:first (?:appeared|ran|was published) (?:in|on|at)|(?:is|was) republished from|was produced by)|A version of this (?:article|story|piece|post|essay|column|report) (?:first )?(?:appeared|ran|was published) (?:in|on|at)|Syndicated from|Reprinted from)\s+(?:the\s+)?(${EN_NAME_WORD}(?:\s+${EN_NAME_WORD}){0,5})`, 'g');
const EN_REPORT = new RegExp(String.raw`(?:(?:[Aa]ccording to(?: (?:a|an|the) (?:report|story|article) (?:in|by|from))?|(?:first |originally )?reported by) (?:the\s+)?(${EN_NAME_WORD}(?:\s+${EN_NAME_WORD}){0,3}))|(?:(${EN_NAME_WORD}(?:\s+${EN_NAME_WORD}){0,3}) (?:reported|reports|said in a report))`, 'g');
/** A wire or paper credited for part of the story (Reuters contributed to this report; Associated Press writer X contributed…). */
/** With files from The Canadian Press: the wire whose copy the story draws on. */
const EN_FILES_FROM = new RegExp(String.raw`^[-—–]?\s*[Ww]ith files from (?:the )?((?:The )?${EN_NAME_WORD}(?:\s+${EN_NAME_WORD}){0,4})\.?$`);
/** — The Canadian Press, — Financial Times closing the story: any outlet signing its copy (EN_WIRE names the wires with their own forms). */
const EN_SIGN_OFF = new RegExp(String.raw`^[-—–]\s*((?:The )?${EN_NAME_WORD}(?:\s+${EN_NAME_WORD}){0,4})\s*$`);
const EN_CONTRIBUTED = new RegExp(String.raw`^(?:The )?(${EN_NAME_WORD}(?:\s+${EN_NAME_WORD}){0,3})(?:\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?)\b[^.]*?)?\s+contributed to this (?:report|story|article)`);
/**
 * A line that is only a source label and names (Source: Reuters; Sources: AP, Bloomberg): English
 * pages label data and studies the same way, so only names that read as outlets are taken.
 */
const EN_SOURCE_LINE = /^\s*Sources?:\s*((?:The )?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4}(?:(?:,\s*|\s+and\s+)(?:The )?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})*)\.?\s*$/;
/** The words EN_REPRINT and EN_REPORT need: most lines with a Latin letter (GDP, 5G) hold neither. */
const EN_REPRINT_WORDS = /originally|Republished|Reprinted|Syndicated|This \w+ (?:first|is republished|was republished|was produced)|A version of/;
const EN_REPORT_WORDS = /[Aa]ccording to| report/;
const EN_OUTLET = /^(?:Reuters|Bloomberg|CNN|BBC|NBC|CBS|ABC News|AP|AFP|Axios|Politico|CNBC|NPR|Fox News|Associated Press|.*\b(?:News|Times|Post|Journal|Press|Herald|Tribune|Guardian|Telegraph|Wire|Agency|Magazine|Daily|Gazette|Review|Reporter|Insider|Week|Economist|Financial Times|Wall Street Journal))$/;

function outletOf(raw: string): string | null {
  const name = normalizeOutlet(raw);
  return isUnnamed(name) ? null : name;
}

/** 综合/资料来源 lists name several outlets; a 来源 can chain two (人民网－人民日报). */
function splitList(value: string): string[] {
  return value
    .split(/[、，,及和与·]|[－—–-]|\s+/)
    .map((part) => part.replace(/等$/, ''))
    .filter((part) => part.length > 0);
}

/** Every label holds 源, 自, 出处, 首发 or 载/刊于: a line without them (most body lines) skips the scan and the pattern's copy. */
const REPRINT_WORDS = /[源自]|出处|首发|[载刊]于|原[载刊]《/;

function reprintHits(line: Line, hits: SourceHit[]): void {
  if (!REPRINT_WORDS.test(line.text)) return;
  for (const m of line.text.matchAll(REPRINT)) {
    const [whole, label = '', separator = '', raw = ''] = m;
    const before = line.text.slice(0, m.index);
    // Outside the meta line 来源 is often an ordinary noun (收入来源, 灵感来源于): trust it as a label only.
    // 转自 opening a line before a name (转自江城日报微信公众号) is the notice; before a clause it is a verb.
    const asLabel = STRONG_LABEL.test(label) || line.zone === 'meta' || /[:：|丨︱｜]/.test(separator) || /[（(【\[]\s*$/.test(before) || (label === '转自' && before.trim() === '' && !PROSE_WORD.test(raw));
    // 出处 in a sentence is where a saying comes from (这句话的出处：《论语》): a label opens its line or bracket.
    if (!asLabel || (label === '出处' && !/(?:^|[（(【\[])\s*$/.test(before))) continue;
    const value = raw.replace(VALUE_END, '');
    const end = (m.index ?? 0) + whole.length - raw.length + value.length;
    // A quoted name (本文来自“腾讯科技”) is shown with its closing quote, not cut open.
    const closed = value === raw && /[“"]$/.test(whole.slice(0, whole.length - raw.length)) && /[”"]/.test(line.text[end] ?? '');
    const evidence = line.text.slice(m.index, closed ? end + 1 : end).trim();
    const parts = splitList(value);
    for (const part of parts) {
      // 澎湃新闻·澎湃号·政务: after the platform comes its channel, not an outlet.
      if (isPlatform(normalizeOutlet(part))) break;
      const outlet = outletOf(part);
      if (!outlet) continue;
      // Only a lone 来源 value can be a person (来源: 尹娟); list items are outlets.
      const person = parts.length === 1 && looksLikePerson(outlet);
      const compiled = COMPILED_LABEL.test(label);
      hits.push({ kind: 'reprint', outlet, date: null, evidence, zone: line.zone, ...(person ? { person } : {}), ...(compiled ? { compiled } : {}) });
    }
  }
}

/**
 * A rights notice naming whose work the text is: 美国The Next Web作品的中文相关权益归腾讯公司独家所有,
 * 本文系《财经》杂志授权腾讯独家发布. The work's owner is the outlet the page reprints.
 */
const RIGHTS_OWNER = /(?:^|[【\[（(])\s*([^【\[（(，,。；;！!？?]{2,30}?)(?:的)?作品的?中文(?:相关)?(?:版权|权益)归/g;
const LICENSED_BY = /本文(?:系|为|由|经)(?:微信)?(?:公众号)?([^，,。；;！!？?\s]{2,20}?)(?:独家)?授权/g;
/** Whose original the text is (本文系江城观察原创): on a page that reprints it, where it came from. */
const ORIGINAL_BY = /本文(?:系|为|是)(?:微信)?(?:公众号)?([^，,。；;！!？?\s]{2,20}?)(?:独家)?原创/g;
/** A capitalised Latin name (The Next Web), as rights notices print foreign outlets. */
const LATIN_BRAND = /^[A-Z][\w&.'’ -]{1,40}$/;
/** Who wrote it, not an outlet: 本文系作者授权发布. */
const WRITER_WORD = /^(?:原?作者|笔者|本人)$/;

function rightsHits(line: Line, hits: SourceHit[]): void {
  const text = line.text;
  if (!text.includes('授权') && !text.includes('权益归') && !text.includes('版权归') && !text.includes('原创')) return;
  for (const pattern of [RIGHTS_OWNER, LICENSED_BY, ORIGINAL_BY]) {
    const original = pattern === RIGHTS_OWNER;
    for (const m of text.matchAll(pattern)) {
      // An account's name is quoted (本文经微信公众号“书香江城”授权): the quotes are not the name's.
      const quoted = /^[“"].+[”"]$/.test(m[1] ?? '');
      const raw = quoted ? (m[1] ?? '').slice(1, -1) : (m[1] ?? '');
      const outlet = outletOf(raw);
      // A clause (本报刊发的所有作品的中文…) is not an owner: a 《title》, a quoted name, an outlet's name or a Latin brand is.
      const named = raw.includes('《') || quoted || (!PROSE_WORD.test(raw) && (looksLikeOutlet(outlet ?? '') || LATIN_BRAND.test(outlet ?? '')));
      if (!outlet || !named || WRITER_WORD.test(outlet) || looksLikePerson(outlet)) continue;
      hits.push({ kind: 'reprint', outlet, date: null, evidence: m[0].replace(/^[【[（(]\s*/, ''), zone: line.zone, ...(original ? { original } : {}) });
    }
  }
}

/**
 * 。（人民日报海外版） closing the story: the outlet it was taken from, in brackets after the last
 * sentence, as reprints credit it. Only a name that reads as an outlet: （张巨峰） is a reporter's sign-off.
 */
const OUTLET_SIGN_OFF = /[。！？!?”"]\s*[（(]([^（()）\s，,。：:]{2,14})[)）]\s*$/;

function outletSignOffHit(line: Line, hits: SourceHit[]): void {
  const m = OUTLET_SIGN_OFF.exec(line.text);
  const outlet = m ? outletOf(m[1] ?? '') : null;
  if (m && outlet && looksLikeOutlet(outlet) && !looksLikePerson(outlet)) hits.push({ kind: 'reprint', outlet, date: null, evidence: m[0].slice(1).trim(), zone: line.zone, signOff: true });
}

/** 【证券时报网】A股三大股指集体回调: an item of a digest headed by the outlet it was taken from. */
const ITEM_TAG = new RegExp(`^【(${NAME_CHAR}{2,12})】[^，,。；;：:！!？?\\s]+`);

function itemTagHit(line: Line, hits: SourceHit[]): void {
  const m = ITEM_TAG.exec(line.text);
  const outlet = m ? outletOf(m[1] ?? '') : null;
  // 【深度】, 【上一篇】 and column names are not outlets; each item came through the page's own source.
  if (m && outlet && looksLikeOutlet(outlet)) hits.push({ kind: 'reprint', outlet, date: null, evidence: m[0], zone: line.zone, compiled: true });
}

/** The verbs REPORT_VERB ends on: a line without any of them can skip its scan. */
const REPORT_VERB_WORDS = /报道|援引|刊|发表|发文|撰文|消息|曝光|指出|称/;

function reportHits(line: Line, hits: SourceHit[]): void {
  const text = line.text;
  // Each pattern is scanned only when the word it needs is on the line: their lazy name groups
  // try every start position, and most body lines report nothing.
  if (text.includes('据')) reportJu(text, line, hits);
  if (text.includes('援引')) cites(text, line, hits);
  if (REPORT_VERB_WORDS.test(text)) reportVerb(text, line, hits);
  if (text.includes('综合')) compiledReports(text, line, hits);
  if (text.includes('接受')) interviews(text, line, hits);
  if (text.includes('社发')) wirePhotos(text, line, hits);
  if (text.includes('调')) wirePolls(text, line, hits);
}

/**
 * 路透月度调查显示, 彭博调查发现: a wire's own poll, which it reported. Only the wires: 中国劳工观察调查显示
 * is an organisation's finding, and 记者调查发现 the story's own.
 */
const WIRE_POLL = /(路透社?|彭博社?|美联社|法新社|共同社|韩联社|塔斯社|德新社|安莎社)(?:的)?(?:月度|季度|年度|最新|一项)?(?:调查|民调|调研)(?:结果)?(?:显示|发现|表明)/g;

function wirePolls(text: string, line: Line, hits: SourceHit[]): void {
  for (const m of text.matchAll(WIRE_POLL)) {
    const outlet = outletOf(m[1]!);
    if (outlet) hits.push({ kind: 'report', outlet, date: null, evidence: m[0], zone: line.zone });
  }
}

/**
 * 新华社发（刘满仓摄）, 中新社发 张三 摄: a wire sent out the photo, and so reported what it shows.
 * Only the wire's 发 before a photographer's credit or a closing bracket: in 新华社发展 or 发出 it
 * credits no photo.
 */
const WIRE_PHOTO = /(新华社|中新社)发(?=\s*[（(][^（()）]{1,12}摄|\s*[\u4e00-\u9fa5]{2,4}\s*摄|\s*[）)])/g;

function wirePhotos(text: string, line: Line, hits: SourceHit[]): void {
  for (const m of text.matchAll(WIRE_PHOTO)) hits.push({ kind: 'report', outlet: m[1]!, date: null, evidence: m[0], zone: line.zone });
}

/** The gloss itself, read where the name ends. */
const GLOSS_AT = /^[（(]([A-Za-z][\w .&'’-]{0,30})[)）]/;

/** The outlet's Latin name glossed right after `name` in `match` (美国有线电视新闻网（CNN）), when it reads as an outlet: the name readers use. */
function latinGloss(match: string, name: string): string | null {
  const gloss = GLOSS_AT.exec(match.slice(match.indexOf(name) + name.length))?.[1];
  return gloss !== undefined && looksLikeOutlet(gloss) ? gloss : null;
}

function reportJu(text: string, line: Line, hits: SourceHit[]): void {
  for (const m of text.matchAll(REPORT_JU)) {
    // A known Latin name glossed after the Chinese one (（CNN）) is the name readers use.
    const named = latinGloss(m[0], m[1] ?? '') ?? outletOf((m[1] ?? '').replace(/记者$/, ''));
    // 据新华社拉萨电: a wire's 电 names the place after the outlet.
    const outlet = named && m[3] === '电' ? (OUTLET_THEN_PLACE.exec(named)?.[1] ?? named) : named;
    // Governments, companies and people are not sources: the name must read as an outlet, or be a
    // whole 《title》 (据中国证监会《…办法》 cut inside the title cites a document, not an outlet).
    const raw = m[1] ?? '';
    if (!outlet || !(/《[^》]+》/.test(raw) || looksLikeOutlet(outlet))) continue;
    hits.push({ kind: 'report', outlet, date: m[2] ?? null, evidence: m[0], zone: line.zone });
  }
}

function cites(text: string, line: Line, hits: SourceHit[]): void {
  for (const m of text.matchAll(CITES)) {
    const teller = outletOf(m[1] ?? '');
    const origin = outletOf(m[2] ?? '');
    if (!teller || !origin || !looksLikeOutlet(teller) || !looksLikeOutlet(origin)) continue;
    // The teller first, so the chain knows it before the outlet it relayed.
    hits.push({ kind: 'report', outlet: teller, date: null, evidence: m[0], zone: line.zone });
    hits.push({ kind: 'report', outlet: origin, date: null, evidence: m[0], via: teller, zone: line.zone });
  }
}

function reportVerb(text: string, line: Line, hits: SourceHit[]): void {
  for (const m of text.matchAll(REPORT_VERB)) {
    const raw = m[1] ?? '';
    const before = text.slice(Math.max(0, (m.index ?? 0) - 3), m.index);
    if (/(?:题为|原标题|标题)$/.test(before)) continue; // 《…》 is an article title there
    // 英国广播公司网站（BBC）刊文称: the Latin name readers use, as in reportJu.
    const gloss = latinGloss(m[0], raw);
    const glossed = gloss !== null;
    const outlet = gloss ?? outletOf(raw);
    // A name glossed with an outlet's Latin name is that outlet, whatever words it holds (有线).
    if (!outlet || !(glossed || raw.includes('《') || (looksLikeOutlet(outlet) && !PROSE_WORD.test(raw)))) continue;
    hits.push({ kind: 'report', outlet, date: m[2] ?? null, evidence: m[0], zone: line.zone });
  }
}

function interviews(text: string, line: Line, hits: SourceHit[]): void {
  for (const m of text.matchAll(INTERVIEW)) {
    const raw = m[2] ?? '';
    const outlet = outletOf(raw);
    if (!outlet || !(raw.includes('《') || (looksLikeOutlet(outlet) && !PROSE_WORD.test(raw)))) continue;
    hits.push({ kind: 'report', outlet, date: m[1] ?? null, evidence: m[0], zone: line.zone });
  }
}

function compiledReports(text: string, line: Line, hits: SourceHit[]): void {
  for (const m of text.matchAll(COMPILED_REPORTS)) {
    for (const part of (m[1] ?? '').split(/[、和及与]/)) {
      const outlet = outletOf(part);
      if (outlet && !looksLikePerson(outlet)) hits.push({ kind: 'report', outlet, date: null, evidence: m[0], zone: line.zone });
    }
  }
}

/** The English source phrases of a line: wire tags, bylines naming an outlet, reprint notes, reports. */
export function englishHits(line: Line, hits: SourceHit[]): void {
  // Every English form needs a Latin letter: most Chinese lines have none and skip them all.
  if (!LATIN_LETTER.test(line.text)) return;
  const wire = /[)—–-]/.test(line.text) ? EN_WIRE.exec(line.text) : null;
  if (wire) {
    const name = wire[1] ?? wire[2] ?? '';
    hits.push({ kind: 'dateline', outlet: EN_WIRE_NAMES[name] ?? name, date: null, evidence: wire[0].trim(), zone: line.zone });
  }
  const affiliation = line.zone === 'meta' ? EN_WIRE_LINE.exec(line.text) : null;
  if (affiliation?.[1]) hits.push({ kind: 'reprint', outlet: EN_WIRE_NAMES[affiliation[1]] ?? affiliation[1], date: null, evidence: line.text, zone: line.zone });
  // By Sandee LaMotte, CNN: a wire or network's writer, so the story is that outlet's.
  const byline = EN_BYLINE_OUTLET.exec(line.text);
  if (byline?.[1] && EN_OUTLET.test(byline[1])) hits.push({ kind: 'reprint', outlet: byline[1], date: null, evidence: byline[0], zone: line.zone });
  const labelled = EN_SOURCE_LINE.exec(line.text);
  for (const name of labelled?.[1]?.split(/,\s*|\s+and\s+/) ?? []) {
    const outlet = name.replace(/\.$/, '');
    if (EN_OUTLET.test(outlet)) hits.push({ kind: 'reprint', outlet: EN_WIRE_NAMES[outlet] ?? outlet, date: null, evidence: labelled![0].trim(), zone: line.zone });
  }
  for (const m of EN_REPRINT_WORDS.test(line.text) ? line.text.matchAll(EN_REPRINT) : []) {
    const outlet = (m[1] ?? '').replace(/[.,;]$/, '');
    if (outlet) hits.push({ kind: 'reprint', outlet, date: null, evidence: m[0], zone: line.zone });
  }
  const files = line.text.includes('files from') ? EN_FILES_FROM.exec(line.text) : null;
  if (files?.[1] && EN_OUTLET.test(files[1])) hits.push({ kind: 'report', outlet: files[1], date: null, evidence: files[0].replace(/^[-—–]\s*/, ''), zone: line.zone });
  const signed = !wire && /^[-—–]/.test(line.text) ? EN_SIGN_OFF.exec(line.text) : null;
  if (signed?.[1] && EN_OUTLET.test(signed[1])) hits.push({ kind: 'dateline', outlet: signed[1], date: null, evidence: signed[0].trim(), zone: line.zone });
  const contributed = line.text.includes('contributed to this') ? EN_CONTRIBUTED.exec(line.text) : null;
  const contributor = contributed?.[1] ?? '';
  if (EN_OUTLET.test(contributor)) hits.push({ kind: 'report', outlet: EN_WIRE_NAMES[contributor] ?? contributor, date: null, evidence: contributed![0], zone: line.zone });
  for (const m of EN_REPORT_WORDS.test(line.text) ? line.text.matchAll(EN_REPORT) : []) {
    const outlet = m[1] ?? m[2] ?? '';
    if (EN_OUTLET.test(outlet)) hits.push({ kind: 'report', outlet, date: null, evidence: m[0], zone: line.zone });
  }
}

/** What follows 报道 when it is a sentence's verb (美联社报道称，…), not an own story's heading. */
const REPORT_SENTENCE_GOES_ON = /^(?:称|说|指|显示|[，,])/;

/** The wire or newspaper dateline opening the body: 新华社北京2月23日电, 新京报讯, 参考消息网2月23日报道. */
export function datelineHit(line: Line): SourceHit | null {
  const m = DATELINE.exec(line.text);
  if (!m) return null;
  // A sentence, not a heading: 路透社援引彭博社的报道称, 美联社报道，… report what another outlet said;
  // the report patterns read them (a heading is followed by the story, not by 称 or a comma).
  const own = m[3] === '报道' || m[3] === '消息';
  if (/援引|的$/.test(m[1] ?? '') || (own && REPORT_SENTENCE_GOES_ON.test(line.text.slice(m[0].length)))) return null;
  // 中央社记者王扬宇台北5日电: the reporters and the place follow the wire's name.
  const head = OUTLET_THEN_PLACE.exec((m[1] ?? '').replace(/记者.*$/, ''));
  const outlet = head ? outletOf(head[1] ?? '') : null;
  if (!outlet || !looksLikeOutlet(outlet)) return null;
  // 本报讯 / 本网讯 name the page's own outlet, which the chain already has.
  if (/^本/.test(outlet)) return null;
  const evidence = m[0].replace(/^[【[（(〔]/, '').replace(/[】\]）)〕]$/, '');
  return { kind: 'dateline', outlet, date: m[2] ?? null, evidence, zone: line.zone, ...(m[3] === '报道' || m[3] === '消息' ? { ownStory: true } : {}) };
}

/**
 * Where a site's policy on works in general begins (凡本网注明“来源：XXX”的作品…, 凡注明来源为X网的作品…):
 * what it names is a rule for whatever the site carries, often a placeholder, and no source of this story.
 */
const SITE_POLICY = /(?:凡|本网站?|本站)(?:[^，,。；;！!？?]{0,6}?)(?:注明|标明|标注|署名)/;

/** Every source phrase of one line, in the order reprints, reports, English forms. */
export function sourceHits(whole: Line): SourceHit[] {
  const policy = SITE_POLICY.exec(whole.text);
  const line = policy ? { ...whole, text: whole.text.slice(0, policy.index) } : whole;
  const hits: SourceHit[] = [];
  reprintHits(line, hits);
  rightsHits(line, hits);
  if (line.zone === 'body') {
    itemTagHit(line, hits);
    reportHits(line, hits);
  }
  if (line.zone !== 'meta' && (line.text.endsWith(')') || line.text.endsWith('）'))) outletSignOffHit(line, hits);
  englishHits(line, hits);
  return hits;
}

/**
 * 原标题：《…》, （原标题：…）, 原题, 原文标题, 本文原标题为《…》; a bracket inside the title ((含郊县)) is
 * the title's. After 为 without a colon only a 《title》 is taken: the rest may be prose.
 */
const ORIGINAL_TITLE = /(?:原标题|原文标题|原题)\s*(?:(?:为\s*)?[:：]\s*(《[^》]+》|(?:[^（()）]|[（(][^（()）]*[)）])+)|为\s*(《[^》]+》))/;
/** A following field of the same line (原标题：X 责任编辑：Y): the title ends before it. */
const TITLE_END = /\s+(?:责任编辑|责编|编辑|来源|作者|记者|校对)\s*[:：].*$/;

/** The 原标题 (original headline) when the page states one. */
export function originalTitleOf(line: Line): string | null {
  const m = ORIGINAL_TITLE.exec(line.text);
  if (!m) return null;
  const title = (m[1] ?? m[2] ?? '').replace(TITLE_END, '').replace(/^《|》$/g, '').trim();
  return title || null;
}

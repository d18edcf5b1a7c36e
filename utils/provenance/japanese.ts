/**
 * Japanese pages: how Japanese portals and papers say where a story came from (毎日新聞 3/5(火)
 * 14:20配信, 出典：X, Xより転載, the source's rights notice), who reported it (ロイター通信による
 * と, 米紙Xは4日…と報じた), the wire's dateline and sign-off (【ベルリン共同】, （時事）) and who
 * wrote it (【ワシントン＝山田太郎】, 取材・文＝X). A portal such as Yahoo!ニュース carries
 * nothing but other outlets' stories, so these are the whole of its provenance.
 */
import type { Credit, CreditRole } from '../analysis-types';
import type { SourceHit } from './patterns';
import { labelWords, phraseHit, roleOfLabel, type CreditLabels } from './phrase-kit';
import type { Line } from './text-zones';

/** A name as Japanese text prints it: katakana, kanji, Latin letters (half- or full-width), ・ and ＝, never hiragana. */
const NAME = String.raw`[\u30a0-\u30ff\u4e00-\u9fffA-Za-z\uff21-\uff3a\uff41-\uff5a0-9\uff10-\uff19・&＆.＝=]`;
/** The short names wires sign with, as readers call the wire. */
const WIRES: Record<string, string> = { 共同: '共同通信', 時事: '時事通信', 聯合: '聯合ニュース', 新華社: '新華社', ロイター: 'ロイター', AFP: 'AFP', AP: 'AP', EFE: 'EFE', CNN: 'CNN', ブルームバーグ: 'ブルームバーグ' };
const WIRE_NAMES = Object.keys(WIRES).join('|');
/** A nationality and kind of outlet before the name (米紙, 英BBC放送の, 中国国営), which readers drop. */
const OUTLET_PREFIX = /^(?:中国|韓国|米国|英国|ロシア|ドイツ|フランス|アメリカ|イギリス|[米英仏独中韓露豪印伊加台朝])?(?:国営|公共|有力|大手|経済)?(?:紙|誌|通信社?|メディア|放送|テレビ)?[・＝]?(?=.{2})/;
/** Endings that make a name an outlet: 新聞, 通信, 放送, タイムズ … */
const OUTLET_ENDING = /(?:新聞|新聞社|通信|通信社|放送|放送協会|テレビ|ラジオ|ニュース|タイムズ|ポスト|ジャーナル|新報|日報|時報|紙|誌|社|ガーディアン|エコノミスト|オンライン|デジタル|ドットコム)$/;
const BARE_OUTLETS = new RegExp(`^(?:${WIRE_NAMES}|NHK|BBC|NBC|CBS|ABC|CNBC|NPR|Reuters|Bloomberg|Axios|Politico|フィナンシャル・タイムズ|ウォール・ストリート・ジャーナル|[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)* (?:News|Times|Post|Journal|Online))$`, 'i');
/** Names that say no outlet: 同紙 (the same paper), 地元紙, 複数のメディア, 関係者. */
const UNNAMED = /^(?:同|各|地元|現地|複数|一部|主要|海外|外国|国内|当該|当社|本紙|本誌|弊社)|^(?:メディア|ニュース|通信|新聞|テレビ|放送|社)$/;

/**
 * The outlet a raw name denotes, as readers say it (米紙ニューヨーク・タイムズ（電子版） → ニューヨーク・タイムズ),
 * or null for none. Where the phrase itself says an outlet is named (出典：X, X 配信) any name is
 * taken (`labelled`); in prose only names that read as outlets are.
 */
export function japaneseOutlet(raw: string, labelled = false): string | null {
  let name = raw.normalize('NFKC').trim().replace(/\(電子版\)$/, '');
  name = name.replace(/^[「『(\s]+|[」』)\s]+$/g, '').replace(/電子版$/, '').replace(/[=・]$/, '');
  // A run of kanji before the outlet (昨年米紙X): the name starts at its nationality.
  name = name.replace(/^.+?(?=(?:[米英仏独中韓露豪]|中国|韓国|米国|英国)(?:紙|誌|通信|放送|テレビ))/, '');
  name = name.replace(OUTLET_PREFIX, '');
  // A Latin name with the medium after it (BBC放送, CNNテレビ) goes by the name.
  name = name.replace(/^([A-Z][A-Za-z]+)(?:放送|テレビ|通信)$/, (_, latin: string) => (/^(?:AP|AFP)$/.test(latin) ? `${latin}通信` : latin));
  name = name.replace(/^(.{2,}(?:新聞|通信))社$/, '$1');
  if (name.length < 2 || name.length > 24 || UNNAMED.test(name)) return null;
  // Hiragana is a sentence's, never a name's.
  if (labelled) return /[\u3041-\u309f]/.test(name) ? null : name;
  return BARE_OUTLETS.test(name) || OUTLET_ENDING.test(name) ? name : null;
}

/** 毎日新聞 3/5(火) 14:20配信, or the date first: a portal names the outlet that delivered the story beside its date. */
const DELIVERED = /^(?:(.{2,24}?)\s+)?((?:\d{4}\/)?\d{1,2}\/\d{1,2}\s*[(（][月火水木金土日][)）]\s*\d{1,2}:\d{2})\s*配信(?:\s+(.{2,24}))?$/;
/** 出典：X, 配信元：X, 提供：X, 転載元：X, 引用元：X (a Latin name may hold spaces: ITmedia NEWS). */
const LABELLED = new RegExp(`(?:出典元?|配信元|提供|転載元|引用元|初出)\\s*[:：]\\s*(${NAME}{2,30}(?: [A-Za-z]${NAME}{1,20})*)`, 'g');
/** Xより転載 / Xからの転載 / Xに掲載された記事を転載: the story ran there first. */
const REPRINTED = new RegExp(`(${NAME}{2,30})(?:\\(電子版\\)|（電子版）)?(?:より|から(?:の)?|に掲載された記事を)転載`, 'g');
/** Copyright(C) 2024 毎日新聞社 記事の無断転用を禁じます: the rights in the story are that outlet's. */
const RIGHTS = new RegExp(`(?:Copyright|©|\\([cC]\\)|（[cCＣ]）)[\\s©()（）cC]*(?:\\d{4}[\\s,-]*)*(${NAME}{2,30}?)[\\s.、。]*(?:All rights reserved|記事の無断|無断[転複])`, 'i');
/** Xによると / Xの報道によると: the news as X told it. */
const ACCORDING = new RegExp(`(${NAME}{2,30})(?:\\(電子版\\)|（電子版）)?(?:の(?:報道|電子版|記事|取材))?によると`, 'g');
/** 米紙Xは4日、…と報じた: the outlet, then within its sentence the verb of reporting. */
const REPORTED = new RegExp(`(${NAME}{2,30})(?:\\(電子版\\)|（電子版）)?[はが](?:(\\d{1,2})日(?:付)?)?[^。]{0,100}?(?:報じた|伝えた|報道した|報じている|伝えている|報じました|伝えました)`, 'g');
/** （共同）, （ロイター）, （AFP＝時事）, （ベルリン＝共同） closing the story: the bracket, read by signOffHits. */
const SIGN_OFF = /[（(【]([^（()）【】]{2,16})[)）】]\s*$/;
/** 【ベルリン共同】, 【北京時事】, 【ワシントン＝ロイター】 opening the story: the wire's dispatch from that place. */
const DATELINE = new RegExp(`^【[^】＝=]{0,10}?[＝=]?(${WIRE_NAMES}|ＡＦＰ|ＡＰ|ＣＮＮ)】`);

function wireName(short: string): string {
  const name = short.normalize('NFKC');
  return WIRES[name] ?? name;
}

/** 2024/3/5(火) or 3/5(火) as the dates of source phrases are stated (2024年3月5日, 3月5日). */
function deliveredOn(date: string): string | null {
  const m = /^(?:(\d{4})\/)?(\d{1,2})\/(\d{1,2})/.exec(date);
  return m ? `${m[1] ? `${m[1]}年` : ''}${m[2]}月${m[3]}日` : null;
}

/** Every source phrase of one Japanese line: reprints first, then reports. */
export function japaneseSourceHits(line: Line): SourceHit[] {
  const text = line.text;
  const hits: SourceHit[] = [];
  const delivered = text.includes('配信') ? DELIVERED.exec(text) : null;
  const deliverer = delivered ? japaneseOutlet(delivered[1] ?? delivered[3] ?? '', true) : null;
  if (deliverer) hits.push(phraseHit('reprint', deliverer, delivered![0], line, deliveredOn(delivered![2] ?? '')));
  for (const m of text.matchAll(LABELLED)) {
    const outlet = japaneseOutlet(m[1] ?? '', true);
    if (outlet) hits.push(phraseHit('reprint', outlet, m[0], line));
  }
  for (const m of text.includes('転載') ? text.matchAll(REPRINTED) : []) {
    const outlet = japaneseOutlet(m[1] ?? '');
    if (outlet) hits.push(phraseHit('reprint', outlet, m[0], line));
  }
  const rights = text.includes('無断') || /rights/i.test(text) ? RIGHTS.exec(text) : null;
  const owner = rights ? japaneseOutlet(rights[1] ?? '') : null;
  if (owner) hits.push(phraseHit('reprint', owner, rights![0], line));
  if (line.zone !== 'body') return hits;
  for (const m of text.includes('によると') ? text.matchAll(ACCORDING) : []) {
    const outlet = japaneseOutlet(m[1] ?? '');
    if (outlet) hits.push(phraseHit('report', outlet, m[0], line));
  }
  for (const m of /報じ|伝え|報道し/.test(text) ? text.matchAll(REPORTED) : []) {
    const outlet = japaneseOutlet(m[1] ?? '');
    if (outlet) hits.push(phraseHit('report', outlet, m[0], line, m[2] ? `${m[2]}日` : null));
  }
  const signed = SIGN_OFF.exec(text);
  if (signed) signOffHits(signed[1] ?? '', signed[0].trim(), line, hits);
  return hits;
}

/**
 * A wire's sign-off: （共同）, or its place first (（ベルリン＝共同）), or a wire's story through
 * another (（AFP＝時事）: AFP's, which 時事 carried). A name that is no wire is a reporter's (see japaneseCredits).
 */
function signOffHits(inside: string, evidence: string, line: Line, hits: SourceHit[]): void {
  const parts = inside.normalize('NFKC').split('=').map((part) => part.replace(/通信社?$/, ''));
  const last = parts[parts.length - 1]!;
  const before = parts[parts.length - 2];
  if (!WIRES[last]) return;
  if (before && WIRES[before]) {
    hits.push(phraseHit('report', wireName(last), evidence, line));
    hits.push({ ...phraseHit('report', wireName(before), evidence, line), via: wireName(last) });
  } else hits.push(phraseHit('report', wireName(last), evidence, line));
}

/** The wire's dateline opening a Japanese story (【ベルリン共同】), if any. */
export function japaneseDateline(line: Line): SourceHit | null {
  const m = DATELINE.exec(line.text);
  return m ? phraseHit('dateline', wireName(m[1] ?? ''), m[0], line) : null;
}

/** 【ワシントン＝山田太郎】 (Yomiuri, Sankei), 【ベルリン篠田航一】 (Mainichi: the place in katakana, the name in kanji), 【北京・山田太郎】. */
const DATELINE_REPORTER = /^【(?:[^】＝=・]{1,10}[＝=・]([^】]{2,10})|[\u30a0-\u30ff]{2,10}([\u4e00-\u9fff々]{2,6}))】/;
/** 取材・文＝X, 写真：X, 翻訳・編集：X, （X記者）: the label, then the name. */
const LABELS: CreditLabels = [
  ['取材・文|取材・執筆|文・写真|文と写真|執筆|文', 'author'],
  ['写真|撮影', 'photographer'],
  ['翻訳・編集|翻訳', 'translator'],
  ['編集|校閲', 'editor'],
  ['構成|まとめ', 'compiler'],
  ['記者|聞き手|取材', 'reporter'],
];
const LABEL_WORDS = labelWords(LABELS);
/** （ベルリン＝篠田航一） closing a story (Asahi): the reporter, filing from that place. */
const PLACE_SIGN_OFF = new RegExp(`[（(](?!(?:${LABEL_WORDS})[＝=])[^（()）＝=]{1,10}[＝=]([\\u4e00-\\u9fff\\u30a0-\\u30ff々ー・ 　]{2,12})[)）]\\s*$`);
/** A person's name: kanji or katakana, or family and given name apart (篠田 航一), the next label never taken for the given name. */
const PERSON = String.raw`[\u4e00-\u9fff々]{1,3}[ 　](?!${LABEL_WORDS})[\u4e00-\u9fff々]{1,3}(?![\u4e00-\u9fff々])|[\u4e00-\u9fff\u30a0-\u30ff々ー・]{2,10}`;
const LABELLED_CREDIT = new RegExp(`(?:^|[\\s（(【「、,])(${LABEL_WORDS})\\s*[＝=／/:：]\\s*(${PERSON})`, 'g');
const REPORTER_IN_BRACKETS = /[（(]([\u4e00-\u9fff々]{2,6})記者[)）]/g;

const roleOf = roleOfLabel(LABELS);

/** A name that is no wire or outlet (【ワシントン＝共同】 names the wire, not a person). */
function personName(raw: string | undefined): string | null {
  // 篠田 航一 as a byline spaces it is 篠田航一 as a reader writes it.
  const name = (raw ?? '').trim().replace(/([\u4e00-\u9fff々])[ 　]+(?=[\u4e00-\u9fff々])/g, '$1');
  if (name.length < 2 || WIRES[name.normalize('NFKC')] || japaneseOutlet(name)) return null;
  return name;
}

/** The people a Japanese line credits. */
export function japaneseCredits(line: Line): Credit[] {
  const text = line.text;
  const credits: Credit[] = [];
  const add = (role: CreditRole, raw: string | undefined, evidence: string): void => {
    const name = personName(raw);
    if (name) credits.push({ role, name, evidence: evidence.trim() });
  };
  const dateline = line.zone === 'body' ? DATELINE_REPORTER.exec(text) : null;
  if (dateline) add('reporter', dateline[1] ?? dateline[2], dateline[0]);
  const signOff = PLACE_SIGN_OFF.exec(text);
  if (signOff) add('reporter', signOff[1], signOff[0]);
  for (const m of text.matchAll(LABELLED_CREDIT)) add(roleOf(m[1] ?? ''), m[2], m[0].replace(/^[\s（(【「、,]/, ''));
  for (const m of text.includes('記者') ? text.matchAll(REPORTER_IN_BRACKETS) : []) add('reporter', m[1], m[0]);
  return credits;
}

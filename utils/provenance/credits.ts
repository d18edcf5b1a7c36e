/**
 * Credits: the people a page names for the work (记者, 编译, 责任编辑, By …), read from labels
 * such as 责任编辑:X_NN2587 (editor code stripped), (编译/X), 记者 X, X摄.
 */
import type { Credit, CreditRole } from '../analysis-types';
import type { Line } from './text-zones';
import { collapse } from './text-zones';
import { isUnnamed, looksLikeOutlet, looksLikePerson } from './outlet-names';
import type { Fold } from './hant';

interface Label {
  pattern: string;
  role: CreditRole;
  /** Strict labels (记者, 文, 图) are also ordinary words, so their names must look like people. */
  strict: boolean;
}

interface CompiledLabel extends Label {
  start: RegExp;
}

/** Longest first, so 责任编辑 wins over 编辑 and 本报记者 over 记者. */
const LABELS: Label[] = [
  { pattern: '责任编辑|责编|主编|编辑|选稿', role: 'editor', strict: false },
  { pattern: '编译', role: 'compiler', strict: false },
  { pattern: '整理', role: 'compiler', strict: true },
  { pattern: '翻译|译者', role: 'translator', strict: false },
  { pattern: '校对|审校|审读', role: 'proofreader', strict: false },
  { pattern: '摄影|摄像|图片', role: 'photographer', strict: false },
  // 文/图 王刚: one person wrote the story and took its pictures; the writer is the credit readers look for.
  { pattern: '(?<![\\u4e00-\\u9fa5])[文图]\\s*[/／]\\s*[文图]', role: 'author', strict: true },
  { pattern: '作者|执笔|撰文|撰稿|评论员|文字', role: 'author', strict: true },
  { pattern: '(?:本报|见习|特约|实习|首席)?记者|采写|通讯员|实习生', role: 'reporter', strict: true },
];
/** Person labels (记者陈智, 作者魏星) may touch the name; other labels need a separator or a space (编辑部, 图片来自). */
const ADJOINING = new Set<CreditRole>(['reporter', 'author']);
/** 文/X, 图/X, 摄/X and 译/X: one Han character, so a separator is required and no Han character may precede it. */
const SHORT_LABELS: Label[] = [
  { pattern: '文', role: 'author', strict: true },
  { pattern: '图|摄', role: 'photographer', strict: true },
  { pattern: '译', role: 'translator', strict: true },
];

const SEP = '\\s*[:：|/／丨︱｜]\\s*';
/** The span that may hold names: up to the next punctuation that closes a credit. */
const SPAN = '([^，,。；;！!？?()（）【】\\[\\]<>《》“”"：:]{1,40})';
const CREDIT = new RegExp(
  '(?:' +
  [
    ...LABELS.map((l) => `(?:${l.pattern})(?:${SEP}|${ADJOINING.has(l.role) ? '\\s*' : '\\s+'})`),
    ...SHORT_LABELS.map((l) => `(?<![\\u4e00-\\u9fa5])(?:${l.pattern})${SEP}`),
  ]
    .map((alt) => `(${alt})`)
    .join('|') +
    ')' +
    SPAN,
  'g',
);
/** The words of every label above: a line without one (nine in ten body lines) skips CREDIT's scan. */
const CREDIT_WORDS = new RegExp([...LABELS.map((l) => l.pattern), ...SHORT_LABELS.map((l) => `${l.pattern}${SEP}`)].join('|'));
const ALL_LABELS: CompiledLabel[] = [...LABELS, ...SHORT_LABELS].map((l) => ({ ...l, start: new RegExp(`^(?:${l.pattern})`) }));
/** (刘子彦编译) / 刘满仓摄 / 黎旭阳、李妍摄: the name comes before the role. */
const NAME_THEN_ROLE = /(?:^|[（(\s、，,]|记者|通讯员)([\u4e00-\u9fa5·]{2,4}(?:[、，,\s][\u4e00-\u9fa5·]{2,4}){0,3})\s*(编译|翻译|摄影|摄|整理)(?=$|[)）\s】。])/g;
const ROLE_OF_SUFFIX: Record<string, CreditRole> = { 编译: 'compiler', 翻译: 'translator', 摄影: 'photographer', 摄: 'photographer', 整理: 'compiler' };
const ROLE_SUFFIX_WORDS = /编译|翻译|摄|整理/;
export const LATIN_LETTER = /[A-Za-z]/;
/** 马俊峰/文, 李华/摄, 王小明/译: a name, a slash, then the role in one character. */
const NAME_SLASH_ROLE = /([\u4e00-\u9fa5·]{2,4})\s*\/\s*(文|图|摄|译)(?![\u4e00-\u9fa5])/g;
const ROLE_OF_SLASH: Record<string, CreditRole> = { 文: 'author', 图: 'photographer', 摄: 'photographer', 译: 'translator' };
/** （姚峰 上海报道）: a correspondent's sign-off. */
const SIGN_OFF = /[（(]([\u4e00-\u9fa5·]{2,4}(?:[、\s][\u4e00-\u9fa5·]{2,4})*)\s+[\u4e00-\u9fa5]{2,4}报道[)）]/g;
/** 。（张巨峰） closing a paragraph: a reporter's bare sign-off after the last sentence; the names must look like people. */
const BARE_SIGN_OFF = /[。！？!?”"]\s*[（(]([\u4e00-\u9fa5]{2,3}(?:[、\s][\u4e00-\u9fa5]{2,3}){0,3})[)）]\s*$/;
/** 新华社记者 才扬 摄: after 记者 the name before 摄 is a person's even when its surname is rare. */
const REPORTER_PHOTO = /(?:记者|通讯员)\s*([\u4e00-\u9fa5·]{2,4}(?:[、\s][\u4e00-\u9fa5·]{2,4}){0,3})\s*摄(?:影)?(?=$|[)）\s】。])/g;
/**
 * （中央社记者王扬宇台北5日电）: Taiwan's wire names its reporters between its name and the place.
 * A name is taken at three characters unless that leaves the place fewer than two (陈怡|台北).
 */
const WIRE_REPORTERS = /记者([\u4e00-\u9fa5]{2,3}(?:、[\u4e00-\u9fa5]{2,3})*?)[\u4e00-\u9fa5]{2,6}\d{1,2}日(?:综合外电|专)?电/g;
/** 记者王冠仁／台北报道 (Taiwan's papers), 编译王小明／综合外电报道 (its wire): the reporters or compiler, a slash, then where the report was filed. */
const SLASH_SIGN_OFF = /(记者|编译)\s*([\u4e00-\u9fa5·]{2,4}(?:[、\s][\u4e00-\u9fa5·]{2,4})*)\s*[／/]\s*[\u4e00-\u9fa5]{0,8}?报道/g;
/** A span that opens with a reporter label, an outlet's at most (作者：新华社记者 X): cleanName drops the label. */
const REPORTER_NAMED = /^\s*[^\s、，,]{0,8}?(?:记者|通讯员)/;
/** Editor codes printed after names: _NN2587, PK155, SF099. */
const EDITOR_CODE = /[_\s]?[A-Z]{1,3}\d{2,5}$/;
/**
 * 作者：清华大学经济管理学院教授 李稻葵, 作者：…研究部部长、研究员徐占忱: the writer's post, then the
 * name closing the clause. Op-eds credit their writers so; the post's commas cut SPAN short of the name.
 */
const POST_THEN_NAME = /(?:教授|研究员|主任|院长|所长|部长|局长|博士|讲师|学者|主编|律师|分析师|经济学家)\s*([\u4e00-\u9fa5·]{2,4})\s*$/;
/** The clause a label opens: up to the sentence's or the bracket's end. */
const CLAUSE = /^[^。；;！!？?()（）【】\[\]<>《》]{1,80}/;
/**
 * Words that end a run of names in a span (报道, 摄, the next short label: 文｜X 图｜Y, the meta
 * line's counters: 浏览次数, 阅读原文) or show it was prose (了解到 …).
 */
const SPAN_END = /(?:报道|摄影?|整合|实习生|通讯员|责任编辑|责编|编辑|校对|发自|出品|排版|监制|审核|终审|[初二三]审|策划|统筹|设计|美编|主编|来源|作者|时间|发布|日期|浏览|阅读|点击|访问|字号|\s[文图译]\s*[:：|/／丨︱｜]|(?:图片|视频|文字)\s*(?:[:：|/／丨︱｜]|$)).*$/;

/** What every "… by X" credit holds; most lines with a Latin letter (GDP, 5G) hold none. */
const SPACED_BY = / by /i;
/**
 * Each English credit with a test for the words it needs, as the copyright patterns have: the
 * scans were half of the credits' time, on Chinese lines that merely hold a Latin word.
 */
const EN_CREDITS: Array<[needs: (text: string) => boolean, pattern: RegExp, role: CreditRole]> = [
  [
    (text) => text.includes('contributed to this report'),
    /(?:writers?|reporters?|correspondents?) ((?:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}(?:,\s*|\s+and\s+)?)+) contributed to this report/g,
    'reporter',
  ],
  [(text) => text.includes('/'), /\b(?:REUTERS|AP Photo|AFP)\/([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})/g, 'photographer'],
  [(text) => SPACED_BY.test(text), /(?:^|\b)(?:Additional reporting|Reporting|Writing) by ([^;.()]+)/gi, 'reporter'],
  [(text) => SPACED_BY.test(text), /(?:^|\b)(?:Editing|Edited) by ([^;.()]+)/gi, 'editor'],
  [(text) => SPACED_BY.test(text), /(?:^|\b)Translated (?:from [A-Z]\w+ )?by ([^;.()]+)/gi, 'translator'],
  [(text) => SPACED_BY.test(text), /(?:^|\b)(?:Written|Story|Text|Words) by ([^;.()]+)/gi, 'author'],
  [(text) => SPACED_BY.test(text), /(?:^|\b)(?:Photographs|Photography|Photos|Photo) by ([^;.()]+)/gi, 'photographer'],
  [(text) => text.startsWith('By '), /^By ([A-Z][^;.()]+)/g, 'reporter'],
  // Magazines label a line each: Words: X, Photography: Y.
  [(text) => EN_LABEL_LINE.test(text), /^(?:Words|Text|Story|Writer):\s*([A-Z][^;.()]+)/g, 'author'],
  [(text) => EN_LABEL_LINE.test(text), /^(?:Photos?|Photographs|Photography|Photographer|Pictures?):\s*([A-Z][^;.()]+)/g, 'photographer'],
  [(text) => EN_LABEL_LINE.test(text), /^(?:Editor|Edited):\s*([A-Z][^;.()]+)/g, 'editor'],
  [(text) => EN_LABEL_LINE.test(text), /^(?:Translator|Translation):\s*([A-Z][^;.()]+)/g, 'translator'],
];

/** A line opening with an English credit label and a colon. */
const EN_LABEL_LINE = /^[A-Z][a-z]+:\s/;
/**
 * Who or what an English credit names after the person: the agency (Jane Doe/AFP, By JANE DOE Associated
 * Press), the client (for The Harbor Times), the feed (via Getty Images), the place (in Tokyo), a card's age (• 2h).
 */
const EN_NAME_TAIL = /\s*[/•|·].*$|\s+(?:for|via)\s+.*$|\s+(?:in|from)\s+[A-Z].*$|\s+(?:The\s+)?(?:Associated Press|AP|Reuters|AFP|Bloomberg(?:\s+News)?)$/;
/** Picture agencies and stock libraries: credited as a photo's source, they are no person. */
const PICTURE_AGENCY = /\b(?:Getty|Images|Shutterstock|Alamy|iStock(?:photo)?|Unsplash|Pexels|EPA|EFE|Courtesy|Handout|File)\b/;

/** BBC's labelled byline: Author, 琳达·普雷斯利（Linda Pressly）& 埃斯佩兰萨·埃斯克里巴诺（Esperanza Escribano）. */
const AUTHOR_FIELD = /^Author,\s*(.+)$/;
/** A Han name as printed, with its Latin original in brackets when given. */
const GLOSSED_NAME = /^[\u4e00-\u9fa5·]{2,16}(?:[（(][A-Z][\w'’. -]{1,40}[)）])?$/;

const titleCase = (s: string): string =>
  s === s.toUpperCase() ? s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()) : s;

/** 新华社记者 X, 光明网特约评论员 X: the outlet's post before the name is no part of it. */
function cleanName(token: string): string {
  return token.trim().replace(EDITOR_CODE, '').replace(/^.*?(?:记者|通讯员|评论员)/, '').trim();
}

/**
 * English bylines that name a desk or the kind of piece, not a person (Editorial, Staff, The
 * Editorial Board, Web Desk): shown as an author they read as someone's name.
 */
const NO_ONE_EN = /^(?:the\s+)?(?:editorial(?:\s+board)?|editors?|staff(?:\s+(?:writers?|reporters?))?|opinion|analysis|admin(?:istrator)?|(?:news|web|city|metro)\s+desk|newsroom|anonymous|unknown)$/i;

/** Photo agencies and stock credits (图：网络截图, 视觉中国) name no person, nor do a site's placeholders (作者：管理员, 小编, 匿名, 不详). */
const NOT_A_PERSON = /网络|截图|视觉|资料|图片|供图|视频|新华社|IC photo|管理员|小编|匿名|不详|未署名/i;

/** A credited name: a person or handle, never an outlet, department, 未知 or bare code. */
function isName(name: string, strict: boolean): boolean {
  if (name.length < 2 || isUnnamed(name) || NOT_A_PERSON.test(name) || looksLikeOutlet(name) || /\d/.test(name) && !/[a-z]/i.test(name)) return false;
  if (/^[A-Za-z][\w.\- ]{1,30}$/.test(name)) return !/^[A-Z]{1,3}\d*$/.test(name) && !NO_ONE_EN.test(name);
  if (!/^[\u4e00-\u9fa5·]{2,6}$/.test(name)) return false;
  return strict ? looksLikePerson(name) || name.includes('·') : name.length <= 4 || name.includes('·');
}

/** Splits a span into names; single characters separated by a space are one name (方 敏). */
export function namesIn(span: string, strict: boolean): string[] {
  const pieces = span.replace(SPAN_END, '').split(/[、,，&＆]|\s+(?:and|和)\s+/);
  // Latin names keep their spaces (Demi Xia); Han names are separated by them (宋怡 杨志华).
  const tokens = pieces.flatMap((p) => (/^\s*[A-Za-z]/.test(p) ? [p] : p.split(/\s+/))).map(cleanName).filter(Boolean);
  const merged: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const next = tokens[i + 1];
    if (token.length === 1 && next?.length === 1) {
      merged.push(token + next);
      i++;
    } else merged.push(token);
  }
  const names: string[] = [];
  for (const name of merged) {
    // A run of names stops at the first word that is not one (记者 李明 介绍 → 李明).
    if (!isName(name, strict)) break;
    names.push(name);
  }
  return names;
}

function labelOf(text: string): CompiledLabel | undefined {
  return ALL_LABELS.find((l) => l.start.test(text));
}

/** A field separator left after the names (作者：李明 | 编辑：…) is the next field's, not this credit's. */
const TRAILING_SEPARATOR = /[\s|｜丨︱]+$/;

function push(credits: Credit[], role: CreditRole, name: string, evidence: string): void {
  credits.push({ role, name, evidence: evidence.trim().replace(TRAILING_SEPARATOR, '') });
}

/** Every credit one line states, in reading order. */
export function creditsOf(line: Line): Credit[] {
  const credits: Credit[] = [];
  const text = line.text;
  CREDIT.lastIndex = 0;
  for (let m = CREDIT_WORDS.test(text) ? CREDIT.exec(text) : null; m; m = CREDIT.exec(text)) {
    const label = labelOf(m[0]);
    const rawSpan = m[m.length - 1] ?? '';
    const span = rawSpan.replace(SPAN_END, '');
    // Resume right after the names, so 编辑:X 责任编辑:Y reads both labels.
    CREDIT.lastIndex = m.index + m[0].length - rawSpan.length + Math.max(span.length, 1);
    if (!label) continue;
    const head = m[0].slice(0, m[0].length - rawSpan.length);
    // An explicit separator (执笔/, 编辑：) makes any name acceptable, and so does a bracket holding only the
    // label and the names (（记者 格桑边觉）); otherwise a bare label needs a person-like name.
    const wholeBracket = /[（(]$/.test(text.slice(0, m.index)) && /\s$/.test(head) && /^[)）]/.test(text.slice(m.index + head.length + span.length));
    const strict = label.strict && !/[:：|/／丨︱｜]\s*$/.test(head) && !wholeBracket;
    // Prose such as 记者了解到 sits in long body paragraphs; trust bare labels there only in brackets.
    const inBrackets = /[（(【\[][^（()）]*$/.test(text.slice(0, m.index));
    if (strict && line.zone === 'body' && text.length > 60 && !inBrackets && m.index !== 0) continue;
    // 记者 X 摄 credits a photographer, read below.
    if (label.role === 'reporter' && /^\s*摄/.test(rawSpan.slice(span.length))) continue;
    // 作者：记者X (or 江城日报记者 X): the writer is named as the paper's reporter.
    const role = label.role === 'author' && REPORTER_NAMED.test(span) ? 'reporter' : label.role;
    const names = namesIn(span, strict);
    for (const name of names) push(credits, role, name, head + span);
    // Only after a separator (作者：): a bare 作者 opening a sentence is prose.
    if (names.length === 0 && role === 'author' && !strict) {
      const clause = CLAUSE.exec(text.slice(m.index + head.length))?.[0] ?? '';
      const name = POST_THEN_NAME.exec(clause)?.[1];
      if (name && isName(name, true)) push(credits, role, name, head + clause);
    }
  }
  // The patterns below are scanned only on lines holding the word each ends on (most body lines hold none).
  for (const m of ROLE_SUFFIX_WORDS.test(text) ? text.matchAll(NAME_THEN_ROLE) : []) {
    const role = ROLE_OF_SUFFIX[m[2] ?? ''];
    if (!role) continue;
    for (const name of namesIn(m[1] ?? '', true)) push(credits, role, name, m[0].replace(/^[（(\s、，,]/, ''));
  }
  for (const m of text.includes('/') ? text.matchAll(NAME_SLASH_ROLE) : []) {
    const name = m[1] ?? '';
    if (isName(name, true)) push(credits, ROLE_OF_SLASH[m[2] ?? ''] ?? 'author', name, m[0]);
  }
  for (const m of text.includes('摄') ? text.matchAll(REPORTER_PHOTO) : []) {
    for (const name of namesIn(m[1] ?? '', false)) push(credits, 'photographer', name, m[0]);
  }
  for (const m of text.includes('记者') ? text.matchAll(WIRE_REPORTERS) : []) {
    for (const name of namesIn(m[1] ?? '', false)) push(credits, 'reporter', name, m[0]);
  }
  for (const m of text.includes('报道') ? text.matchAll(SLASH_SIGN_OFF) : []) {
    for (const name of namesIn(m[2] ?? '', false)) push(credits, m[1] === '编译' ? 'compiler' : 'reporter', name, m[0]);
  }
  for (const m of text.includes('报道') ? text.matchAll(SIGN_OFF) : []) {
    for (const name of namesIn(m[1] ?? '', true)) push(credits, 'reporter', name, m[0]);
  }
  const field = AUTHOR_FIELD.exec(text);
  for (const raw of field ? (field[1] ?? '').split(/\s*&\s*|\s+and\s+/) : []) {
    const name = raw.trim();
    if (GLOSSED_NAME.test(name) || (/^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$/.test(name) && !looksLikeOutlet(name))) push(credits, 'author', name, field?.[0] ?? name);
  }
  credits.push(...englishCredits(line));
  return credits;
}

/** The people an English line credits (By X, Reporting by X, Photo by X, Words: X). */
export function englishCredits(line: Line): Credit[] {
  const credits: Credit[] = [];
  const text = line.text;
  for (const [needs, pattern, role] of LATIN_LETTER.test(text) ? EN_CREDITS : []) {
    for (const m of needs(text) ? text.matchAll(pattern) : []) {
      for (const raw of (m[1] ?? '').split(/,\s*|\s+and\s+|\s*&\s*/)) {
        const name = titleCase(raw.replace(EN_NAME_TAIL, '').trim());
        if (/^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$/.test(name) && !looksLikeOutlet(name) && !PICTURE_AGENCY.test(name) && !NO_ONE_EN.test(name)) push(credits, role, name, m[0]);
      }
    }
  }
  return credits;
}

/**
 * The bare sign-off closing a paragraph (。（张巨峰）). It names no role, so it is weaker than any
 * labelled credit: the caller keeps it only for names no label credits (（郭旭） beside 责任编辑：郭旭).
 */
export function bareSignOff(line: Line): Credit[] {
  const m = line.zone === 'meta' ? null : BARE_SIGN_OFF.exec(line.text);
  return m ? namesIn(m[1] ?? '', true).map((name) => ({ role: 'reporter', name, evidence: m[0].slice(1).trim() })) : [];
}

/** Byline slots of the meta line: an element the page marks as the author's (span#author_baidu, .byline a). */
const BYLINE_SLOT = '[class*="author" i], [id*="author" i], [class*="byline" i]';
const SLOT_LABEL = /^(?:作者|文|记者|撰文|By)\s*[:：/|]?\s*/i;
const SLOT_LIMIT = 40;
/** Buttons that sit in byline slots (关注 the author). */
const SLOT_BUTTON = /^(?:已?关注|订阅|私信|分享|更多|评论|收藏|举报|原创|主页)$/;

function slotName(el: Element, fold: Fold): string | null {
  const text = fold(collapse(el.textContent ?? ''));
  if (!text || text.length > SLOT_LIMIT) return null;
  const name = text.replace(SLOT_LABEL, '');
  return !SLOT_BUTTON.test(name) && isName(name, true) ? titleCase(name) : null;
}

/**
 * The names in the meta line's byline slots, read as authors. The slot states no role, so like a
 * bare sign-off it only adds names no labelled credit has. Names are judged and returned as `fold` reads them.
 */
export function bylineSlotCredits(metaElements: Element[], fold: Fold): Credit[] {
  const credits: Credit[] = [];
  for (const root of metaElements) {
    // What the query finds matches already; only the root itself needs asking.
    for (const slot of [...(root.matches(BYLINE_SLOT) ? [root] : []), ...root.querySelectorAll(BYLINE_SLOT)]) {
      // The slot itself, else its children (a byline wrapper holding the name link and a handle).
      const own = slotName(slot, fold);
      const names = own ? [own] : [...slot.children].map((child) => slotName(child, fold));
      for (const name of names) if (name && !credits.some((c) => c.name === name)) credits.push({ role: 'author', name, evidence: name });
    }
  }
  return credits;
}

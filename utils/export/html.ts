/**
 * A standalone, printable HTML page of highlights. Every page-derived string is escaped, the page
 * has no scripts and a CSP that would block any, and links are http(s) only.
 */
import { HIGHLIGHT_COLORS, hasPageNote, knownColor, type HighlightColor, type HighlightRecord, type PageRecord } from '../annotation-types';
import { english, type Translate } from '../reasons';
import { groupByPage, type ExportBundle, type PageGroup } from './bundle';
import { wellFormed } from './plain-text';
import { chainLine, creditsLine, pagePublisher } from './provenance-text';
import { readableDate } from '../readable-date';
import { fontStack } from '../reader-settings';
import { storyLanguage } from '../story-language';
import { httpUrl } from './safe-url';
import { textFragmentUrl } from './text-fragment';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return wellFormed(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const SWATCH: Record<HighlightColor, string> = {
  yellow: '#f7d84a',
  green: '#7cc97c',
  blue: '#78aef0',
  pink: '#f39ac1',
  purple: '#b99af0',
};

const STYLE = `
body { font-size: 16px; line-height: 1.6; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #ddd; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; color: #555; font-size: .9rem; }
dt { font-weight: 600; } dd { margin: 0; }
blockquote { margin: 1.2rem 0 .3rem; padding: .3rem .8rem; border-left: .35rem solid; white-space: pre-wrap; }
${HIGHLIGHT_COLORS.map((c) => `.c-${c} { border-color: ${SWATCH[c]}; }`).join('\n')}
.note { margin: .2rem 0 .2rem 1.15rem; white-space: pre-wrap; }
.page-note { margin: .8rem 0; white-space: pre-wrap; }
.meta { margin: 0 0 0 1.15rem; color: #666; font-size: .85rem; }
@media print { a { color: inherit; } h2 { break-after: avoid; } blockquote { break-inside: avoid; } }
`;

/**
 * Each text in the faces of its language's region, as the reader sets a story (fontStack): the
 * export's own words in the browser language's, a page's title and passages in the page's.
 */
function fontRules(lang: string, pageLangs: Iterable<string>): string {
  const own = `body { font-family: ${fontStack('sans', lang)}; }`;
  return [own, ...[...new Set(pageLangs)].map((l) => `[lang="${l}"] { font-family: ${fontStack('sans', l)}; }`)].join('\n');
}

/**
 * The language a page's title and passages are written in, told by their script (a page is kept
 * without its declared language): '' where no script tells, and they read as the export's.
 */
function pageLanguage({ page, highlights }: PageGroup): string {
  return storyLanguage('', [page.title, ...highlights.map(({ highlight: h }) => h.quote)].join('\n'));
}

/** The attribute marking page text in its own language, when known. */
const langAttr = (lang: string) => (lang ? ` lang="${lang}"` : '');

function anchor(text: string, url: string | null): string {
  return url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function details(page: PageRecord, words: Translate, timeZone: string | undefined): string {
  const prov = page.provenance;
  const rows: Array<[string, string | null]> = [
    ['export_url', anchor(page.url, httpUrl(page.url))],
    ['export_publisher', escapeOrNull(pagePublisher(page))],
    ['export_original_title', escapeOrNull(prov?.originalTitle ?? null)],
    ['export_published', escapeOrNull(prov?.publishedAt ? readableDate(prov.publishedAt, timeZone) : null)],
    ['export_source_chain', escapeOrNull(chainLine(prov?.sources ?? [], words, timeZone))],
    ['credits', escapeOrNull(creditsLine(prov?.credits ?? [], words))],
  ];
  return `<dl>${rows
    .filter(([, value]) => value !== null)
    .map(([label, value]) => `<dt>${escapeHtml(words(label, []))}</dt><dd>${value}</dd>`)
    .join('')}</dl>`;
}

/** The page's own note, under its details: in the reader's words and language, as the export's own text. */
function pageNote(page: PageRecord, words: Translate): string {
  return hasPageNote(page) ? `<p class="page-note"><strong>${escapeHtml(words('export_page_note', []))}</strong> ${escapeHtml(page.note!.trim())}</p>` : '';
}

function escapeOrNull(text: string | null): string | null {
  return text === null ? null : escapeHtml(text);
}

function highlight(h: HighlightRecord, page: PageRecord, lang: string, words: Translate): string {
  const color = knownColor(h);
  const note = h.note.trim() ? `<p class="note">${escapeHtml(h.note.trim())}</p>` : '';
  const link = anchor(words('export_open_passage', []), textFragmentUrl(page.url, h));
  return `<blockquote class="c-${color}"${langAttr(lang)}>${escapeHtml(h.quote)}</blockquote>${note}<p class="meta">${escapeHtml(words(`color_${color}`, []))} · ${link}</p>`;
}

/** `words` are the reader's language; dates are shown on their clock, `timeZone` in tests (see readableDate). */
export function toHtml(bundle: ExportBundle, words: Translate = english, timeZone?: string): string {
  const groups = groupByPage(bundle).map((group) => ({ ...group, lang: pageLanguage(group) }));
  const lang = words('lang_tag', []);
  const only = groups.length === 1 ? groups[0]! : null;
  const title = only ? only.page.title : words('export_title', []);
  const sections = groups.map(
    ({ page, highlights, lang: pageLang }) =>
      `<section><h2${langAttr(page.title ? pageLang : '')}>${escapeHtml(page.title || page.url)}</h2>${details(page, words, timeZone)}${pageNote(page, words)}${highlights
        .map(({ highlight: h }) => highlight(h, page, pageLang, words))
        .join('\n')}</section>`,
  );
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Sourcemark">
<title>${escapeHtml(title)}</title>
<style>${STYLE}${fontRules(lang, groups.map((g) => g.lang).filter(Boolean))}</style>
</head>
<body>
<h1${langAttr(only?.lang ?? '')}>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(words('export_exported', [readableDate(bundle.exportedAt, timeZone)]))}</p>
${sections.join('\n')}
</body>
</html>
`;
}

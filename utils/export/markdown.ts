/**
 * Markdown export for Obsidian and other note apps: YAML front matter with the page's provenance,
 * then each highlight as a quote with its note, colour and a text-fragment link to the passage.
 * Page-derived text is escaped so it stays text: no links, images, HTML, headings, tags, embeds
 * of its making (a bare web address in it stays the address it reads, which apps may make clickable).
 */
import { hasPageNote, knownColor, type PageRecord } from '../annotation-types';
import { groupByPage, type ExportBundle, type PageGroup } from './bundle';
import { wellFormed } from './plain-text';
import { english, type Translate } from '../reasons';
import { chainLine, creditLine, creditsLine, pagePublisher, sourceLine } from './provenance-text';
import { readableDate } from '../readable-date';
import { httpUrl } from './safe-url';
import { textFragmentUrl } from './text-fragment';
import { frontMatter, type FrontMatter } from './yaml';

/**
 * CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that start
 * inline syntax in CommonMark, GFM or Obsidian (`==mark==`, `%%comment%%`, `$math$`, `#tag`,
 * `^block`, `[[link]]`, entities after `&`).
 */
const INLINE_SYNTAX = /[\\`*_[\]<>~=$%|&^#]/g;

/**
 * One line of text, made inert. Leading spaces are dropped (four would make a code block) and
 * list markers at the start escaped; `#`, `>`, `*`, `=` are already escaped everywhere.
 */
function escapeLine(line: string): string {
  return line
    .trim()
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(/^[-+]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Text as escaped lines; CRLF and lone CR count as line breaks. */
export function escapeMarkdown(text: string): string[] {
  return wellFormed(text).split(/\r\n?|\n/).map(escapeLine);
}

/** Text that must stay on one line (headings, link text). */
function escapeInline(text: string): string {
  return escapeMarkdown(text).filter(Boolean).join(' ');
}

/** `[text](<url>)`: the angle-bracket form takes `)` in URLs, and httpUrl leaves no `<`, `>` or spaces. */
function link(text: string, url: string): string {
  // A destination's backslash escapes and entities are read too (…?x=1&amp;y=2 would open ?x=1&y=2).
  return `[${escapeInline(text)}](<${url.replace(/[\\&<>]/g, '\\$&')}>)`;
}

// The keys stay English whatever the language, and the publication date ISO: note apps query them
// (Obsidian's properties, Dataview).
function pageFields(page: PageRecord, words: Translate, timeZone?: string): FrontMatter {
  const prov = page.provenance;
  return [
    ['title', page.title],
    ['url', page.url],
    ['publisher', pagePublisher(page)],
    ['original_title', prov?.originalTitle ?? null],
    ['published', prov?.publishedAt ?? null],
    ['source_chain', prov?.sources.map((s) => sourceLine(s, words, timeZone)) ?? []],
    ['credits', prov?.credits.map((c) => creditLine(c, words)) ?? []],
  ];
}

/** Under each page heading when several pages share one file (single pages use the front matter). */
function pageDetails(page: PageRecord, words: Translate, timeZone?: string): string[] {
  const href = httpUrl(page.url);
  const prov = page.provenance;
  // Labels are ours (their words need no escape); values are the page's, made inert, and a missing one has no line.
  const line = (label: string, markdown: string): string => `- ${words('export_field', [words(label, []), markdown])}`;
  const field = (label: string, text: string | null | undefined): string | null => (text ? line(label, escapeInline(text)) : null);
  const items = [
    href ? line('export_url', link(href, href)) : field('export_url', page.url),
    field('export_publisher', pagePublisher(page)),
    field('export_published', prov?.publishedAt && readableDate(prov.publishedAt, timeZone)),
    field('export_source_chain', chainLine(prov?.sources ?? [], words, timeZone)),
    field('credits', creditsLine(prov?.credits ?? [], words)),
  ];
  return items.filter((item) => item !== null);
}

/**
 * A note as the reader wrote it: its lines kept apart by hard breaks (a trailing backslash; a plain
 * newline joins them into one line in note apps) and its blank lines as paragraph breaks.
 */
function noteText(note: string): string {
  return note
    .trim()
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => escapeMarkdown(paragraph).filter(Boolean).join('\\\n'))
    .join('\n\n');
}

/** The page's own note, under its details. */
function pageNoteBlock(page: PageRecord, words: Translate): string[] {
  return hasPageNote(page) ? ['', `**${words('export_page_note', [])}** ${noteText(page.note!)}`] : [];
}

function highlightBlock({ highlight: h }: PageGroup['highlights'][number], page: PageRecord, words: Translate): string {
  const lines = escapeMarkdown(h.quote).map((line) => (line ? `> ${line}` : '>'));
  if (h.note.trim()) lines.push('', `**${words('export_note', [])}** ${noteText(h.note)}`);
  const url = textFragmentUrl(page.url, h);
  const colour = words('export_field', [words('export_colour', []), words(`color_${knownColor(h)}`, [])]);
  lines.push('', url ? `${colour} · ${link(words('export_open_passage', []), url)}` : colour);
  return lines.join('\n');
}

/** `words` are the reader's language; dates people read are shown on their clock, `timeZone` in tests (see readableDate). */
export function toMarkdown(bundle: ExportBundle, words: Translate = english, timeZone?: string): string {
  const groups = groupByPage(bundle);
  const single = groups.length === 1 ? groups[0]!.page : null;
  const head = frontMatter([
    ...(single ? pageFields(single, words, timeZone) : [['title', words('export_title', [])] as FrontMatter[number]]),
    ['exported', bundle.exportedAt],
  ]);
  const sections = groups.map(({ page, highlights }) =>
    [
      `## ${escapeInline(page.title) || escapeInline(page.url)}`,
      ...(single ? [] : ['', ...pageDetails(page, words, timeZone)]),
      ...pageNoteBlock(page, words),
      ...highlights.map((item) => `\n${highlightBlock(item, page, words)}`),
    ].join('\n'),
  );
  return [head, ...sections].join('\n\n') + '\n';
}

/** Provenance: the source chain and credits of an article, read from its text and metadata. */
import type { Credit, Source } from './analysis-types';
import { articleText, collapse, elementLines, pageTextHolding, type Line } from './provenance/text-zones';
import { findPublisher } from './provenance/publisher';
import { datelineHit, englishHits, originalTitleOf, sourceHits, type SourceHit } from './provenance/patterns';
import { bareSignOff, bylineSlotCredits, creditsOf, englishCredits } from './provenance/credits';
import { parsePageDate, resolveDate, type PageDate } from './provenance/dates';
import { metadataHits } from './provenance/metadata';
import { brandForm, sameOutlet } from './provenance/outlet-names';
import { PLATFORMS, selfMediaAccount } from './provenance/self-media';
import { STATEMENT_MARKS } from './provenance/site-statements';
import { bylineOutlet } from './provenance/bylines';
import { AS_WRITTEN, looksTraditional, traditionalReading } from './provenance/hant';
import { labelledDate } from './page-meta';
import { japaneseCredits, japaneseDateline, japaneseSourceHits } from './provenance/japanese';
import { koreanCredits, koreanDateline, koreanSourceHits } from './provenance/korean';
import { writtenLanguage } from './text';

export interface ProvenanceInput {
  doc: Document;
  /** Root of the article body found by the core; null when there is none. */
  articleRoot: Element | null;
  /** The headline element when found; the meta line (date, 来源, 作者) is usually near it. */
  headline: Element | null;
  /** True for elements classified as outside the story (teasers, navigation, ads, comments). */
  isExcluded: (el: Element) => boolean;
  /** True for an element that is itself clutter (ancestors not asked): enough below one that is not, and cheaper. */
  isClutter?: (el: Element) => boolean;
  url: string | null;
  /** The page's own publish date (ISO) when found; years of 2月23日-style dates come from it. */
  publishedAt: string | null;
}

export interface Provenance {
  /** The page's date: the core's, else one the meta line or the lines after the story state under a label (see statedPageDate). */
  publishedAt: string | null;
  publisher: string | null;
  sources: Source[];
  credits: Credit[];
  originalTitle: string | null;
}

/** A wire dateline or an outlet's byline sits in the body's opening lines, never further down. */
const DATELINE_LINES = 3;

/**
 * The core's date, else a labelled one (发布日期：2019-03-06, 时间：2019-09-23 14:34) outside the
 * story: some sites print it only after the story, with its 来源 and 责任编辑, where the core's
 * reading of the headline's neighbours does not look.
 */
function statedPageDate(input: ProvenanceInput, lines: Line[]): string | null {
  if (input.publishedAt) return input.publishedAt;
  for (const line of lines) {
    const date = line.zone === 'body' ? null : labelledDate(line.text);
    if (date) return date;
  }
  return null;
}

function pageDateOf(published: string | null, lines: Line[]): PageDate | null {
  const stated = parsePageDate(published);
  if (stated) return stated;
  // Without the core's date, the meta line's own date still gives the year of 2月23日.
  for (const line of lines) {
    if (line.zone !== 'meta') break;
    const found = parsePageDate(line.text);
    if (found) return found;
  }
  return null;
}

/** How the lines of a page in one language are read for sources and credits; English phrases are read on every page. */
interface LanguageReading {
  dateline(line: Line): SourceHit | null;
  sources(line: Line): SourceHit[];
  credits(line: Line): Credit[];
}

const withEnglish = (hits: SourceHit[], line: Line): SourceHit[] => {
  englishHits(line, hits);
  return hits;
};

const JAPANESE: LanguageReading = {
  dateline: japaneseDateline,
  sources: (line) => withEnglish(japaneseSourceHits(line), line),
  credits: (line) => [...japaneseCredits(line), ...englishCredits(line)],
};
const KOREAN: LanguageReading = {
  dateline: koreanDateline,
  sources: (line) => withEnglish(koreanSourceHits(line), line),
  credits: (line) => [...koreanCredits(line), ...englishCredits(line)],
};

/** Links the hits into a chain, nearest to the reader first, one entry per outlet. */
function buildChain(publisher: Source | null, hits: SourceHit[], dateline: SourceHit | null, page: PageDate | null): Source[] {
  const sources: Source[] = publisher ? [publisher] : [];
  // A newspaper is not its own website: 来源：云南日报 on 云南日报网 names the paper the site reprints.
  const paperOfSite = (s: Source, outlet: string): boolean => s.role === 'publisher' && s.outlet === `${outlet}网`;
  const known = (outlet: string): Source | undefined => sources.find((s) => sameOutlet(s.outlet, outlet) && !paperOfSite(s, outlet));
  let via = publisher?.outlet ?? null;
  let lastEvidence: string | null = null;
  let listVia = via;
  const reprint = (hit: SourceHit): void => {
    const same = known(hit.outlet);
    // One outlet under two names (来源：千龙新闻网 above, 文章来源：千龙网 below) goes by its brand, as readers say it.
    if (same && same.role !== 'publisher' && brandForm(same.outlet) === hit.outlet) same.outlet = hit.outlet;
    if (same) return;
    // Outlets listed in one label (资料来源:A、B) all came through the same outlet.
    if (hit.evidence !== lastEvidence) listVia = via;
    sources.push({ outlet: hit.outlet, role: 'reprinted-from', via: listVia, date: resolveDate(hit.date, page), evidence: hit.evidence });
    lastEvidence = hit.evidence;
    // Which compiled outlet told which report is not stated: reports stay with the text's own teller.
    if (!hit.compiled) via = hit.outlet;
  };
  const reprints = hits.filter((hit) => hit.kind === 'reprint' && !hit.person);
  for (const hit of reprints) if (!hit.original) reprint(hit);
  if (dateline) {
    const same = known(dateline.outlet);
    if (same && same.role !== 'publisher') same.date = resolveDate(dateline.date, page) ?? same.date;
    else if (!same) {
      const role = dateline.ownStory ? 'reprinted-from' : 'reported-by';
      sources.push({ outlet: dateline.outlet, role, via, date: resolveDate(dateline.date, page), evidence: dateline.evidence });
      via = dateline.outlet;
    }
  }
  // A translation's original lies further from the reader than the edition that dated it.
  for (const hit of reprints) if (hit.original) reprint(hit);
  for (const hit of hits) {
    if (hit.kind === 'reprint' || known(hit.outlet)) continue;
    const teller = hit.via && known(hit.via) ? hit.via : via;
    sources.push({ outlet: hit.outlet, role: 'reported-by', via: teller, date: resolveDate(hit.date, page), evidence: hit.evidence });
  }
  return sources;
}

/**
 * What the page's text is read for: the site's statements about itself, the self-media platforms
 * and the publisher's name. Only the blocks holding one of them are read.
 */
function needlesFor(names: readonly string[]): RegExp {
  const marks = [STATEMENT_MARKS, PLATFORMS, ...names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))];
  return new RegExp(marks.join('|'), 'gi');
}

/** 作者 and 记者 credit the same writing: one person read under both labels is one credit. */
const WRITER_ROLES = new Set<Credit['role']>(['author', 'reporter']);

function dedupeCredits(credits: Credit[]): Credit[] {
  const seen = new Set<string>();
  return credits.filter((c) => {
    const key = `${WRITER_ROLES.has(c.role) ? 'writer' : c.role}|${c.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Reads the publisher, source chain, credits and original title of the article. Only the meta
 * line, the body and the lines just after it are read, so teasers and sidebars never contribute.
 */
export function extractProvenance(input: ProvenanceInput): Provenance {
  const { doc, articleRoot, headline, isExcluded } = input;
  const isClutter = input.isClutter ?? isExcluded;
  const rootLines = articleRoot ? elementLines(articleRoot, 'body', isExcluded, isClutter) : undefined;
  const { metaElements, lines: shownLines } = articleText(headline, articleRoot, isExcluded, rootLines, isClutter);
  // Japanese and Korean text has its own phrases; Chinese and English are read by the patterns of the rest of this module.
  const written = writtenLanguage(shownLines.filter((line) => line.zone === 'body').map((line) => line.text).join(''));
  const language = written === 'ja' ? JAPANESE : written === 'ko' ? KOREAN : null;
  // Traditional Chinese is read folded to simplified characters; what is found is given back as the page writes it.
  const hant = !language && looksTraditional(shownLines);
  const reading = hant ? traditionalReading() : AS_WRITTEN;
  const { fold, restore } = reading;
  const lines = hant ? shownLines.map((line) => ({ zone: line.zone, text: fold(line.text) })) : shownLines;
  const published = statedPageDate(input, lines);
  const page = pageDateOf(published, lines);
  let pageText: string | null = null;
  // Read once, at the publisher's first question, with the names it looks for among the needles.
  const readPageText = (names: readonly string[]): string => (pageText ??= doc.body ? pageTextHolding(doc.body, needlesFor(names)) : '');
  const found = findPublisher(doc, input.url, headline, readPageText, reading);
  const publisher: Source | null = found
    ? { outlet: fold(found.name), role: 'publisher', via: null, date: published, evidence: found.evidence }
    : null;

  const hits: SourceHit[] = [];
  const credits: Credit[] = [];
  const signOffs: Credit[] = [];
  let originalTitle: string | null = null;
  let dateline: SourceHit | null = null;
  let bodyIndex = 0;
  for (const line of lines) {
    const opening = line.zone === 'meta' || (line.zone === 'body' && bodyIndex++ < DATELINE_LINES);
    if (language) {
      if (opening && line.zone === 'body') dateline ??= language.dateline(line);
      hits.push(...language.sources(line));
      credits.push(...language.credits(line));
      continue;
    }
    if (opening && line.zone === 'body') dateline ??= datelineHit(line);
    // A byline naming the writer's outlet (河南商报记者马俊峰/文) sits in the meta line or opens the body.
    const byline = opening ? bylineOutlet(line) : null;
    if (byline) {
      hits.push(byline.hit);
      credits.push(...byline.credits);
    }
    for (const hit of sourceHits(line)) {
      // 来源: 尹娟 names a person: the writer, not an outlet.
      if (hit.person) credits.push({ role: 'author', name: hit.outlet, evidence: hit.evidence });
      hits.push(hit);
    }
    credits.push(...creditsOf(line));
    signOffs.push(...bareSignOff(line));
    originalTitle ??= originalTitleOf(line);
  }
  // Role-less names (a bare sign-off, a byline slot) only add people no label credits.
  const unlabelled = [...signOffs, ...bylineSlotCredits(metaElements, fold)];
  credits.push(...unlabelled.filter((c) => !credits.some((other) => other.name === c.name)));
  hits.push(...metadataHits(doc, input.url, headline, metaElements, lines, dateline, fold));
  // An outlet the story reports from, signed in brackets after a sentence, is that report's (its picture, its words), not the story's source.
  const reported = hits.filter((h) => h.kind === 'report');
  const sourced = hits.filter((h) => !(h.signOff && reported.some((r) => sameOutlet(r.outlet, h.outlet))));
  const bodyText = lines.filter((l) => l.zone === 'body').map((l) => l.text).join('\n');
  const posted = selfMediaAccount(doc, publisher?.outlet ?? null, lines, fold(readPageText([])), bodyText);
  const account = posted && { ...posted, outlet: fold(posted.outlet), evidence: fold(posted.evidence) };
  // Nearest to the reader first: the posting account, the meta line's 来源, then those of the body and tail in reading order.
  // A bare name the page also credits as a person (2020-06-05 叨叨姐 beside 执笔/叨叨姐) is the writer, not an outlet.
  const credited = new Set(credits.map((c) => c.name));
  const reprints = [
    ...(account ? [account] : []),
    ...sourced.filter((h) => h.kind === 'reprint' && !credited.has(h.outlet)).sort((a, b) => Number(b.zone === 'meta') - Number(a.zone === 'meta')),
  ];
  const others = sourced.filter((h) => h.kind !== 'reprint');
  const sources = buildChain(publisher, [...reprints, ...others], dateline, page);
  return {
    publishedAt: published,
    publisher: found?.name ?? null,
    sources: sources.map((s) => ({ ...s, outlet: restore(s.outlet), via: s.via && restore(s.via), evidence: restore(s.evidence) })),
    credits: dedupeCredits(credits).map((c) => ({ ...c, name: restore(c.name), evidence: restore(c.evidence) })),
    originalTitle: originalTitle ? collapse(restore(originalTitle)) : null,
  };
}

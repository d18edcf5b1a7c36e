/**
 * How related a teaser is to the article: the share of the teaser's distinctive tokens (CJK
 * bigrams, Latin words) that also occur in the article's headline and body. Function-word
 * bigrams and stop words are dropped because every Chinese text shares them.
 */

/** Characters that make a CJK bigram uninformative (的是, 一个, 他们 …). */
const FUNCTION_CHARS = new Set(
  '的了是在和与也就都而及着或一这那有为以于上中下不人我他她它们个之其被把将对从到说等年月日时分又并所已还要会可能新',
);
const STOP_WORDS = new Set(
  'to on in of at by as is it be or an up we he she our out off the and for with that this from are was were has have had but not you your his her its they their will would can could about into over after more than said says also which what when who how all new one two'.split(' '),
);

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const LATIN_WORD = /[a-z0-9]{2,}/g;

/** The informative tokens of a text: CJK bigrams without function characters, Latin words without stop words or bare numbers. */
function distinctiveTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(HAN_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      if (!FUNCTION_CHARS.has(run[i]!) && !FUNCTION_CHARS.has(run[i + 1]!)) out.add(run.slice(i, i + 2));
    }
  }
  for (const word of text.toLowerCase().match(LATIN_WORD) ?? []) {
    if (!STOP_WORDS.has(word) && !/^\d+$/.test(word)) out.add(word);
  }
  return out;
}

/** The article's vocabulary, built once and reused for every teaser on the page. */
export interface ArticleProfile {
  title: Set<string>;
  body: Set<string>;
}

/** Builds the profile from the headline and (a prefix of) the body text. */
export function profileArticle(title: string, body: string): ArticleProfile {
  // The first few thousand characters carry the topic; more only costs time.
  return { title: distinctiveTokens(title), body: distinctiveTokens(`${title} ${body.slice(0, 4000)}`) };
}

/**
 * A score in 0..1: the larger of (teaser tokens found in the article) and (headline tokens
 * found in the teaser). The second catches a short teaser headline that restates ours.
 */
export function relatedness(profile: ArticleProfile, teaserText: string): number {
  const teaser = distinctiveTokens(teaserText);
  if (teaser.size === 0) return 0;
  let inBody = 0;
  for (const t of teaser) if (profile.body.has(t)) inBody++;
  let titleHits = 0;
  for (const t of profile.title) if (teaser.has(t)) titleHits++;
  const coverage = inBody / teaser.size;
  const titleCoverage = profile.title.size ? titleHits / profile.title.size : 0;
  return Math.max(coverage, titleCoverage);
}

/** At or above this score a teaser is about the same story and stays visible. */
export const RELATED_THRESHOLD = 0.3;

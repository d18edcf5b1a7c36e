/**
 * JSON export as a W3C Web Annotation `AnnotationCollection` (JSON-LD,
 * https://www.w3.org/TR/annotation-model/). Standard fields carry what the model can say (quote
 * and position selectors, note, times, page URL), so other tools can read it; what it cannot
 * (colour, the page records with their provenance) goes in `sm:` properties of our namespace.
 * A page's own note is an annotation of the page itself: commenting, its target the page's address
 * with no selector, as other tools write a page note. Together they restore every record exactly
 * (see import.ts).
 */
import { hasPageNote, type HighlightRecord, type PageRecord, type Selector } from '../annotation-types';
import type { ExportBundle } from './bundle';
import { stableUuid } from './stable-id';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const SOURCEMARK_NS = 'https://sourcemark.example/ns#';
/** Bumped if the `sm:` properties ever change meaning; import reads it to know the file is ours. */
export const FORMAT_VERSION = 1;
export const URN_UUID = 'urn:uuid:';

/** Page records are opaque JSON to a JSON-LD processor (`@json`), not triples. */
const CONTEXT = [ANNOTATION_CONTEXT, { '@version': 1.1, sm: SOURCEMARK_NS, 'sm:pages': { '@type': '@json' } }];

/**
 * Our range hint is, in the model's terms, a CSS selector refined by a position in that element.
 */
function w3cSelector(s: Selector): object {
  if (s.type !== 'RangeHintSelector') return s;
  return {
    type: 'CssSelector',
    value: s.selector,
    refinedBy: { type: 'TextPositionSelector', start: s.start, end: s.end },
  };
}

function annotation(h: HighlightRecord): object {
  const quoteSelector = h.selectors.find((s) => s.type === 'TextQuoteSelector');
  return {
    id: URN_UUID + h.id,
    type: 'Annotation',
    motivation: h.note ? 'commenting' : 'highlighting',
    created: h.created,
    modified: h.updated,
    ...(h.note ? { body: { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: h.note } } : {}),
    target: { source: h.pageUrl, selector: h.selectors.map(w3cSelector) },
    'sm:color': h.color,
    // The quote normally is the quote selector's text; only a record where it is not needs it spelt out.
    ...(quoteSelector?.exact === h.quote ? {} : { 'sm:quote': h.quote }),
  };
}

/** The page's note as an annotation of the whole page; its id the same in every export of the page. */
function pageNoteAnnotation(page: PageRecord): object {
  return {
    id: URN_UUID + stableUuid(`page-note ${page.url}`),
    type: 'Annotation',
    motivation: 'commenting',
    ...(page.noteUpdated ? { modified: page.noteUpdated } : {}),
    body: { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: page.note },
    target: { source: page.url },
  };
}

export function toW3cJson(bundle: ExportBundle): string {
  const noted = bundle.pages.filter(hasPageNote);
  const items = [...noted.map(pageNoteAnnotation), ...bundle.highlights.map(annotation)];
  const collection = {
    '@context': CONTEXT,
    type: 'AnnotationCollection',
    label: 'Sourcemark highlights',
    generated: bundle.exportedAt,
    total: items.length,
    'sm:version': FORMAT_VERSION,
    // A note is in its annotation alone: one copy, which other tools read too.
    'sm:pages': bundle.pages.map(({ note: _note, noteUpdated: _updated, ...page }) => page),
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}

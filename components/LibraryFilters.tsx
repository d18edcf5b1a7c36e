import { useEffect, useRef } from 'preact/hooks';
import type { LibraryQuery } from '@/utils/library-search';
import { LIBRARY_SORTS, type LibrarySort } from '@/utils/library-sort';
import type { Translate } from './i18n';
import { LibrarySwatches } from './LibrarySwatches';

/** How long typing must pause before the search runs: keeps every keystroke cheap. */
export const SEARCH_DEBOUNCE_MS = 100;

export interface LibraryFiltersProps {
  query: LibraryQuery;
  sites: Array<{ site: string; count: number }>;
  onChange: (patch: Partial<LibraryQuery>) => void;
  sort: LibrarySort;
  onSort: (sort: LibrarySort) => void;
  t: Translate;
}

/** Search box, site, colour and date filters, and the order of pages. Only the text is debounced; choices apply at once. */
export function LibraryFilters({ query, sites, onChange, sort, onSort, t }: LibraryFiltersProps) {
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const schedule = (text: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange({ text }), SEARCH_DEBOUNCE_MS);
  };
  const dateOrNull = (e: Event) => (e.currentTarget as HTMLInputElement).value || null;

  return (
    <div role="search" class="filters" aria-label={t('lib_filters')}>
      {/* Uncontrolled: re-setting the value while an IME is composing (pinyin) breaks the composition. */}
      <input
        type="search"
        class="search"
        placeholder={t('lib_searchPlaceholder')}
        aria-label={t('lib_search')}
        defaultValue={query.text}
        onInput={(e) => {
          if (!(e as InputEvent).isComposing) schedule((e.currentTarget as HTMLInputElement).value);
        }}
        onCompositionEnd={(e) => schedule((e.currentTarget as HTMLInputElement).value)}
      />
      <label class="field">
        {t('lib_site')}
        <select value={query.site ?? ''} onChange={(e) => onChange({ site: (e.currentTarget as HTMLSelectElement).value || null })}>
          <option value="">{t('lib_allSites')}</option>
          {sites.map(({ site, count }) => (
            <option key={site} value={site}>
              {site} ({count})
            </option>
          ))}
        </select>
      </label>
      <LibrarySwatches legend={t('lib_color')} value={query.color} anyLabel={t('lib_anyColor')} onChange={(color) => onChange({ color })} t={t} />
      <label class="field">
        {t('lib_from')}
        <input type="date" value={query.from ?? ''} max={query.to ?? undefined} onChange={(e) => onChange({ from: dateOrNull(e) })} />
      </label>
      <label class="field">
        {t('lib_to')}
        <input type="date" value={query.to ?? ''} min={query.from ?? undefined} onChange={(e) => onChange({ to: dateOrNull(e) })} />
      </label>
      <label class="field">
        {t('lib_sort')}
        <select value={sort} onChange={(e) => onSort((e.currentTarget as HTMLSelectElement).value as LibrarySort)}>
          {LIBRARY_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`lib_sort_${s}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

import type { Credit, Source } from '@/utils/analysis-types';
import { nameLanguage } from '@/utils/name-language';
import type { Translate } from './i18n';
import { SourceChain, type PickEvidence } from './SourceChain';

export interface ProvenanceCardProps {
  sources: Source[];
  credits: Credit[];
  collapsed: boolean;
  onToggle: () => void;
  /** Scrolls the page to the sentence an entry was read from. */
  onPick: PickEvidence;
  /** Opens the reader view; absent where the card already is in the reader. */
  onOpenReader?: () => void;
  /** The page's (or story's) language, which outlets and names are written in. */
  lang?: string;
  t: Translate;
}

/** The compact card shown above the article: the chain with dates, then the credits. */
export function ProvenanceCard({ sources, credits, collapsed, onToggle, onPick, onOpenReader, lang = '', t }: ProvenanceCardProps) {
  const summary = sources.map((s) => s.outlet).join(' ← ');
  return (
    // In the reader's language, not the page's: the card sits in a page marked zh-CN, and a screen
    // reader would read our Japanese or English words with that page's voice. And in its direction:
    // an Arabic page's rtl laid our English out backwards ("刘子彦 compiled by :Credits").
    <section class="card" lang={t('lang_tag')} dir={t('lang_dir') as 'ltr' | 'rtl'} aria-label={t('provenance')} data-testid="provenance-card">
      <button type="button" class="head" aria-expanded={!collapsed} onClick={onToggle}>
        <span class="title">{t('provenance')}</span>
        {collapsed && (
          <span class="summary" lang={nameLanguage(lang, summary) || undefined}>
            {summary}
          </span>
        )}
        <span class="chevron" aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
      </button>
      {!collapsed && <SourceChain sources={sources} credits={credits} t={t} onPick={onPick} lang={lang} />}
      {!collapsed && onOpenReader && (
        <button type="button" class="reader-link" data-testid="open-reader" onClick={onOpenReader}>
          {t('reader_open')}
        </button>
      )}
    </section>
  );
}

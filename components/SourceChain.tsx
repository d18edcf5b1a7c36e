import type { Credit, Source } from '@/utils/analysis-types';
import type { Translate } from './i18n';

export interface SourceChainProps {
  /** The chain, nearest to the reader first (the contract's order). */
  sources: Source[];
  credits: Credit[];
  t: Translate;
  /** Called when the reader picks an entry, to show its evidence on the page. */
  onPick?: (evidence: string) => void;
}

/** The provenance chain as a reader follows it: the publisher, then whom it came from. */
export function SourceChain({ sources, credits, t, onPick }: SourceChainProps) {
  if (!sources.length && !credits.length) return <p class="muted">{t('noSources')}</p>;
  return (
    <div class="chain">
      <ol class="chain-steps">
        {sources.map((s) => (
          <li key={`${s.role}:${s.outlet}`} data-role={s.role}>
            <button type="button" class="linklike" title={s.evidence} onClick={() => onPick?.(s.evidence)}>
              <strong>{s.outlet}</strong>
            </button>{' '}
            <span class="muted">
              {t(`role_${s.role.replace('-', '_')}`)}
              {s.date ? ` · ${readableDate(s.date)}` : ''}
            </span>
          </li>
        ))}
      </ol>
      {credits.length > 0 && (
        <p class="credits">
          {t('credits')}:{' '}
          {credits.map((c, i) => (
            <span key={`${c.role}:${c.name}`} title={c.evidence}>
              {i > 0 ? ' · ' : ''}
              {t(`credit_${c.role}`)} {c.name}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

/** `2024-02-23T09:42:00` reads as `2024-02-23 09:42`; dates without a time stay as they are. */
export function readableDate(date: string): string {
  return date.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2');
}

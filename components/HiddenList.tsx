import { HIDDEN_KINDS, type HiddenKind } from '@/utils/analysis-types';
import type { PageState } from '@/utils/messages';
import { explain } from '@/utils/reasons';
import { useState } from 'preact/hooks';
import { counted, type Translate } from './i18n';
import { LazyDetails } from './LazyDetails';

type HiddenItem = PageState['hidden'][number];

export interface HiddenListProps {
  items: PageState['hidden'];
  t: Translate;
  /** Flips the per-site "Never hide this" rule of one item. */
  onToggleKeep: (item: HiddenItem) => void;
  /** Kinds the settings leave on every page: listed, marked as shown, with no per-item rule to flip. */
  shownKinds: readonly HiddenKind[];
}

/** The hidden items grouped by kind, each with its reason and a way to keep it. */
export function HiddenList({ items, t, onToggleKeep, shownKinds }: HiddenListProps) {
  return (
    <div class="hidden-list">
      {HIDDEN_KINDS.map((kind) => {
        const group = items.filter((i) => i.kind === kind);
        const shown = shownKinds.includes(kind);
        return group.length ? <KindGroup key={kind} kind={kind} group={group} t={t} onToggleKeep={shown ? null : onToggleKeep} /> : null;
      })}
    </div>
  );
}

/**
 * Rows of one kind drawn at a time: a page may hide thousands of one kind (5,000 rows took 869 ms
 * to build in jsdom), and a reader looks at the first ones.
 */
export const HIDDEN_ROWS = 100;

/**
 * One kind's items, built only once its section is opened: the popup's first paint needs just the
 * counts. Without `onToggleKeep` the kind is one the settings leave on pages.
 */
function KindGroup({ kind, group, t, onToggleKeep }: { kind: string; group: HiddenItem[]; t: Translate; onToggleKeep: ((item: HiddenItem) => void) | null }) {
  const [rows, setRows] = useState(HIDDEN_ROWS);
  const more = Math.min(HIDDEN_ROWS, group.length - rows);
  return (
    <LazyDetails
      kind={kind}
      summary={
        <>
            {t(`kind_${kind}`)} <span class="count">{group.length}</span>
            {!onToggleKeep && <span class="muted shown-kind"> · {t('kindShown')}</span>}
        </>
      }
    >
      {() => (
        <>
          <ul>
            {group.slice(0, rows).map((item) => (
              <li key={item.id} class={item.kept || !onToggleKeep ? 'kept' : ''}>
                <div id={`hidden-text-${item.id}`} class="item-text">
                  {item.text || '—'}
                </div>
                <div id={`hidden-why-${item.id}`} class="item-reason muted">
                  {explain(item.why, t)}
                </div>
                {onToggleKeep && (
                  // Every item's button says the same: its text and reason tell a screen reader which item it keeps.
                  <button
                    type="button"
                    class="small"
                    aria-describedby={item.text ? `hidden-text-${item.id} hidden-why-${item.id}` : `hidden-why-${item.id}`}
                    onClick={() => onToggleKeep(item)}
                  >
                    {item.kept ? t('hideAgain') : t('neverHide')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {more > 0 && (
            <button type="button" class="small" onClick={() => setRows(rows + HIDDEN_ROWS)}>
              {counted(t, 'hidden_more', more)}
            </button>
          )}
        </>
      )}
    </LazyDetails>
  );
}

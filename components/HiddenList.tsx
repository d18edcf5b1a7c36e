import type { PageState } from '@/utils/messages';
import type { Translate } from './i18n';

export interface HiddenListProps {
  items: PageState['hidden'];
  t: Translate;
  /** Flips the per-site "Never hide this" rule of one item. */
  onToggleKeep: (item: PageState['hidden'][number]) => void;
}

const KIND_ORDER = ['ad', 'teaser', 'widget', 'boilerplate', 'navigation', 'comments'] as const;

/** The hidden items grouped by kind, each with its reason and a way to keep it. */
export function HiddenList({ items, t, onToggleKeep }: HiddenListProps) {
  return (
    <div class="hidden-list">
      {KIND_ORDER.map((kind) => {
        const group = items.filter((i) => i.kind === kind);
        if (!group.length) return null;
        return (
          <details key={kind} data-kind={kind}>
            <summary>
              {t(`kind_${kind}`)} <span class="count">{group.length}</span>
            </summary>
            <ul>
              {group.map((item) => (
                <li key={item.id} class={item.kept ? 'kept' : ''}>
                  <div class="item-text">{item.text || '—'}</div>
                  <div class="item-reason muted">{item.reason}</div>
                  <button type="button" class="small" onClick={() => onToggleKeep(item)}>
                    {item.kept ? t('hideAgain') : t('neverHide')}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </div>
  );
}

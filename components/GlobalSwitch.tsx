import type { Translate } from './i18n';

/** "Clean pages": the global switch, in the popup and on the options page. */
export function GlobalSwitch({ enabled, onChange, t }: { enabled: boolean; onChange: (on: boolean) => void; t: Translate }) {
  return (
    <label class="switch">
      {/* Read in the handler: a settings change runs after an await, when the event has no currentTarget. */}
      <input type="checkbox" checked={enabled} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      {t('globalSwitch')}
    </label>
  );
}

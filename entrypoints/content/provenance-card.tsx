/** Mounts the provenance card above the article body, in a shadow root so page CSS can't reach it. */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ProvenanceCard } from '@/components/ProvenanceCard';
import { t } from '@/components/i18n';
import type { Analysis } from '@/utils/analysis-types';
import { flashEvidence } from '@/utils/flash';
import { cardPlacement } from './card-placement';
import { revealHidden } from './reveal';
import { acceptTrustedInputOnly } from './trusted-input';
import './card.css';

const COLLAPSED_KEY = 'cardCollapsed';
/**
 * Scrolls to an item's evidence and flashes it, showing it for a moment when cleanup hid it. False
 * when the page's text does not hold it (read from the title or metadata).
 */
export function showEvidence(evidence: string): boolean {
  return flashEvidence(document.body, evidence, { isShown: (el) => el.checkVisibility(), reveal: revealHidden });
}

function Card({ analysis, initiallyCollapsed, onOpenReader }: { analysis: Analysis; initiallyCollapsed: boolean; onOpenReader: () => void }) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  return (
    <ProvenanceCard
      sources={analysis.sources}
      credits={analysis.credits}
      collapsed={collapsed}
      t={t}
      onOpenReader={onOpenReader}
      lang={document.documentElement.lang}
      onToggle={() => {
        setCollapsed(!collapsed);
        void browser.storage.local.set({ [COLLAPSED_KEY]: !collapsed });
      }}
      onPick={showEvidence}
    />
  );
}

export async function mountProvenanceCard(ctx: ContentScriptContext, root: Element, analysis: Analysis, onOpenReader: () => void): Promise<{ remove(): void }> {
  const collapsed = (await browser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY] === true;
  const { anchor, append } = cardPlacement(root, (el) => getComputedStyle(el).display);
  const unmounted = new AbortController();
  ctx.onInvalidated(() => unmounted.abort());
  const ui = await createShadowRootUi(ctx, {
    name: 'sourcemark-provenance',
    position: 'inline',
    anchor,
    append,
    isolateEvents: true,
    onMount: (container) => render(<Card analysis={analysis} initiallyCollapsed={collapsed} onOpenReader={onOpenReader} />, container),
    onRemove: (container) => {
      unmounted.abort();
      if (container) render(null, container);
    },
  });
  acceptTrustedInputOnly(ui.shadow);
  passedOverByDrags(ui.shadowHost, unmounted.signal);
  ui.mount();
  return ui;
}

/**
 * Firefox (tried in 140) makes no selection at all of a drag that runs over a shadow host, as one
 * from the headline or the date line into the story runs over the card between them. A drag that
 * starts outside the card leaves it out, as text no one can select; one that starts in it selects
 * its text as before.
 */
function passedOverByDrags(host: HTMLElement, signal: AbortSignal): void {
  const options = { capture: true, signal };
  document.addEventListener('pointerdown', (e) => host.toggleAttribute('data-passed-over', !e.composedPath().includes(host)), options);
  document.addEventListener('pointerup', () => host.removeAttribute('data-passed-over'), options);
}

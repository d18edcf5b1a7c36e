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
  const ui = await createShadowRootUi(ctx, {
    name: 'sourcemark-provenance',
    position: 'inline',
    anchor,
    append,
    isolateEvents: true,
    onMount: (container) => render(<Card analysis={analysis} initiallyCollapsed={collapsed} onOpenReader={onOpenReader} />, container),
    onRemove: (container) => container && render(null, container),
  });
  acceptTrustedInputOnly(ui.shadow);
  ui.mount();
  return ui;
}

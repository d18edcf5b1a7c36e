import type { PageAnalysis, PageLayout } from '@/utils/analyze';
import type { Cleanup } from '@/utils/cleanup';

/** What a mounted card offers: taking it away. */
export interface Card {
  remove(): void;
}

/** One page as the analysis script applies it: its analysis, its cleanup and its provenance card. */
export interface PageSession {
  url: string;
  layout: PageLayout;
  page: PageAnalysis;
  cleanup: Cleanup | null;
  card: Card | null;
  /** Replaced by the next page: a card that finishes mounting after that is taken away again. */
  closed: boolean;
}

/**
 * The provenance card above an article's body, when the page names a source or a credit. `mount`
 * draws it; a single-page site may move on while it does, so a card for a page already closed goes.
 */
export async function mountCard(session: PageSession, mount: (root: Element, analysis: PageAnalysis['analysis']) => Promise<Card>): Promise<void> {
  const { page, cleanup } = session;
  if (!cleanup || !page.root || !(page.analysis.sources.length || page.analysis.credits.length)) return;
  session.card = await mount(page.root, page.analysis);
  if (session.closed) session.card.remove();
}

/** Undoes a page's cleanup and takes its card away. */
export function closeSession(session: PageSession): void {
  session.closed = true;
  session.cleanup?.destroy();
  session.card?.remove();
}

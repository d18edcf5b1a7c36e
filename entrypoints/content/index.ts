import { mountProvenanceCard } from './provenance-card';
import { analyzePage } from '@/utils/analyze';
import { Cleanup } from '@/utils/cleanup';
import { PopupToContentSchema, parseMessage, type PageState } from '@/utils/messages';
import { SETTINGS_KEY, cleanupEnabled, loadSettings, siteOf } from '@/utils/settings';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const url = location.href;
    const page = analyzePage(document, { url, position: (el) => getComputedStyle(el).position });
    const settings = await loadSettings(browser.storage.local);
    const site = siteOf(url);
    const cleanup = page.analysis.isArticle
      ? new Cleanup(document, { root: page.root, keep: new Set(settings.keepRules[site] ?? []) })
      : null;
    if (cleanup) {
      cleanup.mark(page.hidden);
      cleanup.setActive(cleanupEnabled(settings, url));
      ctx.onInvalidated(() => cleanup.destroy());
    }

    const state = (): PageState => ({
      url,
      isArticle: page.analysis.isArticle,
      confidence: page.analysis.confidence,
      reasons: page.analysis.reasons,
      title: page.analysis.title,
      publisher: page.analysis.publisher,
      publishedAt: page.analysis.publishedAt,
      cleanupActive: cleanup?.active ?? false,
      hidden: (cleanup?.items ?? []).map((t) => ({ id: t.id, kind: t.item.kind, text: t.item.text.slice(0, 300), reason: t.item.reason, kept: t.kept })),
      sources: page.analysis.sources,
      credits: page.analysis.credits,
    });

    browser.runtime.onMessage.addListener((raw: unknown, sender) => {
      // Only our own extension's pages may steer the page.
      if (sender.id !== browser.runtime.id) return undefined;
      const msg = parseMessage(PopupToContentSchema, raw);
      if (!msg) return undefined;
      if (msg.type === 'set-cleanup') cleanup?.setActive(msg.active);
      return Promise.resolve(state());
    });

    if (!cleanup) return;
    if (page.root && (page.analysis.sources.length || page.analysis.credits.length)) {
      await mountProvenanceCard(ctx, page.root, page.analysis);
    }
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !changes[SETTINGS_KEY]) return;
      void loadSettings(browser.storage.local).then((s) => {
        cleanup.setKeep(new Set(s.keepRules[site] ?? []));
        cleanup.setActive(cleanupEnabled(s, url));
      });
    });
  },
});

import { articleShapedUrl } from '@/utils/url-shape';
import { applyEarlyHide } from '@/utils/early-hide';

/**
 * Before the page renders: on article-shaped URLs, hide ad-network slots (see utils/early-hide).
 *
 * A plain script, not a WXT content script: it runs on every page the browser opens, and a content
 * script's context and the API polyfill alone cost some 3.5 ms of script time per page, for a check
 * of the URL and a DOM write that need neither. wxt.config.ts lists it in the manifest, with
 * cleanup.content.css: the stylesheet cleanup hides with.
 */
export default defineUnlistedScript(() => {
  if (articleShapedUrl(location.href)) applyEarlyHide(document);
});

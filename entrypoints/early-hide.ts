import { articleShapedUrl } from '@/utils/url-shape';
import { applyEarlyHide } from '@/utils/early-hide';

/**
 * Before the page renders: on article-shaped URLs, hide ad-network slots (see utils/early-hide).
 *
 * A plain script, not a WXT content script: it runs on nearly every page the browser opens, and a
 * content script's context and the API polyfill alone cost some 3.5 ms of script time per page,
 * for a check of the URL and a DOM write that need neither. The background registers it where
 * cleanup would hide ads (utils/early-hide-registration), so it need not read the settings.
 */
export default defineUnlistedScript(() => {
  if (articleShapedUrl(location.href)) applyEarlyHide(document);
});

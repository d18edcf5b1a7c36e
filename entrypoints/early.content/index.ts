import { articleShapedUrl } from '@/utils/url-shape';
import { applyEarlyHide } from '@/utils/early-hide';
import './cleanup.css';

/**
 * Before the page renders: on article-shaped URLs, hide ad-network slots (see utils/early-hide).
 * Its stylesheet, cleanup.css, is the one the content script's cleanup hides with.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    if (articleShapedUrl(location.href)) applyEarlyHide(document);
  },
});

import { articleShapedUrl } from '@/utils/detect';
import { applyEarlyHide } from '@/utils/early-hide';

/** Before the page renders: hide ad-network slots on article-shaped URLs (see utils/early-hide). */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    if (articleShapedUrl(location.href)) applyEarlyHide(document);
  },
});

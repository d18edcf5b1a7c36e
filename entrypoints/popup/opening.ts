/**
 * The popup's first requests, sent while this module is evaluated: main.tsx imports it before
 * anything else, so the content script and storage answer while preact and the components are
 * still being evaluated.
 */
import { POPUP_MARKS } from './marks';
import { firstAnswers } from './requests';

export const opening = firstAnswers();
performance.mark(POPUP_MARKS.requestsSent);

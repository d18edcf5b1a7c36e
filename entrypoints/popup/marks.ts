/**
 * User Timing marks of the popup's opening, so where its first list's time goes can be read in
 * DevTools' Performance panel and is printed by `npm run bench` beside the total.
 */
export const POPUP_MARKS = {
  /** The first requests are in flight (tab, settings, the page's state and highlights). */
  requestsSent: 'sourcemark:popup-requests-sent',
  /** Their answers are in and validated. */
  answered: 'sourcemark:popup-answered',
  /** The popup with its list is in the DOM. */
  rendered: 'sourcemark:popup-rendered',
} as const;

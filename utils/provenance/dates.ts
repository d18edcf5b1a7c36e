/** Dates as stated in source lines (2月20日, 21日), made ISO when the page's own date gives the year. */

/** Year, month and day of the page, the frame short dates are read in. */
export interface PageDate {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Reads the year/month/day of an ISO date or of a 2024年2月23日 / 2024-02-23 / 2024/2/23 string. */
export function parsePageDate(text: string | null): PageDate | null {
  if (!text) return null;
  const m = /((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year, month, day } : null;
}

/** The page date as an ISO calendar date. */
export function isoOf(date: PageDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * The day after the page's. A page dated in UTC (2024-05-09T22:30Z, already the 10th in Beijing) or
 * by its first version may state the next day: that is the day meant, not a month or a year back.
 */
function dayAfter(page: PageDate): PageDate {
  const next = new Date(Date.UTC(page.year, page.month - 1, page.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/**
 * Turns a stated date into ISO when the year is known, else keeps the page's own words.
 * 2月20日 (3월 5일) takes the page's year (the previous one if that would put it after the page);
 * a bare 21日 (21일) takes the page's month. The page's next day is that day (see dayAfter).
 */
export function resolveDate(stated: string | null | undefined, page: PageDate | null): string | null {
  if (!stated) return null;
  const full = parsePageDate(stated);
  if (full) return isoOf(full);
  const md = /(\d{1,2})[月월]\s?(\d{1,2})[日일]/.exec(stated);
  if (md) {
    const month = Number(md[1]);
    const day = Number(md[2]);
    if (!page) return stated;
    const next = dayAfter(page);
    if (month === next.month && day === next.day) return isoOf(next);
    const year = month > page.month ? page.year - 1 : page.year;
    return isoOf({ year, month, day });
  }
  const d = /(\d{1,2})[日일]/.exec(stated);
  if (d) {
    const day = Number(d[1]);
    if (!page) return stated;
    // Only within the month: 1日 on the 31st may as well be the 1st of that month.
    const next = dayAfter(page);
    if (day === next.day && next.month === page.month) return isoOf(next);
    const back = day > page.day;
    const month = back ? (page.month === 1 ? 12 : page.month - 1) : page.month;
    const year = back && page.month === 1 ? page.year - 1 : page.year;
    return isoOf({ year, month, day });
  }
  return stated;
}

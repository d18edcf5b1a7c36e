/** Dates as readers read them: the card, the reader view and the exports show the same form. */

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]00:?00)?/;

/**
 * `2024-02-23T09:42:00` reads as `2024-02-23 09:42`, the page's clock as it wrote it (with an
 * offset too: +08:00 is the page's own zone). A time in UTC (…Z or +00:00, how many sites'
 * metadata carry it, while the page shows its local time) is shown in the reader's zone, `timeZone` in tests:
 * cut as written, 22:30 in Beijing read 14:30. Dates without a time stay as they are.
 */
export function readableDate(date: string, timeZone?: string): string {
  const m = ISO_TIME.exec(date);
  if (!m) return date;
  // Built from the parts, not the string: not every engine reads +0000 without a colon.
  const instant = m[3] ? new Date(`${m[1]}T${m[2]}:00Z`) : null;
  if (!instant || Number.isNaN(instant.getTime())) return `${m[1]} ${m[2]}`;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

import { describe, expect, it } from 'vitest';
import { readableDate } from '@/utils/readable-date';

describe('readableDate', () => {
  it("shows the page's own clock as written, with or without its offset", () => {
    expect(readableDate('2024-02-23T09:42:00', 'UTC')).toBe('2024-02-23 09:42');
    expect(readableDate('2024-02-23T09:42:00+08:00', 'UTC')).toBe('2024-02-23 09:42');
    expect(readableDate('2024-02-23', 'UTC')).toBe('2024-02-23');
  });

  it("shows a time in UTC in the reader's zone, not cut as if it were the page's clock", () => {
    // 今日头条 prints 2024-05-09 22:30; its metadata says 14:30 UTC.
    expect(readableDate('2024-05-09T14:30:07.000Z', 'Asia/Shanghai')).toBe('2024-05-09 22:30');
    expect(readableDate('2024-05-09T14:30:07.000Z', 'UTC')).toBe('2024-05-09 14:30');
    expect(readableDate('2024-05-21T20:21:00Z', 'Asia/Hong_Kong')).toBe('2024-05-22 04:21');
    expect(readableDate('2024-05-09T14:30:00+00:00', 'Asia/Shanghai')).toBe('2024-05-09 22:30');
    expect(readableDate('2024-05-09T14:30:00+0000', 'Asia/Shanghai')).toBe('2024-05-09 22:30');
  });
});

import { describe, expect, it } from 'vitest';
import { asUuid, randomUuid } from '@/utils/uuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomUuid', () => {
  it('makes version-4 UUIDs with the RFC variant, each different', () => {
    const ids = Array.from({ length: 200 }, randomUuid);
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('asUuid', () => {
  it('lays 32 hex digits out as a UUID, setting the version digit and the variant bits', () => {
    expect(asUuid('f'.repeat(32), 8)).toBe('ffffffff-ffff-8fff-bfff-ffffffffffff');
    expect(asUuid('0'.repeat(32), 4)).toBe('00000000-0000-4000-8000-000000000000');
  });
});

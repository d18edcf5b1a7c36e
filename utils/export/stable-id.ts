/**
 * Deterministic UUIDs for annotations imported from other tools, so importing the same file twice
 * merges instead of duplicating. Synchronous (unlike crypto.subtle) and not a security boundary:
 * it only has to spread distinct foreign ids apart.
 */
import { asUuid } from '../uuid';

function hash32(text: string, seed: number): number {
  let h = (seed ^ text.length) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  // MurmurHash3's finaliser, so every input bit reaches every output bit.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = [0x9e3779b9, 0x7f4a7c15, 0x2545f491, 0x632be5ab];

/** A UUID of version 8 (RFC 9562's custom layout) derived from `key`. */
export function stableUuid(key: string): string {
  return asUuid(SEEDS.map((seed) => hash32(key, seed).toString(16).padStart(8, '0')).join(''), 8);
}

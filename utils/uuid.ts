/**
 * UUIDs made here rather than by `crypto.randomUUID`, which exists only in a secure context: a
 * content script shares its page's, and many portals are still served over plain http, where
 * highlighting threw. `crypto.getRandomValues` has no such gate.
 */

/** 32 hex digits laid out as a UUID of `version`, with RFC 9562's variant bits. */
export function asUuid(hex: string, version: number): string {
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version.toString(16)}${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A random UUID (version 4). */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return asUuid(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''), 4);
}

/**
 * The only URLs an export may turn into a link: http(s), re-serialised by the URL parser so that
 * spaces, quotes and angle brackets are percent-encoded. Anything else (javascript:, data:, a
 * relative or malformed URL from a forged record) yields null and is shown as text, if at all.
 */
export function httpUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/**
 * The extension's own errors in the tabs a driven browser opens: a content script that throws, a
 * promise it leaves rejected, an error it logs; anything an extension page (popup, library, reader)
 * throws or logs as an error; an error the service worker logs or throws. The e2e suite fails a
 * test that leaves any; `npm run smoke` lists them per page. Chromium reports all of these; Firefox
 * all but what its extension pages log (see watchFirefoxErrors).
 */

/** What a console message and an uncaught error say, in either driver. */
export interface ConsoleSeen {
  type: string;
  text: string;
  /** The script that logged it. */
  url: string | undefined;
  /** The document of the tab it was logged in. */
  pageUrl: string | undefined;
}

export interface ThrownSeen {
  message: string;
  stack: string | undefined;
  pageUrl: string | undefined;
}

/** Whether a console message is an error of the extension's: logged by its script, or in its page. */
export function isExtensionConsoleError(seen: ConsoleSeen, extensionOrigin: string): boolean {
  return seen.type === 'error' && [seen.url, seen.pageUrl].some((url) => url?.startsWith(extensionOrigin));
}

/** Whether an uncaught error is the extension's: thrown in its page, or by a frame of its script. */
export function isExtensionThrow(seen: ThrownSeen, extensionOrigin: string): boolean {
  return Boolean(seen.pageUrl?.startsWith(extensionOrigin) || seen.stack?.includes(extensionOrigin));
}

/** What CDP's Runtime.exceptionThrown says of an uncaught error (the part read here). */
export interface CdpExceptionDetails {
  /** "Uncaught" or "Uncaught (in promise)". */
  text: string;
  exception?: { description?: string; value?: unknown };
}

/**
 * An uncaught error or rejection of the service worker at `workerUrl`, as CDP reports it: an
 * Error's description is its stack; a rejection with a plain value (reject('x')) has only the value.
 */
export function workerThrow(details: CdpExceptionDetails, workerUrl: string): ThrownSeen {
  const description = details.exception?.description;
  if (description) return { message: description.split('\n')[0]!, stack: description, pageUrl: workerUrl };
  const value = details.exception && 'value' in details.exception ? ` ${JSON.stringify(details.exception.value)}` : '';
  return { message: `${details.text}${value}`, stack: undefined, pageUrl: workerUrl };
}

/** How Firefox prints an uncaught error or unhandled rejection on its stderr. */
const FIREFOX_UNCAUGHT = /^JavaScript error: (.+?), line (\d+): (.*)$/;

/**
 * An uncaught error or unhandled rejection from a line of Firefox's output (`JavaScript error:
 * <script>, line <n>: <message>`), with the script's address where a stack would be; null for any
 * other line. The address says whose it was; the tab is not printed.
 */
export function firefoxUncaught(line: string): ThrownSeen | null {
  const m = FIREFOX_UNCAUGHT.exec(line);
  return m ? { message: m[3]!, stack: `${m[3]}\n    at ${m[1]}:${m[2]}`, pageUrl: undefined } : null;
}

/** The errors one launched browser has seen, until taken. */
export class ErrorLog {
  private seen: string[] = [];

  constructor(private readonly extensionOrigin: string) {}

  console(message: ConsoleSeen): void {
    if (isExtensionConsoleError(message, this.extensionOrigin)) this.seen.push(`console.error in ${message.pageUrl}: ${message.text} (${message.url})`);
  }

  thrown(error: ThrownSeen): void {
    if (isExtensionThrow(error, this.extensionOrigin)) this.seen.push(`uncaught${error.pageUrl ? ` in ${error.pageUrl}` : ''}: ${error.stack ?? error.message}`);
  }

  /** What was seen since the last call. */
  take(): string[] {
    return this.seen.splice(0);
  }
}

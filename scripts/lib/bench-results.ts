/** What the page benches say alike of the pages they ran: the counts their summaries open with, a skipped page's error. */

/** A page a bench ran: measured (with its timing) or skipped (with its error). */
export interface PageOutcome {
  name: string;
  error?: string;
  timing?: { isolated: boolean };
}

/** An error as a skipped page's row gives it: its first line. */
export const firstLine = (err: unknown): string => (err instanceof Error ? err.message.split('\n')[0]! : String(err));

/** The runs, the pages measured and skipped, and how many were timed with the fine clock (cross-origin isolated). */
export function outcomeCounts(results: readonly PageOutcome[], runs: number) {
  const measured = results.filter((r) => r.timing !== undefined);
  return {
    runs,
    pages: results.length,
    measured: measured.length,
    skipped: results.filter((r) => r.error !== undefined).map((r) => ({ name: r.name, error: r.error! })),
    isolated: measured.filter((r) => r.timing!.isolated).length,
  };
}

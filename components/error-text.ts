/** What went wrong, in words to show the reader: an error's message, anything else as text. */
export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

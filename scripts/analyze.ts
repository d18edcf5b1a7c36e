/**
 * `npm run --silent analyze -- <page.html> [--url URL]`: prints the analysis JSON of a saved page
 * (contract: shared/docs/analysis-json.md). Bad input exits 1 with one line on stderr.
 */
import { parseArgs } from 'node:util';
import { InputError, analyzePage, loadPage } from './lib/analyze-file';

const USAGE = 'usage: npm run --silent analyze -- <page.html> [--url URL]';

/** A command-line mistake; reported with the usage line. */
class UsageError extends Error {}

function parseCommandLine(argv: string[]): { file: string; url: string | null } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { url: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains at length; the first sentence is the useful part.
    throw new UsageError((error as Error).message.split('. ')[0]!);
  }
  const { positionals, values } = parsed;
  if (positionals.length === 0) throw new UsageError('missing <page.html>');
  if (positionals.length > 1) throw new UsageError(`expected one page, got ${positionals.length}`);
  const url = values.url ?? null;
  if (url !== null && !URL.canParse(url)) throw new UsageError(`--url is not an absolute URL: ${url}`);
  return { file: positionals[0]!, url };
}

async function main(): Promise<void> {
  const { file, url } = parseCommandLine(process.argv.slice(2));
  const analysis = analyzePage(await loadPage(file, url), url);
  process.stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
}

main().catch((error: unknown) => {
  const message =
    error instanceof UsageError
      ? `${error.message} (${USAGE})`
      : error instanceof InputError
        ? error.message
        : `internal error: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`analyze: ${message.replace(/\s+/g, ' ')}\n`);
  process.exitCode = 1;
});

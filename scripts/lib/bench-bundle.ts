/**
 * Bundling the in-page half of the benchmark (bench-page.ts) for the browser, once per run.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./bench-page.ts', import.meta.url));

/**
 * The IIFE source of an in-page bench half (by default the one that installs `window.__smBench`).
 * Kept in memory (write: false) so nothing lands in the repo; it is injected with `page.evaluate`,
 * which still runs when page scripts are disabled.
 */
export async function bundleBenchPage(entry = ENTRY): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return file.text;
}

/**
 * Picks the reporter for the output mode: NDJSON with --json, ink on a terminal, plain lines otherwise.
 * ink and React load only in the terminal case.
 */
import type { CliContext } from '../context.js';
import { JsonReporter } from './json-reporter.js';
import { PlainReporter } from './plain-reporter.js';
import type { Reporter, ReporterOptions } from './reporter.js';

export async function createReporter(context: CliContext, options: ReporterOptions): Promise<Reporter> {
  const now = options.now ?? (() => performance.now());
  if (options.json) return new JsonReporter(context.stdout, now);
  const stderr = context.stderr as NodeJS.WriteStream;
  if (context.isTTY && stderr.isTTY === true && context.env.CI !== 'true') {
    const { InkReporter } = await import('./ink-reporter.js');
    return new InkReporter(context.stdout, stderr, options.verbose, now);
  }
  return new PlainReporter(context.stdout, context.stderr, options.verbose, now);
}

/** Implementation of `fluvie-render prompt`: resolves the output paths and runs the shared authoring flow. */
import path from 'node:path';
import { extensionFor } from '../../core/pipeline/output-paths.js';
import type { OutputFormat } from '../../core/pipeline/render-request.js';
import type { CliContext } from '../context.js';
import type { AuthorFlags } from './author-options.js';
import { runAuthorCommand } from './author-run.js';

export async function runPromptCommand(prompt: string, flags: AuthorFlags, context: CliContext): Promise<void> {
  const out = path.resolve(context.cwd, flags.out ?? `video${extensionFor(flags.format as OutputFormat)}`);
  const specOut = flags.specOut === undefined ? specPathBeside(out) : path.resolve(context.cwd, flags.specOut);
  await runAuthorCommand({ request: { kind: 'prompt', prompt }, specOut, out }, flags, context);
}

/** `<out without extension>.fluvie.json` in the folder of `out`. */
export function specPathBeside(out: string): string {
  const parsed = path.parse(out);
  return path.join(parsed.dir, `${parsed.name}.fluvie.json`);
}

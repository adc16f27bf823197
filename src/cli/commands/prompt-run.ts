/** Implementation of `fluvie-render prompt`: resolves the output paths and runs the shared authoring flow. */
import path from 'node:path';
import { extensionFor } from '../../core/pipeline/output-paths.js';
import type { CliContext } from '../context.js';
import { resolveOutputFormat } from '../output-format.js';
import type { AuthorFlags } from './author-options.js';
import { runAuthorCommand } from './author-run.js';

export async function runPromptCommand(prompt: string, flags: AuthorFlags, context: CliContext): Promise<void> {
  const format = resolveOutputFormat(flags.format, flags.out);
  const out = path.resolve(context.cwd, flags.out ?? `video${extensionFor(format)}`);
  const specOut = flags.specOut === undefined ? specPathBeside(out) : path.resolve(context.cwd, flags.specOut);
  await runAuthorCommand({ request: { kind: 'prompt', prompt }, specOut, out }, flags, context);
}

/** `<out without extension>.fluvie.json` in the folder of `out`. */
export function specPathBeside(out: string): string {
  const parsed = path.parse(out);
  return path.join(parsed.dir, `${parsed.name}.fluvie.json`);
}

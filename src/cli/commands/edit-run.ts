/**
 * Implementation of `fluvie-render edit`: reads the spec to change, resolves the output paths (the
 * authored spec overwrites the input unless --spec-out names another file), and runs the shared
 * authoring flow.
 */
import path from 'node:path';
import { defaultOutputPath } from '../../core/pipeline/output-paths.js';
import { parseSpecJson, readSpecText } from '../../spec/load.js';
import type { CliContext } from '../context.js';
import { resolveOutputFormat } from '../output-format.js';
import type { AuthorFlags } from './author-options.js';
import { runAuthorCommand } from './author-run.js';

export async function runEditCommand(specFile: string, change: string, flags: AuthorFlags, context: CliContext): Promise<void> {
  const input = path.resolve(context.cwd, specFile);
  const base = parseSpecJson(await readSpecText(input), input);
  const format = resolveOutputFormat(flags.format, flags.out);
  const out = flags.out === undefined ? defaultOutputPath(input, format, context.cwd) : path.resolve(context.cwd, flags.out);
  const specOut = flags.specOut === undefined ? input : path.resolve(context.cwd, flags.specOut);
  await runAuthorCommand({ request: { kind: 'edit', base, change, baseDir: path.dirname(input) }, specOut, out }, flags, context);
}


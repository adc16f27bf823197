/** Runs `fluvie-render spec to-dart`: loads and validates the spec, then prints its Dart source. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFolders } from '../../core/fs/create-folders.js';
import { FluvieError } from '../../core/errors.js';
import { loadSpecFile } from '../../spec/load.js';
import { printVideoSpecDart } from '../../spec/to-dart/index.js';
import type { CliContext } from '../context.js';
import type { SpecToDartFlags } from './spec-to-dart.js';

/**
 * Prints the Dart source on stdout, or writes it to `--out`.
 * @throws FluvieError `file_not_found`, `spec_invalid`, or `unsupported_feature` naming the JSON path
 * the printer has no Dart form for.
 */
export async function runSpecToDart(file: string, flags: SpecToDartFlags, context: CliContext): Promise<void> {
  const loaded = await loadSpecFile(path.resolve(context.cwd, file));
  const code = printVideoSpecDart(loaded.spec);
  if (flags.out === undefined) {
    context.stdout.write(code);
    return;
  }

  const out = path.resolve(context.cwd, flags.out);
  try {
    await createFolders(path.dirname(out));
    await writeFile(out, code, 'utf8');
  } catch (cause: unknown) {
    throw new FluvieError('output_failed', `Cannot write ${out}: ${(cause as Error).message}. Check that its folder is writable.`, { cause });
  }
  context.stderr.write(`Wrote ${out}\n`);
}

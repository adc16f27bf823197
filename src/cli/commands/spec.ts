/**
 * `fluvie-render spec validate <file...>` and `fluvie-render spec schema`. The work happens in
 * spec-validate.ts and spec-schema.ts, imported on use.
 */
import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../../spec/rules-values.js';
import { parsePositiveInteger } from '../options.js';

/** Raw commander values of the `spec validate` flags. */
export interface SpecValidateFlags {
  json?: boolean;
  strict?: boolean;
  format?: OutputFormat;
  maxFrames?: number;
  checkFiles?: boolean;
}

export function registerSpecCommands(program: Command, context: CliContext): void {
  const spec = program.command('spec').description('Check VideoSpec documents, or print their JSON Schema.');

  spec
    .command('validate')
    .description('Check VideoSpec JSON files and list every problem with its JSON path. Exits 1 when any file is invalid.')
    .argument('<file...>', 'VideoSpec JSON files')
    .option('--json', 'print one JSON report {ok, files: [{file, ok, diagnostics}]} on stdout instead of text lines')
    .option('--strict', 'report unknown properties as errors (default: warnings)')
    .option('--check-files', "also report image, clip and audio files that do not exist (asset sources resolve against the spec's folder)")
    .addOption(
      new Option(
        '--format <format>',
        "output format whose size rules apply: odd width or height is an error for mp4 and transparent (default: the spec's export.mode, else mp4)",
      ).choices([...OUTPUT_FORMATS]),
    )
    .addOption(new Option('--max-frames <n>', 'maximum video length in frames (default: 14400, 8 minutes at 30 fps)').argParser(parsePositiveInteger))
    .action(async (files: string[], flags: SpecValidateFlags) => {
      const { runSpecValidate } = await import('./spec-validate.js');
      await runSpecValidate(files, flags, context);
    });

  spec
    .command('schema')
    .description('Print the JSON Schema (draft 2020-12) of VideoSpec documents on stdout.')
    .action(async () => {
      const { runSpecSchema } = await import('./spec-schema.js');
      runSpecSchema(context);
    });
}

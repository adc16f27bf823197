/**
 * `fluvie-render spec to-dart <file>`: adds the subcommand to the existing `spec` command. The work
 * happens in spec-to-dart-run.ts, imported on use.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Raw commander values of the `spec to-dart` flags. */
export interface SpecToDartFlags {
  out?: string;
}

export function registerSpecToDartCommand(program: Command, context: CliContext): void {
  const spec = program.commands.find((command) => command.name() === 'spec');
  if (spec === undefined) throw new Error('The spec command must be registered before spec to-dart.');

  spec
    .command('to-dart')
    .description('Print a VideoSpec file as the Dart source of a Fluvie `Video build()` function.')
    .argument('<file>', 'VideoSpec JSON file')
    .option('-o, --out <file.dart>', 'write the Dart source to this file instead of stdout')
    .action(async (file: string, flags: SpecToDartFlags) => {
      const { runSpecToDart } = await import('./spec-to-dart-run.js');
      await runSpecToDart(file, flags, context);
    });
}

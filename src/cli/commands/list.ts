/**
 * `fluvie-render list`: prints the composition keys the project's capture harness registers. The
 * work happens in list-run.ts, imported on use.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Raw commander values of the list flags. */
export interface ListFlags {
  project?: string;
  flutter?: string;
  json?: boolean;
  verbose?: boolean;
}

export function registerListCommand(program: Command, context: CliContext): void {
  program
    .command('list')
    .description('List the composition keys of a Flutter project, as `render <key>` accepts them.')
    .option('--project <dir>', 'Flutter project with the capture harness (default: $RENDER_PROJECT, then search upwards)')
    .option('--flutter <path>', 'flutter binary (default: $FLUTTER_PATH, then PATH)')
    .option('--json', 'print {"project", "harness", "keys"} as JSON on stdout')
    .option('-v, --verbose', 'print the flutter test output on stderr')
    .action(async (flags: ListFlags) => {
      const { runListCommand } = await import('./list-run.js');
      await runListCommand(flags, context);
    });
}

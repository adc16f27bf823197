/**
 * `fluvie-render init`: writes the capture harness into a Flutter project's `test/render/`. The
 * work happens in init-run.ts, imported on use.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Raw commander values of the init flags. */
export interface InitFlags {
  project?: string;
  force?: boolean;
}

export function registerInitCommand(program: Command, context: CliContext): void {
  program
    .command('init')
    .description('Add the fluvie-render capture harness to a Flutter project (test/render/capture_harness_test.dart).')
    .option('--project <dir>', 'Flutter project folder, the one with pubspec.yaml (default: the current folder)')
    .option('--force', 'overwrite an existing harness')
    .action(async (flags: InitFlags) => {
      const { runInitCommand } = await import('./init-run.js');
      await runInitCommand(flags, context);
    });
}

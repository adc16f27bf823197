/**
 * `fluvie-render cleanup`: declares the flags; the sweep is imported on use (cleanup-run.ts).
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Raw commander values of the cleanup flags. */
export interface CleanupFlags {
  dryRun?: boolean;
  json?: boolean;
  server?: string;
  token?: string;
  envFile?: string;
}

export function registerCleanupCommand(program: Command, context: CliContext): void {
  program
    .command('cleanup')
    .description('Delete expired renders and job records from the configured storage, or ask a running server to do it.')
    .option('--dry-run', 'count what would be deleted and delete nothing')
    .option('--json', 'print the report as JSON')
    .option('--server <url>', 'run the sweep on this server (POST /v1/maintenance/cleanup) instead of local storage')
    .option('--token <token>', 'cleanup token for --server (default: CLEANUP_TOKEN)')
    .option('--env-file <path>', 'read variables from this dotenv file; variables set in the environment win')
    .addHelpText('after', '\nExamples:\n  LOCAL_STORAGE_DIR=/data/renders fluvie-render cleanup --dry-run\n  fluvie-render cleanup --server http://127.0.0.1:8080 --token "$CLEANUP_TOKEN" --json')
    .action(async (flags: CleanupFlags) => {
      const { runCleanupCommand } = await import('./cleanup-run.js');
      await runCleanupCommand(flags, context);
    });
}

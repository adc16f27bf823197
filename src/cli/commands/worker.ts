/**
 * `fluvie-render worker`: declares the flags; the worker is imported on use (worker-run.ts).
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Raw commander values of the worker flags. */
export interface WorkerFlags {
  concurrency?: string;
  envFile?: string;
}

export function registerWorkerCommand(program: Command, context: CliContext): void {
  program
    .command('worker')
    .description('Render jobs from the shared Redis queue (REDIS_URL) that `serve` replicas with QUEUE_BACKEND=redis fill.')
    .option('--concurrency <n>', 'jobs rendered at once (overrides RENDER_CONCURRENCY; default from the usable CPUs)')
    .option('--env-file <path>', 'read variables from this dotenv file; variables set in the environment win')
    .addHelpText('after', '\nExample:\n  REDIS_URL=redis://127.0.0.1:6379 LOCAL_STORAGE_DIR=/shared/renders fluvie-render worker --concurrency 2')
    .action(async (flags: WorkerFlags) => {
      const { runWorkerCommand } = await import('./worker-run.js');
      await runWorkerCommand(flags, context);
    });
}

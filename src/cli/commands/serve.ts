/**
 * `fluvie-render serve`: declares the flags; the server is imported on use (serve-run.ts).
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Raw commander values of the serve flags. */
export interface ServeFlags {
  port?: string;
  host?: string;
  envFile?: string;
  workers?: string;
}

export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('Serve the render API over HTTP (configured by environment variables; see templates/server.env.example).')
    .option('--port <port>', 'port to listen on (overrides PORT; default 8080, 0 picks a free port)')
    .option('--host <address>', 'address to bind (overrides HOST; default 0.0.0.0)')
    .option('--workers <n>', 'render jobs run at once in this process (overrides RENDER_CONCURRENCY; with QUEUE_BACKEND=redis default 0, so the replica only serves the API)')
    .option('--env-file <path>', 'read variables from this dotenv file; variables set in the environment win')
    .addHelpText('after', '\nExample:\n  API_TOKEN=... CLEANUP_TOKEN=... LOCAL_STORAGE_DIR=./renders fluvie-render serve --port 8080')
    .action(async (flags: ServeFlags) => {
      const { runServeCommand } = await import('./serve-run.js');
      await runServeCommand(flags, context);
    });
}

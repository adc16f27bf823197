/**
 * Implementation of `fluvie-render worker`: loads the server configuration and the Redis settings,
 * starts the worker, and on SIGTERM or SIGINT stops taking jobs, lets running renders finish for
 * SHUTDOWN_GRACE, hands the rest back to the queue, and returns (exit 0). Redis not replying at
 * start is an error that names REDIS_URL; a configuration error exits 78.
 */
import { detectCpuCount } from '../../config/cpu-count.js';
import { loadServerConfig } from '../../config/server-config.js';
import { FluvieError, toFluvieError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { resolveServerEnv } from './server-env.js';
import type { WorkerFlags } from './worker.js';

export async function runWorkerCommand(flags: WorkerFlags, context: CliContext): Promise<void> {
  let worker;
  try {
    const env = await resolveServerEnv(context, flags.envFile, { RENDER_CONCURRENCY: flags.concurrency });
    // The worker serves no HTTP, so API_TOKEN and CLEANUP_TOKEN are optional here.
    const config = loadServerConfig(env, { cpuCount: detectCpuCount(), requireTokens: false });
    const [{ runRender }, { createServerLogger }, { startRenderWorker }] = await Promise.all([
      import('../../core/pipeline/run-render.js'),
      import('../../server/logger.js'),
      import('../../server/redis/render-worker.js'),
    ]);
    const logger = createServerLogger({ destination: context.stderr });
    worker = await startRenderWorker({ config, logger, renderEnv: env, render: runRender, concurrency: config.renderConcurrency });
  } catch (error: unknown) {
    throw reportStartError(error, context);
  }

  await waitForAbort(context.signal);
  await worker.close();
  context.exitCode = 0;
}

/** Prints `Configuration error: ...` or `Redis unavailable: ...` and passes the error on. */
function reportStartError(error: unknown, context: CliContext): FluvieError {
  const failure = toFluvieError(error);
  if (failure.code === 'config_invalid' || failure.code === 'unavailable') {
    context.stderr.write(`${failure.code === 'config_invalid' ? 'Configuration error' : 'Redis unavailable'}: ${failure.message}\n`);
    context.errorReported = true;
  }
  return failure;
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

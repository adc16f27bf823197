/**
 * Implementation of `fluvie-render serve`: loads the configuration, starts the server, and on
 * SIGTERM or SIGINT stops taking jobs, lets running renders finish for SHUTDOWN_GRACE, cancels the
 * rest, and returns (exit 0). A configuration error lists every bad variable and exits 78.
 */
import { detectCpuCount } from '../../config/cpu-count.js';
import { loadServerConfig } from '../../config/server-config.js';
import { FluvieError, toFluvieError } from '../../core/errors.js';
import { readEnvValue } from '../../config/env-values.js';
import type { CliContext } from '../context.js';
import type { ServeFlags } from './serve.js';
import { resolveServerEnv } from './server-env.js';

export async function runServeCommand(flags: ServeFlags, context: CliContext): Promise<void> {
  let server;
  try {
    const env = await resolveServerEnv(context, flags.envFile, { PORT: flags.port, HOST: flags.host });
    const sharedQueue = readEnvValue(env['QUEUE_BACKEND']) === 'redis';
    // With the in-process queue, --workers is the render concurrency; with Redis it counts this replica's workers.
    if (!sharedQueue && flags.workers !== undefined) env['RENDER_CONCURRENCY'] = flags.workers;
    const config = loadServerConfig(env, { cpuCount: detectCpuCount() });
    const workers = sharedQueue ? parseWorkerCount(flags.workers) : undefined;
    // Loaded after the configuration is known to be valid, so config errors print fast.
    const [{ runRender }, { createServerLogger }, { startServer }, { createDefaultSpecTools }, { createForkedRender, forkedRenderAvailable }] = await Promise.all([
      import('../../core/pipeline/run-render.js'),
      import('../../server/logger.js'),
      import('../../server/server.js'),
      import('../../server/spec-tools-default.js'),
      import('../../server/render-process/forked-render.js'),
    ]);
    const logger = createServerLogger({ destination: context.stderr });
    // Renders run in child processes at RENDER_NICENESS, so they never block the API's event loop.
    // Under a TypeScript runner (tests) the compiled child entry is missing and renders run in process.
    const render = forkedRenderAvailable()
      ? createForkedRender({ niceness: config.renderNiceness, onPriorityError: (error) => logger.warn({ err: error }, 'could not lower the priority of a render process') })
      : runRender;
    server = await startServer({ config, logger, renderEnv: env, render, specTools: createDefaultSpecTools(), ...(workers === undefined ? {} : { workers }) });
  } catch (error: unknown) {
    throw reportConfigError(error, context);
  }

  await waitForAbort(context.signal);
  await server.close();
  context.exitCode = 0;
}

/** Reads `--workers` in Redis mode: a whole number from 0 (API only, the default) to 256. */
function parseWorkerCount(value: string | undefined): number {
  if (value === undefined) return 0;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > 256) {
    throw new FluvieError('config_invalid', `--workers must be a whole number from 0 to 256, got "${value}".`);
  }
  return count;
}

/** Prints `Configuration error: ...` for config problems, as the Dart server does, and passes the error on. */
function reportConfigError(error: unknown, context: CliContext): FluvieError {
  const failure = toFluvieError(error);
  if (failure.code === 'config_invalid') {
    context.stderr.write(`Configuration error: ${failure.message}\n`);
    context.errorReported = true;
  }
  return failure;
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

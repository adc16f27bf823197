/** Polls a render job until it finishes, reporting progress, within a time limit. */
import { setTimeout as sleep } from 'node:timers/promises';
import { FluvieError } from '../../core/errors.js';
import type { JobJson } from '../jobs/job-view.js';
import type { RenderGateway } from './render-gateway.js';

/** How long a render tool waits by default: 10 minutes. */
export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60_000;

export interface WaitForJobOptions {
  /** Give up after this many milliseconds (the job keeps running). */
  timeoutMs: number;
  signal: AbortSignal;
  /** Called with every polled state, including the first and the last. */
  onUpdate: (job: JobJson) => Promise<void>;
  now?: () => number;
}

/**
 * Returns the job once it has succeeded.
 * @throws FluvieError when it failed or was canceled (`internal`/`canceled`, with the job's error text),
 *   or `timeout` when the limit passed first (the message names `get_render` to keep following it).
 */
export async function waitForJob(gateway: RenderGateway, first: JobJson, options: WaitForJobOptions): Promise<JobJson> {
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  let job = first;

  for (;;) {
    await options.onUpdate(job);
    if (job.status === 'succeeded') return job;
    if (job.status === 'failed') throw new FluvieError('internal', `Render ${job.id} failed: ${job.error ?? 'no reason given'}`);
    if (job.status === 'canceled') throw new FluvieError('canceled', `Render ${job.id} was canceled${job.error === undefined ? '' : `: ${job.error}`}`);
    if (now() >= deadline) {
      const minutes = Math.round(options.timeoutMs / 60_000);
      throw new FluvieError('timeout', `Render ${job.id} is still ${job.status} after ${minutes >= 1 ? `${minutes} min` : `${options.timeoutMs} ms`}. It keeps running: call get_render with {"id": "${job.id}"} to follow it.`);
    }

    await sleep(gateway.pollIntervalMs, undefined, { signal: options.signal });
    job = await gateway.get(job.id, options.signal);
  }
}

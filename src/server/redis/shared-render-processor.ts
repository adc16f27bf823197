/**
 * Adapts the render job processor to a queue shared by many processes. The processor marks a job
 * `running` before it renders and skips jobs that are not `queued`, so two things change here:
 * - A job that BullMQ hands to this worker while its record says `running` was left by a worker
 *   that stopped mid-render (BullMQ gives a job to one worker at a time), so it is reset to `queued`.
 * - A job aborted because this worker shuts down is handed back: its record returns to `queued`,
 *   no terminal webhook is sent, and the queue lets another worker run it.
 * Jobs that BullMQ gives up on (stopped workers used up RENDER_ATTEMPTS) are recorded as failed.
 */
import type { JobRecord } from '../jobs/job-record.js';
import { isTerminal } from '../jobs/job-record.js';
import { createRenderJobProcessor, type RenderJobDeps } from '../queue/render-job.js';
import type { JobProcessor } from '../queue/queue.js';
import { FluvieError } from '../../core/errors.js';

export interface SharedRenderProcessor {
  processor: JobProcessor;
  /** Records the job as failed with `reason` unless it already reached a terminal state. */
  abandon(jobId: string, reason: string): Promise<void>;
}

export function createSharedRenderProcessor(deps: RenderJobDeps): SharedRenderProcessor {
  const handingBack = new Set<string>();
  const inner = createRenderJobProcessor({
    ...deps,
    onFinished: (job) => {
      if (!handingBack.has(job.id)) deps.onFinished?.(job);
    },
  });

  const processor: JobProcessor = async (jobId, signal) => {
    let leftRunning = false;
    await deps.jobs.update(jobId, (current) => {
      leftRunning = current.status === 'running';
      return leftRunning ? requeued(current) : null;
    });
    if (leftRunning) deps.logger.warn({ jobId }, 'job left running by a stopped worker; running it again');

    const onAbort = (): void => {
      if (isShutdown(signal.reason)) handingBack.add(jobId);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await inner(jobId, signal);
      if (handingBack.has(jobId)) {
        await deps.jobs.update(jobId, (current) => (current.status === 'failed' ? requeued(current) : null));
        deps.logger.info({ jobId }, 'render handed back to the queue at worker shutdown');
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      handingBack.delete(jobId);
    }
  };

  return {
    processor,
    async abandon(jobId, reason) {
      const now = deps.clock.now();
      let changed = false;
      const failed = await deps.jobs.update(jobId, (current) => {
        changed = !isTerminal(current.status);
        return changed ? { ...current, status: 'failed', finishedAtMs: now, error: reason } : null;
      });
      if (failed === null || !changed) return;
      deps.logger.warn({ jobId, reason }, 'render given up after its workers stopped');
      deps.onFinished?.(failed);
    },
  };
}

function requeued(job: JobRecord): JobRecord {
  return { ...job, status: 'queued', startedAtMs: null, finishedAtMs: null, progress: null, error: null };
}

function isShutdown(reason: unknown): boolean {
  return reason instanceof FluvieError && reason.code === 'unavailable';
}

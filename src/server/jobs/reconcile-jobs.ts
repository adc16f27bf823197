/**
 * Start-up reconciliation of the job store: jobs left `running` by a previous process fail with
 * "Server restarted mid-render", and jobs left `queued` are returned oldest first so the queue can
 * take them again.
 */
import type { Clock } from '../clock.js';
import type { JobStore } from './job-store.js';

export interface ReconcileResult {
  /** Ids of the jobs that were running and are now failed. */
  failed: string[];
  /** Ids of the queued jobs, oldest first, to enqueue again. */
  requeue: string[];
}

export const RESTARTED_MESSAGE = 'Server restarted mid-render';

export async function reconcileJobs(jobs: JobStore, clock: Clock): Promise<ReconcileResult> {
  const all = await jobs.list();
  const failed: string[] = [];
  for (const job of all.filter((candidate) => candidate.status === 'running')) {
    const updated = await jobs.update(job.id, (current) =>
      current.status === 'running' ? { ...current, status: 'failed', finishedAtMs: clock.now(), error: RESTARTED_MESSAGE } : null,
    );
    if (updated?.status === 'failed') failed.push(job.id);
  }
  const requeue = all
    .filter((job) => job.status === 'queued')
    .sort((a, b) => a.createdAtMs - b.createdAtMs)
    .map((job) => job.id);
  return { failed, requeue };
}

/**
 * The retention sweep behind the cleanup timer, `POST /v1/maintenance/cleanup` and the `cleanup`
 * command. Pass 1 visits every job whose `expiresAt` has passed, skips queued and running ones, and
 * deletes the job's files and record. A succeeded job leaves a tombstone instead of no record, so
 * its id returns 410 until the tombstone is JOB_TOMBSTONE_TTL old (see job-tombstone.ts). Pass 2
 * deletes any stored object past its own expiry that pass 1 did not reach. A dry run counts the
 * same things and deletes nothing.
 *
 * The report counts each job once: a swept succeeded job counts in `deletedJobs` when its tombstone
 * is written, and neither `scanned` nor `deletedJobs` counts the tombstone again when a later sweep
 * deletes it.
 */
import type { JobStore } from '../jobs/job-store.js';
import { isTombstone, isTombstoneExpired, toTombstone } from '../jobs/job-tombstone.js';
import type { Storage } from '../storage/storage.js';

export interface CleanupReport {
  scanned: number;
  deletedFiles: number;
  deletedJobs: number;
  freedBytes: number;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
}

export interface RetentionSweepOptions {
  jobs: JobStore;
  storage: Storage;
  /** Current time in milliseconds since the epoch. */
  nowMs: number;
  dryRun: boolean;
  /** Age in milliseconds at which a tombstone is deleted (JOB_TOMBSTONE_TTL). */
  tombstoneTtlMs: number;
}

export async function runRetentionSweep(options: RetentionSweepOptions): Promise<CleanupReport> {
  const { jobs, storage, nowMs, dryRun } = options;
  const report = { scanned: 0, deletedFiles: 0, deletedJobs: 0, freedBytes: 0 };
  const handledKeys = new Set<string>();
  const expiredKeys: string[] = [];
  const jobsToTombstone: string[] = [];
  const jobsToDelete: string[] = [];

  for (const job of await jobs.list()) {
    if (isTombstone(job)) {
      if (isTombstoneExpired(job, nowMs, options.tombstoneTtlMs)) jobsToDelete.push(job.id);
      continue;
    }
    if (job.expiresAtMs > nowMs) continue;
    report.scanned += 1;
    if (job.status === 'queued' || job.status === 'running') continue;

    for (const key of [job.videoKey, job.posterKey]) {
      if (key === null) continue;
      handledKeys.add(key);
      const object = await storage.stat(key);
      if (object === null) continue;
      report.deletedFiles += 1;
      report.freedBytes += object.bytes;
      expiredKeys.push(key);
    }
    report.deletedJobs += 1;
    if (job.status === 'succeeded') jobsToTombstone.push(job.id);
    else jobsToDelete.push(job.id);
  }
  // Files go first, so a failed delete leaves the job record that still points at them.
  if (!dryRun) {
    await storage.deleteMany(expiredKeys);
    for (const id of jobsToTombstone) await jobs.update(id, (current) => (isTombstone(current) ? null : toTombstone(current, nowMs)));
    for (const id of jobsToDelete) await jobs.delete(id);
  }

  const strayKeys: string[] = [];

  for await (const object of storage.list()) {
    if (handledKeys.has(object.key) || object.expiresAtMs === null || object.expiresAtMs > nowMs) continue;
    report.scanned += 1;
    report.deletedFiles += 1;
    report.freedBytes += object.bytes;
    strayKeys.push(object.key);
  }
  if (!dryRun) await storage.deleteMany(strayKeys);

  const stamp = new Date(nowMs).toISOString();
  return { ...report, dryRun, startedAt: stamp, finishedAt: stamp };
}

import { describe, expect, it } from 'vitest';
import { MemoryJobStore } from '../../../src/server/jobs/memory-job-store.js';
import { reconcileJobs } from '../../../src/server/jobs/reconcile-jobs.js';
import { sampleJob } from '../../conformance/job-fixture.js';

describe('reconcileJobs', () => {
  it('fails running jobs and returns queued ones oldest first', async () => {
    const store = new MemoryJobStore();
    const running = sampleJob({ status: 'running', startedAtMs: 1 });
    const newer = sampleJob({ createdAtMs: 2_000 });
    const older = sampleJob({ createdAtMs: 1_000 });
    const done = sampleJob({ status: 'succeeded' });
    for (const job of [running, newer, older, done]) await store.create(job);

    const result = await reconcileJobs(store, { now: () => 42 });
    expect(result).toEqual({ failed: [running.id], requeue: [older.id, newer.id] });
    expect(await store.get(running.id)).toMatchObject({ status: 'failed', error: 'Server restarted mid-render', finishedAtMs: 42 });
    expect((await store.get(done.id))?.status).toBe('succeeded');
  });
});

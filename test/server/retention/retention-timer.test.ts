import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryJobStore } from '../../../src/server/jobs/memory-job-store.js';
import { createSilentLogger } from '../../../src/server/logger.js';
import { startRetentionTimer } from '../../../src/server/retention/retention-timer.js';
import { LocalStorage } from '../../../src/server/storage/local-storage.js';
import { sampleJob } from '../../conformance/job-fixture.js';

describe('startRetentionTimer', () => {
  it('sweeps expired jobs on its interval', async () => {
    const jobs = new MemoryJobStore();
    const expired = sampleJob({ status: 'failed', expiresAtMs: 10 });
    const live = sampleJob({ status: 'failed', expiresAtMs: 10_000 });
    await jobs.create(expired);
    await jobs.create(live);
    const storage = new LocalStorage(await mkdtemp(path.join(tmpdir(), 'fluvie-timer-')));
    const timer = startRetentionTimer({ jobs, storage, clock: { now: () => 5_000 }, logger: createSilentLogger(), intervalMs: 10, tombstoneTtlMs: 0 });
    while ((await jobs.get(expired.id)) !== null) await new Promise((resolve) => setTimeout(resolve, 10));
    await timer.stop();
    expect(await jobs.get(live.id)).not.toBeNull();
  });

  it('does nothing with an interval of 0', async () => {
    const jobs = new MemoryJobStore();
    await jobs.create(sampleJob({ status: 'failed', expiresAtMs: 10 }));
    const storage = new LocalStorage(await mkdtemp(path.join(tmpdir(), 'fluvie-timer-')));
    const timer = startRetentionTimer({ jobs, storage, clock: { now: () => 5_000 }, logger: createSilentLogger(), intervalMs: 0, tombstoneTtlMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await timer.stop();
    expect(await jobs.list()).toHaveLength(1);
  });
});

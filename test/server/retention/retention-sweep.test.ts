/** The retention sweep's tombstones, on every job store with local storage. */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileJobStore } from '../../../src/server/jobs/file-job-store.js';
import type { JobRecord } from '../../../src/server/jobs/job-record.js';
import type { JobStore } from '../../../src/server/jobs/job-store.js';
import { MemoryJobStore } from '../../../src/server/jobs/memory-job-store.js';
import { RedisJobStore } from '../../../src/server/jobs/redis-job-store.js';
import { connectRedis } from '../../../src/server/redis/redis-connection.js';
import { runRetentionSweep } from '../../../src/server/retention/retention-sweep.js';
import { LocalStorage } from '../../../src/server/storage/local-storage.js';
import { sampleJob } from '../../conformance/job-fixture.js';
import { startRedis, type RunningRedis } from '../../helpers/redis-server.js';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;

let redis: RunningRedis;
let client: Redis;
const dirs: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
  client = await connectRedis(redis.url);
});

afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fluvie-sweep-'));
  dirs.push(dir);
  return dir;
}

const STORES: Array<[string, () => Promise<JobStore>]> = [
  ['memory', async () => new MemoryJobStore()],
  ['file', async () => new FileJobStore(path.join(await tempDir(), '.jobs'))],
  ['redis', async () => new RedisJobStore({ client, prefix: `test:${randomUUID()}:` })],
];

/** Stores a job with a 5-byte video in storage. */
async function addRenderedJob(jobs: JobStore, storage: LocalStorage, overrides: Partial<JobRecord>): Promise<JobRecord> {
  const job = sampleJob({ status: 'succeeded', ...overrides });
  const source = path.join(await tempDir(), 'video.mp4');
  await writeFile(source, 'video');
  const videoKey = `${job.id}/video.mp4`;
  await storage.putFile(videoKey, source, { contentType: 'video/mp4', visibility: 'private', expiresAtMs: job.expiresAtMs });
  const stored = { ...job, videoKey };
  await jobs.create(stored);
  return stored;
}

describe.each(STORES)('runRetentionSweep with the %s job store', (_name, openStore) => {
  it('leaves a tombstone of a swept succeeded job', async () => {
    const jobs = await openStore();
    const storage = new LocalStorage(await tempDir());
    const job = await addRenderedJob(jobs, storage, { expiresAtMs: NOW - 1, code: 'Video build() {}', spec: { scenes: [] } });

    const report = await runRetentionSweep({ jobs, storage, nowMs: NOW, dryRun: false, tombstoneTtlMs: HOUR });

    expect(report).toMatchObject({ scanned: 1, deletedFiles: 1, deletedJobs: 1, freedBytes: 5 });
    expect(await storage.stat(job.videoKey!)).toBeNull();
    const tombstone = await jobs.get(job.id);
    expect(tombstone).toMatchObject({ id: job.id, status: 'succeeded', videoKey: job.videoKey, sweptAtMs: NOW, code: null, spec: null });
    expect((await jobs.list()).map((listed) => listed.id)).toEqual([job.id]);
  });

  it('deletes failed and canceled jobs outright', async () => {
    const jobs = await openStore();
    const storage = new LocalStorage(await tempDir());
    const failed = sampleJob({ status: 'failed', expiresAtMs: NOW - 1, error: 'Render exited with code 1' });
    const canceled = sampleJob({ status: 'canceled', expiresAtMs: NOW - 1 });
    await jobs.create(failed);
    await jobs.create(canceled);

    const report = await runRetentionSweep({ jobs, storage, nowMs: NOW, dryRun: false, tombstoneTtlMs: HOUR });

    expect(report).toMatchObject({ scanned: 2, deletedJobs: 2, deletedFiles: 0 });
    expect(await jobs.get(failed.id)).toBeNull();
    expect(await jobs.get(canceled.id)).toBeNull();
  });

  it('counts a tombstone once and deletes it after its TTL', async () => {
    const jobs = await openStore();
    const storage = new LocalStorage(await tempDir());
    const job = await addRenderedJob(jobs, storage, { expiresAtMs: NOW - 1 });
    await runRetentionSweep({ jobs, storage, nowMs: NOW, dryRun: false, tombstoneTtlMs: HOUR });

    const early = await runRetentionSweep({ jobs, storage, nowMs: NOW + HOUR - 1, dryRun: false, tombstoneTtlMs: HOUR });
    expect(early).toMatchObject({ scanned: 0, deletedFiles: 0, deletedJobs: 0, freedBytes: 0 });
    expect(await jobs.get(job.id)).not.toBeNull();

    const due = await runRetentionSweep({ jobs, storage, nowMs: NOW + HOUR, dryRun: false, tombstoneTtlMs: HOUR });
    expect(due).toMatchObject({ scanned: 0, deletedFiles: 0, deletedJobs: 0, freedBytes: 0 });
    expect(await jobs.get(job.id)).toBeNull();
    expect(await jobs.list()).toEqual([]);
  });

  it('writes no tombstone in a dry run', async () => {
    const jobs = await openStore();
    const storage = new LocalStorage(await tempDir());
    const job = await addRenderedJob(jobs, storage, { expiresAtMs: NOW - 1 });

    const report = await runRetentionSweep({ jobs, storage, nowMs: NOW, dryRun: true, tombstoneTtlMs: 0 });

    expect(report).toMatchObject({ scanned: 1, deletedFiles: 1, deletedJobs: 1, dryRun: true });
    expect(await jobs.get(job.id)).toEqual(job);
    expect(await storage.stat(job.videoKey!)).not.toBeNull();
  });

  it('releases the idempotency key of a swept job', async () => {
    const jobs = await openStore();
    const storage = new LocalStorage(await tempDir());
    const job = await addRenderedJob(jobs, storage, { expiresAtMs: NOW - 1, idempotencyKey: 'order-7', requestHash: 'abc' });
    expect((await jobs.findByIdempotencyKey('order-7'))?.id).toBe(job.id);

    await runRetentionSweep({ jobs, storage, nowMs: NOW, dryRun: false, tombstoneTtlMs: HOUR });

    expect(await jobs.findByIdempotencyKey('order-7')).toBeNull();
    const next = sampleJob({ idempotencyKey: 'order-7', requestHash: 'def' });
    await jobs.create(next);
    expect((await jobs.findByIdempotencyKey('order-7'))?.id).toBe(next.id);
  });
});

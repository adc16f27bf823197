import { readdir, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileJobStore } from '../../src/server/jobs/file-job-store.js';
import { MemoryJobStore } from '../../src/server/jobs/memory-job-store.js';
import { sampleJob } from './job-fixture.js';
import { describeJobStoreConformance } from './job-store.js';

describeJobStoreConformance('FileJobStore', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'fluvie-jobs-'));
  return { store: new FileJobStore(path.join(dir, '.jobs')), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

describeJobStoreConformance('MemoryJobStore', async () => ({ store: new MemoryJobStore() }));

describe('FileJobStore on disk', () => {
  it('keeps one JSON file per job and no temporary files', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'fluvie-jobs-')), '.jobs');
    const store = new FileJobStore(dir);
    const job = sampleJob();
    await store.create(job);
    await Promise.all(Array.from({ length: 10 }, (_, index) => store.update(job.id, (current) => ({ ...current, progress: { completed: index, total: 10 } }))));
    expect(await readdir(dir)).toEqual([`${job.id}.json`]);
  });

  it('survives a new instance on the same folder', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'fluvie-jobs-')), '.jobs');
    const job = sampleJob();
    await new FileJobStore(dir).create(job);
    expect(await new FileJobStore(dir).get(job.id)).toEqual(job);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileJobStore } from '../../../src/server/jobs/file-job-store.js';
import { loadServerConfig } from '../../../src/config/server-config.js';
import { LocalStorage } from '../../../src/server/storage/local-storage.js';
import { openS3Storage } from '../../../src/server/storage/s3-startup.js';
import { sampleJob } from '../../conformance/job-fixture.js';
import { runCliCapture } from '../../helpers/cli.js';
import { startRedis } from '../../helpers/redis-server.js';
import { connectRedis } from '../../../src/server/redis/redis-connection.js';
import { RedisJobStore } from '../../../src/server/jobs/redis-job-store.js';
import { S3RVER_ACCESS_KEY, S3RVER_SECRET_KEY, startS3rver } from '../../helpers/s3rver.js';
import { createFakeRender } from '../../server/support/fake-render.js';
import { minimalSpecTools } from '../../server/support/spec-tools.js';
import { CLEANUP_TOKEN, startTestServer, type TestServer } from '../../server/support/test-server.js';

const dirs: string[] = [];
let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A storage folder with one expired job (video of 5 bytes) and one live job. */
async function storageWithJobs(): Promise<{ dir: string; expired: string; live: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fluvie-cleanup-cli-'));
  dirs.push(dir);
  const jobs = new FileJobStore(path.join(dir, '.jobs'));
  const storage = new LocalStorage(dir);
  const source = path.join(dir, '.source');
  await writeFile(source, 'video');
  const expired = sampleJob({ status: 'succeeded', expiresAtMs: Date.now() - 1_000 });
  const live = sampleJob({ status: 'succeeded', expiresAtMs: Date.now() + 3_600_000 });
  for (const job of [expired, live]) {
    await storage.putFile(`${job.id}/video.mp4`, source, { contentType: 'video/mp4', visibility: 'private', expiresAtMs: job.expiresAtMs });
    await jobs.create({ ...job, videoKey: `${job.id}/video.mp4` });
  }
  return { dir, expired: expired.id, live: live.id };
}

describe('fluvie-render cleanup', () => {
  it('reports a local dry run as JSON and deletes nothing', async () => {
    const { dir, expired } = await storageWithJobs();
    const result = await runCliCapture(['cleanup', '--dry-run', '--json'], { env: { LOCAL_STORAGE_DIR: dir } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ scanned: 1, deletedFiles: 1, deletedJobs: 1, freedBytes: 5, dryRun: true });
    expect(await new FileJobStore(path.join(dir, '.jobs')).get(expired)).not.toBeNull();
  });

  it('deletes expired jobs locally', async () => {
    const { dir, expired, live } = await storageWithJobs();
    const result = await runCliCapture(['cleanup'], { env: { LOCAL_STORAGE_DIR: dir } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Deleted 1 file (5 B) and 1 job record.');
    const jobs = new FileJobStore(path.join(dir, '.jobs'));
    expect(await jobs.get(expired)).toMatchObject({ status: 'succeeded', sweptAtMs: expect.any(Number) });
    expect(await jobs.get(live)).not.toBeNull();
    expect(await new LocalStorage(dir).stat(`${expired}/video.mp4`)).toBeNull();
  });

  it('deletes tombstones after JOB_TOMBSTONE_TTL', async () => {
    const { dir, expired, live } = await storageWithJobs();
    const env = { LOCAL_STORAGE_DIR: dir, JOB_TOMBSTONE_TTL: '0' };
    expect((await runCliCapture(['cleanup'], { env })).code).toBe(0);
    expect(await new FileJobStore(path.join(dir, '.jobs')).get(expired)).not.toBeNull();

    const second = await runCliCapture(['cleanup', '--json'], { env });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ scanned: 0, deletedFiles: 0, deletedJobs: 0 });
    const jobs = new FileJobStore(path.join(dir, '.jobs'));
    expect(await jobs.get(expired)).toBeNull();
    expect(await jobs.get(live)).not.toBeNull();
  });

  it('keeps tombstones younger than JOB_TOMBSTONE_TTL', async () => {
    const { dir, expired } = await storageWithJobs();
    const env = { LOCAL_STORAGE_DIR: dir, JOB_TOMBSTONE_TTL: '1h' };
    expect((await runCliCapture(['cleanup'], { env })).code).toBe(0);
    expect((await runCliCapture(['cleanup'], { env })).code).toBe(0);
    expect(await new FileJobStore(path.join(dir, '.jobs')).get(expired)).toMatchObject({ sweptAtMs: expect.any(Number) });
  });

  it('sweeps an S3 bucket', async () => {
    const s3 = await startS3rver({ buckets: ['renders'] });
    try {
      const dir = await mkdtemp(path.join(tmpdir(), 'fluvie-cleanup-s3-'));
      dirs.push(dir);
      const env = { LOCAL_STORAGE_DIR: dir, STORAGE_BACKEND: 's3', S3_ENDPOINT: s3.endpoint, S3_BUCKET: 'renders', S3_ACCESS_KEY: S3RVER_ACCESS_KEY, S3_SECRET_KEY: S3RVER_SECRET_KEY, S3_USE_SSL: 'false', S3_PATH_STYLE: 'true' };
      const storage = await openS3Storage(loadServerConfig(env, { cpuCount: 1, requireTokens: false }).s3!);
      const jobs = new FileJobStore(path.join(dir, '.jobs'));
      const source = path.join(dir, 'source.bin');
      await writeFile(source, 'video');
      const expired = sampleJob({ status: 'succeeded', expiresAtMs: Date.now() - 1_000, videoKey: null });
      await storage.putFile(`${expired.id}/video.mp4`, source, { contentType: 'video/mp4', visibility: 'private', expiresAtMs: expired.expiresAtMs });
      await jobs.create({ ...expired, videoKey: `${expired.id}/video.mp4` });

      const result = await runCliCapture(['cleanup', '--json'], { env });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ deletedFiles: 1, deletedJobs: 1, freedBytes: 5, dryRun: false });
      expect(await storage.stat(`${expired.id}/video.mp4`)).toBeNull();
      expect(await new FileJobStore(path.join(dir, '.jobs')).get(expired.id)).toMatchObject({ status: 'succeeded', sweptAtMs: expect.any(Number) });
      storage.close();
    } finally {
      await s3.close();
    }
  });

  it('sweeps the Redis job store with QUEUE_BACKEND=redis', async () => {
    const redis = await startRedis();
    const client = await connectRedis(redis.url);
    try {
      const dir = await mkdtemp(path.join(tmpdir(), 'fluvie-cleanup-redis-'));
      dirs.push(dir);
      const jobs = new RedisJobStore({ client, prefix: 'fluvie:' });
      const storage = new LocalStorage(dir);
      const source = path.join(dir, '.source');
      await writeFile(source, 'video');
      const expired = sampleJob({ status: 'succeeded', expiresAtMs: Date.now() - 1_000, videoKey: null });
      await storage.putFile(`${expired.id}/video.mp4`, source, { contentType: 'video/mp4', visibility: 'private', expiresAtMs: expired.expiresAtMs });
      await jobs.create({ ...expired, videoKey: `${expired.id}/video.mp4` });

      const result = await runCliCapture(['cleanup', '--json'], { env: { LOCAL_STORAGE_DIR: dir, QUEUE_BACKEND: 'redis', REDIS_URL: redis.url } });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ scanned: 1, deletedFiles: 1, deletedJobs: 1, freedBytes: 5 });
      expect(await jobs.get(expired.id)).toMatchObject({ status: 'succeeded', sweptAtMs: expect.any(Number) });
      expect(await storage.stat(`${expired.id}/video.mp4`)).toBeNull();
    } finally {
      client.disconnect();
      await redis.stop();
    }
  });

  it('runs on a server with --server and --token', async () => {
    const fake = createFakeRender();
    server = await startTestServer({ render: fake.render, specTools: minimalSpecTools });
    const result = await runCliCapture(['cleanup', '--server', server.base, '--token', CLEANUP_TOKEN, '--json', '--dry-run'], { env: {} });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ scanned: 0, dryRun: true });
  });

  it('explains a wrong token', async () => {
    const fake = createFakeRender();
    server = await startTestServer({ render: fake.render, specTools: minimalSpecTools });
    const result = await runCliCapture(['cleanup', '--server', server.base, '--token', 'wrong'], { env: {} });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('failed with 401');
    expect(result.stderr).toContain('--token');
  });

  it('needs a token for --server', async () => {
    const result = await runCliCapture(['cleanup', '--server', 'http://127.0.0.1:9'], { env: {} });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--token');
  });
});

describe('cleanup with a missing storage folder', () => {
  const missing = path.join(tmpdir(), 'fluvie-cleanup-missing-folder', 'renders');

  it('dry run warns and exits 0', async () => {
    const result = await runCliCapture(['cleanup', '--dry-run'], { env: { LOCAL_STORAGE_DIR: missing } });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`LOCAL_STORAGE_DIR=${missing} does not exist`);
  });

  it('real run exits 78', async () => {
    const result = await runCliCapture(['cleanup'], { env: { LOCAL_STORAGE_DIR: missing } });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain(`LOCAL_STORAGE_DIR=${missing} does not exist`);
  });
});

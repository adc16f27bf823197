/**
 * The download and readiness routes of the app with S3Storage behind them, against s3rver on
 * 127.0.0.1, and the start-up check of the S3 settings.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig, type S3Config } from '../../../src/config/server-config.js';
import { EXIT_CONFIG, ERROR_TABLE } from '../../../src/core/errors.js';
import { createApp } from '../../../src/server/app.js';
import type { JobRecord } from '../../../src/server/jobs/job-record.js';
import { MemoryJobStore } from '../../../src/server/jobs/memory-job-store.js';
import { createSilentLogger } from '../../../src/server/logger.js';
import { InProcessQueue } from '../../../src/server/queue/in-process-queue.js';
import { createS3Client } from '../../../src/server/storage/s3-client.js';
import { resolveS3Settings } from '../../../src/server/storage/s3-config.js';
import { openS3Storage } from '../../../src/server/storage/s3-startup.js';
import { S3Storage } from '../../../src/server/storage/s3-storage.js';
import { sampleJob } from '../../conformance/job-fixture.js';
import { minimalSpecTools } from '../support/spec-tools.js';
import { S3RVER_ACCESS_KEY, S3RVER_SECRET_KEY, startS3rver, type RunningS3rver } from '../../helpers/s3rver.js';

const API_TOKEN = 'api-token';
const BUCKET = 'renders';
const opened: S3Storage[] = [];

let s3: RunningS3rver;

beforeAll(async () => {
  s3 = await startS3rver({ buckets: [] });
  const admin = createS3Client(resolveS3Settings(s3Config()));
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  admin.destroy();
});

afterAll(async () => {
  for (const storage of opened) storage.close();
  await s3?.close();
});

function s3Config(overrides: Partial<S3Config> = {}): S3Config {
  return { endpoint: s3.endpoint, region: 'us-east-1', bucket: BUCKET, accessKey: S3RVER_ACCESS_KEY, secretKey: S3RVER_SECRET_KEY, useSsl: false, pathStyle: true, publicBase: null, ...overrides };
}

function appWith(storage: S3Storage, jobs = new MemoryJobStore(), now: () => number = () => Date.now()) {
  const config = loadServerConfig({ API_TOKEN, CLEANUP_TOKEN: 'cleanup-token', DOWNLOAD_URL_TTL: '10m' }, { cpuCount: 1 });
  return createApp({
    config,
    logger: createSilentLogger(),
    jobs,
    queue: new InProcessQueue({ processor: async () => undefined, concurrency: 1, timeoutMs: 1_000 }),
    storage,
    clock: { now },
    specTools: minimalSpecTools,
    checkFfmpeg: async () => undefined,
  });
}

function storageFor(overrides: Partial<S3Config> = {}): S3Storage {
  const storage = new S3Storage({ settings: resolveS3Settings(s3Config(overrides)), client: createS3Client(resolveS3Settings(s3Config(overrides)), { maxAttempts: 1 }) });
  opened.push(storage);
  return storage;
}

async function storedJob(storage: S3Storage, jobs: MemoryJobStore, visibility: JobRecord['visibility'], content: Buffer): Promise<JobRecord> {
  const job = sampleJob({ status: 'succeeded', visibility, expiresAtMs: Date.now() + 3_600_000 });
  const videoKey = `${job.id}/video.mp4`;
  const source = path.join(await mkdtemp(path.join(tmpdir(), 'fluvie-s3-routes-')), 'video.mp4');
  await writeFile(source, content);
  await storage.putFile(videoKey, source, { contentType: 'video/mp4', visibility, expiresAtMs: job.expiresAtMs });
  const withKey = { ...job, videoKey };
  await jobs.create(withKey);
  return withKey;
}

describe('file downloads from S3', () => {
  it('redirects private files to a presigned URL', async () => {
    const storage = storageFor();
    const jobs = new MemoryJobStore();
    const content = randomBytes(4096);
    const job = await storedJob(storage, jobs, 'private', content);

    const response = await appWith(storage, jobs).request(`/v1/files/${job.id}/video`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.host).toBe(s3.endpoint);
    expect(location.searchParams.get('X-Amz-Expires')).toBe('600');

    const download = await fetch(location);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
  });

  it('needs authorization before redirecting', async () => {
    const storage = storageFor();
    const jobs = new MemoryJobStore();
    const job = await storedJob(storage, jobs, 'private', randomBytes(16));
    const response = await appWith(storage, jobs).request(`/v1/files/${job.id}/video`);
    expect(response.status).toBe(401);
    expect(response.headers.get('location')).toBeNull();
  });

  it('redirects public files to S3_PUBLIC_BASE', async () => {
    const storage = storageFor({ publicBase: `http://${s3.endpoint}/${BUCKET}/` });
    const jobs = new MemoryJobStore();
    const job = await storedJob(storage, jobs, 'public', randomBytes(16));
    const response = await appWith(storage, jobs).request(`/v1/files/${job.id}/video`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`http://${s3.endpoint}/${BUCKET}/${job.id}/video.mp4`);
  });

  it('streams public files without S3_PUBLIC_BASE', async () => {
    const storage = storageFor();
    const jobs = new MemoryJobStore();
    const content = randomBytes(2048);
    const job = await storedJob(storage, jobs, 'public', content);
    const app = appWith(storage, jobs);

    const response = await app.request(`/v1/files/${job.id}/video`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('2048');
    expect(Buffer.from(await response.arrayBuffer()).equals(content)).toBe(true);

    const partial = await app.request(`/v1/files/${job.id}/video`, { headers: { range: 'bytes=100-199' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe('bytes 100-199/2048');
    expect(Buffer.from(await partial.arrayBuffer()).equals(content.subarray(100, 200))).toBe(true);
  });

  it('returns 410 for a deleted object', async () => {
    const storage = storageFor();
    const jobs = new MemoryJobStore();
    const job = await storedJob(storage, jobs, 'public', randomBytes(16));
    await storage.delete(job.videoKey!);
    const response = await appWith(storage, jobs).request(`/v1/files/${job.id}/video`);
    expect(response.status).toBe(410);
  });

  it('answers 410 after the cleanup sweep', async () => {
    const storage = storageFor();
    const jobs = new MemoryJobStore();
    const job = await storedJob(storage, jobs, 'private', randomBytes(64));
    let nowMs = Date.now();
    const app = appWith(storage, jobs, () => nowMs);
    const auth = { headers: { authorization: `Bearer ${API_TOKEN}` } };
    expect((await app.request(`/v1/renders/${job.id}`, auth)).status).toBe(200);

    nowMs += 2 * 3_600_000;
    const sweep = await app.request('/v1/maintenance/cleanup', { method: 'POST', headers: { authorization: 'Bearer cleanup-token', 'content-type': 'application/json' }, body: '{}' });
    expect(await sweep.json()).toMatchObject({ scanned: 1, deletedFiles: 1, deletedJobs: 1, freedBytes: 64 });

    const status = await app.request(`/v1/renders/${job.id}`, auth);
    expect(status.status).toBe(410);
    expect(await status.json()).toEqual({ error: { code: 'gone', message: 'The rendered files have expired' } });
    expect((await app.request(`/v1/files/${job.id}/video`, auth)).status).toBe(410);
    expect(await storage.stat(job.videoKey!)).toBeNull();
  });
});

describe('readiness with S3', () => {
  it('is ready with a reachable bucket', async () => {
    const response = await appWith(storageFor()).request('/v1/readyz');
    expect(response.status).toBe(200);
  });

  it('is degraded with an unknown access key', async () => {
    const response = await appWith(storageFor({ accessKey: 'WRONG-KEY' })).request('/v1/readyz');
    expect(response.status).toBe(503);
    const body = (await response.json()) as { failures: Record<string, string> };
    expect(body.failures['storage']).toMatch(/does not know the access key .*S3_ACCESS_KEY/);
  });

  it('is degraded with a missing bucket', async () => {
    const response = await appWith(storageFor({ bucket: 'missing-bucket' })).request('/v1/readyz');
    expect(response.status).toBe(503);
    const body = (await response.json()) as { failures: Record<string, string> };
    expect(body.failures['storage']).toMatch(/bucket "missing-bucket" does not exist/);
  });
});

describe('openS3Storage', () => {
  it('opens a reachable bucket', async () => {
    const storage = await openS3Storage(s3Config());
    opened.push(storage);
    expect(storage.backend).toBe('s3');
  });

  it('stops start-up for a missing bucket', async () => {
    const failure = openS3Storage(s3Config({ bucket: 'missing-bucket' }));
    await expect(failure).rejects.toMatchObject({ code: 'config_invalid' });
    await expect(failure).rejects.toThrow(/STORAGE_BACKEND=s3 cannot use its bucket: The bucket "missing-bucket" does not exist .*S3_BUCKET/);
    expect(ERROR_TABLE.config_invalid.exit).toBe(EXIT_CONFIG);
  });

  it('stops start-up for an unknown access key', async () => {
    await expect(openS3Storage(s3Config({ accessKey: 'WRONG-KEY' }))).rejects.toThrow(/S3_ACCESS_KEY/);
  });

  it('names every invalid setting', async () => {
    const failure = openS3Storage(s3Config({ endpoint: 'http://minio:9000', bucket: 'Bad_Bucket', secretKey: '' }));
    await expect(failure).rejects.toMatchObject({ code: 'config_invalid', details: [{ variable: 'S3_ENDPOINT' }, { variable: 'S3_BUCKET' }, { variable: 'S3_SECRET_KEY' }] });
  });
});

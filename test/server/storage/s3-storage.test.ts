/**
 * S3Storage against s3rver, a real S3-compatible HTTP server on 127.0.0.1 (see test/helpers/s3rver.ts
 * for what s3rver does not check). Each storage gets a fresh bucket.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { CreateBucketCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3Config } from '../../../src/config/server-config.js';
import { MemoryJobStore } from '../../../src/server/jobs/memory-job-store.js';
import { runRetentionSweep } from '../../../src/server/retention/retention-sweep.js';
import { createS3Client } from '../../../src/server/storage/s3-client.js';
import { MIB, resolveS3Settings, type S3StorageSettings, type S3UploadTuning } from '../../../src/server/storage/s3-config.js';
import { S3Storage } from '../../../src/server/storage/s3-storage.js';
import type { ObjectMetadata } from '../../../src/server/storage/storage.js';
import { sampleJob } from '../../conformance/job-fixture.js';
import { describeStorageConformance } from '../../conformance/storage.js';
import { verifyPresignedUrl } from '../../helpers/s3-sigv4.js';
import { S3RVER_ACCESS_KEY, S3RVER_SECRET_KEY, startS3rver, type RunningS3rver } from '../../helpers/s3rver.js';

const PRIVATE_MP4: ObjectMetadata = { contentType: 'video/mp4', visibility: 'private', expiresAtMs: 1_900_000_000_000 };

let s3: RunningS3rver;
let admin: S3Client;
let bucketCount = 0;
const created: S3Storage[] = [];

beforeAll(async () => {
  s3 = await startS3rver({ buckets: [] });
  admin = createS3Client(settingsFor('admin'));
});

afterAll(async () => {
  for (const storage of created) storage.close();
  admin?.destroy();
  await s3?.close();
});

function settingsFor(bucket: string, overrides: Partial<S3Config> = {}, tuning: S3UploadTuning = {}): S3StorageSettings {
  const config: S3Config = {
    endpoint: s3.endpoint,
    region: 'us-east-1',
    bucket,
    accessKey: S3RVER_ACCESS_KEY,
    secretKey: S3RVER_SECRET_KEY,
    useSsl: false,
    pathStyle: true,
    publicBase: null,
    ...overrides,
  };
  return resolveS3Settings(config, tuning);
}

async function freshBucket(): Promise<string> {
  bucketCount += 1;
  const bucket = `renders-${bucketCount}`;
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

async function storageIn(bucket: string, overrides: Partial<S3Config> = {}, tuning: S3UploadTuning = {}, maxAttempts?: number): Promise<S3Storage> {
  const settings = settingsFor(bucket, overrides, tuning);
  const storage = maxAttempts === undefined ? new S3Storage({ settings }) : new S3Storage({ settings, client: createS3Client(settings, { maxAttempts }) });
  created.push(storage);
  return storage;
}

async function sourceFile(content: Buffer | string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'fluvie-s3-src-')), 'source.bin');
  await writeFile(file, content);
  return file;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

describeStorageConformance('S3Storage', async () => {
  const storage = await storageIn(await freshBucket());
  return { storage };
});

describe('S3Storage uploads', () => {
  it('stores metadata under the contract names', async () => {
    const bucket = await freshBucket();
    const storage = await storageIn(bucket);
    await storage.putFile('rnd_a/video.mp4', await sourceFile('video'), PRIVATE_MP4);

    const head = await admin.send(new HeadObjectCommand({ Bucket: bucket, Key: 'rnd_a/video.mp4' }));
    expect(head.ContentType).toBe('video/mp4');
    expect(head.Metadata).toEqual({ contenttype: 'video/mp4', visibility: 'private', expiresatms: '1900000000000' });
  });

  it('uses one PUT below the threshold', async () => {
    const bucket = await freshBucket();
    const storage = await storageIn(bucket);
    const before = s3.requests.length;
    await storage.putFile('rnd_a/poster.png', await sourceFile(randomBytes(64 * 1024)), { ...PRIVATE_MP4, contentType: 'image/png' });

    const writes = s3.requests.slice(before).filter((request) => request.method !== 'HEAD');
    expect(writes.map((request) => `${request.method} ${request.path}`)).toEqual([`PUT /${bucket}/rnd_a/poster.png`]);
    expect(writes[0]?.query).not.toHaveProperty('uploadId');
  });

  it('uploads in parts above a lowered threshold', async () => {
    const bucket = await freshBucket();
    const storage = await storageIn(bucket, {}, { multipartThresholdBytes: 5 * MIB, partSizeBytes: 5 * MIB });
    const content = randomBytes(11 * MIB);
    const before = s3.requests.length;
    const stored = await storage.putFile('rnd_big/video.mp4', await sourceFile(content), { ...PRIVATE_MP4, visibility: 'public' });

    const requests = s3.requests.slice(before);
    expect(requests.filter((request) => request.method === 'POST' && 'uploads' in request.query)).toHaveLength(1);
    expect(requests.filter((request) => request.method === 'PUT').map((request) => request.query['partNumber']).sort()).toEqual(['1', '2', '3']);
    expect(requests.filter((request) => request.method === 'POST' && 'uploadId' in request.query)).toHaveLength(1);
    expect(stored).toMatchObject({ bytes: content.length, visibility: 'public', contentType: 'video/mp4', expiresAtMs: PRIVATE_MP4.expiresAtMs });

    const body = await storage.openRead('rnd_big/video.mp4', null);
    expect(sha256(await buffer(body!.stream))).toBe(sha256(content));
    expect(await s3.pendingUploads(bucket)).toEqual([]);
  });

  it('aborts a failed multipart upload', async () => {
    const bucket = await freshBucket();
    const storage = await storageIn(bucket, {}, { multipartThresholdBytes: 5 * MIB, partSizeBytes: 5 * MIB });
    const before = s3.requests.length;
    s3.fault = (request) => request.method === 'PUT' && request.query['partNumber'] === '2';
    try {
      await expect(storage.putFile('rnd_fail/video.mp4', await sourceFile(randomBytes(11 * MIB)), PRIVATE_MP4)).rejects.toMatchObject({
        code: 'output_failed',
        message: expect.stringContaining('upload of rnd_fail/video.mp4'),
      });
    } finally {
      s3.fault = null;
    }

    const requests = s3.requests.slice(before);
    const aborts = requests.filter((request) => request.method === 'DELETE' && typeof request.query['uploadId'] === 'string');
    expect(aborts).toHaveLength(1);
    expect(await s3.pendingUploads(bucket)).toEqual([]);
    expect(await storage.stat('rnd_fail/video.mp4')).toBeNull();
  });

  it('reports a missing source file', async () => {
    const storage = await storageIn(await freshBucket());
    await expect(storage.putFile('rnd_a/video.mp4', path.join(tmpdir(), 'fluvie-no-such-file.mp4'), PRIVATE_MP4)).rejects.toMatchObject({ code: 'output_failed' });
  });
});

describe('S3Storage downloads', () => {
  it('presigns a private object for a byte-exact download', async () => {
    const bucket = await freshBucket();
    const storage = await storageIn(bucket);
    const content = randomBytes(300 * 1024);
    const source = await sourceFile(content);
    const object = await storage.putFile('rnd_a/video.mp4', source, PRIVATE_MP4);

    const url = await storage.downloadRedirect(object, 15 * 60_000);
    expect(url).not.toBeNull();
    const parsed = new URL(url!);
    expect(`${parsed.host}${parsed.pathname}`).toBe(`${s3.endpoint}/${bucket}/rnd_a/video.mp4`);
    expect(parsed.searchParams.get('X-Amz-Expires')).toBe('900');

    const response = await fetch(url!);
    expect(response.status).toBe(200);
    const downloaded = Buffer.from(await response.arrayBuffer());
    expect(downloaded.equals(await readFile(source))).toBe(true);
  });

  it('signs presigned URLs with the secret key', async () => {
    const storage = await storageIn(await freshBucket());
    const object = await storage.putFile('rnd_a/video.mp4', await sourceFile('x'), PRIVATE_MP4);
    const url = (await storage.downloadRedirect(object, 60_000))!;
    const now = Date.now();

    expect(verifyPresignedUrl(url, S3RVER_SECRET_KEY, now)).toMatchObject({ valid: true, parts: { accessKeyId: S3RVER_ACCESS_KEY, region: 'us-east-1', service: 's3', expiresInSeconds: 60 } });
    expect(verifyPresignedUrl(url, 'another-secret', now)).toEqual({ valid: false, reason: 'signature mismatch' });

    const tamperedSignature = new URL(url);
    const signature = tamperedSignature.searchParams.get('X-Amz-Signature')!;
    tamperedSignature.searchParams.set('X-Amz-Signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    expect(verifyPresignedUrl(tamperedSignature.href, S3RVER_SECRET_KEY, now)).toEqual({ valid: false, reason: 'signature mismatch' });

    const otherKey = new URL(url);
    otherKey.pathname = otherKey.pathname.replace('video.mp4', 'poster.png');
    expect(verifyPresignedUrl(otherKey.href, S3RVER_SECRET_KEY, now)).toEqual({ valid: false, reason: 'signature mismatch' });

    const longerLife = new URL(url);
    longerLife.searchParams.set('X-Amz-Expires', '604800');
    expect(verifyPresignedUrl(longerLife.href, S3RVER_SECRET_KEY, now)).toEqual({ valid: false, reason: 'signature mismatch' });
  });

  it('rejects an expired presigned URL', async () => {
    const bucket = await freshBucket();
    const settings = settingsFor(bucket);
    const signedAt = Date.now() - 10 * 60_000;
    const storage = new S3Storage({ settings, clock: { now: () => signedAt } });
    created.push(storage);
    const object = await storage.putFile('rnd_a/video.mp4', await sourceFile('x'), PRIVATE_MP4);

    const url = (await storage.downloadRedirect(object, 60_000))!;
    expect(verifyPresignedUrl(url, S3RVER_SECRET_KEY, Date.now())).toEqual({ valid: false, reason: 'expired' });
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Request has expired');
  });

  it('clamps the presign TTL to 1 second through 7 days', async () => {
    const storage = await storageIn(await freshBucket());
    const object = await storage.putFile('rnd_a/video.mp4', await sourceFile('x'), PRIVATE_MP4);

    const short = new URL((await storage.downloadRedirect(object, 200))!);
    expect(short.searchParams.get('X-Amz-Expires')).toBe('1');
    const long = new URL((await storage.downloadRedirect(object, 30 * 24 * 3_600_000))!);
    expect(long.searchParams.get('X-Amz-Expires')).toBe('604800');
    expect((await fetch(long)).status).toBe(200);
  });

  it('redirects public objects to S3_PUBLIC_BASE', async () => {
    const bucket = await freshBucket();
    // s3rver serves objects without authentication, like a public bucket behind a CDN.
    const storage = await storageIn(bucket, { publicBase: `http://${s3.endpoint}/${bucket}` });
    const object = await storage.putFile('rnd_a/poster.png', await sourceFile('poster'), { ...PRIVATE_MP4, contentType: 'image/png', visibility: 'public' });

    const url = await storage.downloadRedirect(object, 60_000);
    expect(url).toBe(`http://${s3.endpoint}/${bucket}/rnd_a/poster.png`);
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('poster');
  });

  it('streams public objects without S3_PUBLIC_BASE', async () => {
    const storage = await storageIn(await freshBucket());
    const object = await storage.putFile('rnd_a/poster.png', await sourceFile('poster'), { ...PRIVATE_MP4, visibility: 'public' });
    expect(await storage.downloadRedirect(object, 60_000)).toBeNull();
  });

  it('reports the object size on range reads', async () => {
    const storage = await storageIn(await freshBucket());
    await storage.putFile('rnd_a/video.mp4', await sourceFile('0123456789'), PRIVATE_MP4);
    const body = await storage.openRead('rnd_a/video.mp4', { start: 8, end: 20 });
    expect(body!.object.bytes).toBe(10);
    expect(body!.range).toEqual({ start: 8, end: 9 });
    expect((await buffer(body!.stream)).toString()).toBe('89');
  });
});

describe('S3Storage cleanup', () => {
  it('deletes expired renders and counts freed bytes', async () => {
    const bucket = await freshBucket();
    const storage = await storageIn(bucket);
    const nowMs = 1_800_000_000_000;
    const expired = { ...PRIVATE_MP4, expiresAtMs: nowMs - 1 };
    const live = { ...PRIVATE_MP4, expiresAtMs: nowMs + 3_600_000 };
    const jobs = new MemoryJobStore();
    const oldJob = sampleJob({ status: 'succeeded', expiresAtMs: nowMs - 1, videoKey: 'rnd_old/video.mp4', posterKey: 'rnd_old/poster.png' });
    await jobs.create(oldJob);
    await storage.putFile('rnd_old/video.mp4', await sourceFile(randomBytes(1000)), expired);
    await storage.putFile('rnd_old/poster.png', await sourceFile(randomBytes(200)), expired);
    await storage.putFile('rnd_orphan/video.mp4', await sourceFile(randomBytes(30)), expired);
    await storage.putFile('rnd_new/video.mp4', await sourceFile(randomBytes(5)), live);

    const dryRun = await runRetentionSweep({ jobs, storage, nowMs, dryRun: true, tombstoneTtlMs: 0 });
    expect(dryRun).toMatchObject({ deletedFiles: 3, freedBytes: 1230, deletedJobs: 1 });
    const report = await runRetentionSweep({ jobs, storage, nowMs, dryRun: false, tombstoneTtlMs: 0 });
    expect(report).toMatchObject({ scanned: 2, deletedFiles: 3, deletedJobs: 1, freedBytes: 1230, dryRun: false });

    const remaining: string[] = [];
    for await (const object of storage.list()) remaining.push(object.key);
    expect(remaining).toEqual(['rnd_new/video.mp4']);
    expect(await jobs.get(oldJob.id)).toMatchObject({ status: 'succeeded', sweptAtMs: nowMs });

    const tombstoneSweep = await runRetentionSweep({ jobs, storage, nowMs, dryRun: false, tombstoneTtlMs: 0 });
    expect(tombstoneSweep).toMatchObject({ scanned: 0, deletedFiles: 0, deletedJobs: 0 });
    expect(await jobs.get(oldJob.id)).toBeNull();
  });

  it('lists past one page of results', async () => {
    const bucket = await freshBucket();
    const storage = new S3Storage({ settings: settingsFor(bucket), listPageSize: 2 });
    created.push(storage);
    const source = await sourceFile('x');
    const keys = ['rnd_a/poster.png', 'rnd_a/video.mp4', 'rnd_b/video.gif', 'rnd_c/video.webm', 'rnd_d/poster.png'];
    for (const key of keys) await storage.putFile(key, source, PRIVATE_MP4);
    await storage.putFile('other/video.mp4', source, PRIVATE_MP4);
    const before = s3.requests.length;

    const listed: string[] = [];
    for await (const object of storage.list('rnd_')) listed.push(object.key);
    expect(listed).toEqual(keys);
    const listCalls = s3.requests.slice(before).filter((request) => request.method === 'GET' && request.query['list-type'] === '2');
    expect(listCalls.map((request) => request.query['max-keys'])).toEqual(['2', '2', '2']);
  });
});

describe('S3Storage readiness', () => {
  it('is ready when the bucket exists', async () => {
    const storage = await storageIn(await freshBucket());
    await expect(storage.checkReady()).resolves.toBeUndefined();
  });

  it('names a missing bucket', async () => {
    const storage = await storageIn('no-such-bucket');
    const failure = storage.checkReady();
    await expect(failure).rejects.toMatchObject({ code: 'unavailable' });
    await expect(failure).rejects.toThrow(/bucket "no-such-bucket" does not exist on S3 at http:\/\/127\.0\.0\.1:\d+ .*S3_BUCKET/);
  });

  it('names an unknown access key', async () => {
    const storage = await storageIn(await freshBucket(), { accessKey: 'WRONG-KEY' });
    const failure = storage.checkReady();
    await expect(failure).rejects.toMatchObject({ code: 'unavailable', details: { kind: 'invalid_access_key', code: 'InvalidAccessKeyId', httpStatus: 403 } });
    await expect(failure).rejects.toThrow(/does not know the access key .*Check S3_ACCESS_KEY/);
  });

  it('names an unreachable endpoint', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const storage = await storageIn('renders', { endpoint: `127.0.0.1:${closedPort}` }, {}, 1);
    const failure = storage.checkReady();
    await expect(failure).rejects.toMatchObject({ code: 'unavailable', details: { kind: 'unreachable', code: 'ECONNREFUSED' } });
    await expect(failure).rejects.toThrow(/Cannot reach S3 at http:\/\/127\.0\.0\.1:\d+ .*S3_ENDPOINT/);
  });

  it('fails uploads to a missing bucket clearly', async () => {
    const storage = await storageIn('no-such-bucket');
    await expect(storage.putFile('rnd_a/video.mp4', await sourceFile('x'), PRIVATE_MP4)).rejects.toThrow(/bucket "no-such-bucket" does not exist/);
  });
});

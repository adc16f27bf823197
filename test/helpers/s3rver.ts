/**
 * Starts s3rver, an S3-compatible server written in Node, on 127.0.0.1 with a free port and a fresh
 * folder, for tests of the S3 storage. Start-up failures throw, so tests fail and never skip.
 *
 * What s3rver 3.7.1 checks, and what it does not:
 * - It accepts only the access key `S3RVER` (InvalidAccessKeyId otherwise), but it does not verify
 *   SigV4 signatures, so a wrong secret key or a tampered presigned URL is accepted.
 * - It rejects presigned URLs past `X-Amz-Date` + `X-Amz-Expires` (AccessDenied, "Request has expired").
 * - It does not implement AbortMultipartUpload or ListMultipartUploads. This helper handles the abort
 *   itself by deleting s3rver's folder of the pending upload, and {@link RunningS3rver.pendingUploads}
 *   reads that folder, so tests can check that no incomplete parts remain.
 * - It encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17 and later) no
 *   longer provides, so every truncated V2 listing fails with HTTP 500. This helper serves V2 listings
 *   through s3rver's V1 listing (marker-based) and uses the base64url of the last key as the token.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** The only key pair s3rver accepts. */
export const S3RVER_ACCESS_KEY = 'S3RVER';
export const S3RVER_SECRET_KEY = 'S3RVER';

export interface S3rverRequest {
  method: string;
  /** Path, such as `/renders/rnd_a/video.mp4`. */
  path: string;
  query: Readonly<Record<string, string | string[] | undefined>>;
}

/** Decides whether a request fails with an injected 400 error instead of reaching s3rver. */
export type S3rverFault = (request: S3rverRequest) => boolean;

export interface RunningS3rver {
  /** `127.0.0.1:<port>`, the form of `S3_ENDPOINT`. */
  endpoint: string;
  port: number;
  directory: string;
  /** Every request s3rver received, in order. */
  requests: S3rverRequest[];
  /** Set to inject failures; null handles every request normally. */
  fault: S3rverFault | null;
  /** Ids of multipart uploads that were started and neither completed nor aborted. */
  pendingUploads(bucket: string): Promise<string[]>;
  close(): Promise<void>;
}

export interface StartS3rverOptions {
  /** Buckets created before the server starts. */
  buckets: readonly string[];
}

/** Minimal shape of the Koa context s3rver passes to middleware. */
interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  status: number;
  body: unknown;
  type: string;
}
type KoaMiddleware = (context: KoaContext, next: () => Promise<void>) => Promise<void>;

export async function startS3rver(options: StartS3rverOptions): Promise<RunningS3rver> {
  const directory = await mkdtemp(path.join(tmpdir(), 'fluvie-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    // Bucket names in the Host header would be read as virtual-hosted requests; tests use path style.
    vhostBuckets: false,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  });
  const uploadsDir = (bucket: string): string => path.join(directory, bucket, '._S3rver_uploads');

  const running: RunningS3rver = {
    endpoint: '',
    port: 0,
    directory,
    requests: [],
    fault: null,
    async pendingUploads(bucket) {
      return (await readdir(uploadsDir(bucket)).catch(() => [])).sort();
    },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };

  const recordAndEmulate: KoaMiddleware = async (context, next) => {
    const request = { method: context.method, path: context.path, query: { ...context.query } };
    running.requests.push(request);
    if (running.fault?.(request) === true) {
      context.status = 400;
      context.type = 'application/xml';
      context.body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidRequest</Code><Message>Failure injected by the test</Message></Error>';
      return;
    }
    const uploadId = context.query['uploadId'];
    const bucket = context.path.split('/')[1];
    if (context.method === 'DELETE' && typeof uploadId === 'string' && /^[0-9a-f]+$/.test(uploadId) && bucket !== undefined) {
      await rm(path.join(uploadsDir(bucket), uploadId), { recursive: true, force: true });
      context.status = 204;
      return;
    }
    if (context.method === 'GET' && context.query['list-type'] === '2' && bucket !== undefined && (context.path === `/${bucket}` || context.path === `/${bucket}/`)) {
      await listObjectsV2ThroughV1(context, next);
      return;
    }
    await next();
  };
  // s3rver is a Koa application, so a middleware placed first receives every request before its router.
  (server as unknown as { middleware: KoaMiddleware[] }).middleware.unshift(recordAndEmulate);

  const address = await server.run();
  running.port = address.port;
  running.endpoint = `127.0.0.1:${address.port}`;
  return running;
}

async function listObjectsV2ThroughV1(context: KoaContext, next: () => Promise<void>): Promise<void> {
  const { 'list-type': _listType, 'continuation-token': token, 'start-after': startAfter, ...rest } = context.query;
  const marker = typeof token === 'string' ? Buffer.from(token, 'base64url').toString('utf8') : startAfter;
  context.query = typeof marker === 'string' ? { ...rest, marker } : rest;
  await next();
  if (context.status !== 200 || typeof context.body !== 'string') return;

  const keys = [...context.body.matchAll(/<Key>([^<]*)<\/Key>/g)].map((match) => match[1] ?? '');
  const truncated = context.body.includes('<IsTruncated>true</IsTruncated>');
  const lastKey = keys.at(-1);
  const nextToken = truncated && lastKey !== undefined ? `<NextContinuationToken>${Buffer.from(decodeXml(lastKey)).toString('base64url')}</NextContinuationToken>` : '';
  context.body = context.body.replace('</ListBucketResult>', `<KeyCount>${keys.length}</KeyCount>${nextToken}</ListBucketResult>`);
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|#39|amp);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", amp: '&' })[entity] ?? '');
}

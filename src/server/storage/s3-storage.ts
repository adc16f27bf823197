/**
 * {@link Storage} in an S3-compatible bucket (AWS S3, MinIO, DigitalOcean Spaces, Backblaze B2,
 * Cloudflare R2). Object keys are the storage keys, and each object's metadata carries its content
 * type, visibility and expiry (see s3-metadata.ts). Job records never go here; they stay in the job
 * store. Uploads stream from the file, as a multipart upload from the configured threshold on.
 */
import { createReadStream } from 'node:fs';
import { stat as statFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  paginateListObjectsV2,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { FluvieError, type ErrorCode } from '../../core/errors.js';
import { systemClock, type Clock } from '../clock.js';
import { createS3Client } from './s3-client.js';
import type { S3StorageSettings } from './s3-config.js';
import { presignExpiresInSeconds, publicObjectUrl } from './s3-download-url.js';
import { classifyS3Error, isS3NotFound, toS3StorageError } from './s3-errors.js';
import { fromS3Metadata, parseContentRange, toS3Metadata } from './s3-metadata.js';
import { planUpload } from './s3-upload-plan.js';
import type { ByteRange, ObjectBody, ObjectMetadata, Storage, StoredObject } from './storage.js';
import { assertStorageKey, storageKeyProblem } from './storage-key.js';

/** Maximum number of keys in one DeleteObjects request. */
const DELETE_BATCH = 1000;

export interface S3StorageOptions {
  settings: S3StorageSettings;
  /** Client to use; default {@link createS3Client} for `settings`. The storage does not own a client passed in. */
  client?: S3Client;
  /** Time source of presigned URLs' signing date; default the system clock. */
  clock?: Clock;
  /** Parts uploaded in parallel per multipart upload (default 4). Memory use is about this times the part size. */
  uploadQueueSize?: number;
  /** Keys per ListObjectsV2 page (default 1000, the S3 maximum). */
  listPageSize?: number;
}

export class S3Storage implements Storage {
  readonly backend = 's3';
  readonly #settings: S3StorageSettings;
  readonly #client: S3Client;
  readonly #ownsClient: boolean;
  readonly #clock: Clock;
  readonly #uploadQueueSize: number;
  readonly #listPageSize: number;

  constructor(options: S3StorageOptions) {
    this.#settings = options.settings;
    this.#client = options.client ?? createS3Client(options.settings);
    this.#ownsClient = options.client === undefined;
    this.#clock = options.clock ?? systemClock;
    this.#uploadQueueSize = options.uploadQueueSize ?? 4;
    this.#listPageSize = options.listPageSize ?? 1000;
  }

  async putFile(key: string, sourcePath: string, metadata: ObjectMetadata): Promise<StoredObject> {
    assertStorageKey(key);
    const source = await statFile(sourcePath).catch((error: unknown) => {
      throw new FluvieError('output_failed', `Cannot upload ${sourcePath} as ${key}: the file cannot be read (${String(error)}).`, { cause: error });
    });
    if (!source.isFile()) throw new FluvieError('output_failed', `Cannot upload ${sourcePath} as ${key}: it is not a regular file.`);

    const plan = planUpload(source.size, this.#settings);
    const body = createReadStream(sourcePath);
    const params = {
      Bucket: this.#settings.bucket,
      Key: key,
      Body: body,
      // A known length lets the single PUT stream and the multipart upload count its parts.
      ContentLength: source.size,
      ContentType: metadata.contentType,
      Metadata: toS3Metadata(metadata),
    };
    try {
      if (plan.kind === 'single') {
        await this.#client.send(new PutObjectCommand(params));
      } else {
        // leavePartsOnError=false makes lib-storage send AbortMultipartUpload when a part or the
        // completion fails, so the bucket keeps no incomplete parts (which S3 bills for).
        const upload = new Upload({ client: this.#client, params, partSize: plan.partSizeBytes, queueSize: this.#uploadQueueSize, leavePartsOnError: false });
        await upload.done();
      }
    } catch (error: unknown) {
      throw this.#error(error, `upload of ${key} (${source.size} bytes, ${plan.kind === 'single' ? 'single PUT' : `${plan.partCount} parts`})`, 'output_failed');
    } finally {
      body.destroy();
    }

    const stored = await this.stat(key);
    if (stored === null) throw new FluvieError('output_failed', `Uploaded ${key} to the bucket "${this.#settings.bucket}", but it is missing right after the upload.`);
    return stored;
  }

  async stat(key: string): Promise<StoredObject | null> {
    assertStorageKey(key);
    try {
      const head = await this.#client.send(new HeadObjectCommand({ Bucket: this.#settings.bucket, Key: key }));
      return {
        key,
        bytes: head.ContentLength ?? 0,
        createdAtMs: head.LastModified?.getTime() ?? 0,
        ...fromS3Metadata(head.ContentType, head.Metadata),
      };
    } catch (error: unknown) {
      if (isS3NotFound(error)) return null;
      throw this.#error(error, `HeadObject of ${key}`, 'internal');
    }
  }

  async openRead(key: string, range: ByteRange | null): Promise<ObjectBody | null> {
    assertStorageKey(key);
    const request = { Bucket: this.#settings.bucket, Key: key, ...(range === null ? {} : { Range: `bytes=${range.start}-${range.end}` }) };
    const response = await this.#client.send(new GetObjectCommand(request)).catch((error: unknown) => {
      if (isS3NotFound(error)) return null;
      throw this.#error(error, `GetObject of ${key}`, 'internal');
    });
    if (response === null) return null;
    if (!(response.Body instanceof Readable)) {
      throw new FluvieError('internal', `GetObject of ${key} returned a body that is not a Node.js stream; the S3 client must use its Node.js HTTP handler.`);
    }

    const served = parseContentRange(response.ContentRange);
    const object: StoredObject = {
      key,
      bytes: served?.size ?? response.ContentLength ?? 0,
      createdAtMs: response.LastModified?.getTime() ?? 0,
      ...fromS3Metadata(response.ContentType, response.Metadata),
    };
    const servedRange = range === null || served === null ? range : { start: served.start, end: served.end };
    return { object, stream: response.Body, range: servedRange };
  }

  async delete(key: string): Promise<boolean> {
    // S3 returns 204 for DeleteObject whether or not the key existed, so a HEAD comes first.
    const existing = await this.stat(key);
    if (existing === null) return false;
    try {
      await this.#client.send(new DeleteObjectCommand({ Bucket: this.#settings.bucket, Key: key }));
    } catch (error: unknown) {
      throw this.#error(error, `DeleteObject of ${key}`, 'internal');
    }
    return true;
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    for (const key of keys) assertStorageKey(key);
    // DeleteObjects takes at most 1,000 keys a request; missing keys count as deleted.
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH);
      let output;
      try {
        output = await this.#client.send(
          new DeleteObjectsCommand({ Bucket: this.#settings.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
        );
      } catch (error: unknown) {
        throw this.#error(error, `DeleteObjects of ${batch.length} object(s)`, 'internal');
      }
      const failed = output.Errors ?? [];
      if (failed.length > 0) {
        const first = failed[0];
        throw new FluvieError('internal', `S3 could not delete ${failed.length} object(s), for example ${first?.Key ?? '?'}: ${first?.Message ?? first?.Code ?? 'no reason given'}.`);
      }
    }
  }

  async *list(prefix = ''): AsyncIterable<StoredObject> {
    const pages = paginateListObjectsV2({ client: this.#client, pageSize: this.#listPageSize }, { Bucket: this.#settings.bucket, ...(prefix === '' ? {} : { Prefix: prefix }) });
    try {
      for await (const page of pages) {
        for (const entry of page.Contents ?? []) {
          // Objects written by other tools may have keys this storage cannot address; skip them.
          if (entry.Key === undefined || storageKeyProblem(entry.Key) !== null) continue;
          // Listings carry no user metadata, and the retention sweep needs each object's expiry.
          const object = await this.stat(entry.Key);
          if (object !== null) yield object;
        }
      }
    } catch (error: unknown) {
      if (error instanceof FluvieError) throw error;
      throw this.#error(error, `ListObjectsV2 of the prefix "${prefix}"`, 'internal');
    }
  }

  async downloadRedirect(object: StoredObject, ttlMs: number): Promise<string | null> {
    if (object.visibility === 'public') {
      return this.#settings.publicBase === null ? null : publicObjectUrl(this.#settings.publicBase, object.key);
    }
    const command = new GetObjectCommand({ Bucket: this.#settings.bucket, Key: object.key });
    return getSignedUrl(this.#client, command, { expiresIn: presignExpiresInSeconds(ttlMs), signingDate: new Date(this.#clock.now()) });
  }

  async checkReady(): Promise<void> {
    const bucket = this.#settings.bucket;
    try {
      await this.#client.send(new HeadBucketCommand({ Bucket: bucket }));
    } catch (error: unknown) {
      throw this.#error(await this.#explainHeadBucketFailure(error), 'HeadBucket', 'unavailable', true);
    }
  }

  /** Releases the sockets of a client this storage created. */
  close(): void {
    if (this.#ownsClient) this.#client.destroy();
  }

  /**
   * A HeadBucket response has no body, so a 403 does not say whether the key or the signature is
   * wrong. A one-key listing returns the S3 error code; its error replaces the HeadBucket one.
   */
  async #explainHeadBucketFailure(error: unknown): Promise<unknown> {
    const failure = classifyS3Error(error);
    if (failure.kind !== 'access_denied' || failure.code !== null) return error;
    try {
      await this.#client.send(new ListObjectsV2Command({ Bucket: this.#settings.bucket, MaxKeys: 1 }));
      return error;
    } catch (listError: unknown) {
      return classifyS3Error(listError).code === null ? error : listError;
    }
  }

  #error(error: unknown, action: string, fallbackCode: ErrorCode, notFoundIsBucket = false): FluvieError {
    return toS3StorageError(error, { action, bucket: this.#settings.bucket, endpointUrl: this.#settings.endpointUrl, fallbackCode, notFoundIsBucket });
  }
}

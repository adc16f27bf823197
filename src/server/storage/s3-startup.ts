/**
 * Opens the S3 storage at server or `cleanup` start-up. It validates the `S3_*` settings, builds the
 * storage and checks the bucket once. A wrong setting then stops the process with exit code 78 and a
 * message naming the variable, instead of failing the first render.
 */
import type { S3Config } from '../../config/server-config.js';
import { FluvieError } from '../../core/errors.js';
import type { Clock } from '../clock.js';
import { resolveS3Settings, type S3UploadTuning } from './s3-config.js';
import { S3Storage } from './s3-storage.js';

export interface OpenS3StorageOptions {
  clock?: Clock;
  tuning?: S3UploadTuning;
}

/**
 * Builds the S3 storage for `config` and checks that its bucket can be used.
 * @throws FluvieError `config_invalid` when a setting is invalid or the bucket cannot be used.
 */
export async function openS3Storage(config: S3Config, options: OpenS3StorageOptions = {}): Promise<S3Storage> {
  const settings = resolveS3Settings(config, options.tuning);
  const storage = new S3Storage({ settings, ...(options.clock === undefined ? {} : { clock: options.clock }) });

  try {
    await storage.checkReady();
  } catch (error: unknown) {
    storage.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new FluvieError('config_invalid', `STORAGE_BACKEND=s3 cannot use its bucket: ${reason}`, { cause: error, details: error instanceof FluvieError ? error.details : undefined });
  }
  return storage;
}

/**
 * Choice between a single PutObject and a multipart upload for a file of known size, within the S3
 * limits: a single PUT carries at most 5 GiB, a multipart upload has at most 10,000 parts of at least
 * 5 MiB each (the last part may be smaller), and an object is at most 5 TiB.
 */
import { FluvieError } from '../../core/errors.js';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

export const MIN_PART_SIZE_BYTES = 5 * MIB;
export const MAX_PARTS = 10_000;
export const MAX_SINGLE_PUT_BYTES = 5 * GIB;
export const MAX_OBJECT_BYTES = 5 * 1024 * GIB;

export type UploadPlan =
  | { kind: 'single' }
  | { kind: 'multipart'; partSizeBytes: number; partCount: number };

export interface UploadPlanOptions {
  /** Files of this many bytes or more use multipart; capped at the 5 GiB single-PUT limit. */
  multipartThresholdBytes: number;
  /** Preferred part size in bytes. */
  partSizeBytes: number;
}

/**
 * Plans the upload of a file of `sizeBytes` bytes.
 * @throws FluvieError `output_failed` when the file is larger than the 5 TiB S3 object limit.
 */
export function planUpload(sizeBytes: number, options: UploadPlanOptions): UploadPlan {
  if (sizeBytes > MAX_OBJECT_BYTES) {
    throw new FluvieError('output_failed', `The file has ${sizeBytes} bytes, more than the S3 object limit of ${MAX_OBJECT_BYTES} bytes (5 TiB).`);
  }
  const threshold = Math.min(Math.max(1, options.multipartThresholdBytes), MAX_SINGLE_PUT_BYTES);
  if (sizeBytes < threshold) return { kind: 'single' };

  const partSizeBytes = Math.max(MIN_PART_SIZE_BYTES, options.partSizeBytes, Math.ceil(sizeBytes / MAX_PARTS));
  return { kind: 'multipart', partSizeBytes, partCount: Math.max(1, Math.ceil(sizeBytes / partSizeBytes)) };
}

/**
 * Builds the AWS SDK S3 client for {@link S3StorageSettings}.
 */
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { S3StorageSettings } from './s3-config.js';

export interface S3ClientOptions {
  /** Attempts per request, retries included (SDK default 3). */
  maxAttempts?: number;
  /** Milliseconds to wait for a TCP connection (default 5000). */
  connectionTimeoutMs?: number;
}

/** Returns the S3 client configuration; a pure function so tests can check it without a client. */
export function buildS3ClientConfig(settings: S3StorageSettings, options: S3ClientOptions = {}): S3ClientConfig {
  return {
    endpoint: settings.endpointUrl,
    region: settings.region,
    forcePathStyle: settings.pathStyle,
    // Without static keys the SDK's default chain applies: AWS_ACCESS_KEY_ID and
    // AWS_SECRET_ACCESS_KEY, AWS_PROFILE and the shared files, web identity, container and instance roles.
    ...(settings.credentials === null ? {} : { credentials: settings.credentials }),
    // By default the client sends every upload as an aws-chunked body with a trailing CRC32 checksum
    // and validates response checksums. S3-compatible servers without those newest checksum headers
    // mis-handle that: s3rver 3.7.1 stores the chunk framing as the object's bytes. So checksums are
    // used only where an operation requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: { connectionTimeout: options.connectionTimeoutMs ?? 5_000 },
  };
}

export function createS3Client(settings: S3StorageSettings, options: S3ClientOptions = {}): S3Client {
  return new S3Client(buildS3ClientConfig(settings, options));
}

/**
 * Classification of AWS SDK failures and their translation into {@link FluvieError}s whose message
 * names the bucket, the endpoint and the setting to fix. The SDK sets an error's `name` to the S3
 * error code (`NoSuchBucket`, `InvalidAccessKeyId`, ...) and `$metadata.httpStatusCode` to the status.
 * Responses without a body, such as HeadBucket's, carry only the status.
 */
import { FluvieError, type ErrorCode } from '../../core/errors.js';

export type S3FailureKind =
  | 'not_found'
  | 'no_such_bucket'
  | 'invalid_access_key'
  | 'signature_mismatch'
  | 'access_denied'
  | 'credentials_missing'
  | 'unreachable'
  | 'other';

export interface S3Failure {
  kind: S3FailureKind;
  /** S3 error code or Node error code, such as `NoSuchBucket` or `ECONNREFUSED`, when known. */
  code: string | null;
  httpStatus: number | null;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_SSL_WRONG_VERSION_NUMBER']);

/** Sorts an SDK error into the failures the storage reports differently. */
export function classifyS3Error(error: unknown): S3Failure {
  if (!(error instanceof Error)) return { kind: 'other', code: null, httpStatus: null };
  const facts = error as Error & { code?: unknown; $metadata?: { httpStatusCode?: unknown } };
  const status = typeof facts.$metadata?.httpStatusCode === 'number' ? facts.$metadata.httpStatusCode : null;
  const nodeCode = typeof facts.code === 'string' ? facts.code : null;

  if (nodeCode !== null && NETWORK_CODES.has(nodeCode)) return { kind: 'unreachable', code: nodeCode, httpStatus: null };
  if (error.name === 'TimeoutError') return { kind: 'unreachable', code: error.name, httpStatus: null };
  if (error.name === 'CredentialsProviderError') return { kind: 'credentials_missing', code: error.name, httpStatus: null };

  const code = error.name === 'Unknown' || error.name === 'Error' ? null : error.name;
  switch (code) {
    case 'NoSuchBucket':
      return { kind: 'no_such_bucket', code, httpStatus: status };
    case 'NoSuchKey':
    case 'NotFound':
      return { kind: 'not_found', code, httpStatus: status };
    case 'InvalidAccessKeyId':
      return { kind: 'invalid_access_key', code, httpStatus: status };
    case 'SignatureDoesNotMatch':
      return { kind: 'signature_mismatch', code, httpStatus: status };
    case 'AccessDenied':
    case 'Forbidden':
      return { kind: 'access_denied', code, httpStatus: status };
  }
  if (status === 404) return { kind: 'not_found', code, httpStatus: status };
  if (status === 403) return { kind: 'access_denied', code, httpStatus: status };
  return { kind: 'other', code, httpStatus: status };
}

/** Checks whether `error` means that the requested object does not exist. */
export function isS3NotFound(error: unknown): boolean {
  return classifyS3Error(error).kind === 'not_found';
}

export interface S3ErrorContext {
  /** Attempted operation, such as `HeadBucket` or `upload of rnd_a/video.mp4`. */
  action: string;
  bucket: string;
  endpointUrl: string;
  /** Code for failures that are not about reaching or authenticating to S3. */
  fallbackCode: ErrorCode;
  /** Read a 404 as a missing bucket, as for HeadBucket, whose 404 response has no error code. */
  notFoundIsBucket?: boolean;
}

/** Wraps an SDK error as a FluvieError that states what failed and which setting fixes it. */
export function toS3StorageError(error: unknown, context: S3ErrorContext): FluvieError {
  const classified = classifyS3Error(error);
  const failure: S3Failure = classified.kind === 'not_found' && context.notFoundIsBucket === true ? { ...classified, kind: 'no_such_bucket' } : classified;
  const where = `S3 at ${context.endpointUrl}`;
  const status = failure.httpStatus === null ? '' : `, HTTP ${failure.httpStatus}`;
  const detail = `${failure.code ?? 'no error code'}${status}`;

  const [code, message]: [ErrorCode, string] = (() => {
    switch (failure.kind) {
      case 'no_such_bucket':
        return ['unavailable', `The bucket "${context.bucket}" does not exist on ${where} (${context.action}: ${detail}). Create the bucket or set S3_BUCKET to an existing one.`];
      case 'invalid_access_key':
        return ['unavailable', `${where} does not know the access key in use (${context.action}: ${detail}). Check S3_ACCESS_KEY.`];
      case 'signature_mismatch':
        return ['unavailable', `${where} rejected the request signature (${context.action}: ${detail}). Check S3_SECRET_KEY and S3_REGION.`];
      case 'access_denied':
        return ['unavailable', `${where} denied access to the bucket "${context.bucket}" (${context.action}: ${detail}). Check S3_ACCESS_KEY and S3_SECRET_KEY, and that the key may read, write and list the bucket.`];
      case 'credentials_missing':
        return ['unavailable', `No credentials for ${where} (${context.action}): set S3_ACCESS_KEY and S3_SECRET_KEY, or provide a standard AWS credential source (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or a container or instance role).`];
      case 'unreachable':
        return ['unavailable', `Cannot reach ${where} (${context.action}: ${detail}). Check S3_ENDPOINT and S3_USE_SSL, and that the server is running.`];
      default:
        return [context.fallbackCode, `${context.action} in the bucket "${context.bucket}" on ${where} failed (${detail}): ${error instanceof Error ? error.message : String(error)}`];
    }
  })();
  return new FluvieError(code, message, { cause: error, details: failure });
}

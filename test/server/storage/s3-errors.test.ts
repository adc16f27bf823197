import { describe, expect, it } from 'vitest';
import { classifyS3Error, toS3StorageError } from '../../../src/server/storage/s3-errors.js';

function sdkError(name: string, status?: number): Error {
  const error = new Error(`${name} message`);
  error.name = name;
  return Object.assign(error, status === undefined ? {} : { $metadata: { httpStatusCode: status } });
}

function nodeError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code });
}

const CONTEXT = { action: 'HeadBucket', bucket: 'renders', endpointUrl: 'http://127.0.0.1:9000', fallbackCode: 'internal' as const };

describe('classifyS3Error', () => {
  it.each([
    [sdkError('NoSuchBucket', 404), 'no_such_bucket'],
    [sdkError('NoSuchKey', 404), 'not_found'],
    [sdkError('NotFound', 404), 'not_found'],
    [sdkError('Unknown', 404), 'not_found'],
    [sdkError('InvalidAccessKeyId', 403), 'invalid_access_key'],
    [sdkError('SignatureDoesNotMatch', 403), 'signature_mismatch'],
    [sdkError('AccessDenied', 403), 'access_denied'],
    [sdkError('Unknown', 403), 'access_denied'],
    [sdkError('CredentialsProviderError'), 'credentials_missing'],
    [sdkError('TimeoutError'), 'unreachable'],
    [nodeError('ECONNREFUSED'), 'unreachable'],
    [nodeError('ENOTFOUND'), 'unreachable'],
    [sdkError('InternalError', 500), 'other'],
    ['not an error', 'other'],
  ])('classifies %s', (error, kind) => {
    expect(classifyS3Error(error).kind).toBe(kind);
  });

  it('keeps the code and status', () => {
    expect(classifyS3Error(sdkError('InvalidAccessKeyId', 403))).toEqual({ kind: 'invalid_access_key', code: 'InvalidAccessKeyId', httpStatus: 403 });
    expect(classifyS3Error(sdkError('Unknown', 403))).toEqual({ kind: 'access_denied', code: null, httpStatus: 403 });
  });
});

describe('toS3StorageError', () => {
  it.each([
    [sdkError('NoSuchBucket', 404), /bucket "renders" does not exist.*S3_BUCKET/],
    [sdkError('InvalidAccessKeyId', 403), /Check S3_ACCESS_KEY\./],
    [sdkError('SignatureDoesNotMatch', 403), /Check S3_SECRET_KEY/],
    [sdkError('Unknown', 403), /denied access to the bucket "renders" \(HeadBucket: no error code, HTTP 403\)/],
    [sdkError('CredentialsProviderError'), /set S3_ACCESS_KEY and S3_SECRET_KEY, or provide a standard AWS credential source/],
    [nodeError('ECONNREFUSED'), /Cannot reach S3 at http:\/\/127\.0\.0\.1:9000 \(HeadBucket: ECONNREFUSED\)\. Check S3_ENDPOINT and S3_USE_SSL/],
  ])('explains %s as unavailable', (error, message) => {
    const wrapped = toS3StorageError(error, CONTEXT);
    expect(wrapped.code).toBe('unavailable');
    expect(wrapped.message).toMatch(message);
    expect(wrapped.cause).toBe(error);
  });

  it('uses the fallback code for other failures', () => {
    const wrapped = toS3StorageError(sdkError('InternalError', 500), { ...CONTEXT, action: 'upload of rnd_a/video.mp4', fallbackCode: 'output_failed' });
    expect(wrapped.code).toBe('output_failed');
    expect(wrapped.message).toBe('upload of rnd_a/video.mp4 in the bucket "renders" on S3 at http://127.0.0.1:9000 failed (InternalError, HTTP 500): InternalError message');
  });

  it('reads a HeadBucket 404 as a missing bucket', () => {
    const wrapped = toS3StorageError(sdkError('NotFound', 404), { ...CONTEXT, notFoundIsBucket: true });
    expect(wrapped.message).toMatch(/bucket "renders" does not exist/);
  });
});

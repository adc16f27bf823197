import { describe, expect, it } from 'vitest';
import { buildS3ClientConfig } from '../../../src/server/storage/s3-client.js';
import type { S3StorageSettings } from '../../../src/server/storage/s3-config.js';

const SETTINGS: S3StorageSettings = {
  endpointUrl: 'http://127.0.0.1:9000',
  region: 'eu-central-1',
  bucket: 'renders',
  credentials: { accessKeyId: 'access', secretAccessKey: 'secret' },
  pathStyle: true,
  publicBase: null,
  multipartThresholdBytes: 1,
  partSizeBytes: 1,
};

describe('buildS3ClientConfig', () => {
  it('passes endpoint, region, path style and keys', () => {
    expect(buildS3ClientConfig(SETTINGS)).toMatchObject({
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-central-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'access', secretAccessKey: 'secret' },
    });
  });

  it('computes checksums only when required', () => {
    expect(buildS3ClientConfig(SETTINGS)).toMatchObject({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  });

  it('leaves credentials to the default chain without keys', () => {
    expect(buildS3ClientConfig({ ...SETTINGS, credentials: null })).not.toHaveProperty('credentials');
  });

  it('sets attempts and the connection timeout', () => {
    expect(buildS3ClientConfig(SETTINGS, { maxAttempts: 1, connectionTimeoutMs: 250 })).toMatchObject({ maxAttempts: 1, requestHandler: { connectionTimeout: 250 } });
  });
});

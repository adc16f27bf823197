import { describe, expect, it } from 'vitest';
import type { S3Config } from '../../../src/config/server-config.js';
import { DEFAULT_MULTIPART_THRESHOLD_BYTES, DEFAULT_PART_SIZE_BYTES, describeEndpointProblem, resolveS3Settings, validateS3Config } from '../../../src/server/storage/s3-config.js';

const VALID: S3Config = {
  endpoint: 'minio:9000',
  region: 'us-east-1',
  bucket: 'fluvie-renders',
  accessKey: 'access',
  secretKey: 'secret',
  useSsl: false,
  pathStyle: true,
  publicBase: null,
};

describe('validateS3Config', () => {
  it('accepts valid settings', () => {
    expect(validateS3Config(VALID)).toEqual([]);
    expect(validateS3Config({ ...VALID, endpoint: 's3.eu-central-1.amazonaws.com', publicBase: 'https://cdn.example.com/renders/' })).toEqual([]);
  });

  it.each([
    ['minio:9000'],
    ['localhost'],
    ['127.0.0.1:9000'],
    ['[::1]:9000'],
    ['nyc3.digitaloceanspaces.com'],
  ])('accepts the endpoint %s', (endpoint) => {
    expect(describeEndpointProblem(endpoint)).toBeNull();
  });

  it.each([
    ['https://s3.amazonaws.com', /host \(and port\) only.*S3_USE_SSL/],
    ['minio:9000/bucket', /without a path/],
    ['minio:99999', /port 99999/],
    ['minio:0', /port 0/],
    ['-bad-.example.com', /host name/],
    ['', /required/],
  ])('rejects the endpoint %j', (endpoint, message) => {
    expect(describeEndpointProblem(endpoint)).toMatch(message);
  });

  it.each([['ab'], ['Renders'], ['renders_1'], ['-renders'], ['renders-'], ['a..b'], ['x'.repeat(64)]])('rejects the bucket %j', (bucket) => {
    expect(validateS3Config({ ...VALID, bucket })).toEqual([{ variable: 'S3_BUCKET', message: expect.stringContaining(`got "${bucket}"`) }]);
  });

  it('rejects a region with spaces', () => {
    expect(validateS3Config({ ...VALID, region: 'us east' })).toEqual([{ variable: 'S3_REGION', message: expect.stringContaining('got "us east"') }]);
  });

  it('needs both keys or neither', () => {
    expect(validateS3Config({ ...VALID, accessKey: '', secretKey: '' })).toEqual([]);
    expect(validateS3Config({ ...VALID, secretKey: '' }).map((problem) => problem.variable)).toEqual(['S3_SECRET_KEY']);
    expect(validateS3Config({ ...VALID, accessKey: '' }).map((problem) => problem.variable)).toEqual(['S3_ACCESS_KEY']);
  });

  it('rejects a public base with a query', () => {
    expect(validateS3Config({ ...VALID, publicBase: 'https://cdn.example.com/?sig=1' }).map((problem) => problem.variable)).toEqual(['S3_PUBLIC_BASE']);
  });

  it('reports every bad variable at once', () => {
    const problems = validateS3Config({ ...VALID, endpoint: 'http://minio:9000', bucket: 'BAD', accessKey: '' });
    expect(problems.map((problem) => problem.variable)).toEqual(['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY']);
  });
});

describe('resolveS3Settings', () => {
  it('builds the endpoint URL from S3_USE_SSL', () => {
    expect(resolveS3Settings(VALID).endpointUrl).toBe('http://minio:9000');
    expect(resolveS3Settings({ ...VALID, useSsl: true }).endpointUrl).toBe('https://minio:9000');
  });

  it('uses static keys when set', () => {
    expect(resolveS3Settings(VALID).credentials).toEqual({ accessKeyId: 'access', secretAccessKey: 'secret' });
    expect(resolveS3Settings({ ...VALID, accessKey: '', secretKey: '' }).credentials).toBeNull();
  });

  it('applies upload defaults and overrides', () => {
    expect(resolveS3Settings(VALID)).toMatchObject({ multipartThresholdBytes: DEFAULT_MULTIPART_THRESHOLD_BYTES, partSizeBytes: DEFAULT_PART_SIZE_BYTES });
    expect(resolveS3Settings(VALID, { multipartThresholdBytes: 10, partSizeBytes: 20 })).toMatchObject({ multipartThresholdBytes: 10, partSizeBytes: 20 });
  });

  it('throws config_invalid for invalid settings', () => {
    expect(() => resolveS3Settings({ ...VALID, bucket: 'BAD' })).toThrow(expect.objectContaining({ code: 'config_invalid', message: expect.stringContaining('S3_BUCKET') }));
  });
});

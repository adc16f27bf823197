import { describe, expect, it } from 'vitest';
import { fromS3Metadata, parseContentRange, toS3Metadata } from '../../../src/server/storage/s3-metadata.js';

describe('S3 object metadata', () => {
  it('writes the contract names', () => {
    expect(toS3Metadata({ contentType: 'video/mp4', visibility: 'public', expiresAtMs: 1_700_000_000_123 })).toEqual({ contenttype: 'video/mp4', visibility: 'public', expiresatms: '1700000000123' });
    expect(toS3Metadata({ contentType: 'image/png', visibility: 'private', expiresAtMs: null })).toEqual({ contenttype: 'image/png', visibility: 'private' });
  });

  it('reads back what it writes', () => {
    const metadata = { contentType: 'image/gif', visibility: 'public' as const, expiresAtMs: 42 };
    expect(fromS3Metadata('image/gif', toS3Metadata(metadata))).toEqual(metadata);
  });

  it('reads foreign objects as private and never expiring', () => {
    expect(fromS3Metadata(undefined, undefined)).toEqual({ contentType: 'application/octet-stream', visibility: 'private', expiresAtMs: null });
    expect(fromS3Metadata('', { contenttype: 'video/webm', visibility: 'PUBLIC', expiresatms: '12.5' })).toEqual({ contentType: 'video/webm', visibility: 'private', expiresAtMs: null });
  });

  it('prefers the Content-Type header', () => {
    expect(fromS3Metadata('video/mp4', { contenttype: 'image/png' }).contentType).toBe('video/mp4');
  });
});

describe('parseContentRange', () => {
  it('parses start, end and size', () => {
    expect(parseContentRange('bytes 2-5/10')).toEqual({ start: 2, end: 5, size: 10 });
  });

  it.each([[undefined], [''], ['bytes 2-5/*'], ['bytes */10'], ['items 1-2/3']])('returns null for %j', (header) => {
    expect(parseContentRange(header)).toBeNull();
  });
});

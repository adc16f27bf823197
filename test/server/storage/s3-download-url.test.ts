import { describe, expect, it } from 'vitest';
import { MAX_PRESIGN_SECONDS, presignExpiresInSeconds, publicObjectUrl } from '../../../src/server/storage/s3-download-url.js';

describe('presignExpiresInSeconds', () => {
  it.each([
    [15 * 60_000, 900],
    [1_999, 1],
    [0, 1],
    [-5, 1],
    [7 * 24 * 3_600_000, MAX_PRESIGN_SECONDS],
    [30 * 24 * 3_600_000, MAX_PRESIGN_SECONDS],
    [Number.POSITIVE_INFINITY, MAX_PRESIGN_SECONDS],
    [Number.NaN, 1],
  ])('maps %d ms to %d s', (ttlMs, seconds) => {
    expect(presignExpiresInSeconds(ttlMs)).toBe(seconds);
  });
});

describe('publicObjectUrl', () => {
  it('appends the key to the base path', () => {
    expect(publicObjectUrl('https://cdn.example.com/renders', 'rnd_a/video.mp4')).toBe('https://cdn.example.com/renders/rnd_a/video.mp4');
    expect(publicObjectUrl('https://cdn.example.com/renders/', 'rnd_a/video.mp4')).toBe('https://cdn.example.com/renders/rnd_a/video.mp4');
    expect(publicObjectUrl('https://bucket.example.com', 'rnd_a/poster.png')).toBe('https://bucket.example.com/rnd_a/poster.png');
  });

  it('percent-encodes key segments', () => {
    expect(publicObjectUrl('https://cdn.example.com/', 'rnd a/video#1.mp4')).toBe('https://cdn.example.com/rnd%20a/video%231.mp4');
  });
});

/**
 * Download URLs of S3 objects that need no request to S3: the public URL under `S3_PUBLIC_BASE`
 * and the lifetime of a presigned GET.
 */

/** Shortest presigned URL lifetime SigV4 accepts, in seconds. */
export const MIN_PRESIGN_SECONDS = 1;
/** Longest presigned URL lifetime SigV4 accepts (7 days), in seconds. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60;

/** Converts a TTL in milliseconds to whole seconds, clamped to the SigV4 range of 1 s to 7 days. */
export function presignExpiresInSeconds(ttlMs: number): number {
  if (!Number.isFinite(ttlMs)) return ttlMs > 0 ? MAX_PRESIGN_SECONDS : MIN_PRESIGN_SECONDS;
  return Math.min(MAX_PRESIGN_SECONDS, Math.max(MIN_PRESIGN_SECONDS, Math.floor(ttlMs / 1000)));
}

/**
 * Joins `publicBase` and an object key into the object's public URL. Each key segment is
 * percent-encoded, and a base without a trailing slash keeps its last path segment
 * (`https://cdn.example.com/renders` + `rnd_a/video.mp4` -> `https://cdn.example.com/renders/rnd_a/video.mp4`).
 */
export function publicObjectUrl(publicBase: string, key: string): string {
  const base = publicBase.endsWith('/') ? publicBase : `${publicBase}/`;
  const encodedKey = key.split('/').map(encodeURIComponent).join('/');
  return new URL(encodedKey, base).href;
}

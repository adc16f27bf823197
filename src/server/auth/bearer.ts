/**
 * Bearer-token checks. Tokens are compared as SHA-256 digests with `timingSafeEqual`, so the
 * comparison takes the same time for every candidate, whatever its length.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Returns the token of an `Authorization: Bearer <token>` header, or null. The scheme name is
 * case-insensitive and may be followed by several spaces, as RFC 9110 sections 11.1 and 11.4 allow.
 */
export function readBearerToken(header: string | undefined): string | null {
  const match = header === undefined ? null : /^bearer +(.*)$/i.exec(header);
  const token = match?.[1] ?? '';
  return token === '' ? null : token;
}

/** Compares two secrets in constant time. */
export function secretsEqual(candidate: string, expected: string): boolean {
  const left = createHash('sha256').update(candidate, 'utf8').digest();
  const right = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(left, right);
}

/**
 * Returns a check of `Authorization` headers against `expected`, with the digest of `expected`
 * computed once instead of on every request. Always false when `expected` is null.
 */
export function createBearerCheck(expected: string | null): (header: string | undefined) => boolean {
  if (expected === null) return () => false;
  const expectedDigest = createHash('sha256').update(expected, 'utf8').digest();
  return (header) => {
    const token = readBearerToken(header);
    if (token === null) return false;
    return timingSafeEqual(createHash('sha256').update(token, 'utf8').digest(), expectedDigest);
  };
}

/** True when `header` carries exactly `Bearer <expected>`. */
export function hasBearer(header: string | undefined, expected: string | null): boolean {
  if (expected === null) return false;
  const token = readBearerToken(header);
  return token !== null && secretsEqual(token, expected);
}

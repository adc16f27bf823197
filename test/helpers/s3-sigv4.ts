/**
 * An independent check of SigV4 presigned S3 URLs (query-string authentication), written from the
 * AWS Signature Version 4 documentation: it rebuilds the canonical request and the signature from the
 * URL and the secret key. s3rver does not verify signatures, so tests use this to prove that a
 * presigned URL is signed with the configured secret and that tampering breaks it.
 */
import { createHash, createHmac } from 'node:crypto';

export interface PresignedUrlParts {
  accessKeyId: string;
  /** `YYYYMMDD` of the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  /** Signing time in milliseconds since the epoch. */
  signedAtMs: number;
  expiresInSeconds: number;
  signedHeaders: string[];
  signature: string;
}

export type PresignedUrlCheck = { valid: true; parts: PresignedUrlParts } | { valid: false; reason: string };

const REQUIRED = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'] as const;

/** Reads the SigV4 query parameters of a presigned URL, or returns why they are malformed. */
export function parsePresignedUrl(url: URL): PresignedUrlParts | string {
  for (const name of REQUIRED) if (url.searchParams.get(name) === null) return `missing ${name}`;
  if (url.searchParams.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return 'X-Amz-Algorithm is not AWS4-HMAC-SHA256';

  const scope = (url.searchParams.get('X-Amz-Credential') ?? '').split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request') return 'X-Amz-Credential is not <key>/<date>/<region>/<service>/aws4_request';
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(url.searchParams.get('X-Amz-Date') ?? '');
  if (date === null) return 'X-Amz-Date is not YYYYMMDDTHHMMSSZ';
  const expires = url.searchParams.get('X-Amz-Expires') ?? '';
  if (!/^\d+$/.test(expires)) return 'X-Amz-Expires is not an integer';

  const [, year, month, day, hour, minute, second] = date.map(Number);
  return {
    accessKeyId: scope[0] ?? '',
    scopeDate: scope[1] ?? '',
    region: scope[2] ?? '',
    service: scope[3] ?? '',
    signedAtMs: Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second),
    expiresInSeconds: Number(expires),
    signedHeaders: (url.searchParams.get('X-Amz-SignedHeaders') ?? '').split(';'),
    signature: url.searchParams.get('X-Amz-Signature') ?? '',
  };
}

/** Verifies a presigned GET URL against `secretAccessKey` at the time `nowMs`. */
export function verifyPresignedUrl(href: string, secretAccessKey: string, nowMs: number): PresignedUrlCheck {
  const url = new URL(href);
  const parts = parsePresignedUrl(url);
  if (typeof parts === 'string') return { valid: false, reason: parts };
  if (parts.expiresInSeconds < 1 || parts.expiresInSeconds > 604_800) return { valid: false, reason: 'X-Amz-Expires is outside 1 to 604800 seconds' };
  if (nowMs >= parts.signedAtMs + parts.expiresInSeconds * 1000) return { valid: false, reason: 'expired' };
  if (!parts.signedHeaders.includes('host')) return { valid: false, reason: 'the host header is not signed' };

  const query = [...url.searchParams.entries()]
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const headers = parts.signedHeaders.map((name) => `${name}:${name === 'host' ? url.host : ''}\n`).join('');
  const payloadHash = url.searchParams.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
  const canonicalRequest = ['GET', url.pathname, query, headers, parts.signedHeaders.join(';'), payloadHash].join('\n');

  const scope = `${parts.scopeDate}/${parts.region}/${parts.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', url.searchParams.get('X-Amz-Date'), scope, sha256Hex(canonicalRequest)].join('\n');
  let key: Buffer = hmac(`AWS4${secretAccessKey}`, parts.scopeDate);
  for (const step of [parts.region, parts.service, 'aws4_request']) key = hmac(key, step);
  const expected = createHmac('sha256', key).update(stringToSign).digest('hex');

  return expected === parts.signature ? { valid: true, parts } : { valid: false, reason: 'signature mismatch' };
}

function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

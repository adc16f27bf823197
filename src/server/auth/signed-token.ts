/**
 * Signed download tokens in the Dart fluvie_server's format, so links stay valid across both servers.
 * The payload is `<id>:<kind>:<expiresEpochMs>`; the token is `base64url(payload) "." base64url(mac)`
 * with mac = HMAC-SHA256(key, payload). Both parts use the URL-safe alphabet WITH `=` padding, as
 * Dart's `base64Url.encode` writes them.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedTokenClaims {
  /** Job id (or another resource id for other kinds). */
  id: string;
  /** `video`, `poster`, or another resource kind. */
  kind: string;
  /** Expiry in milliseconds since the epoch; the token is valid while `now < expiresAtMs`. */
  expiresAtMs: number;
}

/**
 * Derives the signing key: the UTF-8 bytes of `DOWNLOAD_SIGNING_KEY` when set, else the raw 32-byte
 * SHA-256 of `"fluvie-download:" + API_TOKEN`.
 */
export function deriveSigningKey(signingKey: string | null, apiToken: string): Buffer {
  if (signingKey !== null) return Buffer.from(signingKey, 'utf8');
  return createHash('sha256').update(`fluvie-download:${apiToken}`, 'utf8').digest();
}

/** Signs `claims` with `key`. */
export function signToken(claims: SignedTokenClaims, key: Buffer): string {
  const payload = `${claims.id}:${claims.kind}:${Math.trunc(claims.expiresAtMs)}`;
  const mac = createHmac('sha256', key).update(payload, 'utf8').digest();
  return `${encodePadded(Buffer.from(payload, 'utf8'))}.${encodePadded(mac)}`;
}

/**
 * Verifies `token` and returns its claims, or `null` when it is malformed, its signature does not
 * match, or it has expired at `nowMs`. Callers still compare the id and kind with the request.
 */
export function verifyToken(token: string, key: Buffer, nowMs: number): SignedTokenClaims | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;

  const payloadPart = token.slice(0, dot);
  const macPart = token.slice(dot + 1);
  const payload = decodeBase64Url(payloadPart);
  if (payload === null) return null;

  const expected = encodePadded(createHmac('sha256', key).update(payload).digest());
  if (!constantTimeEqual(expected, normalizePadding(macPart))) return null;

  const parts = payload.toString('utf8').split(':');
  if (parts.length !== 3) return null;
  const [id, kind, expiry] = parts as [string, string, string];
  if (!/^\d+$/.test(expiry)) return null;
  const expiresAtMs = Number(expiry);
  if (!Number.isSafeInteger(expiresAtMs) || nowMs >= expiresAtMs) return null;

  return { id, kind, expiresAtMs };
}

function encodePadded(bytes: Buffer): string {
  return bytes.toString('base64').replaceAll('+', '-').replaceAll('/', '_');
}

/** Re-pads an unpadded base64url string so tokens from encoders that drop `=` verify too. */
function normalizePadding(value: string): string {
  const stripped = value.replace(/=+$/, '');
  return stripped + '='.repeat((4 - (stripped.length % 4)) % 4);
}

function decodeBase64Url(value: string): Buffer | null {
  const padded = normalizePadding(value);
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(padded)) return null;
  return Buffer.from(padded.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveSigningKey, signToken, verifyToken } from '../../../src/server/auth/signed-token.js';

const KEY = Buffer.from('signing-key', 'utf8');
const CLAIMS = { id: 'rnd_abcd', kind: 'video', expiresAtMs: 1_800_000_000_000 };

describe('signToken', () => {
  it('writes the Dart format with padded base64url', () => {
    const token = signToken(CLAIMS, KEY);
    const [payload, mac] = token.split('.');
    // "rnd_abcd:video:1800000000000" is 28 bytes, so its base64 ends in one "=".
    expect(payload).toBe(Buffer.from('rnd_abcd:video:1800000000000').toString('base64').replaceAll('+', '-').replaceAll('/', '_'));
    expect(payload?.endsWith('=')).toBe(true);
    const expectedMac = createHmac('sha256', KEY).update('rnd_abcd:video:1800000000000').digest('base64').replaceAll('+', '-').replaceAll('/', '_');
    expect(mac).toBe(expectedMac);
    expect(mac?.endsWith('=')).toBe(true);
  });

  it('derives the key from API_TOKEN when no signing key is set', () => {
    expect(deriveSigningKey(null, 'api')).toEqual(createHash('sha256').update('fluvie-download:api').digest());
    expect(deriveSigningKey('explicit', 'api')).toEqual(Buffer.from('explicit'));
  });
});

describe('verifyToken', () => {
  it('accepts a valid token before its expiry', () => {
    expect(verifyToken(signToken(CLAIMS, KEY), KEY, CLAIMS.expiresAtMs - 1)).toEqual(CLAIMS);
  });

  it('rejects the token at and after its expiry', () => {
    expect(verifyToken(signToken(CLAIMS, KEY), KEY, CLAIMS.expiresAtMs)).toBeNull();
    expect(verifyToken(signToken(CLAIMS, KEY), KEY, CLAIMS.expiresAtMs + 1)).toBeNull();
  });

  it('rejects a tampered payload', () => {
    const token = signToken(CLAIMS, KEY);
    const [, mac] = token.split('.');
    const forged = `${Buffer.from('rnd_other:video:1800000000000').toString('base64url')}.${mac}`;
    expect(verifyToken(forged, KEY, 0)).toBeNull();
  });

  it('rejects a tampered signature', () => {
    const token = signToken(CLAIMS, KEY);
    const flipped = token.slice(0, -3) + (token.at(-3) === 'A' ? 'B' : 'A') + token.slice(-2);
    expect(verifyToken(flipped, KEY, 0)).toBeNull();
  });

  it('rejects another key', () => {
    expect(verifyToken(signToken(CLAIMS, KEY), Buffer.from('other'), 0)).toBeNull();
  });

  it('accepts the unpadded form of a valid token', () => {
    const unpadded = signToken(CLAIMS, KEY).replaceAll('=', '');
    expect(verifyToken(unpadded, KEY, 0)).toEqual(CLAIMS);
  });

  it.each([[''], ['no-dot'], ['.abc'], ['!!!.???'], [`${Buffer.from('a:b').toString('base64url')}.x`]])('rejects the malformed token %j', (token) => {
    expect(verifyToken(token, KEY, 0)).toBeNull();
  });

  it('rejects payloads without exactly three parts or an integer expiry', () => {
    const sign = (payload: string) => `${Buffer.from(payload).toString('base64')}.${createHmac('sha256', KEY).update(payload).digest('base64')}`.replaceAll('+', '-').replaceAll('/', '_');
    expect(verifyToken(sign('rnd_a:video:1800000000000'), KEY, 0)).not.toBeNull();
    expect(verifyToken(sign('rnd_a:video:extra:1800000000000'), KEY, 0)).toBeNull();
    expect(verifyToken(sign('rnd_a:video:1.5e12'), KEY, 0)).toBeNull();
  });
});

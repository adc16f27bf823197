import { describe, expect, it } from 'vitest';
import { createBearerCheck, hasBearer, readBearerToken, secretsEqual } from '../../../src/server/auth/bearer.js';

describe('bearer tokens', () => {
  it('reads the token of a Bearer header', () => {
    expect(readBearerToken('Bearer abc')).toBe('abc');
    expect(readBearerToken('bearer abc')).toBe('abc');
    expect(readBearerToken('BEARER  abc')).toBe('abc');
    expect(readBearerToken('Bearerabc')).toBeNull();
    expect(readBearerToken('Basic abc')).toBeNull();
    expect(readBearerToken('Bearer ')).toBeNull();
    expect(readBearerToken(undefined)).toBeNull();
  });

  it('compares secrets of any length', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abcd')).toBe(false);
    expect(secretsEqual('', 'abc')).toBe(false);
  });

  it('never matches when no token is configured', () => {
    expect(hasBearer('Bearer x', null)).toBe(false);
    expect(hasBearer('Bearer x', 'x')).toBe(true);
  });

  it('checks headers against a prepared token', () => {
    const check = createBearerCheck('secret');
    expect(check('Bearer secret')).toBe(true);
    expect(check('Bearer secre')).toBe(false);
    expect(check('Bearer secret2')).toBe(false);
    expect(check('secret')).toBe(false);
    expect(check(undefined)).toBe(false);
    expect(createBearerCheck(null)('Bearer secret')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { assertWebhookTargetAllowed } from '../../../src/server/requests/webhook-target.js';

const resolvesTo = (addresses: string[]) => async () => addresses;

describe('assertWebhookTargetAllowed', () => {
  it('accepts a host with public addresses', async () => {
    await expect(assertWebhookTargetAllowed('https://hooks.example/render', false, resolvesTo(['93.184.216.34']))).resolves.toBeUndefined();
  });

  it('rejects a host with one private address', async () => {
    const check = assertWebhookTargetAllowed('https://hooks.example/render', false, resolvesTo(['93.184.216.34', '192.168.1.20']));
    await expect(check).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('192.168.1.20') });
  });

  it('rejects a host that does not resolve', async () => {
    const failing = async (): Promise<string[]> => {
      throw new Error('getaddrinfo ENOTFOUND hooks.invalid');
    };
    await expect(assertWebhookTargetAllowed('https://hooks.invalid/render', false, failing)).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('"hooks.invalid" could not be resolved') });
  });

  it('skips the check when private targets are allowed', async () => {
    const failing = async (): Promise<string[]> => {
      throw new Error('must not resolve');
    };
    await expect(assertWebhookTargetAllowed('http://169.254.169.254/', true, failing)).resolves.toBeUndefined();
  });
});

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from '../../../src/server/webhooks/webhook-signature.js';

describe('webhook signatures', () => {
  it('signs the timestamp and body with HMAC-SHA256', () => {
    const expected = createHmac('sha256', 'secret').update('1700000000.{"a":1}').digest('hex');
    expect(signWebhook('secret', 1_700_000_000, '{"a":1}')).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies its own signatures within the tolerance', () => {
    const header = signWebhook('secret', 1_700_000_000, 'body');
    expect(verifyWebhookSignature('secret', header, 'body', 1_700_000_100)).toBe(true);
    expect(verifyWebhookSignature('secret', header, 'body', 1_700_001_000)).toBe(false);
    expect(verifyWebhookSignature('other', header, 'body', 1_700_000_000)).toBe(false);
    expect(verifyWebhookSignature('secret', header, 'body!', 1_700_000_000)).toBe(false);
    expect(verifyWebhookSignature('secret', 'garbage', 'body', 1_700_000_000)).toBe(false);
  });
});

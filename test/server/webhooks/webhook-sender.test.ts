import { describe, expect, it } from 'vitest';
import { sendWebhook } from '../../../src/server/webhooks/webhook-sender.js';

const delivery = { secret: null, eventId: 'rnd_x.succeeded', body: '{}' };

describe('sendWebhook', () => {
  it('refuses a loopback literal before connecting', async () => {
    const outcome = await sendWebhook({ ...delivery, url: 'http://127.0.0.1:9/hook' }, { allowPrivate: false, attempts: 3, baseDelayMs: 1 });
    expect(outcome).toEqual({ delivered: false, attempts: 0, reason: expect.stringContaining('WEBHOOK_ALLOW_PRIVATE') });
  });

  it('refuses a host name that resolves to loopback', async () => {
    const outcome = await sendWebhook({ ...delivery, url: 'http://localhost:9/hook' }, { allowPrivate: false, attempts: 3, baseDelayMs: 1 });
    expect(outcome.delivered).toBe(false);
    expect(outcome.attempts).toBe(1);
    expect(outcome).toMatchObject({ reason: expect.stringContaining('resolves only to private') });
  });

  it('retries network errors up to the attempt limit', async () => {
    const outcome = await sendWebhook({ ...delivery, url: 'http://127.0.0.1:9/hook' }, { allowPrivate: true, attempts: 2, baseDelayMs: 1 });
    expect(outcome).toMatchObject({ delivered: false, attempts: 2 });
  });
});

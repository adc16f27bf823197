/** Webhook delivery from a running server to a receiver on 127.0.0.1. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../../src/server/webhooks/webhook-signature.js';
import { createFakeRender } from '../support/fake-render.js';
import { minimalSpecTools } from '../support/spec-tools.js';
import { jsonBody, startTestServer, TINY_SPEC, type TestServer } from '../support/test-server.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

let server: TestServer | null = null;
let receiver: Server | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
  await new Promise<void>((resolve) => (receiver === null ? resolve() : receiver.close(() => resolve())));
  receiver = null;
});

/** Starts a receiver that responds with the given statuses in turn (the last one repeats). */
async function startReceiver(statuses: number[]): Promise<{ url: string; received: Received[]; settled: (count: number) => Promise<void> }> {
  const received: Received[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      response.end();
      for (const waiter of waiters.filter((entry) => received.length >= entry.count)) waiter.resolve();
    });
  });
  await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
    settled: (count) => (received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve }))),
  };
}

async function waitForIdle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('webhooks', () => {
  it('deliver one signed terminal event, retrying after a failure', async () => {
    const hook = await startReceiver([500, 200]);
    server = await startTestServer({ render: createFakeRender().render, specTools: minimalSpecTools, env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
    const created = await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC, webhook: { url: hook.url, secret: 'hook-secret' } }));
    const { id } = (await created.json()) as { id: string };
    await server.waitForTerminal(id);
    await hook.settled(2);
    await waitForIdle();

    expect(hook.received).toHaveLength(2);
    const [first, second] = hook.received as [Received, Received];
    expect(second.body).toBe(first.body);
    expect(second.headers['fluvie-event-id']).toBe(`${id}.succeeded`);
    const event = JSON.parse(second.body) as { type: string; job: { id: string; status: string; video: { downloadUrl: string } } };
    expect(event.type).toBe('render.succeeded');
    expect(event.job).toMatchObject({ id, status: 'succeeded' });
    expect(event.job.video.downloadUrl).toContain(`/v1/files/${id}/video?token=`);
    const signature = String(second.headers['fluvie-signature']);
    expect(verifyWebhookSignature('hook-secret', signature, second.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifyWebhookSignature('wrong', signature, second.body, Math.floor(Date.now() / 1000))).toBe(false);
  });

  it('use WEBHOOK_URL and WEBHOOK_SECRET for jobs without their own', async () => {
    const hook = await startReceiver([200]);
    server = await startTestServer({
      render: createFakeRender({ holdUntilReleased: true }).render,
      specTools: minimalSpecTools,
      env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_URL: hook.url, WEBHOOK_SECRET: 'server-secret' },
    });
    await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }));
    const queued = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }))).json()) as { id: string };
    await server.api(`/v1/renders/${queued.id}`, { method: 'DELETE' });
    await hook.settled(1);
    await waitForIdle();
    expect(hook.received).toHaveLength(1);
    const event = JSON.parse(hook.received[0]!.body) as { type: string; job: { id: string } };
    expect(event).toMatchObject({ type: 'render.canceled', job: { id: queued.id } });
    expect(verifyWebhookSignature('server-secret', String(hook.received[0]!.headers['fluvie-signature']), hook.received[0]!.body, Math.floor(Date.now() / 1000))).toBe(true);
  });

  it('stop after the last attempt', async () => {
    const hook = await startReceiver([503]);
    server = await startTestServer({ render: createFakeRender().render, specTools: minimalSpecTools, env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
    const { id } = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC, webhook: { url: hook.url } }))).json()) as { id: string };
    await server.waitForTerminal(id);
    await hook.settled(3);
    await waitForIdle();
    expect(hook.received).toHaveLength(3);
    expect(hook.received[0]!.headers['fluvie-signature']).toBeUndefined();
  });

  it('never reach loopback addresses without WEBHOOK_ALLOW_PRIVATE', async () => {
    // POST rejects such a webhook.url, so the sender's own check is reached through the operator's WEBHOOK_URL.
    const hook = await startReceiver([200]);
    const viaName = hook.url.replace('127.0.0.1', 'localhost');
    for (const url of [hook.url, viaName]) {
      server = await startTestServer({ render: createFakeRender().render, specTools: minimalSpecTools, env: { WEBHOOK_URL: url } });
      const response = await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }));
      expect(response.status).toBe(202);
      const { id } = (await response.json()) as { id: string };
      await server.waitForTerminal(id);
      await waitForIdle();
      await server.close();
      server = null;
    }
    expect(hook.received).toHaveLength(0);
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteRenderGateway } from '../../../../src/server/mcp/gateways/remote-render-gateway.js';
import { waitForJob } from '../../../../src/server/mcp/wait-for-job.js';
import { createFakeRender, FAKE_VIDEO_BYTES } from '../../support/fake-render.js';
import { realSpecTools } from '../../support/spec-tools.js';
import { API_TOKEN, startTestServer, TINY_SPEC, type TestServer } from '../../support/test-server.js';

describe('remote render gateway', () => {
  let api: TestServer;
  const signal = new AbortController().signal;

  beforeAll(async () => {
    api = await startTestServer({ render: createFakeRender().render, specTools: await realSpecTools() });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('submits a render and follows it to its files', async () => {
    const gateway = createRemoteRenderGateway({ apiUrl: api.base, apiToken: API_TOKEN, pollIntervalMs: 10 });
    const queued = await gateway.submit({ spec: TINY_SPEC, options: { format: 'mp4' } }, signal);
    expect(queued.status).toBe('queued');
    expect(queued.id).toMatch(/^rnd_/);

    const done = await waitForJob(gateway, queued, { timeoutMs: 60_000, signal, onUpdate: async () => undefined });
    expect(done.status).toBe('succeeded');
    const download = await fetch(done.video?.downloadUrl ?? '');
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(FAKE_VIDEO_BYTES);
    expect((await api.jobs.get(done.id))?.input).toEqual({ kind: 'spec', spec: TINY_SPEC });
  });

  it('accepts a base URL with a path and a trailing slash', async () => {
    const gateway = createRemoteRenderGateway({ apiUrl: `${api.base}/`, apiToken: API_TOKEN });
    const queued = await gateway.submit({ spec: TINY_SPEC }, signal);
    expect((await gateway.get(queued.id, signal)).id).toBe(queued.id);
  });

  it('passes the API message of a rejected request on', async () => {
    const gateway = createRemoteRenderGateway({ apiUrl: api.base, apiToken: API_TOKEN });
    await expect(gateway.submit({ spec: { scenes: [] } }, signal)).rejects.toMatchObject({
      code: 'invalid_request',
      message: 'spec must be a VideoSpec object with a non-empty scenes array.',
    });
  });

  it('names FLUVIE_API_TOKEN on 401', async () => {
    const gateway = createRemoteRenderGateway({ apiUrl: api.base, apiToken: 'wrong' });
    const failure = await gateway.submit({ spec: TINY_SPEC }, signal).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'unauthorized' });
    expect((failure as Error).message).toContain('Set FLUVIE_API_TOKEN');
  });

  it('reports an unknown job as not_found', async () => {
    const gateway = createRemoteRenderGateway({ apiUrl: api.base, apiToken: API_TOKEN });
    await expect(gateway.get('rnd_missing', signal)).rejects.toMatchObject({ code: 'not_found', message: 'No such job' });
  });

  it('reports an unreachable API as unavailable', async () => {
    const gateway = createRemoteRenderGateway({ apiUrl: 'http://127.0.0.1:9', apiToken: null });
    const failure = await gateway.get('rnd_x', signal).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'unavailable' });
    expect((failure as Error).message).toContain('FLUVIE_API_URL');
  });

  it('reports a non-JSON answer as internal', async () => {
    const proxy = createServer((_request, response) => response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const gateway = createRemoteRenderGateway({ apiUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, apiToken: null });
      const failure = await gateway.get('rnd_x', signal).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'internal' });
      expect((failure as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/v1\/renders\/rnd_x returned 502 with an unexpected body: <h1>Bad gateway<\/h1>$/);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

/** Gates of `POST /v1/renders` that reject a request before it is queued, over HTTP on 127.0.0.1. */
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRender } from '../support/fake-render.js';
import { realSpecTools } from '../support/spec-tools.js';
import { jsonBody, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  server = await startTestServer({ render: createFakeRender().render, specTools: await realSpecTools(), env });
  return server;
}

interface ErrorJson {
  error: { code: string; message: string; diagnostics?: Array<{ path: string; severity: string; message: string }> };
}

describe('composition renders', () => {
  it('get 503 without RENDER_PROJECT', async () => {
    const { api, jobs } = await start();
    const response = await api('/v1/renders', jsonBody({ key: 'intro' }));
    expect(response.status).toBe(503);
    const { error } = (await response.json()) as ErrorJson;
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('RENDER_PROJECT');
    expect(error.message).not.toContain('--project');
    expect(await jobs.list()).toEqual([]);
  });
});

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

describe('spec renders', () => {
  const BROKEN_SPEC = {
    size: { width: 641, height: -3 },
    fps: 0,
    scenes: [{ duration: 'soon', children: [{ type: 'Blob' }, { type: 'Text' }] }],
  };

  it('report every problem like /v1/validate', async () => {
    const { api } = await start();
    const response = await api('/v1/renders', jsonBody({ spec: BROKEN_SPEC }));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorJson;
    expect(error.code).toBe('invalid_request');

    const validation = await api('/v1/validate', jsonBody({ spec: BROKEN_SPEC }));
    const report = (await validation.json()) as { ok: boolean; diagnostics: Array<{ path: string; severity: string; message: string }> };
    const expected = report.diagnostics.filter((item) => item.severity === 'error');
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(error.diagnostics).toEqual(report.diagnostics);
    for (const item of expected) expect(error.message).toContain(`${item.path}: ${item.message}`);
  });
});

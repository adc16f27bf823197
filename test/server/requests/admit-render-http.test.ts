/** Gates of `POST /v1/renders` that reject a request before it is queued, over HTTP on 127.0.0.1. */
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRender } from '../support/fake-render.js';
import { realSpecTools } from '../support/spec-tools.js';
import { jsonBody, startTestServer, TINY_SPEC, type TestServer } from '../support/test-server.js';

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

describe('render options', () => {
  it('reject an unknown key with a suggestion', async () => {
    const { api } = await start();
    const response = await api('/v1/renders', jsonBody({ spec: TINY_SPEC, options: { fromat: 'gif' } }));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorJson;
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('options.fromat (did you mean options.format?)');
  });

  it('name an unrelated key without a guess', async () => {
    const { api } = await start();
    const response = await api('/v1/renders', jsonBody({ spec: TINY_SPEC, options: { codec: 'hevc' } }));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorJson;
    expect(error.message).toBe('Unknown render option options.codec; the options are format, aspect, quality, poster.');
  });
});

describe('webhook targets', () => {
  it.each(['http://169.254.169.254/latest/meta-data/', 'http://127.0.0.1:9/hook', 'http://[::1]/hook', 'http://localhost/hook', 'http://10.0.0.5/hook'])(
    'reject %s at POST',
    async (url) => {
      const { api, jobs } = await start();
      const response = await api('/v1/renders', jsonBody({ spec: TINY_SPEC, webhook: { url } }));
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as ErrorJson;
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain('WEBHOOK_ALLOW_PRIVATE=true');
      expect(await jobs.list()).toEqual([]);
    },
  );

  it('accept a private address when allowed', async () => {
    const { api } = await start({ WEBHOOK_ALLOW_PRIVATE: 'true' });
    const response = await api('/v1/renders', jsonBody({ spec: TINY_SPEC, webhook: { url: 'http://127.0.0.1:9/hook' } }));
    expect(response.status).toBe(202);
  });
});

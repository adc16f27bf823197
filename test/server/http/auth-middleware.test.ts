/** Bearer checks of the render API over HTTP on 127.0.0.1. */
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRender } from '../support/fake-render.js';
import { minimalSpecTools } from '../support/spec-tools.js';
import { API_TOKEN, CLEANUP_TOKEN, jsonBody, startTestServer, TINY_SPEC, type TestServer } from '../support/test-server.js';

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(): Promise<TestServer> {
  server = await startTestServer({ render: createFakeRender().render, specTools: minimalSpecTools });
  return server;
}

describe('requireBearer over HTTP', () => {
  it('accepts a lower-case scheme', async () => {
    const { fetch } = await start();
    const response = await fetch('/v1/renders', { ...jsonBody({ spec: TINY_SPEC }), headers: { 'content-type': 'application/json', authorization: `bearer ${API_TOKEN}` } });
    expect(response.status).toBe(202);
  });

  it('still rejects a wrong token', async () => {
    const { fetch } = await start();
    const response = await fetch('/v1/renders/rnd_x', { headers: { authorization: 'bearer wrong' } });
    expect(response.status).toBe(401);
  });

  it.each(['/v1/renders', '/v1/validate', '/v1/maintenance/cleanup'])('checks the token of %s before the body size', async (pathname) => {
    const { fetch } = await start();
    const oversized = Buffer.alloc(12 * 1024 * 1024, 0x20);
    const response = await fetch(pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: oversized });
    expect(response.status).toBe(401);
    const json = (await response.json()) as { error: { code: string } };
    expect(json.error.code).toBe('unauthorized');
  });

  it('still limits the body with a token', async () => {
    const { fetch } = await start();
    const oversized = Buffer.alloc(12 * 1024 * 1024, 0x20);
    const response = await fetch('/v1/maintenance/cleanup', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${CLEANUP_TOKEN}` }, body: oversized });
    expect(response.status).toBe(413);
  });
});

describe('GET /v1/files kinds', () => {
  it('names the valid kinds', async () => {
    const { api } = await start();
    const response = await api('/v1/files/rnd_x/audio');
    expect(response.status).toBe(404);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error).toEqual({ code: 'not_found', message: 'Not found: the file kind must be video or poster, got "audio".' });
  });
});

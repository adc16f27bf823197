import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRender } from '../support/fake-render.js';
import { minimalSpecTools } from '../support/spec-tools.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

describe('GET /favicon.ico', () => {
  it.each<Record<string, string>>([{}, { FLUVIE_ENABLE_API: 'false' }])('answers 204 with %j', async (env) => {
    server = await startTestServer({ render: createFakeRender().render, specTools: minimalSpecTools, env });
    const response = await server.fetch('/favicon.ico');
    expect(response.status).toBe(204);
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
  });
});

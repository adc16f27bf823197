import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRender } from '../support/fake-render.js';
import { minimalSpecTools } from '../support/spec-tools.js';
import { jsonBody, startTestServer, TINY_SPEC, type TestServer } from '../support/test-server.js';

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

describe('GET /metrics', () => {
  it('reports jobs, render durations, queue depth and requests', async () => {
    server = await startTestServer({ render: createFakeRender().render, specTools: minimalSpecTools });
    const { id } = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }))).json()) as { id: string };
    await server.waitForTerminal(id);
    await server.api('/v1/renders/rnd_missing');

    const response = await server.fetch('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('fluvie_jobs{status="succeeded"} 1');
    expect(text).toContain('fluvie_jobs{status="queued"} 0');
    expect(text).toContain('fluvie_queue_depth 0');
    expect(text).toContain('fluvie_renders_running 0');
    expect(text).toContain('fluvie_render_duration_seconds_count{status="succeeded"} 1');
    expect(text).toContain('fluvie_http_requests_total{method="POST",route="/v1/renders",status="202"} 1');
    expect(text).toContain('fluvie_http_requests_total{method="GET",route="/v1/renders/:id",status="404"} 1');
    expect(text).not.toContain(id);
  });

  it('requires METRICS_TOKEN when set', async () => {
    server = await startTestServer({ render: createFakeRender().render, specTools: minimalSpecTools, env: { METRICS_TOKEN: 'scrape' } });
    expect((await server.fetch('/metrics')).status).toBe(401);
    expect((await server.fetch('/metrics', { headers: { authorization: 'Bearer scrape' } })).status).toBe(200);
  });
});

/** `GET /v1/openapi.json` lists every mounted route, checked against real responses over HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import { docsListSchema, docsPageSchema, docsSearchSchema, flatErrorSchema } from '../../../src/server/openapi/wire-schemas.js';
import { createFakeRender } from '../support/fake-render.js';
import { minimalSpecTools } from '../support/spec-tools.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

interface OpenApiJson {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }> };
}

async function openApi(env: Record<string, string> = {}): Promise<{ server: TestServer; document: OpenApiJson }> {
  server = await startTestServer({ render: createFakeRender().render, specTools: minimalSpecTools, env });
  const response = await server.fetch('/v1/openapi.json');
  expect(response.status).toBe(200);
  return { server, document: (await response.json()) as OpenApiJson };
}

describe('GET /v1/openapi.json', () => {
  it('lists docs, MCP, metrics and health routes', async () => {
    const { document } = await openApi();
    const paths = Object.keys(document.paths);
    for (const route of ['/v1/docs', '/v1/docs/search', '/v1/docs/get', '/mcp', '/metrics', '/healthz', '/readyz', '/v1/healthz', '/v1/readyz', '/v1/openapi.json']) {
      expect(paths, route).toContain(route);
    }
    expect(Object.keys(document.paths['/mcp'] ?? {})).toEqual(['post']);
  });

  it('leaves out routes that are not mounted', async () => {
    const { document } = await openApi({ FLUVIE_ENABLE_MCP: 'false', FLUVIE_ENABLE_DOCS: 'false' });
    const paths = Object.keys(document.paths);
    expect(paths).not.toContain('/mcp');
    expect(paths).not.toContain('/v1/docs');
    expect(paths).not.toContain('/v1/docs/search');
  });

  it('describes the docs responses the server sends', async () => {
    const { server: running, document } = await openApi();
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['DocsList', 'DocsSearch', 'DocsPage', 'FlatError']));

    const list = docsListSchema.parse(await (await running.fetch('/v1/docs')).json());
    expect(list.pages.length).toBeGreaterThan(0);
    const search = await running.fetch('/v1/docs/search?q=webhook&limit=2');
    expect(docsSearchSchema.safeParse(await search.json()).success).toBe(true);
    const page = await running.fetch(`/v1/docs/get?path=${encodeURIComponent(list.pages[0]?.path ?? '')}`);
    expect(docsPageSchema.safeParse(await page.json()).success).toBe(true);
    const missing = await running.fetch('/v1/docs/search');
    expect(missing.status).toBe(400);
    expect(flatErrorSchema.safeParse(await missing.json()).success).toBe(true);
  });

  it('closes the render options to unknown keys', async () => {
    const { document } = await openApi();
    const request = document.components.schemas['RenderRequest'] as { properties: { options: { additionalProperties?: unknown } } };
    expect(request.properties.options.additionalProperties).toBe(false);
  });
});

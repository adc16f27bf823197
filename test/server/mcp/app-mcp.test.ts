/** `/mcp` and the docs routes as `createApp` mounts them, next to the render API. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRender } from '../support/fake-render.js';
import { realSpecTools } from '../support/spec-tools.js';
import { startTestServer, TINY_SPEC, type TestServer } from '../support/test-server.js';
import { resultText } from './support/mcp-harness.js';

describe('createApp with MCP and docs', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function start(env: Record<string, string> = {}): Promise<TestServer> {
    server = await startTestServer({ render: createFakeRender().render, specTools: await realSpecTools(), env });
    return server;
  }

  it('renders through /mcp with the job store of the API', async () => {
    const api = await start();
    const client = new Client({ name: 'test', version: '0' });
    await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', api.base)));
    try {
      const text = resultText(await client.callTool({ name: 'render_video', arguments: { spec: TINY_SPEC } }));
      const id = /\/v1\/files\/(rnd_[\w-]+)\/video/.exec(text)?.[1] ?? '';
      expect((await api.jobs.get(id))?.status).toBe('succeeded');
      expect((await fetch(/^Video: (\S+)$/m.exec(text)?.[1] ?? '')).status).toBe(200);
    } finally {
      await client.close();
    }
  });

  it('serves the bundled docs by default', async () => {
    const api = await start();
    const body = (await (await api.fetch('/v1/docs')).json()) as { pages: Array<{ path: string }> };
    expect(body.pages.map((page) => page.path)).toContain('guides/ai-and-mcp.md');
    const search = await api.fetch('/v1/docs/search');
    expect(search.status).toBe(400);
    expect(await search.json()).toEqual({ error: 'q is required' });
  });

  it('lists MCP and docs on the landing page', async () => {
    // With the API on, `/` is the render console; the landing page lists the surfaces without it.
    const html = await (await (await start({ FLUVIE_ENABLE_API: 'false', FLUVIE_MCP_TOKEN: 't' })).fetch('/')).text();
    expect(html).toContain('POST /mcp (docs mode, bearer token required)');
    expect(html).toContain('list_docs, search_docs, get_doc, init_project, get_video_spec_schema, validate_spec, spec_to_dart<');
    expect(html).toContain('GET /v1/docs/search?q={text}&amp;limit={n}');
  });

  it('lists the render tools when a remote API is set', async () => {
    const html = await (await (await start({ FLUVIE_ENABLE_API: 'false', FLUVIE_API_URL: 'http://127.0.0.1:9/' })).fetch('/')).text();
    expect(html).toContain('POST /mcp (build mode)');
    expect(html).toContain('spec_to_dart, render_video, render_composition, generate_video, edit_video, get_render');
  });

  it('mounts no /mcp when MCP is off', async () => {
    const api = await start({ FLUVIE_ENABLE_API: 'false', FLUVIE_ENABLE_MCP: 'false', FLUVIE_ENABLE_DOCS: 'true' });
    const mcp = await api.fetch('/mcp', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"ping"}' });
    expect(mcp.status).toBe(404);
    expect((await api.fetch('/v1/docs')).status).toBe(200);
    const html = await (await api.fetch('/')).text();
    expect(html).not.toContain('POST /mcp');
    expect(html).toContain('<th scope="row">MCP endpoint</th><td>disabled</td>');
  });

  it('mounts no docs when docs are off', async () => {
    const api = await start({ FLUVIE_ENABLE_DOCS: 'false' });
    expect((await api.fetch('/v1/docs')).status).toBe(404);
    const list = await api.fetch('/mcp', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' });
    const names = ((await list.json()) as { result: { tools: Array<{ name: string }> } }).result.tools.map((tool) => tool.name);
    expect(names).not.toContain('list_docs');
    expect(names).toContain('render_video');
  });

  it('requires FLUVIE_MCP_TOKEN on /mcp only', async () => {
    const api = await start({ FLUVIE_MCP_TOKEN: 'mcp-secret' });
    const ping = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"ping"}' };
    expect((await api.fetch('/mcp', ping)).status).toBe(401);
    expect((await api.fetch('/mcp', { ...ping, headers: { ...ping.headers, authorization: 'Bearer mcp-secret' } })).status).toBe(200);
    expect((await api.fetch('/v1/docs')).status).toBe(200);
  });
});

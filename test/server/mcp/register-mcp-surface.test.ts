/** Each toggle combination mounted on an app: which routes exist and which tools `/mcp` lists. */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../../src/config/server-config.js';
import { deriveSigningKey } from '../../../src/server/auth/signed-token.js';
import { RateLimiter } from '../../../src/server/http/rate-limiter.js';
import { createSilentLogger } from '../../../src/server/logger.js';
import { registerMcpSurface } from '../../../src/server/mcp/register-mcp-surface.js';
import { createFakeRender } from '../support/fake-render.js';
import { realSpecTools } from '../support/spec-tools.js';
import { API_TOKEN, startTestServer, type TestServer } from '../support/test-server.js';
import { DOCS_DIR, REPO_ROOT } from './support/mcp-harness.js';

describe('registerMcpSurface', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ render: createFakeRender().render, specTools: await realSpecTools() });
  });
  afterAll(async () => {
    await api?.close();
  });

  async function appFor(env: Record<string, string>): Promise<Hono> {
    const config = loadServerConfig({ API_TOKEN, CLEANUP_TOKEN: 'c', FLUVIE_DOCS_DIR: DOCS_DIR, ...env }, { cpuCount: 1 });
    const app = new Hono();
    registerMcpSurface(app, {
      config,
      logger: createSilentLogger(),
      cwd: REPO_ROOT,
      jobs: api.jobs,
      queue: api.queue,
      storage: api.storage,
      clock: { now: () => Date.now() },
      specTools: await realSpecTools(),
      rateLimiter: new RateLimiter({ limit: 5, windowMs: 60_000, dailyQuota: 50 }),
      publicBaseUrl: `${api.base}/`,
      signingKey: deriveSigningKey(null, API_TOKEN),
    });
    return app;
  }

  async function toolNames(app: Hono, headers: Record<string, string> = {}): Promise<string[] | number> {
    const response = await app.request('/mcp', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) });
    if (response.status !== 200) return response.status;
    return ((await response.json()) as { result: { tools: Array<{ name: string }> } }).result.tools.map((tool) => tool.name);
  }

  it('mounts docs and build tools by default', async () => {
    const app = await appFor({});
    expect(await toolNames(app)).toHaveLength(12);
    expect((await app.request('/v1/docs')).status).toBe(200);
  });

  it('mounts no /mcp when MCP is off', async () => {
    const app = await appFor({ FLUVIE_ENABLE_MCP: 'false' });
    expect(await toolNames(app)).toBe(404);
    expect((await app.request('/v1/docs/search?q=render')).status).toBe(200);
  });

  it('mounts no docs when docs are off', async () => {
    const app = await appFor({ FLUVIE_ENABLE_DOCS: 'false' });
    expect((await app.request('/v1/docs')).status).toBe(404);
    expect(await toolNames(app)).toEqual(['init_project', 'get_video_spec_schema', 'validate_spec', 'spec_to_dart', 'render_video', 'render_composition', 'generate_video', 'edit_video', 'get_render']);
  });

  it('offers docs tools only in docs mode', async () => {
    const app = await appFor({ FLUVIE_MCP_MODE: 'docs' });
    expect(await toolNames(app)).toEqual(['list_docs', 'search_docs', 'get_doc', 'init_project', 'get_video_spec_schema', 'validate_spec', 'spec_to_dart']);
  });

  it('renders through FLUVIE_API_URL when the API is off here', async () => {
    const app = await appFor({ FLUVIE_ENABLE_API: 'false', FLUVIE_API_URL: api.base, FLUVIE_API_TOKEN: API_TOKEN });
    const response = await app.request('/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'render_video', arguments: { spec: { scenes: [{ duration: '2f' }] }, wait: false } } }),
    });
    const text = ((await response.json()) as { result: { content: Array<{ text: string }> } }).result.content[0]?.text ?? '';
    const id = /^Job: (\S+)$/m.exec(text)?.[1] ?? '';
    expect(await api.jobs.get(id)).not.toBeNull();
  });

  it('requires FLUVIE_MCP_TOKEN when set', async () => {
    const app = await appFor({ FLUVIE_MCP_TOKEN: 'secret' });
    expect(await toolNames(app)).toBe(401);
    expect(await toolNames(app, { authorization: 'Bearer secret' })).toHaveLength(12);
    expect((await app.request('/v1/docs')).status).toBe(200);
  });
});

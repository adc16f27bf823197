/**
 * Test wiring of the MCP endpoint: the render API of the server tests (real runRender, real files),
 * a local render gateway over its job store and queue, and a Hono app with `/mcp` and the docs routes
 * on 127.0.0.1, the way the server app mounts them.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { deriveSigningKey } from '../../../../src/server/auth/signed-token.js';
import { loadDocsLibrary } from '../../../../src/server/docs/docs-library.js';
import { registerDocsRoutes } from '../../../../src/server/docs/docs-routes.js';
import { RateLimiter } from '../../../../src/server/http/rate-limiter.js';
import { createSilentLogger } from '../../../../src/server/logger.js';
import { createLocalRenderGateway } from '../../../../src/server/mcp/gateways/local-render-gateway.js';
import { registerMcpRoutes } from '../../../../src/server/mcp/mcp-routes.js';
import { printSpecDart } from '../../../../src/server/mcp/print-spec-dart.js';
import type { RenderGateway } from '../../../../src/server/mcp/render-gateway.js';
import { createMcpServer, type McpServerDeps } from '../../../../src/server/mcp/server.js';
import type { RenderFunction } from '../../../../src/server/queue/render-job.js';
import { API_TOKEN, startTestServer, type TestServer } from '../../support/test-server.js';
import { realSpecTools } from '../../support/spec-tools.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const DOCS_DIR = path.join(REPO_ROOT, 'docs');

/** 64x64, 10 frames at 25 fps, a red scene with a white box. */
export const TINY_SPEC = {
  size: { width: 64, height: 64 },
  fps: 25,
  scenes: [{ duration: '10f', background: { kind: 'color', color: '#FFFF0000' } }],
};

export interface McpTestServer {
  api: TestServer;
  gateway: RenderGateway;
  /** Base URL of the app with `/mcp` and `/v1/docs`. */
  base: string;
  close(): Promise<void>;
}

export interface McpTestServerOptions {
  token?: string | null;
  mode?: 'docs' | 'build';
  docs?: boolean;
  waitTimeoutMs?: number;
  apiEnv?: Record<string, string>;
  /** Render function of the API; default the real `runRender`. */
  render?: RenderFunction;
}

export async function startMcpTestServer(options: McpTestServerOptions = {}): Promise<McpTestServer> {
  const specTools = await realSpecTools();
  const render = options.render ?? (await import('../../../../src/core/pipeline/run-render.js')).runRender;
  const api = await startTestServer({ render, specTools, env: { PUBLIC_BY_DEFAULT: 'false', ...options.apiEnv } });
  const gateway = createLocalRenderGateway({
    jobs: api.jobs,
    queue: api.queue,
    storage: api.storage,
    clock: { now: () => Date.now() },
    specTools,
    rateLimiter: new RateLimiter({ limit: 5, windowMs: 60_000, dailyQuota: 50 }),
    publicBaseUrl: `${api.base}/`,
    signingKey: deriveSigningKey(api.config.downloadSigningKey, API_TOKEN),
    config: api.config,
    pollIntervalMs: 25,
  });

  const docs = options.docs === false ? null : loadDocsLibrary(DOCS_DIR);
  const deps: McpServerDeps = {
    docs,
    mode: options.mode ?? 'build',
    gateway,
    specTools,
    printDart: printSpecDart,
    logger: createSilentLogger(),
    ...(options.waitTimeoutMs === undefined ? {} : { waitTimeoutMs: options.waitTimeoutMs }),
  };
  const app = new Hono();
  registerMcpRoutes(app, { createServer: () => createMcpServer(deps), token: options.token ?? null, logger: createSilentLogger() });
  if (docs !== null) registerDocsRoutes(app, docs);

  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    api,
    gateway,
    base,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await api.close();
    },
  };
}

/** Connects an SDK client over Streamable HTTP. */
export async function connectHttpClient(base: string, token: string | null = null): Promise<Client> {
  const client = new Client({ name: 'fluvie-render-tests', version: '0.0.0' });
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', base), { requestInit: { headers } }));
  return client;
}

/** The text of a tool result's first content item. */
export function resultText(result: unknown): string {
  const content = (result as { content?: Array<{ type: string; text?: string }> }).content ?? [];
  const first = content[0];
  if (first?.type !== 'text' || first.text === undefined) throw new Error(`tool result has no text content: ${JSON.stringify(result)}`);
  return first.text;
}

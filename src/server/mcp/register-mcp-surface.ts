/**
 * Mounts what the configuration enables besides the render API: the docs routes under `/v1/docs`
 * and the MCP endpoint at `/mcp`, whose render tools use this process's job store and queue when the
 * API runs here, or `FLUVIE_API_URL` otherwise.
 */
import type { Env, Hono } from 'hono';
import type { ServerConfig } from '../../config/server-config.js';
import { resolveDocsDir } from '../docs/bundled-docs-dir.js';
import { loadDocsLibrary, type DocsLibrary } from '../docs/docs-library.js';
import { registerDocsRoutes } from '../docs/docs-routes.js';
import type { Logger } from '../logger.js';
import { createLocalRenderGateway, type LocalRenderGatewayDeps } from './gateways/local-render-gateway.js';
import { createRemoteRenderGateway } from './gateways/remote-render-gateway.js';
import { resolveMcpSetup, type McpRenderBackend } from './mcp-setup.js';
import { registerMcpRoutes } from './mcp-routes.js';
import { printSpecDart } from './print-spec-dart.js';
import type { RenderGateway } from './render-gateway.js';
import { createMcpServer } from './server.js';

export interface McpSurfaceDeps extends Omit<LocalRenderGatewayDeps, 'config'> {
  config: ServerConfig;
  logger: Logger;
  /** Folder a relative `FLUVIE_DOCS_DIR` is resolved against; default the process working folder. */
  cwd?: string;
}

export function registerMcpSurface<E extends Env>(app: Hono<E>, deps: McpSurfaceDeps): void {
  const { config, logger } = deps;
  const setup = resolveMcpSetup(config);
  const docs = setup.docs ? loadDocs(deps) : null;
  if (docs !== null) registerDocsRoutes(app, docs);
  if (!setup.enabled) return;

  const gateway = createGateway(setup.backend, deps);
  const serverDeps = { docs, mode: setup.mode, gateway, specTools: deps.specTools, printDart: printSpecDart, logger };
  registerMcpRoutes(app, { createServer: () => createMcpServer(serverDeps), token: config.mcpToken, logger });
  logger.debug({ mode: setup.mode, render: gateway?.label ?? null, docs: docs !== null }, 'MCP endpoint mounted at /mcp');
}

function loadDocs(deps: McpSurfaceDeps): Promise<DocsLibrary> {
  const dir = resolveDocsDir(deps.config.docsDir, deps.cwd ?? '.');
  const docs = loadDocsLibrary(dir);
  // The routes await the same promise and turn a failure into a 500; this logs it once at start-up.
  docs.then(
    (library) => deps.logger.debug({ dir, pages: library.list().length }, 'docs corpus loaded'),
    (error: unknown) => deps.logger.error({ err: error, dir }, 'loading the docs corpus failed'),
  );
  return docs;
}

function createGateway(backend: McpRenderBackend, deps: McpSurfaceDeps): RenderGateway | null {
  switch (backend.kind) {
    case 'none':
      return null;
    case 'local':
      return createLocalRenderGateway(deps);
    case 'remote':
      return createRemoteRenderGateway({ apiUrl: backend.apiUrl, apiToken: backend.apiToken });
  }
}

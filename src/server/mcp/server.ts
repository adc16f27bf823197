/**
 * Builds the fluvie MCP server (official SDK) with the tool set the configuration allows: the docs
 * tools when the docs helper is on, then the spec tools, then, in `build` mode, the render tools over
 * a {@link RenderGateway}. The same server serves `/mcp` and stdio.
 */
import { createRequire } from 'node:module';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { FluvieError } from '../../core/errors.js';
import type { DocsLibrary } from '../docs/docs-library.js';
import type { Logger } from '../logger.js';
import type { SpecTools } from '../spec-tools.js';
import type { RenderGateway } from './render-gateway.js';
import type { DefinedTool } from './tool-definition.js';
import type { DartPrinter } from './tool-context.js';
import { editVideoTool } from './tools/edit-video.js';
import { generateVideoTool } from './tools/generate-video.js';
import { getDocTool } from './tools/get-doc.js';
import { getRenderTool } from './tools/get-render.js';
import { getVideoSpecSchemaTool } from './tools/get-video-spec-schema.js';
import { initProjectTool } from './tools/init-project.js';
import { listDocsTool } from './tools/list-docs.js';
import { renderCompositionTool } from './tools/render-composition.js';
import { renderVideoTool } from './tools/render-video.js';
import { searchDocsTool } from './tools/search-docs.js';
import { specToDartTool } from './tools/spec-to-dart.js';
import { validateSpecTool } from './tools/validate-spec.js';
import { DEFAULT_WAIT_TIMEOUT_MS } from './wait-for-job.js';

/** Name the server reports in `initialize`, as the Dart server does. */
export const MCP_SERVER_NAME = 'fluvie';

export interface McpServerDeps {
  /** The docs corpus, or null when the docs helper is off (no docs tools). */
  docs: DocsLibrary | Promise<DocsLibrary> | null;
  /** `docs`: docs and spec tools only. `build`: also the render tools, which need `gateway`. */
  mode: 'docs' | 'build';
  gateway: RenderGateway | null;
  specTools: SpecTools;
  /** Dart printer of `spec_to_dart`, or null when this build has none. */
  printDart: DartPrinter | null;
  logger: Logger;
  /** How long render tools wait for a job, in ms. Default 10 minutes. */
  waitTimeoutMs?: number;
}

/**
 * Returns the tools for `deps`, in the order `tools/list` shows them.
 * @throws FluvieError `config_invalid` for `build` mode without a gateway.
 */
export function selectTools(deps: McpServerDeps): DefinedTool[] {
  const tools: DefinedTool[] = [];
  if (deps.docs !== null) {
    const docs = { docs: deps.docs };
    tools.push(listDocsTool(docs), searchDocsTool(docs), getDocTool(docs));
  }
  tools.push(initProjectTool(), getVideoSpecSchemaTool(deps.specTools), validateSpecTool(deps.specTools), specToDartTool(deps.printDart));
  if (deps.mode === 'docs') return tools;

  if (deps.gateway === null) {
    throw new FluvieError('config_invalid', 'FLUVIE_MCP_MODE=build needs a render API: enable it here (FLUVIE_ENABLE_API=true) or set FLUVIE_API_URL to a remote one.');
  }
  const render = { gateway: deps.gateway, waitTimeoutMs: deps.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS };
  tools.push(renderVideoTool(render), renderCompositionTool(render), generateVideoTool(render), editVideoTool(render), getRenderTool(render));
  return tools;
}

/** Builds a server with the tools of {@link selectTools}; connect it to one transport. */
export function createMcpServer(deps: McpServerDeps): McpServer {
  const server = new McpServer({ name: MCP_SERVER_NAME, version: packageVersion() }, { capabilities: { tools: {} } });
  const onUnexpectedError = (tool: string, error: unknown): void => deps.logger.error({ err: error, tool }, 'MCP tool failed with an unexpected error');
  for (const tool of selectTools(deps)) tool.register(server, onUnexpectedError);
  return server;
}

function packageVersion(): string {
  // src/server/mcp and dist/server/mcp both sit three folders below package.json.
  const manifest = createRequire(import.meta.url)('../../../package.json') as { version: string };
  return manifest.version;
}

/**
 * What the MCP surface of a configuration looks like: whether it is on, whether it has the docs
 * tools, and which render API the render tools reach. Pure, so every toggle combination is testable.
 */
import type { ServerConfig } from '../../config/server-config.js';

/** Destination of render-tool jobs: this process's API, a remote API, or nowhere (docs mode). */
export type McpRenderBackend = { kind: 'local' } | { kind: 'remote'; apiUrl: string; apiToken: string | null } | { kind: 'none' };

export interface McpSetup {
  /** `FLUVIE_ENABLE_MCP`: `/mcp` is mounted and `fluvie-render mcp` may run. */
  enabled: boolean;
  /** `FLUVIE_ENABLE_DOCS`: the docs tools are offered. */
  docs: boolean;
  mode: 'docs' | 'build';
  backend: McpRenderBackend;
}

type McpConfig = Pick<ServerConfig, 'enableApi' | 'enableMcp' | 'enableDocs' | 'mcpMode' | 'remoteApiUrl' | 'remoteApiToken'>;

/** The API of this process wins over `FLUVIE_API_URL`, as in the Dart server. */
export function resolveMcpSetup(config: McpConfig): McpSetup {
  const setup = { enabled: config.enableMcp, docs: config.enableDocs, mode: config.mcpMode };
  if (config.mcpMode === 'docs') return { ...setup, backend: { kind: 'none' } };
  if (config.enableApi) return { ...setup, backend: { kind: 'local' } };
  if (config.remoteApiUrl !== null) return { ...setup, backend: { kind: 'remote', apiUrl: config.remoteApiUrl, apiToken: config.remoteApiToken } };
  return { ...setup, mode: 'docs', backend: { kind: 'none' } };
}

export const DOCS_TOOL_NAMES = ['list_docs', 'search_docs', 'get_doc'] as const;
export const SPEC_TOOL_NAMES = ['init_project', 'get_video_spec_schema', 'validate_spec', 'spec_to_dart'] as const;
export const RENDER_TOOL_NAMES = ['render_video', 'render_composition', 'generate_video', 'edit_video', 'get_render'] as const;

/** Names of the tools a setup offers, in `tools/list` order (the landing page lists them). */
export function toolNamesFor(setup: Pick<McpSetup, 'docs' | 'mode'>): string[] {
  return [...(setup.docs ? DOCS_TOOL_NAMES : []), ...SPEC_TOOL_NAMES, ...(setup.mode === 'build' ? RENDER_TOOL_NAMES : [])];
}

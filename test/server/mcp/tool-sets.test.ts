/** The tool set of every combination of the MCP toggles, from the environment to `tools/list`. */
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../../src/config/server-config.js';
import { DocsLibrary } from '../../../src/server/docs/docs-library.js';
import { createSilentLogger } from '../../../src/server/logger.js';
import { resolveMcpSetup, toolNamesFor } from '../../../src/server/mcp/mcp-setup.js';
import type { RenderGateway } from '../../../src/server/mcp/render-gateway.js';
import { selectTools } from '../../../src/server/mcp/server.js';
import { minimalSpecTools } from '../support/spec-tools.js';

const DOCS_TOOLS = ['list_docs', 'search_docs', 'get_doc'];
const SPEC_TOOLS = ['init_project', 'get_video_spec_schema', 'validate_spec', 'spec_to_dart'];
const RENDER_TOOLS = ['render_video', 'render_composition', 'generate_video', 'edit_video', 'get_render'];
const TOKENS = { API_TOKEN: 'a', CLEANUP_TOKEN: 'c' };
const REMOTE = 'http://127.0.0.1:9/';

const gateway: RenderGateway = {
  label: 'unused',
  pollIntervalMs: 0,
  submit: () => Promise.reject(new Error('not called')),
  get: () => Promise.reject(new Error('not called')),
};

function toolsFor(env: Record<string, string>): { backend: string; tools: string[] } {
  const setup = resolveMcpSetup(loadServerConfig({ ...TOKENS, ...env }, { cpuCount: 1 }));
  const tools = selectTools({
    docs: setup.docs ? new DocsLibrary([]) : null,
    mode: setup.mode,
    gateway: setup.backend.kind === 'none' ? null : gateway,
    specTools: minimalSpecTools,
    printDart: null,
    logger: createSilentLogger(),
  });
  const names = tools.map((tool) => tool.name);
  expect(toolNamesFor(setup)).toEqual(names);
  return { backend: setup.backend.kind, tools: names };
}

describe('MCP tool sets', () => {
  it.each([
    ['defaults', {}, 'local', [...DOCS_TOOLS, ...SPEC_TOOLS, ...RENDER_TOOLS]],
    ['docs off', { FLUVIE_ENABLE_DOCS: 'false' }, 'local', [...SPEC_TOOLS, ...RENDER_TOOLS]],
    ['docs mode', { FLUVIE_MCP_MODE: 'docs' }, 'none', [...DOCS_TOOLS, ...SPEC_TOOLS]],
    ['docs mode, docs off', { FLUVIE_MCP_MODE: 'docs', FLUVIE_ENABLE_DOCS: 'false' }, 'none', SPEC_TOOLS],
    ['API off', { FLUVIE_ENABLE_API: 'false' }, 'none', [...DOCS_TOOLS, ...SPEC_TOOLS]],
    ['API off, remote API', { FLUVIE_ENABLE_API: 'false', FLUVIE_API_URL: REMOTE }, 'remote', [...DOCS_TOOLS, ...SPEC_TOOLS, ...RENDER_TOOLS]],
    ['API off, remote API, docs mode', { FLUVIE_ENABLE_API: 'false', FLUVIE_API_URL: REMOTE, FLUVIE_MCP_MODE: 'docs' }, 'none', [...DOCS_TOOLS, ...SPEC_TOOLS]],
    ['API on and remote API', { FLUVIE_API_URL: REMOTE }, 'local', [...DOCS_TOOLS, ...SPEC_TOOLS, ...RENDER_TOOLS]],
    ['API and docs off, remote API', { FLUVIE_ENABLE_API: 'false', FLUVIE_ENABLE_DOCS: 'false', FLUVIE_API_URL: REMOTE }, 'remote', [...SPEC_TOOLS, ...RENDER_TOOLS]],
  ])('%s', (_name, env, backend, tools) => {
    expect(toolsFor(env)).toEqual({ backend, tools });
  });

  it('records FLUVIE_ENABLE_MCP', () => {
    expect(resolveMcpSetup(loadServerConfig({ ...TOKENS, FLUVIE_ENABLE_MCP: 'false' }, { cpuCount: 1 })).enabled).toBe(false);
    expect(resolveMcpSetup(loadServerConfig(TOKENS, { cpuCount: 1 })).enabled).toBe(true);
  });

  it('passes the remote token on', () => {
    const setup = resolveMcpSetup(loadServerConfig({ FLUVIE_ENABLE_API: 'false', FLUVIE_API_URL: REMOTE, FLUVIE_API_TOKEN: 'remote-token' }, { cpuCount: 1 }));
    expect(setup.backend).toEqual({ kind: 'remote', apiUrl: REMOTE, apiToken: 'remote-token' });
  });

  it('rejects build mode without a gateway', () => {
    expect(() => selectTools({ docs: null, mode: 'build', gateway: null, specTools: minimalSpecTools, printDart: null, logger: createSilentLogger() })).toThrow(/FLUVIE_API_URL/);
  });

  it('rejects every switch off', () => {
    expect(() => loadServerConfig({ FLUVIE_ENABLE_API: 'false', FLUVIE_ENABLE_MCP: 'false', FLUVIE_ENABLE_DOCS: 'false' }, { cpuCount: 1 })).toThrow(/at least one/);
  });
});

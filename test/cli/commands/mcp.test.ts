/** `fluvie-render mcp` as a process: the MCP tools over stdio, with logs on stderr only. */
import { execa } from 'execa';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAndProbe, videoUrlOf } from '../../server/mcp/support/fetch-video.js';
import { DOCS_DIR, REPO_ROOT, resultText, TINY_SPEC } from '../../server/mcp/support/mcp-harness.js';
import { childEnv, CLI_ENTRY, connectStdioClient, VITE_NODE, type StdioSession } from '../../server/mcp/support/stdio-client.js';
import { createFakeRender, FAKE_VIDEO_BYTES } from '../../server/support/fake-render.js';
import { realSpecTools } from '../../server/support/spec-tools.js';
import { API_TOKEN, startTestServer, type TestServer } from '../../server/support/test-server.js';

describe('fluvie-render mcp with a remote render API', () => {
  let api: TestServer;
  let session: StdioSession;

  beforeAll(async () => {
    // Composition renders need a Flutter project on the server; the fake render never reads it.
    api = await startTestServer({ render: createFakeRender().render, specTools: await realSpecTools(), env: { RENDER_PROJECT: '/srv/flutter-app' } });
    session = await connectStdioClient({ FLUVIE_ENABLE_API: 'false', FLUVIE_API_URL: api.base, FLUVIE_API_TOKEN: API_TOKEN, FLUVIE_DOCS_DIR: DOCS_DIR });
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    await api?.close();
  });

  it('initializes and lists every tool with schemas', async () => {
    expect(session.client.getServerVersion()?.name).toBe('fluvie');
    const { tools } = await session.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      'list_docs', 'search_docs', 'get_doc', 'init_project', 'get_video_spec_schema', 'validate_spec', 'spec_to_dart',
      'render_video', 'render_composition', 'generate_video', 'edit_video', 'get_render',
    ]);
    expect(tools.find((tool) => tool.name === 'get_doc')?.inputSchema).toMatchObject({ type: 'object', required: ['path'] });
  });

  it('renders through the remote API and returns its link', async () => {
    const text = resultText(await session.client.callTool({ name: 'render_video', arguments: { spec: TINY_SPEC } }));
    const url = videoUrlOf(text);
    expect(url).toMatch(new RegExp(`^http://localhost:${new URL(api.base).port}/v1/files/rnd_[\\w-]+/video\\?token=`));
    expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(FAKE_VIDEO_BYTES);
  });

  it('polls a job with get_render', async () => {
    const queued = resultText(await session.client.callTool({ name: 'render_composition', arguments: { key: 'demo', wait: false } }));
    const id = /^Job: (\S+)$/m.exec(queued)?.[1] ?? '';
    let status = '';
    for (let attempt = 0; attempt < 200 && !/Status: (succeeded|failed)/.test(status); attempt += 1) {
      status = resultText(await session.client.callTool({ name: 'get_render', arguments: { id } }));
    }
    expect(status).toContain(`Job: ${id}\nStatus: succeeded`);
    expect((await api.jobs.get(id))?.input).toEqual({ kind: 'key', key: 'demo' });
  });

  it('serves the docs and spec tools', async () => {
    const hits = JSON.parse(resultText(await session.client.callTool({ name: 'search_docs', arguments: { query: 'Claude Desktop stdio' } }))) as Array<{ path: string }>;
    expect(hits[0]?.path).toBe('guides/ai-and-mcp.md');
    const schema = JSON.parse(resultText(await session.client.callTool({ name: 'get_video_spec_schema', arguments: {} }))) as { title: string };
    expect(schema.title).toBe('Fluvie VideoSpec (version 1)');
  });

  it('returns tool errors as results', async () => {
    const result = await session.client.callTool({ name: 'get_render', arguments: { id: 'rnd_missing' } });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toBe('No such job');
  });

  it('logs on stderr', () => {
    expect(session.stderr()).toContain('MCP server ready on stdio');
  });
});

describe('fluvie-render mcp in docs mode', () => {
  it('offers the docs and spec tools only', async () => {
    const session = await connectStdioClient({ FLUVIE_ENABLE_API: 'false', FLUVIE_DOCS_DIR: DOCS_DIR });
    try {
      const { tools } = await session.client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['list_docs', 'search_docs', 'get_doc', 'init_project', 'get_video_spec_schema', 'validate_spec', 'spec_to_dart']);
      const page = resultText(await session.client.callTool({ name: 'get_doc', arguments: { path: 'reference/cli.md' } }));
      expect(page.startsWith('# Command line')).toBe(true);
    } finally {
      await session.close();
    }
  }, 60_000);

  it('uses the bundled docs without FLUVIE_DOCS_DIR', async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'fluvie-mcp-cwd-'));
    const session = await connectStdioClient({ FLUVIE_ENABLE_API: 'false' }, elsewhere);
    try {
      const pages = JSON.parse(resultText(await session.client.callTool({ name: 'list_docs', arguments: {} }))) as Array<{ path: string }>;
      expect(pages.map((page) => page.path)).toContain('guides/video-spec.md');
    } finally {
      await session.close();
      await rm(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('fluvie-render mcp with its own render API', () => {
  let storage: string;
  let session: StdioSession;

  beforeAll(async () => {
    storage = await mkdtemp(path.join(tmpdir(), 'fluvie-mcp-stdio-'));
    session = await connectStdioClient({ LOCAL_STORAGE_DIR: storage, FLUVIE_DOCS_DIR: DOCS_DIR, CLEANUP_INTERVAL: '0' });
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    await rm(storage, { recursive: true, force: true });
  });

  it('renders a spec that can be downloaded while it runs', async () => {
    const progress: number[] = [];
    const result = await session.client.callTool({ name: 'render_video', arguments: { spec: TINY_SPEC } }, undefined, { onprogress: (update) => void progress.push(update.progress) });
    expect(result.isError, resultText(result)).toBeFalsy();
    const url = videoUrlOf(resultText(result));
    expect(url).toMatch(/^http:\/\/localhost:\d+\/v1\/files\/rnd_[\w-]+\/video\?token=/);

    const video = await fetchAndProbe(url, 64, 64);
    expect(video.stream.codec_name).toBe('h264');
    expect(video.stream.frameCount).toBe(10);
    // The client can drop the last notifications when they arrive in the same read as the result
    // (see the NOTE in the stdio client helper), so only their order and range are checked.
    expect(progress.length).toBeGreaterThan(0);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBeLessThanOrEqual(10);
    expect(session.stderr()).toContain('render API for the MCP tools listening');
  });
});

describe('fluvie-render mcp configuration', () => {
  it('exits 78 when MCP is off', async () => {
    const run = await execa(VITE_NODE, [CLI_ENTRY, '--', 'mcp'], { env: childEnv({ FLUVIE_ENABLE_MCP: 'false' }), extendEnv: false, cwd: REPO_ROOT, reject: false, input: '' });
    expect(run.exitCode).toBe(78);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('FLUVIE_ENABLE_MCP=false');
  }, 60_000);

  it('exits 78 with the bad variable named', async () => {
    const run = await execa(VITE_NODE, [CLI_ENTRY, '--', 'mcp'], { env: childEnv({ FLUVIE_MCP_MODE: 'everything' }), extendEnv: false, cwd: REPO_ROOT, reject: false, input: '' });
    expect(run.exitCode).toBe(78);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Configuration error');
    expect(run.stderr).toContain('FLUVIE_MCP_MODE');
  }, 60_000);
});

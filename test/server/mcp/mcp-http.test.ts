import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectColorNear, pixelAt } from '../../helpers/media.js';
import { fetchAndProbe, videoUrlOf } from './support/fetch-video.js';
import { connectHttpClient, resultText, startMcpTestServer, TINY_SPEC, type McpTestServer } from './support/mcp-harness.js';

const ALL_TOOLS = [
  'list_docs', 'search_docs', 'get_doc', 'init_project', 'get_video_spec_schema', 'validate_spec', 'spec_to_dart',
  'render_video', 'render_composition', 'generate_video', 'edit_video', 'get_render',
];

describe('MCP over Streamable HTTP', () => {
  let server: McpTestServer;
  let client: Client;

  beforeAll(async () => {
    server = await startMcpTestServer();
    client = await connectHttpClient(server.base);
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it('initializes as the fluvie server with tools', () => {
    expect(client.getServerVersion()?.name).toBe('fluvie');
    expect(client.getServerCapabilities()?.tools).toBeDefined();
  });

  it('lists every tool with its input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(ALL_TOOLS);
    for (const tool of tools) {
      expect(tool.description, tool.name).toBeTruthy();
      expect(tool.inputSchema.type, tool.name).toBe('object');
    }
    const render = tools.find((tool) => tool.name === 'render_video');
    expect(render?.inputSchema.required).toEqual(['spec']);
    expect(render?.inputSchema.properties?.['format']).toMatchObject({ enum: ['mp4', 'gif', 'transparent'] });
    expect(render?.inputSchema.properties?.['aspect']).toMatchObject({ enum: ['reels', 'square', 'landscape', 'portrait45'] });
    expect(render?.inputSchema.properties?.['wait']).toMatchObject({ type: 'boolean' });
    const search = tools.find((tool) => tool.name === 'search_docs');
    expect(search?.inputSchema.required).toEqual(['query']);
  });

  it('renders a spec and streams progress', async () => {
    const progress: Array<{ progress: number; total?: number }> = [];
    const result = await client.callTool({ name: 'render_video', arguments: { spec: TINY_SPEC } }, undefined, {
      onprogress: (update) => void progress.push(update),
    });

    expect(result.isError).toBeFalsy();
    const text = resultText(result);
    expect(text).toMatch(/^Video: http:\/\/127\.0\.0\.1:\d+\/v1\/files\/rnd_[\w-]+\/video\?token=\S+$/);
    const video = await fetchAndProbe(videoUrlOf(text), 64, 64);
    expect(video.contentType).toBe('video/mp4');
    expect(video.stream.codec_name).toBe('h264');
    expect([video.stream.width, video.stream.height]).toEqual([64, 64]);
    expect(video.stream.frameCount).toBe(10);
    expectColorNear(pixelAt(video.firstFrame, 64, 32, 32), [255, 0, 0, 255], 12);

    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ progress: 10, total: 10 });
    const values = progress.map((update) => update.progress);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('renders a poster with the video', async () => {
    const result = await client.callTool({ name: 'render_video', arguments: { spec: TINY_SPEC, format: 'gif', poster: '5f' } });
    const text = resultText(result);
    expect(text).toMatch(/^Video: \S+\nPoster: \S+$/);
    const poster = await fetch(/^Poster: (\S+)$/m.exec(text)?.[1] ?? '');
    expect(poster.status).toBe(200);
    expect(poster.headers.get('content-type')).toBe('image/png');
    const gif = await fetch(videoUrlOf(text));
    expect(gif.headers.get('content-type')).toBe('image/gif');
  });

  it('returns the job at once and polls it with get_render', async () => {
    const queued = resultText(await client.callTool({ name: 'render_video', arguments: { spec: TINY_SPEC, wait: false } }));
    const id = /^Job: (rnd_[\w-]+)$/m.exec(queued)?.[1];
    expect(id).toBeDefined();
    expect(queued).toContain('Status: queued');
    expect(queued).toContain(`get_render with {"id": "${id}"}`);

    let status = '';
    for (let attempt = 0; attempt < 400 && !status.includes('Status: succeeded'); attempt += 1) {
      const result = await client.callTool({ name: 'get_render', arguments: { id } });
      expect(result.isError).toBeFalsy();
      status = resultText(result);
      if (!status.includes('Status: succeeded')) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(status).toContain(`Job: ${id}`);
    expect(status).toContain('Progress: 10/10 frames');
    const video = await fetchAndProbe(videoUrlOf(status), 64, 64);
    expect(video.stream.frameCount).toBe(10);
  });

  it('reports an unknown job as a tool error', async () => {
    const result = await client.callTool({ name: 'get_render', arguments: { id: 'rnd_unknown' } });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain('No such job: "rnd_unknown"');
  });

  it('reports an invalid spec as a tool error', async () => {
    const result = await client.callTool({ name: 'render_video', arguments: { spec: { scenes: [{ duration: 'soon' }] } } });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain('scenes[0].duration');
  });

  it('reports arguments outside the schema as a tool error', async () => {
    const result = await client.callTool({ name: 'render_video', arguments: { spec: TINY_SPEC, format: 'avi' } });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain('format');
  });

  it('rejects composition renders without RENDER_PROJECT', async () => {
    const result = await client.callTool({ name: 'render_composition', arguments: { key: 'no_such_key' } });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain('RENDER_PROJECT');
  });

  it('answers AI tools with the API refusal', async () => {
    const generated = await client.callTool({ name: 'generate_video', arguments: { prompt: 'A teal title card' } });
    expect(generated.isError).toBe(true);
    expect(resultText(generated)).toContain('AI rendering is not configured on this server');
    const edited = await client.callTool({ name: 'edit_video', arguments: { base: TINY_SPEC, change: 'make it blue' } });
    expect(edited.isError).toBe(true);
    expect(resultText(edited)).toContain('AI rendering is not configured on this server');
  });

  it('serves the docs tools', async () => {
    const pages = JSON.parse(resultText(await client.callTool({ name: 'list_docs', arguments: {} }))) as Array<{ path: string; title: string }>;
    expect(pages).toContainEqual({ path: 'guides/video-spec.md', title: 'The VideoSpec format' });

    const hits = JSON.parse(resultText(await client.callTool({ name: 'search_docs', arguments: { query: 'webhook', limit: '2' } }))) as Array<{ path: string; snippet: string }>;
    expect(hits).toHaveLength(2);
    expect(hits[0]?.snippet.toLowerCase()).toContain('webhook');
    const defaultLimit = JSON.parse(resultText(await client.callTool({ name: 'search_docs', arguments: { query: 'render' } }))) as unknown[];
    expect(defaultLimit).toHaveLength(5);

    const page = resultText(await client.callTool({ name: 'get_doc', arguments: { path: 'guides/video-spec.md' } }));
    expect(page.startsWith('# The VideoSpec format\n')).toBe(true);

    const missing = await client.callTool({ name: 'get_doc', arguments: { path: '../package.json' } });
    expect(missing.isError).toBe(true);
    expect(resultText(missing)).toBe('No documentation page at "../package.json". Call list_docs for the valid paths.');
  });

  it('serves the spec tools', async () => {
    const schema = JSON.parse(resultText(await client.callTool({ name: 'get_video_spec_schema', arguments: {} }))) as Record<string, unknown>;
    expect(schema['$id']).toBe('urn:fluvie-render:schema:video-spec:1');

    expect(resultText(await client.callTool({ name: 'validate_spec', arguments: { spec: TINY_SPEC } }))).toBe('OK: no problems found. The spec is ready to render.');
    const odd = await client.callTool({ name: 'validate_spec', arguments: { spec: { ...TINY_SPEC, size: { width: 63, height: 64 } } } });
    expect(odd.isError).toBe(true);
    expect(resultText(odd)).toMatch(/^Not ready to render\. Fix these:\n {2}error size/);

    const dart = resultText(await client.callTool({ name: 'spec_to_dart', arguments: { spec: TINY_SPEC } }));
    expect(dart).toContain('Video build() {');
    const badDart = await client.callTool({ name: 'spec_to_dart', arguments: { spec: { scenes: [] } } });
    expect(badDart.isError).toBe(true);
    expect(resultText(badDart)).toMatch(/^Could not convert the spec to Dart: /);

    const guide = resultText(await client.callTool({ name: 'init_project', arguments: {} }));
    expect(guide).toContain('fluvie-render init');
  });
});

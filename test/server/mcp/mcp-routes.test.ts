/** The `/mcp` endpoint's HTTP behaviour: plain JSON-RPC clients, auth, and the stateless transport. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectHttpClient, resultText, startMcpTestServer, type McpTestServer } from './support/mcp-harness.js';
import { createFakeRender } from '../support/fake-render.js';

const TOKEN = 'mcp-test-token';

async function post(base: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL('/mcp', base), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('/mcp for plain JSON-RPC clients', () => {
  let server: McpTestServer;
  beforeAll(async () => {
    server = await startMcpTestServer({ render: createFakeRender().render });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers initialize with one JSON object', async () => {
    const response = await post(server.base, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'dart', version: '1' } } }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { id: number; result: { protocolVersion: string; serverInfo: { name: string }; capabilities: Record<string, unknown> } };
    expect(body.id).toBe(1);
    expect(body.result.protocolVersion).toBe('2025-06-18');
    expect(body.result.serverInfo.name).toBe('fluvie');
    expect(body.result.capabilities['tools']).toBeDefined();
  });

  it('calls a tool without a prior initialize', async () => {
    const response = await post(server.base, JSON.stringify({ jsonrpc: '2.0', id: 'a', method: 'tools/call', params: { name: 'get_doc', arguments: { path: 'index.md' } } }), { accept: 'application/json' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: string; result: { content: Array<{ text: string }>; isError?: boolean } };
    expect(body.id).toBe('a');
    expect(body.result.isError).toBeFalsy();
    expect(body.result.content[0]?.text.startsWith('# fluvie-render documentation')).toBe(true);
  });

  it('lists tools with JSON Schemas', async () => {
    const response = await post(server.base, JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }));
    const body = (await response.json()) as { result: { tools: Array<{ name: string; inputSchema: { type: string } }> } };
    expect(body.result.tools).toHaveLength(12);
    expect(body.result.tools.every((tool) => tool.inputSchema.type === 'object')).toBe(true);
  });

  it('returns tool failures as results', async () => {
    const response = await post(server.base, JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'get_doc', arguments: { path: 'nope.md' } } }));
    const body = (await response.json()) as { result: { content: Array<{ text: string }>; isError: boolean } };
    expect(body.result.isError).toBe(true);
    expect(body.result.content[0]?.text).toContain('No documentation page at "nope.md"');
  });

  it('answers an unknown method with a JSON-RPC error', async () => {
    const response = await post(server.base, JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'nope/nope' }));
    const body = (await response.json()) as { error: { code: number } };
    expect(body.error.code).toBe(-32601);
  });

  it('accepts a notification without a reply body', async () => {
    const response = await post(server.base, JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');
  });

  it('rejects invalid JSON and non-objects', async () => {
    const invalid = await post(server.base, '{not json');
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ error: 'invalid JSON' });
    for (const body of ['[]', '[{"jsonrpc":"2.0","id":1,"method":"ping"}]', '42', 'null']) {
      const response = await post(server.base, body);
      expect(response.status, body).toBe(400);
      expect(await response.json(), body).toEqual({ error: 'expected a JSON-RPC object' });
    }
  });

  it('answers GET and DELETE with 405', async () => {
    for (const method of ['GET', 'DELETE']) {
      const response = await fetch(new URL('/mcp', server.base), { method, headers: { accept: 'text/event-stream' } });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
  });
});

describe('/mcp with FLUVIE_MCP_TOKEN', () => {
  let server: McpTestServer;
  beforeAll(async () => {
    server = await startMcpTestServer({ render: createFakeRender().render, token: TOKEN });
  });
  afterAll(async () => {
    await server?.close();
  });

  const PING = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });

  it('rejects a missing or wrong token with 401', async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }, { authorization: 'Bearer ' }];
    for (const headers of attempts) {
      const response = await post(server.base, PING, headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toEqual({ error: 'unauthorized' });
    }
  });

  it('accepts the token from a plain client', async () => {
    const response = await post(server.base, PING, { authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
  });

  it('accepts the token from the SDK client', async () => {
    const client = await connectHttpClient(server.base, TOKEN);
    const result = await client.callTool({ name: 'list_docs', arguments: {} });
    expect(JSON.parse(resultText(result))).toContainEqual({ path: 'index.md', title: 'fluvie-render documentation' });
    await client.close();
  });

  it('fails the SDK client without the token', async () => {
    await expect(connectHttpClient(server.base)).rejects.toThrow(/401|nauthorized/);
  });
});

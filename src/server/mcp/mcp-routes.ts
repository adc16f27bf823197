/**
 * `/mcp` over HTTP with the SDK's Streamable HTTP transport, stateless: each POST gets a fresh server
 * and transport, so any instance behind a load balancer can handle it. Clients that accept
 * `text/event-stream` get the SDK's streamed responses (with progress notifications), and a plain
 * single-object JSON-RPC POST, as the Dart fluvie_server accepts, gets one plain JSON reply.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Context, Env, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { hasBearer } from '../auth/bearer.js';
import type { Logger } from '../logger.js';

/** Largest accepted request body: 4 MiB, the SDK transport's own default. */
export const MAX_MCP_BODY_BYTES = 4 * 1024 * 1024;

export interface McpRouteOptions {
  /** Builds the server for one request (see createMcpServer). */
  createServer: () => McpServer;
  /** `FLUVIE_MCP_TOKEN`: when set, requests need `Authorization: Bearer <token>`. */
  token: string | null;
  logger: Logger;
}

export function registerMcpRoutes<E extends Env>(app: Hono<E>, options: McpRouteOptions): void {
  const limit = bodyLimit({ maxSize: MAX_MCP_BODY_BYTES, onError: (c) => c.json({ error: `request body too large: the limit is ${MAX_MCP_BODY_BYTES} bytes` }, 413) });

  app.post('/mcp', limit, async (c) => {
    if (options.token !== null && !hasBearer(c.req.header('authorization'), options.token)) return unauthorized(c);

    const plain = !(c.req.header('accept') ?? '').includes('text/event-stream');
    let parsedBody: unknown;
    if (plain) {
      const parsed = parsePlainBody(await c.req.text());
      if ('error' in parsed) return c.json({ error: parsed.error }, 400);
      parsedBody = parsed.message;
    }

    const server = options.createServer();
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: plain });
    transport.onerror = (error) => options.logger.debug({ err: error }, 'MCP transport rejected a request');
    await server.connect(transport);
    const close = once(() => void server.close().catch((error: unknown) => options.logger.warn({ err: error }, 'closing an MCP server failed')));

    try {
      const request = plain ? withJsonHeaders(c.req.raw) : c.req.raw;
      const response = await transport.handleRequest(request, parsedBody === undefined ? undefined : { parsedBody });
      return closeWhenDone(response, close);
    } catch (error: unknown) {
      close();
      throw error;
    }
  });

  // Stateless mode keeps no session, so there is no stream to open (GET) or session to end (DELETE).
  const notAllowed = (c: Context<E>): Response => {
    if (options.token !== null && !hasBearer(c.req.header('authorization'), options.token)) return unauthorized(c);
    return c.json({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this server is stateless, send JSON-RPC messages with POST /mcp.' }, id: null }, 405, { allow: 'POST' });
  };
  app.get('/mcp', notAllowed);
  app.delete('/mcp', notAllowed);
}

function unauthorized<E extends Env>(c: Context<E>): Response {
  return c.json({ error: 'unauthorized' }, 401, { 'www-authenticate': 'Bearer' });
}

type PlainBody = { message: Record<string, unknown> } | { error: string };

/** The Dart server's rules: one JSON object per request, no batches. */
export function parsePlainBody(text: string): PlainBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'invalid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'expected a JSON-RPC object' };
  return { message: value as Record<string, unknown> };
}

/** The transport insists on both media types in Accept and a JSON content type; a plain client may send neither. */
function withJsonHeaders(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.set('accept', 'application/json, text/event-stream');
  headers.set('content-type', 'application/json');
  return new Request(request.url, { method: request.method, headers });
}

/** Closes the per-request server once the response body has been read to the end or dropped by the client. */
function closeWhenDone(response: Response, close: () => void): Response {
  if (response.body === null) {
    close();
    return response;
  }

  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = await reader.read();
      if (chunk.done) {
        controller.close();
        close();
      } else {
        controller.enqueue(chunk.value);
      }
    },
    async cancel(reason) {
      close();
      await reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}

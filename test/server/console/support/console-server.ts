/**
 * A real `serve` for the console tests: the server of `startTestServer` with the real render core and
 * spec tools, behind a front app that adds the console and event routes and forwards every other
 * request. Download links name the front app (`PUBLIC_BASE_URL`), so the page loads everything from one origin.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { runRender } from '../../../../src/core/pipeline/run-render.js';
import type { AppEnv } from '../../../../src/server/app-deps.js';
import { deriveSigningKey } from '../../../../src/server/auth/signed-token.js';
import { registerConsoleRoutes } from '../../../../src/server/console/console-routes.js';
import { requireBearer } from '../../../../src/server/http/auth-middleware.js';
import { toErrorResponse } from '../../../../src/server/http/error-response.js';
import { createSilentLogger } from '../../../../src/server/logger.js';
import { createPollingJobEvents } from '../../../../src/server/routes/events-hub.js';
import { registerEventRoutes } from '../../../../src/server/routes/events.js';
import { createDefaultSpecTools } from '../../../../src/server/spec-tools-default.js';
import { API_TOKEN, startTestServer, type TestServer } from '../../support/test-server.js';

export interface ConsoleServer {
  /** Origin of the console, such as `http://127.0.0.1:41234`. */
  base: string;
  server: TestServer;
  close: () => Promise<void>;
}

export async function startConsoleServer(): Promise<ConsoleServer> {
  const front = new Hono<AppEnv>();
  let backend: TestServer | null = null;
  const frontServer = await listen(front);
  const base = `http://127.0.0.1:${(frontServer.address() as AddressInfo).port}`;
  backend = await startTestServer({ render: runRender, specTools: createDefaultSpecTools(), env: { PUBLIC_BASE_URL: `${base}/` } });
  const server = backend;

  front.use(async (c, next) => {
    c.set('log', createSilentLogger());
    await next();
  });
  front.onError((error, c) => {
    const response = toErrorResponse(error);
    return c.json(response.body, response.status, response.headers);
  });
  registerConsoleRoutes(front, { aiEnabled: false });
  registerEventRoutes(
    front,
    { jobs: server.jobs, storage: server.storage, requireApiToken: requireBearer(API_TOKEN, 'API_TOKEN'), publicBaseUrl: `${base}/`, signingKey: deriveSigningKey(null, API_TOKEN) },
    { jobEvents: createPollingJobEvents(25) },
  );
  front.all('*', (c) => forward(c.req.raw, server.base));

  return {
    base,
    server,
    async close() {
      await new Promise<void>((resolve) => {
        frontServer.close(() => resolve());
        (frontServer as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await server.close();
    },
  };
}

function listen(app: Hono<AppEnv>): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(server));
  });
}

async function forward(request: Request, target: string): Promise<Response> {
  const url = new URL(request.url);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const response = await fetch(new URL(url.pathname + url.search, target), {
    method: request.method,
    headers: request.headers,
    ...(hasBody ? { body: await request.arrayBuffer() } : {}),
  });
  const headers = new Headers(response.headers);
  headers.delete('transfer-encoding');
  headers.delete('connection');
  return new Response(response.body, { status: response.status, headers });
}

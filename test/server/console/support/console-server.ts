/**
 * A real `serve` for the console tests: `startTestServer` with the real render core and spec tools.
 * The console is opened at `http://localhost:<port>`, the origin of the server's default download
 * links, so the page loads everything from one origin.
 */
import { runRender } from '../../../../src/core/pipeline/run-render.js';
import { createDefaultSpecTools } from '../../../../src/server/spec-tools-default.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

export interface ConsoleServer {
  /** Origin of the console, such as `http://localhost:41234`. */
  base: string;
  server: TestServer;
  close: () => Promise<void>;
}

export async function startConsoleServer(): Promise<ConsoleServer> {
  const server = await startTestServer({ render: runRender, specTools: createDefaultSpecTools() });
  const port = new URL(server.base).port;
  return { base: `http://localhost:${port}`, server, close: () => server.close() };
}

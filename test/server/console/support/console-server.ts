/**
 * A real `serve` for the console tests: `startTestServer` with the real render core and spec tools.
 * The console is opened at `http://127.0.0.1:<port>`, not at the origin of the server's default
 * download links (`http://localhost:<port>`), as a browser on another machine would, so the tests
 * show that the page links rendered files relative to itself.
 */
import { runRender } from '../../../../src/core/pipeline/run-render.js';
import { createDefaultSpecTools } from '../../../../src/server/spec-tools-default.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

export interface ConsoleServer {
  /** Origin of the console, such as `http://127.0.0.1:41234`. */
  base: string;
  server: TestServer;
  close: () => Promise<void>;
}

export async function startConsoleServer(): Promise<ConsoleServer> {
  const server = await startTestServer({ render: runRender, specTools: createDefaultSpecTools() });
  return { base: server.base, server, close: () => server.close() };
}

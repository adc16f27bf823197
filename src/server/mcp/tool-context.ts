/** What the MCP tools are built from; `createMcpServer` passes the parts each tool needs. */
import type { DocsLibrary } from '../docs/docs-library.js';
import type { SpecTools } from '../spec-tools.js';
import type { RenderGateway } from './render-gateway.js';

/** Prints a VideoSpec as Flutter-style Dart (`Video build() { ... }`); throws on a malformed spec. */
export type DartPrinter = (spec: unknown) => string;

export interface RenderToolContext {
  gateway: RenderGateway;
  /** How long a render tool waits before it returns an error with a `get_render` hint. */
  waitTimeoutMs: number;
}

export interface DocsToolContext {
  /** Awaited on each call, so the corpus can load in the background. */
  docs: DocsLibrary | Promise<DocsLibrary>;
}

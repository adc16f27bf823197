/**
 * Implementation of `fluvie-render mcp`: the MCP server over stdin/stdout. stdout carries only
 * protocol messages; every log line goes to stderr. Runs until stdin ends or the process is
 * interrupted.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { detectCpuCount } from '../../config/cpu-count.js';
import { loadServerConfig, type ServerConfig } from '../../config/server-config.js';
import { FluvieError, toFluvieError } from '../../core/errors.js';
import type { Logger } from '../../server/logger.js';
import type { McpRenderBackend } from '../../server/mcp/mcp-setup.js';
import type { RenderGateway } from '../../server/mcp/render-gateway.js';
import type { CliContext } from '../context.js';
import type { McpFlags } from './mcp.js';
import { resolveServerEnv } from './server-env.js';

/** Defaults that differ from `serve`: the render API started for stdio stays on this machine, on a free port. */
const STDIO_DEFAULTS = { HOST: '127.0.0.1', PORT: '0' };

export async function runMcpCommand(flags: McpFlags, context: CliContext, stdin: Readable = process.stdin): Promise<void> {
  const fileEnv = await resolveServerEnv(context, flags.envFile, {});
  const env: Record<string, string | undefined> = { ...STDIO_DEFAULTS, ...withoutBlanks(fileEnv) };
  const config = loadConfig(env, context);
  const { resolveMcpSetup } = await import('../../server/mcp/mcp-setup.js');
  const setup = resolveMcpSetup(config);
  if (!setup.enabled) throw new FluvieError('config_invalid', 'MCP is turned off (FLUVIE_ENABLE_MCP=false). Unset it or set FLUVIE_ENABLE_MCP=true to run fluvie-render mcp.');

  const { createServerLogger } = await import('../../server/logger.js');
  const logger = createServerLogger({ destination: context.stderr });
  const backend = await startBackend(setup.backend, config, env, logger);

  const { createMcpServer } = await import('../../server/mcp/server.js');
  const { loadDocsLibrary } = await import('../../server/docs/docs-library.js');
  const { createDefaultSpecTools } = await import('../../server/spec-tools-default.js');
  const { resolveDocsDir } = await import('../../server/docs/bundled-docs-dir.js');
  const { printSpecDart } = await import('../../server/mcp/print-spec-dart.js');
  const server = createMcpServer({
    docs: setup.docs ? loadDocsLibrary(resolveDocsDir(config.docsDir, context.cwd)) : null,
    mode: setup.mode,
    gateway: backend.gateway,
    specTools: createDefaultSpecTools(),
    printDart: printSpecDart,
    logger,
  });

  const transport = new StdioServerTransport(stdin, context.stdout);
  try {
    await server.connect(transport);
    logger.info({ mode: setup.mode, render: backend.gateway?.label ?? null }, 'MCP server ready on stdio');
    await untilInputEnds(stdin, context.signal);
  } finally {
    await server.close();
    await backend.close();
  }
  context.exitCode = 0;
}

function loadConfig(env: Record<string, string | undefined>, context: CliContext): ServerConfig {
  try {
    return loadServerConfig(env, { cpuCount: detectCpuCount(), requireTokens: false });
  } catch (error: unknown) {
    const failure = toFluvieError(error);
    if (failure.code === 'config_invalid') {
      context.stderr.write(`Configuration error: ${failure.message}\n`);
      context.errorReported = true;
    }
    throw failure;
  }
}

interface Backend {
  gateway: RenderGateway | null;
  close(): Promise<void>;
}

/**
 * The render API the tools use in build mode: the remote one of FLUVIE_API_URL, or one started in
 * this process (so its download links are served while the assistant runs), used through its job store and queue.
 */
async function startBackend(backend: McpRenderBackend, config: ServerConfig, env: Record<string, string | undefined>, logger: Logger): Promise<Backend> {
  const { createRemoteRenderGateway } = await import('../../server/mcp/gateways/remote-render-gateway.js');
  if (backend.kind === 'none') return { gateway: null, close: async () => undefined };
  if (backend.kind === 'remote') {
    return { gateway: createRemoteRenderGateway({ apiUrl: backend.apiUrl, apiToken: backend.apiToken }), close: async () => undefined };
  }

  // Only the MCP tools (and download links) use this API, so missing tokens are generated for this run.
  const apiToken = config.apiToken ?? randomBytes(24).toString('base64url');
  const cleanupToken = config.cleanupToken ?? randomBytes(24).toString('base64url');
  const { startServer } = await import('../../server/server.js');
  const { runRender } = await import('../../core/pipeline/run-render.js');
  const { createDefaultSpecTools } = await import('../../server/spec-tools-default.js');
  const { createLocalRenderGateway } = await import('../../server/mcp/gateways/local-render-gateway.js');
  const { deriveSigningKey } = await import('../../server/auth/signed-token.js');
  const { RateLimiter } = await import('../../server/http/rate-limiter.js');
  const specTools = createDefaultSpecTools();
  const server = await startServer({ config: { ...config, apiToken, cleanupToken, enableMcp: false }, logger, renderEnv: env, render: runRender, specTools });

  const publicBaseUrl = config.publicBaseUrl ?? `http://localhost:${server.port}/`;
  logger.info({ url: publicBaseUrl }, 'render API for the MCP tools listening');
  const gateway = createLocalRenderGateway({
    jobs: server.jobs,
    queue: server.queue,
    storage: server.storage,
    clock: { now: () => Date.now() },
    specTools,
    rateLimiter: new RateLimiter({ limit: config.ai.rateLimit, windowMs: config.ai.rateWindowMs, dailyQuota: config.ai.dailyQuota }),
    publicBaseUrl,
    signingKey: deriveSigningKey(config.downloadSigningKey, apiToken),
    config,
  });
  return { gateway, close: () => server.close() };
}

function untilInputEnds(stdin: Readable, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stdin.off('end', done);
      stdin.off('close', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    if (signal.aborted || stdin.readableEnded) return resolve();
    stdin.once('end', done);
    stdin.once('close', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** A blank variable counts as unset, so it must not hide a default of this command. */
function withoutBlanks(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
}

/**
 * Starts the render API on 127.0.0.1 with a free port, real file stores in a temporary folder, and an
 * injected render function and clock, and returns handles on every part for assertions.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadServerConfig, type ServerConfig } from '../../../src/config/server-config.js';
import type { Clock } from '../../../src/server/clock.js';
import type { JobRecord } from '../../../src/server/jobs/job-record.js';
import { createSilentLogger } from '../../../src/server/logger.js';
import type { JobStore } from '../../../src/server/jobs/job-store.js';
import type { Queue } from '../../../src/server/queue/queue.js';
import type { RenderFunction } from '../../../src/server/queue/render-job.js';
import { startServer } from '../../../src/server/server.js';
import type { SpecTools } from '../../../src/server/spec-tools.js';
import type { Storage } from '../../../src/server/storage/storage.js';

export const API_TOKEN = 'test-api-token';
export const CLEANUP_TOKEN = 'test-cleanup-token';

export interface TestServerOptions {
  render: RenderFunction;
  specTools: SpecTools;
  env?: Record<string, string>;
  clock?: Clock;
  /** Existing storage folder, to restart on the same data. */
  dir?: string;
  /**
   * Environment of the render core and of AI authoring; default the test process's environment
   * without its AI variables, so no test reaches a real provider.
   */
  renderEnv?: Record<string, string | undefined>;
}

export interface TestServer {
  base: string;
  dir: string;
  config: ServerConfig;
  jobs: JobStore;
  storage: Storage;
  queue: Queue;
  finished: JobRecord[];
  /** fetch against the server with the API bearer token. */
  api: (pathname: string, init?: RequestInit) => Promise<Response>;
  /** fetch against the server without credentials. */
  fetch: (pathname: string, init?: RequestInit) => Promise<Response>;
  /** Polls a job until it reaches a terminal status and returns its JSON. */
  waitForTerminal: (id: string) => Promise<Record<string, unknown>>;
  close: () => Promise<void>;
}

export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'fluvie-server-')));
  const config = loadServerConfig(
    { API_TOKEN, CLEANUP_TOKEN, LOCAL_STORAGE_DIR: dir, HOST: '127.0.0.1', PORT: '0', CLEANUP_INTERVAL: '0', RENDER_CONCURRENCY: '1', SHUTDOWN_GRACE: '0s', ...options.env },
    { cpuCount: 2 },
  );
  const finished: JobRecord[] = [];
  const running = await startServer({
    config,
    logger: createSilentLogger(),
    renderEnv: options.renderEnv ?? withoutAiVariables(process.env),
    render: options.render,
    specTools: options.specTools,
    progressIntervalMs: 50,
    webhookRetry: { attempts: 3, baseDelayMs: 20, timeoutMs: 2_000 },
    onJobFinished: (job) => void finished.push(job),
    checkFfmpeg: async () => undefined,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const base = `http://127.0.0.1:${running.port}`;

  const fetchPath = (pathname: string, init: RequestInit = {}): Promise<Response> => fetch(new URL(pathname, base), init);
  const api = (pathname: string, init: RequestInit = {}): Promise<Response> =>
    fetchPath(pathname, { ...init, headers: { authorization: `Bearer ${API_TOKEN}`, ...(init.headers as Record<string, string> | undefined) } });

  return {
    base, dir, config, finished, api, fetch: fetchPath,
    jobs: running.jobs, storage: running.storage, queue: running.queue,
    async waitForTerminal(id) {
      for (;;) {
        const response = await api(`/v1/renders/${id}`);
        const json = (await response.json()) as Record<string, unknown>;
        if (['succeeded', 'failed', 'canceled'].includes(String(json['status']))) return json;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      await running.close();
      if (options.dir === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
}

const AI_VARIABLES = /^(FLUVIE_AI_|ANTHROPIC_|GEMINI_|MISTRAL_|OLLAMA_)/;

function withoutAiVariables(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !AI_VARIABLES.test(key)));
}

/** Body of a POST /v1/renders request with JSON content. */
export function jsonBody(value: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

/** A tiny VideoSpec: 64x64, four frames at 25 fps, one red scene. */
export const TINY_SPEC = {
  size: { width: 64, height: 64 },
  fps: 25,
  scenes: [{ duration: '4f', background: { kind: 'color', color: '#FFFF0000' } }],
};

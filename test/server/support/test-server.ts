/**
 * Starts the render API on 127.0.0.1 with a free port, real file stores in a temporary folder, and an
 * injected render function and clock, and returns handles on every part for assertions.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { loadServerConfig, type ServerConfig } from '../../../src/config/server-config.js';
import { createApp } from '../../../src/server/app.js';
import type { Clock } from '../../../src/server/clock.js';
import { FileJobStore } from '../../../src/server/jobs/file-job-store.js';
import type { JobRecord } from '../../../src/server/jobs/job-record.js';
import { createSilentLogger } from '../../../src/server/logger.js';
import { InProcessQueue } from '../../../src/server/queue/in-process-queue.js';
import { createRenderJobProcessor, type RenderFunction } from '../../../src/server/queue/render-job.js';
import type { SpecTools } from '../../../src/server/spec-tools.js';
import { LocalStorage } from '../../../src/server/storage/local-storage.js';

export const API_TOKEN = 'test-api-token';
export const CLEANUP_TOKEN = 'test-cleanup-token';

export interface TestServerOptions {
  render: RenderFunction;
  specTools: SpecTools;
  env?: Record<string, string>;
  clock?: Clock;
  /** Existing storage folder, to restart on the same data. */
  dir?: string;
}

export interface TestServer {
  base: string;
  dir: string;
  config: ServerConfig;
  jobs: FileJobStore;
  storage: LocalStorage;
  queue: InProcessQueue;
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
    { API_TOKEN, CLEANUP_TOKEN, LOCAL_STORAGE_DIR: dir, HOST: '127.0.0.1', PORT: '0', CLEANUP_INTERVAL: '0', RENDER_CONCURRENCY: '1', ...options.env },
    { cpuCount: 2 },
  );
  const logger = createSilentLogger();
  const clock = options.clock ?? { now: () => Date.now() };
  const storage = new LocalStorage(dir);
  const jobs = new FileJobStore(path.join(dir, '.jobs'));
  const finished: JobRecord[] = [];
  const onFinished = (job: JobRecord): void => void finished.push(job);
  const queue = new InProcessQueue({
    concurrency: config.renderConcurrency,
    timeoutMs: config.renderTimeoutMs,
    processor: createRenderJobProcessor({
      jobs, storage, render: options.render, clock, logger, workRoot: path.join(dir, '.work'),
      renderEnv: process.env, ffmpegPath: null, renderProject: null, onFinished, progressIntervalMs: 50,
    }),
  });
  // The app is built once the port is known, so default download links name the bound port.
  let handle: (request: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: (request) => handle(request), hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const port = (server.address() as AddressInfo).port;
  const app = createApp(
    { config: { ...config, port }, logger, jobs, queue, storage, clock, specTools: options.specTools, checkFfmpeg: async () => undefined },
    { onJobFinished: onFinished },
  );
  handle = app.fetch;
  const base = `http://127.0.0.1:${port}`;

  const fetchPath = (pathname: string, init: RequestInit = {}): Promise<Response> => fetch(new URL(pathname, base), init);
  const api = (pathname: string, init: RequestInit = {}): Promise<Response> =>
    fetchPath(pathname, { ...init, headers: { authorization: `Bearer ${API_TOKEN}`, ...(init.headers as Record<string, string> | undefined) } });

  return {
    base, dir, config, jobs, storage, queue, finished, api, fetch: fetchPath,
    async waitForTerminal(id) {
      for (;;) {
        const response = await api(`/v1/renders/${id}`);
        const json = (await response.json()) as Record<string, unknown>;
        if (['succeeded', 'failed', 'canceled'].includes(String(json['status']))) return json;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      await queue.close(0);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      if (options.dir === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
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

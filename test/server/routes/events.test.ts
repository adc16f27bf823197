/**
 * `GET /v1/renders/{id}/events` over a real socket on 127.0.0.1: a small Hono app with the event
 * route, a memory job store that announces its changes, and local storage for the download links.
 */
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../src/server/app-deps.js';
import { requireBearer } from '../../../src/server/http/auth-middleware.js';
import { toErrorResponse } from '../../../src/server/http/error-response.js';
import { newJobId } from '../../../src/server/jobs/job-id.js';
import type { JobRecord } from '../../../src/server/jobs/job-record.js';
import type { JobStore } from '../../../src/server/jobs/job-store.js';
import { MemoryJobStore } from '../../../src/server/jobs/memory-job-store.js';
import { createSilentLogger } from '../../../src/server/logger.js';
import { createPollingJobEvents, JobEventHub, type JobEvents } from '../../../src/server/routes/events-hub.js';
import { observeJobStore } from '../../../src/server/routes/events-job-store.js';
import { registerEventRoutes } from '../../../src/server/routes/events.js';
import { LocalStorage } from '../../../src/server/storage/local-storage.js';
import { SseParser, type SseItem } from '../../../web/console/sse-parser.js';

const TOKEN = 'events-test-token';
const SIGNING_KEY = Buffer.from('events-test-signing-key');

interface Harness {
  base: string;
  jobs: JobStore;
  /** The store under `jobs`: its changes are not announced to the hub. */
  unannounced: JobStore;
  hub: JobEventHub;
  storage: LocalStorage;
  close: () => Promise<void>;
}

let dir: string;
let harness: Harness;

async function startHarness(options: { heartbeatMs?: number; recheckMs?: number; pollMs?: number; polling?: boolean } = {}): Promise<Harness> {
  const hub = new JobEventHub(options.pollMs === undefined ? {} : { pollMs: options.pollMs });
  const memory = new MemoryJobStore();
  const jobs = options.polling === true ? memory : observeJobStore(memory, hub);
  const jobEvents: JobEvents = options.polling === true ? createPollingJobEvents(20) : hub;
  const storage = new LocalStorage(path.join(dir, `storage-${Math.random().toString(36).slice(2)}`));

  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('log', createSilentLogger());
    await next();
  });
  app.onError((error, c) => {
    const response = toErrorResponse(error);
    return c.json(response.body, response.status, response.headers);
  });
  registerEventRoutes(
    app,
    { jobs, storage, requireApiToken: requireBearer(TOKEN, 'API_TOKEN'), publicBaseUrl: 'http://127.0.0.1/', signingKey: SIGNING_KEY },
    {
      jobEvents,
      ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
      ...(options.recheckMs === undefined ? {} : { recheckMs: options.recheckMs }),
    },
  );

  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    jobs,
    unannounced: memory,
    hub,
    storage,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

function jobRecord(overrides: Partial<JobRecord> = {}): JobRecord {
  return {
    id: newJobId(),
    kind: 'spec',
    status: 'queued',
    visibility: 'private',
    createdAtMs: Date.UTC(2026, 0, 1),
    expiresAtMs: Date.UTC(2099, 0, 1),
    startedAtMs: null,
    finishedAtMs: null,
    progress: null,
    videoKey: null,
    posterKey: null,
    code: null,
    spec: null,
    error: null,
    input: { kind: 'spec', spec: { scenes: [{ duration: '1s' }] } },
    options: { format: 'mp4', aspect: null, quality: null, poster: null },
    idempotencyKey: null,
    requestHash: null,
    webhook: null,
    ...overrides,
  };
}

/** An open event stream whose items can be awaited one at a time. */
interface StreamReader {
  response: Response;
  /** Resolves with the next event (comments skipped unless `withComments`), or null at the end. */
  next: (withComments?: boolean) => Promise<SseItem | null>;
  /** Reads every remaining event until the server ends the stream. */
  rest: () => Promise<SseItem[]>;
  abort: () => void;
}

async function openStream(id: string, token: string | null = TOKEN, lastEventId?: string): Promise<StreamReader> {
  const controller = new AbortController();
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  const response = await fetch(`${harness.base}/v1/renders/${id}/events`, { headers, signal: controller.signal });
  // The reader is taken on the first read, so error responses can still be read with json().
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const decoder = new TextDecoder();
  const parser = new SseParser();
  const queued: SseItem[] = [];
  let ended = false;

  const next = async (withComments = false): Promise<SseItem | null> => {
    for (;;) {
      const index = queued.findIndex((item) => withComments || item.type === 'event');
      if (index >= 0) return queued.splice(0, index + 1).at(-1) ?? null;
      reader ??= response.body?.getReader();
      if (ended || reader === undefined) return null;
      const { done, value } = await reader.read();
      if (done) ended = true;
      queued.push(...parser.push(done ? decoder.decode() : decoder.decode(value, { stream: true })));
    }
  };
  const rest = async (): Promise<SseItem[]> => {
    const items: SseItem[] = [];
    for (let item = await next(); item !== null; item = await next()) items.push(item);
    return items;
  };
  return { response, next, rest, abort: () => controller.abort() };
}

function eventOf(item: SseItem | null): { event: string; data: unknown } {
  if (item === null || item.type !== 'event') throw new Error(`expected an event, got ${JSON.stringify(item)}`);
  return { event: item.event, data: JSON.parse(item.data) };
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 400 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fluvie-events-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('render events route', () => {
  beforeAll(async () => {
    harness = await startHarness();
  });

  afterEach(() => {
    expect(harness.hub.listenerCount()).toBe(0);
  });

  afterAll(async () => {
    await harness.close();
  });

  it('streams status, progress and succeeded in order', async () => {
    const job = jobRecord();
    await harness.jobs.create(job);
    const stream = await openStream(job.id);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.response.headers.get('cache-control')).toBe('no-cache');

    expect(eventOf(await stream.next())).toEqual({ event: 'status', data: { status: 'queued' } });
    await harness.jobs.update(job.id, (current) => ({ ...current, status: 'running', startedAtMs: Date.now() }));
    expect(eventOf(await stream.next())).toEqual({ event: 'status', data: { status: 'running' } });

    for (const completed of [1, 2, 4]) {
      await harness.jobs.update(job.id, (current) => ({ ...current, progress: { completed, total: 4 } }));
      expect(eventOf(await stream.next())).toEqual({ event: 'progress', data: { completed, total: 4 } });
    }

    const source = path.join(dir, 'video-source.mp4');
    await writeFile(source, 'not really an mp4');
    await harness.storage.putFile(`${job.id}/video.mp4`, source, { contentType: 'video/mp4', visibility: 'private', expiresAtMs: job.expiresAtMs });
    await harness.jobs.update(job.id, (current) => ({ ...current, status: 'succeeded', finishedAtMs: Date.now(), videoKey: `${job.id}/video.mp4` }));

    const terminal = eventOf(await stream.next());
    expect(terminal.event).toBe('succeeded');
    const json = terminal.data as { id: string; status: string; video: { downloadUrl: string; bytes: number } };
    expect(json.id).toBe(job.id);
    expect(json.status).toBe('succeeded');
    expect(json.video.downloadUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1/v1/files/${job.id}/video\\?token=`));
    expect(json.video.bytes).toBe('not really an mp4'.length);
    expect(await stream.next()).toBeNull();
  });

  it('sends the authored spec before the terminal event', async () => {
    const job = jobRecord({ kind: 'prompt', status: 'running', progress: { completed: 0, total: 10 } });
    await harness.jobs.create(job);
    const stream = await openStream(job.id);
    expect(eventOf(await stream.next()).event).toBe('status');
    expect(eventOf(await stream.next())).toEqual({ event: 'progress', data: { completed: 0, total: 10 } });

    const spec = { scenes: [{ duration: '2s' }] };
    await harness.jobs.update(job.id, (current) => ({ ...current, code: 'final video = Video();', spec }));
    expect(eventOf(await stream.next())).toEqual({ event: 'authored', data: { code: 'final video = Video();', spec } });

    await harness.jobs.update(job.id, (current) => ({ ...current, status: 'failed', finishedAtMs: Date.now(), error: 'ffmpeg exited with code 1' }));
    const terminal = eventOf(await stream.next());
    expect(terminal.event).toBe('failed');
    expect(terminal.data).toMatchObject({ id: job.id, status: 'failed', error: 'ffmpeg exited with code 1', code: 'final video = Video();', spec });
    expect(await stream.next()).toBeNull();
  });

  it('sends canceled when a queued job is canceled', async () => {
    const job = jobRecord();
    await harness.jobs.create(job);
    const stream = await openStream(job.id);
    expect(eventOf(await stream.next()).event).toBe('status');

    await harness.jobs.update(job.id, (current) => ({ ...current, status: 'canceled', finishedAtMs: Date.now(), error: 'Render canceled' }));
    const items = await stream.rest();
    expect(items.map((item) => eventOf(item).event)).toEqual(['canceled']);
    expect(eventOf(items[0] ?? null).data).toMatchObject({ status: 'canceled', error: 'Render canceled' });
  });

  it('gives a late subscriber the terminal event at once', async () => {
    const job = jobRecord({ status: 'failed', progress: { completed: 3, total: 8 }, finishedAtMs: Date.now(), error: 'Render timed out after 900s' });
    await harness.jobs.create(job);

    const stream = await openStream(job.id);
    const items = (await stream.rest()).map(eventOf);
    expect(items.map((item) => item.event)).toEqual(['progress', 'failed']);
    expect(items[0]?.data).toEqual({ completed: 3, total: 8 });
    expect(items[1]?.data).toMatchObject({ id: job.id, status: 'failed', error: 'Render timed out after 900s' });
  });

  it('resumes after the Last-Event-ID a client reconnects with', async () => {
    const spec = { scenes: [{ duration: '2s' }] };
    const job = jobRecord({ kind: 'prompt', status: 'running', progress: { completed: 2, total: 6 }, code: 'final video = Video();', spec });
    await harness.jobs.create(job);
    const first = await openStream(job.id);
    const seen = [await first.next(), await first.next(), await first.next()];
    expect(seen.map((item) => eventOf(item).event)).toEqual(['status', 'progress', 'authored']);
    const lastId = seen[2]?.type === 'event' ? seen[2].id : undefined;
    expect(lastId).toBe('running:2/6:a');
    first.abort();

    await harness.jobs.update(job.id, (current) => ({ ...current, progress: { completed: 4, total: 6 } }));
    const resumed = await openStream(job.id, TOKEN, lastId);
    const progress = await resumed.next();
    expect(eventOf(progress)).toEqual({ event: 'progress', data: { completed: 4, total: 6 } });
    await harness.jobs.update(job.id, (current) => ({ ...current, status: 'failed', finishedAtMs: Date.now(), error: 'ffmpeg exited with code 1' }));
    const rest = await resumed.rest();
    expect(rest.map((item) => eventOf(item).event)).toEqual(['failed']);
    const endId = rest[0]?.type === 'event' ? rest[0].id : undefined;
    expect(endId).toBe('failed:4/6:a');

    const afterEnd = await fetch(`${harness.base}/v1/renders/${job.id}/events`, { headers: { authorization: `Bearer ${TOKEN}`, 'last-event-id': endId ?? '' } });
    expect(afterEnd.status).toBe(204);
    expect(await afterEnd.text()).toBe('');
  });

  it('rejects missing and wrong tokens', async () => {
    const job = jobRecord();
    await harness.jobs.create(job);

    for (const token of [null, 'wrong-token']) {
      const response = await fetch(`${harness.base}/v1/renders/${job.id}/events`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('unauthorized');
      expect(body.error.message).toContain('API_TOKEN');
    }
    const viaQuery = await fetch(`${harness.base}/v1/renders/${job.id}/events?token=${TOKEN}`);
    expect(viaQuery.status).toBe(401);
    await viaQuery.body?.cancel();
  });

  it('answers 404 for unknown ids', async () => {
    for (const id of [newJobId(), 'not-a-job-id']) {
      const stream = await openStream(id);
      expect(stream.response.status).toBe(404);
      expect(await stream.response.json()).toEqual({ error: { code: 'not_found', message: 'No such job' } });
    }
  });

  it('answers 410 when the files were cleaned', async () => {
    const job = jobRecord({ status: 'succeeded', finishedAtMs: Date.now(), videoKey: 'rnd_gone/video.mp4' });
    await harness.jobs.create(job);
    const stream = await openStream(job.id);
    expect(stream.response.status).toBe(410);
    expect(((await stream.response.json()) as { error: { code: string } }).error.code).toBe('gone');
  });

  it('removes the listener when the client disconnects', async () => {
    const job = jobRecord();
    await harness.jobs.create(job);
    const stream = await openStream(job.id);
    expect(eventOf(await stream.next()).event).toBe('status');
    expect(harness.hub.listenerCount(job.id)).toBe(1);

    stream.abort();
    await waitFor(() => harness.hub.listenerCount(job.id) === 0);
  });

  it('ends with an error event when the job is deleted', async () => {
    const job = jobRecord({ status: 'running' });
    await harness.jobs.create(job);
    const stream = await openStream(job.id);
    expect(eventOf(await stream.next()).event).toBe('status');

    await harness.jobs.delete(job.id);
    const items = (await stream.rest()).map(eventOf);
    expect(items.map((item) => item.event)).toEqual(['error']);
    expect(items[0]?.data).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('render events heartbeat', () => {
  beforeAll(async () => {
    harness = await startHarness({ heartbeatMs: 20 });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('sends heartbeat comments while idle', async () => {
    const job = jobRecord();
    await harness.jobs.create(job);
    const stream = await openStream(job.id);
    expect(eventOf(await stream.next(true)).event).toBe('status');

    const comment = await stream.next(true);
    expect(comment).toEqual({ type: 'comment', text: 'heartbeat' });
    stream.abort();
    await waitFor(() => harness.hub.listenerCount() === 0);
  });
});

describe('render events with polling', () => {
  beforeAll(async () => {
    harness = await startHarness({ polling: true });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('sees changes of a store that announces nothing', async () => {
    const job = jobRecord({ status: 'running' });
    await harness.jobs.create(job);
    const stream = await openStream(job.id);
    expect(eventOf(await stream.next())).toEqual({ event: 'status', data: { status: 'running' } });

    await harness.jobs.update(job.id, (current) => ({ ...current, progress: { completed: 5, total: 5 } }));
    expect(eventOf(await stream.next())).toEqual({ event: 'progress', data: { completed: 5, total: 5 } });
    await harness.jobs.update(job.id, (current) => ({ ...current, status: 'canceled', finishedAtMs: Date.now(), error: 'Render canceled' }));
    expect(eventOf(await stream.next()).event).toBe('canceled');
    expect(await stream.next()).toBeNull();
  });
});

describe('render events recheck', () => {
  beforeAll(async () => {
    harness = await startHarness({ recheckMs: 20 });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('reads changes nobody announced', async () => {
    const job = jobRecord({ status: 'running' });
    await harness.jobs.create(job);
    const stream = await openStream(job.id);
    expect(eventOf(await stream.next())).toEqual({ event: 'status', data: { status: 'running' } });

    await harness.unannounced.update(job.id, (current) => ({ ...current, status: 'failed', finishedAtMs: Date.now(), error: 'Render failed in another process' }));
    const terminal = eventOf(await stream.next());
    expect(terminal.event).toBe('failed');
    expect(terminal.data).toMatchObject({ error: 'Render failed in another process' });
    expect(await stream.next()).toBeNull();
    await waitFor(() => harness.hub.listenerCount() === 0);
  });
});

describe('render events shutdown', () => {
  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('ends open streams when the hub closes', async () => {
    const job = jobRecord();
    await harness.jobs.create(job);
    const stream = await openStream(job.id);
    expect(eventOf(await stream.next()).event).toBe('status');

    harness.hub.close();
    const items = (await stream.rest()).map(eventOf);
    expect(items.map((item) => item.event)).toEqual(['error']);
    expect(items[0]?.data).toEqual({ error: { code: 'unavailable', message: 'The server is shutting down; reconnect later to follow the render.' } });
    expect(harness.hub.listenerCount()).toBe(0);

    const late = await openStream(job.id);
    expect((await late.rest()).map((item) => eventOf(item).event)).toEqual(['error']);
  });
});

describe('render events over a shared store', () => {
  beforeAll(async () => {
    harness = await startHarness({ pollMs: 20, recheckMs: 600_000 });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('polls with a polling hub', async () => {
    const job = jobRecord({ status: 'running' });
    await harness.jobs.create(job);
    const stream = await openStream(job.id);
    expect(eventOf(await stream.next())).toEqual({ event: 'status', data: { status: 'running' } });

    await harness.unannounced.update(job.id, (current) => ({ ...current, progress: { completed: 2, total: 3 } }));
    expect(eventOf(await stream.next())).toEqual({ event: 'progress', data: { completed: 2, total: 3 } });
    await harness.unannounced.update(job.id, (current) => ({ ...current, status: 'canceled', finishedAtMs: Date.now(), error: 'Render canceled' }));
    expect(eventOf(await stream.next()).event).toBe('canceled');
    expect(await stream.next()).toBeNull();
    await waitFor(() => harness.hub.listenerCount() === 0);
  });
});

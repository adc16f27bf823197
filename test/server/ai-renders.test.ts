/**
 * Prompt and edit renders through the HTTP API: a loopback fake provider authors the spec inside the
 * job, the native engine and real ffmpeg render it, and ffprobe checks the downloaded video.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runRender } from '../../src/core/pipeline/run-render.js';
import { deriveSigningKey } from '../../src/server/auth/signed-token.js';
import { RateLimiter } from '../../src/server/http/rate-limiter.js';
import { createLocalRenderGateway } from '../../src/server/mcp/gateways/local-render-gateway.js';
import type { RenderFunction } from '../../src/server/queue/render-job.js';
import { EDITED_SPEC, SCHEMA_ERROR_REPLY, VALID_REPLY, VALID_SPEC } from '../fixtures/ai/authored-specs.js';
import { cliEnv } from '../fixtures/ai/cli-env.js';
import { FAKE_KEY, startFakeProvider, type FakeProvider, type ScriptedReply } from '../fixtures/ai/fake-provider.js';
import { tempDir, videoStream } from '../helpers/media.js';
import { realSpecTools } from './support/spec-tools.js';
import { API_TOKEN, jsonBody, startTestServer, TINY_SPEC, type TestServer } from './support/test-server.js';

interface JobJson {
  id: string;
  status: string;
  error?: string;
  code?: string;
  spec?: Record<string, unknown>;
  video?: { downloadUrl: string; bytes: number; contentType: string };
}

const fakes: FakeProvider[] = [];
let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
  for (const fake of fakes.splice(0)) await fake.close();
});

async function fakeProvider(provider: Parameters<typeof startFakeProvider>[0], script: ScriptedReply[]): Promise<FakeProvider> {
  const fake = await startFakeProvider(provider, script);
  fakes.push(fake);
  return fake;
}

/**
 * Starts the API with `env` as both its configuration and the environment of authoring and
 * rendering, as `fluvie-render serve` does. No retries, so provider errors fail at once.
 */
async function start(env: Record<string, string | undefined>, render: RenderFunction = runRender): Promise<TestServer> {
  const full = { FLUVIE_AI_RETRIES: '0', ...env };
  const config = Object.fromEntries(Object.entries(full).filter((entry): entry is [string, string] => entry[1] !== undefined));
  server = await startTestServer({ render, specTools: await realSpecTools(), env: config, renderEnv: full });
  return server;
}

/** Wraps runRender so each render waits until the test opens the gate (or the job is aborted). */
function gatedRender(): { render: RenderFunction; open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    render: async (request, deps) => {
      const aborted = new Promise<void>((resolve) => deps.signal.addEventListener('abort', () => resolve(), { once: true }));
      await Promise.race([gate, aborted]);
      return runRender(request, deps);
    },
    open: () => open(),
  };
}

async function post(target: TestServer, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const init = jsonBody(body);
  return target.api('/v1/renders', { ...init, headers: { ...(init.headers as Record<string, string>), ...headers } });
}

async function getJob(target: TestServer, id: string): Promise<JobJson> {
  return (await (await target.api(`/v1/renders/${id}`)).json()) as JobJson;
}

/** Polls the job until `accept` returns true and returns its JSON; the test timeout bounds the wait. */
async function pollUntil(target: TestServer, id: string, accept: (job: JobJson) => boolean): Promise<JobJson> {
  for (;;) {
    const job = await getJob(target, id);
    if (accept(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function downloadVideo(target: TestServer, job: JobJson): Promise<string> {
  const link = new URL(job.video?.downloadUrl ?? '');
  const response = await target.fetch(link.pathname + link.search);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('video/mp4');
  const file = path.join(await tempDir(), 'downloaded.mp4');
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe('prompt renders', () => {
  it('show code and spec while running', async () => {
    const claude = await fakeProvider('claude', [{ kind: 'text', text: VALID_REPLY }]);
    const gated = gatedRender();
    const api = await start(cliEnv(claude), gated.render);

    const created = await post(api, { prompt: 'A one-second coffee title card', options: { format: 'mp4' } });
    expect(created.status).toBe(202);
    const { id, status } = (await created.json()) as JobJson;
    expect(status).toBe('queued');

    const running = await pollUntil(api, id, (job) => job.spec !== undefined || job.status !== 'queued' && job.status !== 'running');
    expect(running.status).toBe('running');
    expect(running.spec).toEqual(VALID_SPEC);
    expect(running.code).toContain('Video build()');
    expect(running.code).toContain("'Coffee'");
    expect(Object.keys(running)).toEqual(['id', 'status', 'code', 'spec', 'createdAt', 'expiresAt']);

    gated.open();
    const done = await api.waitForTerminal(id);
    expect(done['status']).toBe('succeeded');
    expect(done['spec']).toEqual(VALID_SPEC);
    expect(done['code']).toBe(running.code);

    const video = await videoStream(await downloadVideo(api, done as unknown as JobJson));
    expect(video.codec_name).toBe('h264');
    expect([video.width, video.height]).toEqual([320, 180]);
    expect(video.frameCount).toBe(30);
    expect(video.formatDuration).toBeCloseTo(1, 1);

    expect(claude.requests).toHaveLength(1);
    const request = claude.requests[0]!;
    expect(request.headers['x-api-key']).toBe(FAKE_KEY);
    const turns = request.body['messages'] as Array<{ content: Array<{ text: string }> }>;
    expect(turns[0]!.content[0]!.text).toContain('A one-second coffee title card');
  });

  it('fail with a never-fixed spec', async () => {
    const claude = await fakeProvider('claude', [{ kind: 'text', text: SCHEMA_ERROR_REPLY }]);
    const api = await start(cliEnv(claude));

    const { id } = (await (await post(api, { prompt: 'A coffee title card' })).json()) as JobJson;
    const job = (await api.waitForTerminal(id)) as unknown as JobJson;

    expect(job.status).toBe('failed');
    expect(job.error).toContain('Model output failed validation after 4 attempts');
    expect(job.error).toMatch(/scenes\[0\]\.duration: /);
    expect(job.error).toContain('scenes[0].sparkle: unknown property "sparkle"');
    expect(job.spec).toBeUndefined();
    expect(job.code).toBeUndefined();
    expect(claude.requests).toHaveLength(4);
  });

  it('fail on a provider 500', async () => {
    const claude = await fakeProvider('claude', [{ kind: 'error', status: 500, message: 'upstream model crashed' }]);
    const api = await start(cliEnv(claude));

    const { id } = (await (await post(api, { prompt: 'A coffee title card' })).json()) as JobJson;
    const job = (await api.waitForTerminal(id)) as unknown as JobJson;

    expect(job.status).toBe('failed');
    expect(job.error).toContain('upstream model crashed');
    expect(job.error).toContain('500');
    expect(JSON.stringify(job)).not.toContain(FAKE_KEY);
    const stored = await api.jobs.get(id);
    expect(JSON.stringify(stored)).not.toContain(FAKE_KEY);
  });
});

describe('authoring limits', () => {
  it('fail at the render timeout', async () => {
    const claude = await fakeProvider('claude', [{ kind: 'hang' }]);
    const api = await start(cliEnv(claude, { RENDER_TIMEOUT: '1s' }));

    const { id } = (await (await post(api, { prompt: 'A coffee title card' })).json()) as JobJson;
    const job = (await api.waitForTerminal(id)) as unknown as JobJson;

    expect(job.status).toBe('failed');
    expect(job.error).toBe('Render timed out after 1s');
    expect(claude.requests).toHaveLength(1);
  });

  it('stop on cancel', async () => {
    const claude = await fakeProvider('claude', [{ kind: 'hang' }]);
    const api = await start(cliEnv(claude));

    const { id } = (await (await post(api, { prompt: 'A coffee title card' })).json()) as JobJson;
    await pollUntil(api, id, () => claude.requests.length === 1);
    const canceled = await api.api(`/v1/renders/${id}`, { method: 'DELETE' });

    expect(canceled.status).toBe(200);
    expect(((await canceled.json()) as JobJson).status).toBe('canceled');
  });
});

describe('edit renders', () => {
  it('render with the chosen provider', async () => {
    const claude = await fakeProvider('claude', [{ kind: 'error', status: 500, message: 'the default provider must not be called' }]);
    const gemini = await fakeProvider('gemini', [{ kind: 'text', text: JSON.stringify(EDITED_SPEC) }]);
    const api = await start(cliEnv(claude, { ...gemini.env(), FLUVIE_AI_PROVIDER: 'claude' }));

    const created = await post(api, { edit: { base: VALID_SPEC, change: 'make the title pop' }, provider: 'gemini' });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as JobJson;
    const job = (await api.waitForTerminal(id)) as unknown as JobJson;

    expect(job.error).toBeUndefined();
    expect(job.status).toBe('succeeded');
    expect(job.spec).toEqual(EDITED_SPEC);
    expect(job.code).toContain("'Coffee!'");
    expect(claude.requests).toHaveLength(0);
    expect(gemini.requests).toHaveLength(1);
    expect(gemini.requests[0]!.headers['x-goog-api-key']).toBe(FAKE_KEY);
    const sent = JSON.stringify(gemini.requests[0]!.body);
    expect(sent).toContain('make the title pop');
    expect(sent).toContain('#102030');

    const video = await videoStream(await downloadVideo(api, job));
    expect(video.codec_name).toBe('h264');
    expect([video.width, video.height]).toEqual([320, 180]);
    expect(video.frameCount).toBe(30);
  });
});

describe('MCP AI renders', () => {
  it('queue through the local gateway', async () => {
    const claude = await fakeProvider('claude', [{ kind: 'text', text: VALID_REPLY }]);
    const api = await start(cliEnv(claude));
    const gateway = createLocalRenderGateway({
      jobs: api.jobs,
      queue: api.queue,
      storage: api.storage,
      clock: { now: () => Date.now() },
      specTools: await realSpecTools(),
      rateLimiter: new RateLimiter({ limit: 5, windowMs: 60_000, dailyQuota: 50 }),
      publicBaseUrl: `${api.base}/`,
      signingKey: deriveSigningKey(api.config.downloadSigningKey, API_TOKEN),
      config: api.config,
    });

    const queued = await gateway.submit({ prompt: 'A coffee title card', options: { format: 'mp4' } }, new AbortController().signal);
    expect(queued.status).toBe('queued');
    const job = (await api.waitForTerminal(queued.id)) as unknown as JobJson;
    expect(job.status).toBe('succeeded');
    expect(job.spec).toEqual(VALID_SPEC);
    expect(job.code).toContain('Video build()');
  });
});

describe('admission of AI renders', () => {
  it('answers 503 when the provider has no key', async () => {
    const claude = await fakeProvider('claude', [{ kind: 'text', text: VALID_REPLY }]);
    const api = await start(cliEnv(null, { ANTHROPIC_BASE_URL: claude.baseUrl }));

    for (const body of [{ prompt: 'A teal title card' }, { edit: { base: TINY_SPEC, change: 'make it blue' } }, { prompt: 'x', provider: 'mistral' }]) {
      const response = await post(api, body);
      expect(response.status).toBe(503);
      expect(await errorOf(response)).toEqual({ code: 'unavailable', message: 'AI rendering is not configured on this server' });
    }
    expect(claude.requests).toHaveLength(0);
  });

  it('answers 429 past the per-IP limit', async () => {
    const claude = await fakeProvider('claude', [{ kind: 'text', text: VALID_REPLY }]);
    const api = await start(cliEnv(claude, { FLUVIE_AI_RATE_LIMIT: '1', FLUVIE_AI_RATE_WINDOW: '30s' }), gatedRender().render);

    expect((await post(api, { prompt: 'A teal title card' })).status).toBe(202);
    const limited = await post(api, { edit: { base: VALID_SPEC, change: 'make it blue' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect((await errorOf(limited)).code).toBe('rate_limited');
    expect((await post(api, { spec: TINY_SPEC })).status).toBe(202);
  });

  it('counts the daily quota per client', async () => {
    const claude = await fakeProvider('claude', [{ kind: 'text', text: VALID_REPLY }]);
    const api = await start(cliEnv(claude, { FLUVIE_AI_RATE_LIMIT: '0', FLUVIE_AI_DAILY_QUOTA: '2' }), gatedRender().render);

    expect((await post(api, { prompt: 'one' })).status).toBe(202);
    expect((await post(api, { prompt: 'two' })).status).toBe(202);
    const limited = await post(api, { prompt: 'three' });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
  });
});

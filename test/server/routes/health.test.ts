import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../../src/config/server-config.js';
import { createApp } from '../../../src/server/app.js';
import { MemoryJobStore } from '../../../src/server/jobs/memory-job-store.js';
import { createSilentLogger } from '../../../src/server/logger.js';
import { InProcessQueue } from '../../../src/server/queue/in-process-queue.js';
import { LocalStorage } from '../../../src/server/storage/local-storage.js';
import { minimalSpecTools } from '../support/spec-tools.js';

function app(options: { storageDir?: string; ffmpegOk?: boolean; env?: Record<string, string> } = {}) {
  const config = loadServerConfig({ API_TOKEN: 'a', CLEANUP_TOKEN: 'c', ...options.env }, { cpuCount: 1 });
  return createApp({
    config,
    logger: createSilentLogger(),
    jobs: new MemoryJobStore(),
    queue: new InProcessQueue({ processor: async () => undefined, concurrency: 1, timeoutMs: 1_000 }),
    storage: new LocalStorage(options.storageDir ?? '/tmp/fluvie-health-test'),
    clock: { now: () => 0 },
    specTools: minimalSpecTools,
    checkFfmpeg: async () => {
      if (options.ffmpegOk === false) throw new Error('ffmpeg not found on PATH');
    },
  });
}

describe('health routes', () => {
  it('answers healthz', async () => {
    const response = await app().request('/v1/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(await (await app().request('/healthz')).text()).toBe('ok');
  });

  it('is ready when storage and ffmpeg work', async () => {
    const response = await app().request('/v1/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(await (await app().request('/readyz')).text()).toBe('ready');
  });

  it('is degraded without ffmpeg', async () => {
    const response = await app({ ffmpegOk: false }).request('/v1/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'degraded', failures: { ffmpeg: 'ffmpeg not found on PATH' } });
  });

  it('is degraded when storage cannot be written', async () => {
    // A regular file where the storage folder should be cannot hold objects.
    const dir = await mkdtemp(path.join(tmpdir(), 'fluvie-health-'));
    const notAFolder = path.join(dir, 'file');
    await writeFile(notAFolder, 'x');
    const response = await app({ storageDir: notAFolder }).request('/v1/readyz');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { failures: Record<string, string> }).failures['storage']).toBeDefined();
    expect((await app({ storageDir: notAFolder }).request('/readyz')).status).toBe(503);
  });

  it('lists what is enabled on the landing page', async () => {
    const response = await app({ env: { FLUVIE_ENABLE_API: 'false' } }).request('/');
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('fluvie-render server');
    expect(html).toMatch(/Render API<\/th><td>disabled/);
    expect(html).not.toContain('POST /v1/renders');
    expect(html).toContain('not configured: no API key for claude');
    const withKey = await app({ env: { FLUVIE_ENABLE_API: 'false', GEMINI_API_KEY: 'key', FLUVIE_AI_PROVIDER: 'gemini' } }).request('/');
    expect(await withKey.text()).toContain('enabled, default provider gemini');
  });

  it('serves the render console with the API', async () => {
    const response = await app().request('/');
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('fluvie-render console');
    expect(html).toContain('<script type="module" src="/console/main.js"></script>');
    expect(html).not.toContain('id="ai-form"');

    const withAi = await app({ env: { ANTHROPIC_API_KEY: 'sk-test' } }).request('/');
    expect(await withAi.text()).toContain('id="ai-form"');
  });

  it('lists what is enabled under the console', async () => {
    const html = await (await app().request('/')).text();
    const summary = html.slice(html.indexOf('<details id="server-summary">'));
    expect(summary).toMatch(/^<details id="server-summary">\n<summary>This server<\/summary>/);
    expect(summary).toMatch(/Render API<\/th><td>enabled under \/v1/);
    expect(summary).toContain('<code>POST /v1/renders</code>');
    expect(summary).toContain('not configured: no API key for claude');
  });

  it('does not mount the API when disabled', async () => {
    const response = await app({ env: { FLUVIE_ENABLE_API: 'false' } }).request('/v1/renders/rnd_x', { headers: { authorization: 'Bearer a' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Not found' } });
  });
});

describe('CORS', () => {
  const cors = (origins: string) => app({ env: { CORS_ALLOW_ORIGINS: origins } });

  it('adds nothing without configured origins', async () => {
    const response = await app().request('/v1/healthz', { headers: { origin: 'https://a.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('echoes a listed origin, also on errors', async () => {
    const response = await cors('https://a.example').request('/v1/renders/rnd_x', { headers: { origin: 'https://a.example' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://a.example');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('leaves out unlisted origins', async () => {
    const response = await cors('https://a.example').request('/v1/healthz', { headers: { origin: 'https://b.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).not.toBeNull();
  });

  it('allows any origin with *', async () => {
    const response = await cors('*').request('/v1/healthz', { headers: { origin: 'https://b.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers preflight OPTIONS with 200 and an empty body', async () => {
    const response = await cors('*').request('/v1/renders', { method: 'OPTIONS' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('adds headers to 404 answers', async () => {
    const response = await cors('*').request('/nothing');
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('request ids', () => {
  it('returns an X-Request-Id', async () => {
    const response = await app().request('/v1/healthz');
    expect(response.headers.get('x-request-id')).toMatch(/\S+/);
  });
});

describe('unexpected errors', () => {
  it('answer 500 with a generic message', async () => {
    const config = loadServerConfig({ API_TOKEN: 'a', CLEANUP_TOKEN: 'c' }, { cpuCount: 1 });
    const jobs = new MemoryJobStore();
    jobs.get = async () => {
      throw new Error('disk on fire at /secret/path');
    };
    const broken = createApp({
      config,
      logger: createSilentLogger(),
      jobs,
      queue: new InProcessQueue({ processor: async () => undefined, concurrency: 1, timeoutMs: 1_000 }),
      storage: new LocalStorage('/tmp/fluvie-health-test'),
      clock: { now: () => 0 },
      specTools: minimalSpecTools,
      checkFfmpeg: async () => undefined,
    });
    const response = await broken.request('/v1/renders/rnd_abc', { headers: { authorization: 'Bearer a' } });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'internal', message: 'Internal server error' } });
  });
});

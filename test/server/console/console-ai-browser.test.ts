/**
 * The console's prompt box in headless Chromium. The server is a small app with the real console and
 * event routes over a memory job store; the test plays the AI render by updating the job, so the page
 * sees the same events a prompt render produces.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../src/server/app-deps.js';
import { registerConsoleRoutes } from '../../../src/server/console/console-routes.js';
import { requireBearer } from '../../../src/server/http/auth-middleware.js';
import type { JobRecord } from '../../../src/server/jobs/job-record.js';
import { MemoryJobStore } from '../../../src/server/jobs/memory-job-store.js';
import { createSilentLogger } from '../../../src/server/logger.js';
import { JobEventHub } from '../../../src/server/routes/events-hub.js';
import { observeJobStore } from '../../../src/server/routes/events-job-store.js';
import { registerEventRoutes } from '../../../src/server/routes/events.js';
import { LocalStorage } from '../../../src/server/storage/local-storage.js';
import { buildConsoleScripts, launchChromium, shouldSkipBrowserTests, type ChromiumSession } from './support/chromium.js';

const TOKEN = 'console-ai-token';
const AUTHORED_SPEC = { size: { width: 64, height: 64 }, fps: 25, scenes: [{ duration: '1s', background: { kind: 'color', color: '#FFFF0000' } }] };

let dir: string;
let base: string;
let httpServer: ServerType;
let browser: ChromiumSession;
let page: Page;
const hub = new JobEventHub();
const jobs = observeJobStore(new MemoryJobStore(), hub);
const received: Array<Record<string, unknown>> = [];
let storage: LocalStorage;

/** Accepts any render request as a queued job with the next id and records its body. */
function stubRenderRoute(app: Hono<AppEnv>): void {
  app.post('/v1/renders', requireBearer(TOKEN, 'API_TOKEN'), async (c) => {
    const body = (await c.req.json()) as Record<string, unknown>;
    received.push(body);
    const id = `rnd_ai${received.length}`;
    const job: JobRecord = {
      id, kind: 'prompt', status: 'queued', visibility: 'public', createdAtMs: Date.now(), expiresAtMs: Date.now() + 3_600_000,
      startedAtMs: null, finishedAtMs: null, progress: null, videoKey: null, posterKey: null, code: null, spec: null, error: null,
      input: { kind: 'spec', spec: {} }, options: { format: 'mp4', aspect: null, quality: null, poster: null }, idempotencyKey: null, requestHash: null, webhook: null,
    };
    await jobs.create(job);
    return c.json({ id, status: 'queued', createdAt: new Date().toISOString(), expiresAt: new Date().toISOString() }, 202);
  });
  app.post('/v1/validate', requireBearer(TOKEN, 'API_TOKEN'), (c) => c.json({ ok: true, diagnostics: [] }));
}

async function waitForRequest(count: number): Promise<Record<string, unknown>> {
  await expect.poll(() => received.length).toBe(count);
  return received[count - 1] ?? {};
}

describe.skipIf(shouldSkipBrowserTests())('console prompt box in Chromium', () => {
  beforeAll(async () => {
    await buildConsoleScripts();
    dir = await mkdtemp(path.join(tmpdir(), 'fluvie-console-ai-'));
    storage = new LocalStorage(dir);

    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set('log', createSilentLogger());
      await next();
    });
    registerConsoleRoutes(app, { aiEnabled: true });
    stubRenderRoute(app);
    httpServer = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
    });
    base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    // Registered once the port is known, for the download links; no request has reached the app yet.
    registerEventRoutes(app, { jobs, storage, requireApiToken: requireBearer(TOKEN, 'API_TOKEN'), publicBaseUrl: `${base}/`, signingKey: Buffer.from('k') }, { jobEvents: hub });

    browser = await launchChromium();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => {
      if (httpServer === undefined) return resolve();
      httpServer.close(() => resolve());
      (httpServer as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('submits a prompt from the keyboard', async () => {
    await page.goto(`${base}/`);
    await page.locator('#token-input').fill(TOKEN);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#token-status').textContent()).toBe('Token set for this tab.');

    await page.locator('#ai-prompt').fill('A red title card');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Render from prompt');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');

    const body = await waitForRequest(1);
    expect(body['prompt']).toBe('A red title card');
    expect(body['options']).toEqual({ format: 'mp4', quality: 'high' });
  });

  it('shows the authored spec and the result', async () => {
    await jobs.update('rnd_ai1', (job) => ({ ...job, status: 'running', progress: { completed: 0, total: 25 } }));
    await expect.poll(() => page.locator('#job-status').textContent()).toBe('Rendering rnd_ai1…');

    await jobs.update('rnd_ai1', (job) => ({ ...job, code: 'final video = Video();', spec: AUTHORED_SPEC }));
    await expect.poll(() => page.locator('#authored').isVisible()).toBe(true);
    expect(await page.locator('#authored-spec').textContent()).toContain('"#FFFF0000"');
    expect(await page.locator('#authored-spec').textContent()).toContain('final video = Video();');

    const video = path.join(dir, 'source.mp4');
    await writeFile(video, 'stand-in bytes');
    await storage.putFile('rnd_ai1/video.mp4', video, { contentType: 'video/mp4', visibility: 'public', expiresAtMs: null });
    await jobs.update('rnd_ai1', (job) => ({ ...job, status: 'succeeded', progress: { completed: 25, total: 25 }, videoKey: 'rnd_ai1/video.mp4', finishedAtMs: Date.now() }));
    await expect.poll(() => page.locator('#job-status').textContent()).toBe('Render finished (14 bytes).');
    expect(await page.locator('#job-progress-text').textContent()).toBe('25 / 25 frames (100%)');
    expect(await page.locator('#video-link').getAttribute('href')).toBe(`${base}/v1/files/rnd_ai1/video`);
  });

  it('edits the loaded spec with a prompt', async () => {
    await page.locator('#authored-load').click();
    await expect.poll(async () => JSON.parse(await page.locator('#spec-editor').inputValue()) as unknown).toEqual(AUTHORED_SPEC);

    await page.locator('#ai-prompt').fill('Make the background blue');
    await page.getByRole('button', { name: 'Edit the spec' }).click();
    const body = await waitForRequest(2);
    expect(body['edit']).toEqual({ base: AUTHORED_SPEC, change: 'Make the background blue' });

    await jobs.update('rnd_ai2', (job) => ({ ...job, status: 'failed', error: 'The provider returned no spec', finishedAtMs: Date.now() }));
    await expect.poll(() => page.locator('#job-status').textContent()).toBe('Render failed: The provider returned no spec');
  });
});

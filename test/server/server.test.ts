/**
 * End-to-end tests of the composition root: real renders with the native engine and ffmpeg, the real
 * VideoSpec validator, file stores on disk, and HTTP on 127.0.0.1.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/server-config.js';
import { runRender } from '../../src/core/pipeline/run-render.js';
import { FileJobStore } from '../../src/server/jobs/file-job-store.js';
import { createSilentLogger } from '../../src/server/logger.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { runningDescendants, videoStream, readFrameRgba, pixelAt, expectColorNear } from '../helpers/media.js';
import { sampleJob } from '../conformance/job-fixture.js';
import { S3RVER_ACCESS_KEY, S3RVER_SECRET_KEY, startS3rver, type RunningS3rver } from '../helpers/s3rver.js';
import { realSpecTools } from './support/spec-tools.js';
import { API_TOKEN, CLEANUP_TOKEN, jsonBody, TINY_SPEC } from './support/test-server.js';

let running: RunningServer | null = null;
const dirs: string[] = [];

afterEach(async () => {
  await running?.close();
  running = null;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}, dir?: string) {
  const storageDir = dir ?? (await mkdtemp(path.join(tmpdir(), 'fluvie-serve-')));
  if (dir === undefined) dirs.push(storageDir);
  const config = loadServerConfig(
    { API_TOKEN, CLEANUP_TOKEN, LOCAL_STORAGE_DIR: storageDir, HOST: '127.0.0.1', PORT: '0', CLEANUP_INTERVAL: '0', RENDER_CONCURRENCY: '1', ...env },
    { cpuCount: 1 },
  );
  running = await startServer({ config, logger: createSilentLogger(), renderEnv: process.env, render: runRender, specTools: await realSpecTools() });
  const base = `http://127.0.0.1:${running.port}`;
  const api = (pathname: string, init: RequestInit = {}) =>
    fetch(new URL(pathname, base), { ...init, headers: { authorization: `Bearer ${API_TOKEN}`, ...(init.headers as Record<string, string> | undefined) } });
  const waitForTerminal = async (id: string): Promise<Record<string, unknown>> => {
    for (;;) {
      const json = (await (await api(`/v1/renders/${id}`)).json()) as Record<string, unknown>;
      if (['succeeded', 'failed', 'canceled'].includes(String(json['status']))) return json;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { base, api, waitForTerminal, storageDir, server: running };
}

/** Server settings that store renders in the bucket `renders` of s3rver. */
function s3Env(s3: RunningS3rver): Record<string, string> {
  return { STORAGE_BACKEND: 's3', S3_ENDPOINT: s3.endpoint, S3_BUCKET: 'renders', S3_ACCESS_KEY: S3RVER_ACCESS_KEY, S3_SECRET_KEY: S3RVER_SECRET_KEY, S3_USE_SSL: 'false', S3_PATH_STYLE: 'true' };
}

describe('serve end to end', () => {
  it('renders a spec: POST, poll, download, probe', async () => {
    const { api, base, waitForTerminal, storageDir } = await start();
    const created = await api('/v1/renders', jsonBody({ spec: TINY_SPEC, options: { poster: '1f' } }));
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };

    const job = (await waitForTerminal(id)) as { status: string; progress: { completed: number; total: number }; video: { downloadUrl: string; bytes: number }; poster: { downloadUrl: string } };
    expect(job.status).toBe('succeeded');
    expect(job.progress).toEqual({ completed: 4, total: 4 });
    expect(job.video.downloadUrl.startsWith(`http://localhost:${new URL(base).port}/v1/files/${id}/video?token=`)).toBe(true);

    const link = new URL(job.video.downloadUrl);
    const download = await fetch(new URL(link.pathname + link.search, base));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('video/mp4');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(job.video.bytes);
    expect(Number(download.headers.get('content-length'))).toBe(bytes.length);

    const file = path.join(storageDir, 'downloaded.mp4');
    await writeFile(file, bytes);
    const stream = await videoStream(file);
    expect(stream.codec_name).toBe('h264');
    expect([stream.width, stream.height]).toEqual([64, 64]);
    expect(stream.frameCount).toBe(4);
    expect(stream.formatDuration).toBeCloseTo(0.16, 2);
    expectColorNear(pixelAt(await readFrameRgba(file, 0, 64, 64), 64, 32, 32), [255, 0, 0, 255], 12);

    const posterLink = new URL(job.poster.downloadUrl);
    const poster = await fetch(new URL(posterLink.pathname + posterLink.search, base));
    expect(poster.headers.get('content-type')).toBe('image/png');
    const posterFile = path.join(storageDir, 'poster.png');
    await writeFile(posterFile, Buffer.from(await poster.arrayBuffer()));
    const posterStream = await videoStream(posterFile, { countFrames: false });
    expect(posterStream.codec_name).toBe('png');
    expect([posterStream.width, posterStream.height]).toEqual([64, 64]);

    expect(await readdir(path.join(storageDir, '.work')).catch(() => [])).toEqual([]);
  });

  it('rejects an invalid spec with every problem and its path', async () => {
    const { api } = await start();
    const response = await api('/v1/renders', jsonBody({ spec: { fps: 'fast', scenes: [{ children: [] }] } }));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string; diagnostics: Array<{ path: string; severity: string }> } };
    expect(error.code).toBe('invalid_request');
    const paths = error.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.path);
    expect(paths).toContain('fps');
    expect(paths.some((entry) => entry.startsWith('scenes[0]') || entry.startsWith('scenes.0'))).toBe(true);
    for (const entry of paths) expect(error.message).toContain(entry);
  });

  it('validates specs and serves the schema', async () => {
    const { api, base } = await start();
    const valid = await api('/v1/validate', jsonBody(TINY_SPEC));
    expect(await valid.json()).toEqual({ ok: true, diagnostics: [] });
    const invalid = (await (await api('/v1/validate', jsonBody({ spec: { scenes: 'x' }, format: 'gif' }))).json()) as { ok: boolean; diagnostics: unknown[] };
    expect(invalid.ok).toBe(false);
    expect(invalid.diagnostics.length).toBeGreaterThan(0);
    expect((await fetch(new URL('/v1/validate', base), jsonBody(TINY_SPEC))).status).toBe(401);

    const schema = await fetch(new URL('/v1/schema/video-spec', base));
    expect(schema.status).toBe(200);
    expect(schema.headers.get('cache-control')).toBe('public, max-age=3600');
    const body = (await schema.json()) as Record<string, unknown>;
    expect(JSON.stringify(body)).toContain('scenes');
  });

  it('cancels a running render and leaves no ffmpeg process', async () => {
    const { api, waitForTerminal } = await start();
    const long = { size: { width: 64, height: 64 }, fps: 25, scenes: [{ duration: '400s', background: { kind: 'color', color: '#FF0000FF' } }] };
    const { id } = (await (await api('/v1/renders', jsonBody({ spec: long }))).json()) as { id: string };
    for (;;) {
      const job = (await (await api(`/v1/renders/${id}`)).json()) as { status: string; progress?: unknown; error?: string };
      if (job.status !== 'queued' && job.status !== 'running') throw new Error(`render ended before the cancel: ${JSON.stringify(job)}`);
      // Cancel only once the encoder runs, so the check below proves it was stopped.
      if (job.progress !== undefined && (await runningDescendants(/ffmpeg/)).length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const canceled = await api(`/v1/renders/${id}`, { method: 'DELETE' });
    expect(canceled.status).toBe(200);
    expect(((await canceled.json()) as { status: string }).status).toBe('canceled');
    expect(await runningDescendants(/ffmpeg/)).toEqual([]);
    expect((await waitForTerminal(id))['status']).toBe('canceled');
  });

  it('fails a render that runs past RENDER_TIMEOUT', async () => {
    const { api, waitForTerminal } = await start({ RENDER_TIMEOUT: '300ms' });
    const long = { size: { width: 64, height: 64 }, fps: 25, scenes: [{ duration: '400s' }] };
    const { id } = (await (await api('/v1/renders', jsonBody({ spec: long }))).json()) as { id: string };
    const job = await waitForTerminal(id);
    expect(job).toMatchObject({ status: 'failed', error: 'Render timed out after 0.3s' });
    expect(await runningDescendants(/ffmpeg/)).toEqual([]);
  });

  it('fails jobs left running and requeues queued ones on restart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fluvie-restart-'));
    dirs.push(dir);
    const store = new FileJobStore(path.join(dir, '.jobs'));
    const stale = sampleJob({ status: 'running', startedAtMs: Date.now() - 1_000, expiresAtMs: Date.now() + 3_600_000 });
    const waiting = sampleJob({ input: { kind: 'spec', spec: TINY_SPEC }, expiresAtMs: Date.now() + 3_600_000 });
    await store.create(stale);
    await store.create(waiting);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, '.work', stale.id), { recursive: true });
    await writeFile(path.join(dir, '.work', stale.id, 'video.mp4'), 'partial');

    const { api, waitForTerminal } = await start({}, dir);
    const failed = await api(`/v1/renders/${stale.id}`);
    expect(await failed.json()).toMatchObject({ id: stale.id, status: 'failed', error: 'Server restarted mid-render' });
    expect(await waitForTerminal(waiting.id)).toMatchObject({ status: 'succeeded' });
    expect(await readdir(path.join(dir, '.work'))).toEqual([]);
  });

  it('renders into S3 storage and redirects downloads', async () => {
    const s3 = await startS3rver({ buckets: ['renders'] });
    try {
      const { api, waitForTerminal, storageDir } = await start(s3Env(s3));
      const created = await api('/v1/renders', jsonBody({ spec: TINY_SPEC }));
      const { id } = (await created.json()) as { id: string };
      expect((await waitForTerminal(id))['status']).toBe('succeeded');
      // Job records stay local; the video is only in the bucket.
      expect(await new FileJobStore(path.join(storageDir, '.jobs')).get(id)).not.toBeNull();
      expect(await readdir(storageDir)).not.toContain(id);

      const redirect = await api(`/v1/files/${id}/video`, { redirect: 'manual' });
      expect(redirect.status).toBe(302);
      const location = new URL(redirect.headers.get('location')!);
      expect(`${location.host}${location.pathname}`).toBe(`${s3.endpoint}/renders/${id}/video.mp4`);
      const file = path.join(storageDir, 'from-s3.mp4');
      await writeFile(file, Buffer.from(await (await fetch(location)).arrayBuffer()));
      const stream = await videoStream(file);
      expect(stream.codec_name).toBe('h264');
      expect(stream.frameCount).toBe(4);
    } finally {
      await running?.close();
      running = null;
      await s3.close();
    }
  });

  it('refuses to start without its S3 bucket', async () => {
    const s3 = await startS3rver({ buckets: [] });
    try {
      await expect(start(s3Env(s3))).rejects.toMatchObject({
        code: 'config_invalid',
        message: expect.stringMatching(/STORAGE_BACKEND=s3 cannot use its bucket: The bucket "renders" does not exist .*S3_BUCKET/),
      });
    } finally {
      await s3.close();
    }
  });
});

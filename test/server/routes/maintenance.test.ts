import { readdir } from 'node:fs/promises';
import { runCliCapture } from '../../helpers/cli.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRender, FAKE_POSTER_BYTES, FAKE_VIDEO_BYTES } from '../support/fake-render.js';
import { minimalSpecTools } from '../support/spec-tools.js';
import { CLEANUP_TOKEN, jsonBody, ManualClock, startTestServer, TINY_SPEC, type TestServer } from '../support/test-server.js';

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function serverWithJobs(clock: ManualClock, env: Record<string, string> = {}) {
  const fake = createFakeRender();
  server = await startTestServer({ render: fake.render, specTools: minimalSpecTools, clock, env });
  const short = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC, ttl: '1h', options: { poster: '1f' } }))).json()) as { id: string };
  const long = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC, ttl: '3h' }))).json()) as { id: string };
  await server.waitForTerminal(short.id);
  await server.waitForTerminal(long.id);
  return { server, short: short.id, long: long.id };
}

function cleanup(server: TestServer, body: unknown, token = CLEANUP_TOKEN): Promise<Response> {
  return server.fetch('/v1/maintenance/cleanup', { ...jsonBody(body), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
}

describe('POST /v1/maintenance/cleanup', () => {
  it('accepts only the cleanup token', async () => {
    const { server } = await serverWithJobs(new ManualClock(Date.UTC(2026, 0, 1)));
    expect((await server.api('/v1/maintenance/cleanup', jsonBody({}))).status).toBe(401);
    expect((await server.fetch('/v1/maintenance/cleanup', jsonBody({}))).status).toBe(401);
    expect((await cleanup(server, {})).status).toBe(200);
    expect((await server.fetch('/v1/renders', { ...jsonBody({ spec: TINY_SPEC }), headers: { authorization: `Bearer ${CLEANUP_TOKEN}` } })).status).toBe(401);
  });

  it('rejects a dryRun that is not a boolean', async () => {
    const { server } = await serverWithJobs(new ManualClock(Date.UTC(2026, 0, 1)));
    const response = await cleanup(server, { dryRun: 'yes' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'invalid_request', message: 'dryRun must be true or false.' } });
  });

  it('counts expired files in a dry run and deletes nothing', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const { server, short, long } = await serverWithJobs(clock);
    clock.advance(2 * 3_600_000);
    const response = await cleanup(server, { dryRun: true });
    const report = await response.json();
    expect(report).toEqual({
      scanned: 1, deletedFiles: 2, deletedJobs: 1, freedBytes: FAKE_VIDEO_BYTES.length + FAKE_POSTER_BYTES.length, dryRun: true,
      startedAt: new Date(clock.now()).toISOString(), finishedAt: new Date(clock.now()).toISOString(),
    });
    expect((await server.api(`/v1/renders/${short}`)).status).toBe(200);
    expect((await server.api(`/v1/renders/${long}`)).status).toBe(200);
    expect((await readdir(server.dir)).filter((name) => !name.startsWith('.')).sort()).toEqual([long, short].sort());
  });

  it('deletes expired jobs and files', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const { server, short, long } = await serverWithJobs(clock);
    clock.advance(2 * 3_600_000);
    const report = (await (await cleanup(server, {})).json()) as Record<string, unknown>;
    expect(report).toMatchObject({ scanned: 1, deletedFiles: 2, deletedJobs: 1, dryRun: false });
    const swept = await server.api(`/v1/renders/${short}`);
    expect(swept.status).toBe(410);
    expect(await swept.json()).toEqual({ error: { code: 'gone', message: 'The rendered files have expired' } });
    const video = await server.api(`/v1/files/${short}/video`);
    expect(video.status).toBe(410);
    expect(await video.json()).toEqual({ error: { code: 'gone', message: 'The file has expired' } });
    expect((await server.api(`/v1/files/${short}/poster`)).status).toBe(410);
    expect((await server.api(`/v1/renders/${long}`)).status).toBe(200);
    expect((await readdir(server.dir)).filter((name) => !name.startsWith('.'))).toEqual([long]);
  });

  it('never sweeps queued or running jobs', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const fake = createFakeRender({ holdUntilReleased: true });
    server = await startTestServer({ render: fake.render, specTools: minimalSpecTools, clock });
    const running = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC, ttl: '1s' }))).json()) as { id: string };
    const queued = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC, ttl: '1s' }))).json()) as { id: string };
    await fake.started(1);
    clock.advance(10_000);
    const report = (await (await cleanup(server, {})).json()) as Record<string, unknown>;
    expect(report).toMatchObject({ scanned: 2, deletedJobs: 0, deletedFiles: 0 });
    expect((await server.api(`/v1/renders/${running.id}`)).status).toBe(200);
    expect((await server.api(`/v1/renders/${queued.id}`)).status).toBe(200);
    fake.releaseAll();
  });

  it('deletes stored objects past their own expiry', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const { server } = await serverWithJobs(clock);
    const { writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const source = path.join(server.dir, '.orphan-source');
    await writeFile(source, 'orphan');
    await server.storage.putFile('rnd_orphan/video.mp4', source, { contentType: 'video/mp4', visibility: 'private', expiresAtMs: clock.now() - 1 });
    const report = (await (await cleanup(server, {})).json()) as Record<string, unknown>;
    expect(report).toMatchObject({ scanned: 1, deletedFiles: 1, deletedJobs: 0, freedBytes: 6 });
    expect(await server.storage.stat('rnd_orphan/video.mp4')).toBeNull();
  });

  it('answers 410 until the tombstone expires, then 404', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const { server, short } = await serverWithJobs(clock, { JOB_TOMBSTONE_TTL: '30m' });
    clock.advance(2 * 3_600_000);
    expect((await (await cleanup(server, {})).json()) as Record<string, unknown>).toMatchObject({ deletedJobs: 1 });

    clock.advance(30 * 60_000 - 1);
    expect((await (await cleanup(server, {})).json()) as Record<string, unknown>).toMatchObject({ scanned: 0, deletedJobs: 0 });
    expect((await server.api(`/v1/renders/${short}`)).status).toBe(410);

    clock.advance(1);
    expect((await (await cleanup(server, {})).json()) as Record<string, unknown>).toMatchObject({ scanned: 0, deletedJobs: 0 });
    const unknown = await server.api(`/v1/renders/${short}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'not_found', message: 'No such job' } });
  });

  it('answers 404 for a swept failed job', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const fake = createFakeRender();
    fake.failWith(new Error('boom'));
    server = await startTestServer({ render: fake.render, specTools: minimalSpecTools, clock });
    const { id } = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC, ttl: '1h' }))).json()) as { id: string };
    expect((await server.waitForTerminal(id))['status']).toBe('failed');
    clock.advance(2 * 3_600_000);
    expect((await (await cleanup(server, {})).json()) as Record<string, unknown>).toMatchObject({ deletedJobs: 1 });
    expect((await server.api(`/v1/renders/${id}`)).status).toBe(404);
  });

  it('lets a swept job\'s Idempotency-Key start a new render', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    server = await startTestServer({ render: createFakeRender().render, specTools: minimalSpecTools, clock });
    const request = { ...jsonBody({ spec: TINY_SPEC, ttl: '1h' }), headers: { 'content-type': 'application/json', 'idempotency-key': 'order-1' } };
    const first = (await (await server.api('/v1/renders', request)).json()) as { id: string };
    await server.waitForTerminal(first.id);
    clock.advance(2 * 3_600_000);
    await cleanup(server, {});

    const again = await server.api('/v1/renders', request);
    expect(again.status).toBe(202);
    const second = (await again.json()) as { id: string };
    expect(second.id).not.toBe(first.id);
    await server.waitForTerminal(second.id);
  });

  it('answers 410 after a sweep of the built-in timer', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const { server, short, long } = await serverWithJobs(clock, { CLEANUP_INTERVAL: '20ms' });
    expect((await server.api(`/v1/renders/${short}`)).status).toBe(200);
    clock.advance(2 * 3_600_000);
    let status = 200;
    for (let polls = 0; polls < 400 && status === 200; polls += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      status = (await server.api(`/v1/renders/${short}`)).status;
    }
    expect(status).toBe(410);
    expect((await server.api(`/v1/renders/${long}`)).status).toBe(200);
    expect(await server.storage.stat(`${short}/poster.png`)).toBeNull();
  });

  it('answers 410 after a sweep by the cleanup command', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const { server, short, long } = await serverWithJobs(clock);
    clock.advance(2 * 3_600_000);
    const result = await runCliCapture(['cleanup', '--server', server.base, '--token', CLEANUP_TOKEN, '--json'], { env: {} });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ scanned: 1, deletedFiles: 2, deletedJobs: 1, dryRun: false });
    expect((await server.api(`/v1/renders/${short}`)).status).toBe(410);
    expect((await server.api(`/v1/renders/${long}`)).status).toBe(200);
  });
});

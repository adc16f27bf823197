import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRender } from '../support/fake-render.js';
import { minimalSpecTools } from '../support/spec-tools.js';
import { API_TOKEN, jsonBody, startTestServer, TINY_SPEC, type TestServer } from '../support/test-server.js';

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(env: Record<string, string> = {}, hold = false) {
  const fake = createFakeRender({ holdUntilReleased: hold });
  server = await startTestServer({ render: fake.render, specTools: minimalSpecTools, env });
  return { server, fake };
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  const json = (await response.json()) as { error: { code: string; message: string } };
  return json.error;
}

describe('POST /v1/renders', () => {
  it('queues a spec render with 202 and Location', async () => {
    const { server } = await start();
    const response = await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }));
    expect(response.status).toBe(202);
    const job = (await response.json()) as Record<string, unknown>;
    expect(response.headers.get('location')).toBe(`/v1/renders/${String(job['id'])}`);
    expect(String(job['id'])).toMatch(/^rnd_[A-Za-z0-9_-]{24}$/);
    expect(Object.keys(job)).toEqual(['id', 'status', 'createdAt', 'expiresAt']);
    expect(job['status']).toBe('queued');
    expect(Date.parse(String(job['expiresAt'])) - Date.parse(String(job['createdAt']))).toBe(24 * 3_600_000);
  });

  it('runs the job to succeeded with links in field order', async () => {
    const { server, fake } = await start();
    const response = await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC, options: { poster: '2f', quality: 'low', aspect: 'square' }, ttl: '2h' }));
    const { id } = (await response.json()) as { id: string };
    const job = await server.waitForTerminal(id);
    expect(job['status']).toBe('succeeded');
    expect(Object.keys(job)).toEqual(['id', 'status', 'progress', 'video', 'poster', 'createdAt', 'expiresAt']);
    expect(job['progress']).toEqual({ completed: 4, total: 4 });
    expect(job['video']).toMatchObject({ contentType: 'video/mp4', bytes: 35, expiresAt: job['expiresAt'] });
    expect(job['poster']).toMatchObject({ contentType: 'image/png', bytes: 14 });
    expect(Date.parse(String(job['expiresAt'])) - Date.parse(String(job['createdAt']))).toBe(2 * 3_600_000);
    const request = fake.requests[0]!;
    expect(request).toMatchObject({ format: 'mp4', quality: 'low', aspect: 'square', posterTime: '2f', engine: 'auto', maxFrames: null });
    expect(request.source).toMatchObject({ kind: 'spec', value: TINY_SPEC });
    expect(request.out).toMatch(/\.work\/rnd_[^/]+\/video\.mp4$/);
  });

  it('sends key renders to the flutter engine', async () => {
    const { server, fake } = await start({ RENDER_PROJECT: '/srv/flutter-app' });
    const response = await server.api('/v1/renders', jsonBody({ key: ' intro_card ', options: { format: 'gif' } }));
    const { id } = (await response.json()) as { id: string };
    const job = await server.waitForTerminal(id);
    expect(job['video']).toMatchObject({ contentType: 'image/gif' });
    expect(fake.requests[0]).toMatchObject({ source: { kind: 'key', key: 'intro_card' }, engine: 'flutter', format: 'gif' });
  });

  it('records a failed render with the error text', async () => {
    const { server, fake } = await start();
    const { FluvieError } = await import('../../../src/core/errors.js');
    fake.failWith(new FluvieError('ffmpeg_failed', 'ffmpeg exited with code 1'));
    const { id } = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }))).json()) as { id: string };
    const job = await server.waitForTerminal(id);
    expect(job).toMatchObject({ status: 'failed', error: 'ffmpeg exited with code 1' });
    expect(job['video']).toBeUndefined();
  });

  it('hides unexpected render errors', async () => {
    const { server, fake } = await start();
    fake.failWith(new Error('secret internal detail'));
    const { id } = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }))).json()) as { id: string };
    expect(await server.waitForTerminal(id)).toMatchObject({ status: 'failed', error: 'Internal render error' });
  });

  it.each([
    [{}, 'Provide exactly one of key, spec, prompt, edit, code.'],
    [{ key: 'a', spec: TINY_SPEC }, 'Provide exactly one of key, spec, prompt, edit, code.'],
    [{ spec: null }, 'spec must be a VideoSpec object with a non-empty scenes array.'],
    [{ spec: { scenes: [] } }, 'spec must be a VideoSpec object with a non-empty scenes array.'],
    [{ key: 'Bad-Key' }, 'key must be a non-empty string of lowercase letters, digits and underscores.'],
    [{ prompt: '  ' }, 'prompt must be a non-empty string.'],
    [{ edit: { base: TINY_SPEC } }, 'edit.change must be a non-empty string.'],
    [{ spec: TINY_SPEC, options: 'mp4' }, 'options must be an object.'],
    [{ spec: TINY_SPEC, options: { format: 'mov' } }, 'options.format must be one of mp4, gif, transparent.'],
    [{ spec: TINY_SPEC, options: { aspect: 'wide' } }, 'options.aspect must be one of reels, square, landscape, portrait45.'],
    [{ spec: TINY_SPEC, options: { quality: 'ultra' } }, 'options.quality must be one of low, medium, high, max.'],
    [{ spec: TINY_SPEC, options: { poster: '' } }, 'options.poster must be a non-empty time string such as "1.5s", "30f" or "500ms".'],
    [{ spec: TINY_SPEC, visibility: 'secret' }, 'visibility must be "public" or "private"'],
    [{ spec: TINY_SPEC, ttl: '1.5h' }, 'ttl must be a positive duration string: an integer with a unit ms, s, m, h or d, such as "48h".'],
    [{ spec: TINY_SPEC, ttl: 48 }, 'ttl must be a positive duration string: an integer with a unit ms, s, m, h or d, such as "48h".'],
    [{ edit: { base: { ...TINY_SPEC, size: { width: 7681, height: 64 } }, change: 'x' } }, 'edit.base.size.width: 7681 is out of range: expected an integer from 2 to 7680.'],
  ])('rejects %j with 400', async (body, message) => {
    const { server } = await start();
    const response = await server.api('/v1/renders', jsonBody(body));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({ code: 'invalid_request', message });
  });

  it('rejects imageSequence over HTTP', async () => {
    const { server } = await start();
    const response = await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC, options: { format: 'imageSequence' } }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/imageSequence is not available over HTTP/);
  });

  it('rejects bodies that are not JSON objects', async () => {
    const { server } = await start();
    const bad = await server.api('/v1/renders', { method: 'POST', body: '{nope' });
    expect(await errorOf(bad)).toEqual({ code: 'invalid_request', message: 'Body must be valid JSON' });
    const array = await server.api('/v1/renders', { method: 'POST', body: '[1]' });
    expect(await errorOf(array)).toEqual({ code: 'invalid_request', message: 'Body must be a JSON object' });
    const empty = await server.api('/v1/renders', { method: 'POST', body: '' });
    expect(await errorOf(empty)).toEqual({ code: 'invalid_request', message: 'Provide exactly one of key, spec, prompt, edit, code.' });
  });

  it('reports every spec problem with its path', async () => {
    const { server } = await start();
    const response = await server.api('/v1/renders', jsonBody({ spec: { scenes: [{}], size: 'reels' } }));
    expect(response.status).toBe(202);
    const invalid = await server.api('/v1/renders', jsonBody({ spec: { scenes: 'x' } }));
    expect(invalid.status).toBe(400);
  });

  it('requires the API bearer token', async () => {
    const { server } = await start();
    const none = await server.fetch('/v1/renders', jsonBody({ spec: TINY_SPEC }));
    expect(none.status).toBe(401);
    expect((await errorOf(none)).code).toBe('unauthorized');
    const wrong = await server.api('/v1/renders', { ...jsonBody({ spec: TINY_SPEC }), headers: { authorization: `Bearer ${API_TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const cleanupToken = await server.api('/v1/renders', { ...jsonBody({ spec: TINY_SPEC }), headers: { authorization: 'Bearer test-cleanup-token' } });
    expect(cleanupToken.status).toBe(401);
    const basic = await server.api('/v1/renders', { ...jsonBody({ spec: TINY_SPEC }), headers: { authorization: `Basic ${API_TOKEN}` } });
    expect(basic.status).toBe(401);
  });

  it('answers 413 for oversized bodies', async () => {
    const { server } = await start({ MAX_BODY_BYTES: '2048' });
    const big = { spec: { ...TINY_SPEC, notes: 'x'.repeat(4096) } };
    const response = await server.api('/v1/renders', jsonBody(big));
    expect(response.status).toBe(413);
    const error = await errorOf(response);
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain('2048 bytes');
  });

  it('answers 413 for oversized chunked bodies', async () => {
    const { server } = await start({ MAX_BODY_BYTES: '1024' });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 8; index += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(512)));
        controller.close();
      },
    });
    const response = await server.api('/v1/renders', { method: 'POST', body: chunks, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });
});

describe('AI renders', () => {
  it('answer 503 without a provider key', async () => {
    const { server } = await start();
    const prompt = await server.api('/v1/renders', jsonBody({ prompt: 'A teal title card' }));
    expect(prompt.status).toBe(503);
    expect(await errorOf(prompt)).toEqual({ code: 'unavailable', message: 'AI rendering is not configured on this server' });
    const edit = await server.api('/v1/renders', jsonBody({ edit: { base: TINY_SPEC, change: 'make it blue' } }));
    expect(edit.status).toBe(503);
    const gemini = await server.api('/v1/renders', jsonBody({ prompt: 'x', provider: 'gemini' }));
    expect(await errorOf(gemini)).toMatchObject({ message: 'AI rendering is not configured on this server' });
  });

  it('answer 400 for an unknown provider', async () => {
    const { server } = await start({ ANTHROPIC_API_KEY: 'sk-test' });
    const response = await server.api('/v1/renders', jsonBody({ prompt: 'A teal title card', provider: 'gpt' }));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('Unknown AI provider "gpt"') });
  });

  it('queue prompt renders up to the limit, then answer 429', async () => {
    const { server } = await start({ ANTHROPIC_API_KEY: 'sk-test', FLUVIE_AI_RATE_LIMIT: '2', FLUVIE_AI_RATE_WINDOW: '30s' });
    for (let index = 0; index < 2; index += 1) {
      const response = await server.api('/v1/renders', jsonBody({ prompt: 'A teal title card' }));
      expect(response.status).toBe(202);
    }
    const limited = await server.api('/v1/renders', jsonBody({ prompt: 'A teal title card' }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect((await errorOf(limited)).code).toBe('rate_limited');
    const spec = await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }));
    expect(spec.status).toBe(202);
  });

  it('keys the limit on x-forwarded-for only behind a trusted proxy', async () => {
    const { server } = await start({ ANTHROPIC_API_KEY: 'sk-test', FLUVIE_AI_RATE_LIMIT: '1', TRUST_PROXY: 'true' });
    const from = (ip: string) => server.api('/v1/renders', { ...jsonBody({ prompt: 'x' }), headers: { 'x-forwarded-for': `${ip}, 10.0.0.1` } });
    expect((await from('203.0.113.1')).status).toBe(202);
    expect((await from('203.0.113.1')).status).toBe(429);
    expect((await from('203.0.113.2')).status).toBe(202);
  });

  it('ignores x-forwarded-for without TRUST_PROXY', async () => {
    const { server } = await start({ ANTHROPIC_API_KEY: 'sk-test', FLUVIE_AI_RATE_LIMIT: '1' });
    const from = (ip: string) => server.api('/v1/renders', { ...jsonBody({ prompt: 'x' }), headers: { 'x-forwarded-for': ip } });
    expect((await from('203.0.113.1')).status).toBe(202);
    expect((await from('203.0.113.2')).status).toBe(429);
  });

  it('rejects code renders', async () => {
    const { server } = await start();
    const response = await server.api('/v1/renders', jsonBody({ code: 'Video build() => Video();' }));
    expect(response.status).toBe(503);
    expect((await errorOf(response)).message).toMatch(/Code renders/);
  });
});

describe('GET /v1/renders/{id}', () => {
  it('answers 404 for unknown ids', async () => {
    const { server } = await start();
    for (const id of ['rnd_unknown', 'nothing', '..%2F..%2Fetc']) {
      const response = await server.api(`/v1/renders/${id}`);
      expect(response.status).toBe(404);
      expect(await errorOf(response)).toEqual({ code: 'not_found', message: 'No such job' });
    }
  });

  it('answers 410 when the files are gone', async () => {
    const { server } = await start();
    const { id } = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }))).json()) as { id: string };
    await server.waitForTerminal(id);
    await server.storage.delete(`${id}/video.mp4`);
    const response = await server.api(`/v1/renders/${id}`);
    expect(response.status).toBe(410);
    expect(await errorOf(response)).toEqual({ code: 'gone', message: 'The rendered files have expired' });
  });

  it('shows progress while running', async () => {
    const { server, fake } = await start({}, true);
    const { id } = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }))).json()) as { id: string };
    await fake.started(1);
    let job: Record<string, unknown> = {};
    for (let attempt = 0; attempt < 100 && job['progress'] === undefined; attempt += 1) {
      job = (await (await server.api(`/v1/renders/${id}`)).json()) as Record<string, unknown>;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(job).toMatchObject({ status: 'running', progress: { completed: 1, total: 4 } });
    fake.releaseAll();
    expect((await server.waitForTerminal(id))['status']).toBe('succeeded');
  });
});

describe('DELETE /v1/renders/{id}', () => {
  it('cancels queued and running jobs', async () => {
    const { server, fake } = await start({}, true);
    const first = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }))).json()) as { id: string };
    const second = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }))).json()) as { id: string };
    await fake.started(1);

    const queued = await server.api(`/v1/renders/${second.id}`, { method: 'DELETE' });
    expect(queued.status).toBe(200);
    expect(await queued.json()).toMatchObject({ status: 'canceled', error: 'Render canceled' });

    const running = await server.api(`/v1/renders/${first.id}`, { method: 'DELETE' });
    expect(running.status).toBe(200);
    expect(await running.json()).toMatchObject({ id: first.id, status: 'canceled' });
    expect(fake.active()).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect(server.finished.map((job) => [job.id, job.status]).sort()).toEqual([[first.id, 'canceled'], [second.id, 'canceled']].sort());

    const again = await server.api(`/v1/renders/${first.id}`, { method: 'DELETE' });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('conflict');
  });

  it('answers 404 for unknown jobs', async () => {
    const { server } = await start();
    expect((await server.api('/v1/renders/rnd_nothing', { method: 'DELETE' })).status).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  it('returns the original job for the same body and 409 for another', async () => {
    const { server, fake } = await start({}, true);
    const send = (body: unknown) => server.api('/v1/renders', { ...jsonBody(body), headers: { 'idempotency-key': 'order-7' } });
    const [first, second] = await Promise.all([send({ spec: TINY_SPEC }), send({ spec: TINY_SPEC })]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 202]);
    const ids = [((await first.json()) as { id: string }).id, ((await second.json()) as { id: string }).id];
    expect(ids[0]).toBe(ids[1]);
    const other = await send({ spec: { ...TINY_SPEC, fps: 30 } });
    expect(other.status).toBe(409);
    expect((await errorOf(other)).code).toBe('conflict');
    expect((await server.jobs.list()).length).toBe(1);
    // The shutdown path has tests of its own; this one ends with the render finished.
    fake.releaseAll();
    await server.waitForTerminal(ids[0] ?? '');
  });
});

describe('concurrent submissions', () => {
  it('accepts 50 concurrent POSTs and finishes every job', async () => {
    const { server } = await start({ RENDER_CONCURRENCY: '2' });
    const responses = await Promise.all(Array.from({ length: 50 }, () => server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }))));
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 202 || status === 429)).toBe(true);
    const ids = await Promise.all(responses.filter((response) => response.status === 202).map(async (response) => ((await response.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(ids.length);
    const jobs = await Promise.all(ids.map((id) => server.waitForTerminal(id)));
    expect(jobs.every((job) => job['status'] === 'succeeded')).toBe(true);
    expect((await server.jobs.list()).length).toBe(ids.length);
  });
});

describe('network media setting', () => {
  it('passes ALLOW_NETWORK_MEDIA to the render', async () => {
    const { server, fake } = await start({ ALLOW_NETWORK_MEDIA: 'true' });
    const response = await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }));
    expect(response.status).toBe(202);
    await fake.started(1);
    expect(fake.requests[0]?.allowNetwork).toBe(true);
  });

  it('keeps network media off by default', async () => {
    const { server, fake } = await start();
    expect((await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }))).status).toBe(202);
    await fake.started(1);
    expect(fake.requests[0]?.allowNetwork).toBe(false);
  });
});

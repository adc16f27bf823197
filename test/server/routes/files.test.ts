import { afterEach, describe, expect, it } from 'vitest';
import { signToken, deriveSigningKey } from '../../../src/server/auth/signed-token.js';
import { createFakeRender, FAKE_POSTER_BYTES, FAKE_VIDEO_BYTES } from '../support/fake-render.js';
import { minimalSpecTools } from '../support/spec-tools.js';
import { API_TOKEN, jsonBody, ManualClock, startTestServer, TINY_SPEC, type TestServer } from '../support/test-server.js';

let server: TestServer | null = null;
const START = Date.UTC(2026, 0, 1);

afterEach(async () => {
  await server?.close();
  server = null;
});

async function renderedJob(body: Record<string, unknown>, env: Record<string, string> = {}, clock?: ManualClock) {
  const fake = createFakeRender();
  server = await startTestServer({ render: fake.render, specTools: minimalSpecTools, env, ...(clock ? { clock } : {}) });
  const { id } = (await (await server.api('/v1/renders', jsonBody(body))).json()) as { id: string };
  const job = (await server.waitForTerminal(id)) as { id: string; video: { downloadUrl: string }; poster?: { downloadUrl: string } };
  return { server, job };
}

/** Path and query of a download URL, to fetch it from the test server whatever PUBLIC_BASE_URL contains. */
function local(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

describe('GET /v1/files/{id}/{kind}', () => {
  it('serves a private file through its signed link', async () => {
    const { server, job } = await renderedJob({ spec: TINY_SPEC, options: { poster: '1f' } });
    expect(job.video.downloadUrl).toMatch(new RegExp(`^http://localhost:${new URL(server.base).port}/v1/files/${job.id}/video\\?token=`));
    const video = await server.fetch(local(job.video.downloadUrl));
    expect(video.status).toBe(200);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect(video.headers.get('content-length')).toBe(String(FAKE_VIDEO_BYTES.length));
    expect(video.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await video.arrayBuffer())).toEqual(FAKE_VIDEO_BYTES);
    const poster = await server.fetch(local(job.poster!.downloadUrl));
    expect(poster.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await poster.arrayBuffer())).toEqual(FAKE_POSTER_BYTES);
  });

  it('resolves links against PUBLIC_BASE_URL', async () => {
    const { job } = await renderedJob({ spec: TINY_SPEC, visibility: 'public' }, { PUBLIC_BASE_URL: 'https://renders.example/api/' });
    expect(job.video.downloadUrl).toBe(`https://renders.example/api/v1/files/${job.id}/video`);
  });

  it('serves public files without credentials', async () => {
    const { server, job } = await renderedJob({ spec: TINY_SPEC }, { PUBLIC_BY_DEFAULT: 'true' });
    expect(job.video.downloadUrl).not.toContain('token=');
    const response = await server.fetch(`/v1/files/${job.id}/video`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('public');
  });

  it('serves private files to the API bearer', async () => {
    const { server, job } = await renderedJob({ spec: TINY_SPEC });
    expect((await server.fetch(`/v1/files/${job.id}/video`)).status).toBe(401);
    expect((await server.api(`/v1/files/${job.id}/video`)).status).toBe(200);
  });

  it('rejects tampered, foreign and wrong-kind tokens', async () => {
    const { server, job } = await renderedJob({ spec: TINY_SPEC, options: { poster: '1f' } });
    const token = new URL(job.video.downloadUrl).searchParams.get('token')!;
    const tampered = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    expect((await server.fetch(`/v1/files/${job.id}/video?token=${encodeURIComponent(tampered)}`)).status).toBe(401);
    expect((await server.fetch(`/v1/files/${job.id}/poster?token=${encodeURIComponent(token)}`)).status).toBe(401);

    const other = (await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }))).json()) as { id: string };
    await server.waitForTerminal(other.id);
    expect((await server.fetch(`/v1/files/${other.id}/video?token=${encodeURIComponent(token)}`)).status).toBe(401);

    const wrongKey = signToken({ id: job.id, kind: 'video', expiresAtMs: Date.now() + 60_000 }, deriveSigningKey('another key', API_TOKEN));
    expect((await server.fetch(`/v1/files/${job.id}/video?token=${encodeURIComponent(wrongKey)}`)).status).toBe(401);
  });

  it('rejects a token after its expiry', async () => {
    const clock = new ManualClock(START);
    const { server, job } = await renderedJob({ spec: TINY_SPEC, ttl: '1h' }, {}, clock);
    const link = local(job.video.downloadUrl);
    clock.advance(3_600_000 - 1);
    expect((await server.fetch(link)).status).toBe(200);
    clock.advance(1);
    const expired = await server.fetch(link);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('serves byte ranges with 206', async () => {
    const { server, job } = await renderedJob({ spec: TINY_SPEC });
    const link = local(job.video.downloadUrl);
    const partial = await server.fetch(link, { headers: { range: 'bytes=5-9' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 5-9/${FAKE_VIDEO_BYTES.length}`);
    expect(partial.headers.get('content-length')).toBe('5');
    expect(Buffer.from(await partial.arrayBuffer())).toEqual(FAKE_VIDEO_BYTES.subarray(5, 10));
    const suffix = await server.fetch(link, { headers: { range: 'bytes=-3' } });
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(FAKE_VIDEO_BYTES.subarray(-3));
    const beyond = await server.fetch(link, { headers: { range: `bytes=${FAKE_VIDEO_BYTES.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${FAKE_VIDEO_BYTES.length}`);
  });

  it('answers 404 for unknown kinds, jobs and files', async () => {
    const { server, job } = await renderedJob({ spec: TINY_SPEC });
    const cases: Array<[string, string]> = [
      [`/v1/files/${job.id}/manifest`, 'Not found: the file kind must be video or poster, got "manifest".'],
      ['/v1/files/rnd_unknown/video', 'No such job'],
      [`/v1/files/${job.id}/poster`, 'No such file'],
    ];
    for (const [path, message] of cases) {
      const response = await server.api(path);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'not_found', message } });
    }
  });

  it('answers 410 when the file is gone', async () => {
    const { server, job } = await renderedJob({ spec: TINY_SPEC });
    await server.storage.delete(`${job.id}/video.mp4`);
    const response = await server.fetch(local(job.video.downloadUrl));
    expect(response.status).toBe(410);
    expect(await response.json()).toEqual({ error: { code: 'gone', message: 'The file has expired' } });
  });

  it.each([
    '/v1/files/..%2F..%2F.jobs/video',
    '/v1/files/%2e%2e/video',
    '/v1/files/rnd_x%00/video',
    '/v1/files/..%5C..%5Cetc/video',
    '/v1/files/%2Fetc%2Fpasswd/video',
  ])('refuses the traversal attempt %s', async (path) => {
    const { server } = await renderedJob({ spec: TINY_SPEC }, { PUBLIC_BY_DEFAULT: 'true' });
    const response = await server.api(path);
    expect(response.status).toBe(404);
  });
});

describe('HEAD /v1/files/{id}/{kind}', () => {
  it('returns the headers without a body', async () => {
    const { server, job } = await renderedJob({ spec: TINY_SPEC });
    const response = await server.fetch(local(job.video.downloadUrl), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(FAKE_VIDEO_BYTES.length));
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });
});

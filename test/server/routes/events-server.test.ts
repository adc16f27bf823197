/**
 * The render event stream as `serve` mounts it: the real server composition, whose job store
 * announces its changes, with a fake render the test holds and releases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SseParser, type SseItem } from '../../../web/console/sse-parser.js';
import { createFakeRender, FAKE_VIDEO_BYTES, type FakeRender } from '../support/fake-render.js';
import { minimalSpecTools } from '../support/spec-tools.js';
import { CLEANUP_TOKEN, jsonBody, startTestServer, TINY_SPEC, type TestServer } from '../support/test-server.js';

let fake: FakeRender;
let server: TestServer;

beforeAll(async () => {
  fake = createFakeRender({ holdUntilReleased: true });
  server = await startTestServer({ render: fake.render, specTools: minimalSpecTools });
});

afterAll(async () => {
  fake.releaseAll();
  await server.close();
});

/** Reads an event stream to its end and returns its events with parsed data. */
async function readEvents(response: Response): Promise<Array<{ event: string; data: Record<string, unknown> }>> {
  const parser = new SseParser();
  const items: SseItem[] = [];
  const text = await response.text();
  items.push(...parser.push(text));
  return items.flatMap((item) => (item.type === 'event' ? [{ event: item.event, data: JSON.parse(item.data) as Record<string, unknown> }] : []));
}

async function postRender(): Promise<string> {
  const response = await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC, options: { poster: '0s' } }));
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

describe('render events on serve', () => {
  it('follows a render to its links', async () => {
    const id = await postRender();
    await fake.started(1);
    const response = await server.api(`/v1/renders/${id}/events`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);

    const events = readEvents(response);
    fake.releaseAll();
    const received = await events;
    expect(received.map((item) => item.event)).toEqual(['status', 'progress', 'progress', 'succeeded']);
    expect(received[0]?.data).toEqual({ status: 'running' });
    expect(received[1]?.data).toEqual({ completed: 1, total: 4 });
    expect(received[2]?.data).toEqual({ completed: 4, total: 4 });

    const terminal = received[3]?.data as { status: string; video: { downloadUrl: string; bytes: number }; poster: { downloadUrl: string } };
    expect(terminal.status).toBe('succeeded');
    expect(terminal.video.bytes).toBe(FAKE_VIDEO_BYTES.length);
    expect(terminal.poster.downloadUrl).toContain(`/v1/files/${id}/poster`);
    const download = await fetch(terminal.video.downloadUrl.replace('localhost', '127.0.0.1'));
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(FAKE_VIDEO_BYTES)).toBe(true);
  });

  it('replays the end to a late subscriber', async () => {
    const id = await postRender();
    await server.waitForTerminal(id);

    const received = await readEvents(await server.api(`/v1/renders/${id}/events`));
    expect(received.map((item) => item.event)).toEqual(['progress', 'succeeded']);
    expect(received[0]?.data).toEqual({ completed: 4, total: 4 });
    expect(received[1]?.data).toMatchObject({ id, status: 'succeeded' });
  });

  it('sends canceled for a canceled render', async () => {
    const held = createFakeRender({ holdUntilReleased: true });
    const local = await startTestServer({ render: held.render, specTools: minimalSpecTools });
    try {
      const response = await local.api('/v1/renders', jsonBody({ spec: TINY_SPEC }));
      const { id } = (await response.json()) as { id: string };
      await held.started(1);
      const events = readEvents(await local.api(`/v1/renders/${id}/events`));
      expect((await local.api(`/v1/renders/${id}`, { method: 'DELETE' })).status).toBe(200);

      const received = await events;
      expect(received.map((item) => item.event)).toEqual(['status', 'progress', 'canceled']);
      expect(received[2]?.data).toMatchObject({ id, status: 'canceled', error: 'Render canceled' });
    } finally {
      held.releaseAll();
      await local.close();
    }
  });

  it('needs the API token', async () => {
    const id = await postRender();
    const anonymous = await server.fetch(`/v1/renders/${id}/events`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthorized');

    const cleanupToken = await server.fetch(`/v1/renders/${id}/events`, { headers: { authorization: `Bearer ${CLEANUP_TOKEN}` } });
    expect(cleanupToken.status).toBe(401);
    await cleanupToken.body?.cancel();
    await server.waitForTerminal(id);
  });

  it('answers 404 for unknown jobs', async () => {
    const response = await server.api('/v1/renders/rnd_doesnotexist/events');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No such job' } });
  });
});

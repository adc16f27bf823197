import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForJob } from '../../../../src/server/mcp/wait-for-job.js';
import { startMcpTestServer, TINY_SPEC, type McpTestServer } from '../support/mcp-harness.js';
import { createFakeRender, FAKE_VIDEO_BYTES } from '../../support/fake-render.js';

describe('local render gateway', () => {
  let server: McpTestServer;
  const signal = new AbortController().signal;

  beforeAll(async () => {
    server = await startMcpTestServer({ render: createFakeRender().render });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('queues a job in the store and follows it to a signed link', async () => {
    const queued = await server.gateway.submit({ spec: TINY_SPEC, options: { format: 'gif', poster: '2f' } }, signal);
    expect(queued).toMatchObject({ status: 'queued' });
    const stored = await server.api.jobs.get(queued.id);
    expect(stored).toMatchObject({ kind: 'spec', visibility: 'private', options: { format: 'gif', aspect: null, quality: null, poster: '2f' } });

    const done = await waitForJob(server.gateway, queued, { timeoutMs: 60_000, signal, onUpdate: async () => undefined });
    expect(done.video?.downloadUrl).toMatch(new RegExp(`^${server.api.base}/v1/files/${queued.id}/video\\?token=`));
    const download = await fetch(done.video?.downloadUrl ?? '');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(FAKE_VIDEO_BYTES);
  });

  it('rejects a body the render API rejects', async () => {
    await expect(server.gateway.submit({ spec: TINY_SPEC, key: 'demo' }, signal)).rejects.toMatchObject({ code: 'invalid_request', message: 'Provide exactly one of key, spec, prompt, edit, code.' });
    await expect(server.gateway.submit({ spec: TINY_SPEC, options: { format: 'imageSequence' } }, signal)).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('gates AI renders like the API', async () => {
    await expect(server.gateway.submit({ prompt: 'a title card' }, signal)).rejects.toMatchObject({ code: 'unavailable', message: 'AI rendering is not configured on this server' });
  });

  it('reports an unknown or malformed job id as not_found', async () => {
    await expect(server.gateway.get('rnd_nothing', signal)).rejects.toMatchObject({ code: 'not_found' });
    await expect(server.gateway.get('../etc', signal)).rejects.toMatchObject({ code: 'not_found' });
  });
});

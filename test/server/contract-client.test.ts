/**
 * A client written only from the Dart server's documented protocol (bearer token, 202 + Location,
 * polling, following `video.downloadUrl` as given) renders against this server unchanged.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/server-config.js';
import { runRender } from '../../src/core/pipeline/run-render.js';
import { createSilentLogger } from '../../src/server/logger.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { videoStream } from '../helpers/media.js';
import { realSpecTools } from './support/spec-tools.js';

/** The client: plain fetch calls as a user of the Dart server would write them. */
class ContractClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async render(body: unknown): Promise<{ status: string; video?: { downloadUrl: string }; error?: string }> {
    const created = await fetch(`${this.baseUrl}/v1/renders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (created.status !== 202) throw new Error(`expected 202, got ${created.status}`);
    const location = created.headers.get('location');
    if (location === null) throw new Error('missing Location');
    for (;;) {
      const job = (await (await fetch(new URL(location, this.baseUrl), { headers: { authorization: `Bearer ${this.token}` } })).json()) as { status: string };
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

let server: RunningServer | null = null;
let dir: string | null = null;

afterEach(async () => {
  await server?.close();
  if (dir !== null) await rm(dir, { recursive: true, force: true });
  server = null;
  dir = null;
});

describe('a client of the Dart server', () => {
  it('renders, polls and downloads unchanged', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fluvie-contract-'));
    // The client follows downloadUrl as given, so the public base URL must point at this server.
    const port = 40_000 + Math.floor(Math.random() * 20_000);
    const config = loadServerConfig(
      { API_TOKEN: 'client-token', CLEANUP_TOKEN: 'c', LOCAL_STORAGE_DIR: dir, HOST: '127.0.0.1', PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, RENDER_CONCURRENCY: '1' },
      { cpuCount: 1 },
    );
    server = await startServer({ config, logger: createSilentLogger(), renderEnv: process.env, render: runRender, specTools: await realSpecTools() });

    const client = new ContractClient(`http://127.0.0.1:${port}`, 'client-token');
    const job = await client.render({ spec: { size: { width: 64, height: 64 }, fps: 10, scenes: [{ duration: '3f' }] }, options: { format: 'gif' } });
    expect(job.status).toBe('succeeded');

    const download = await fetch(job.video!.downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/gif');
    const file = path.join(dir, 'out.gif');
    await writeFile(file, Buffer.from(await download.arrayBuffer()));
    const stream = await videoStream(file);
    expect(stream.codec_name).toBe('gif');
    expect([stream.width, stream.height]).toEqual([64, 64]);
    // GIF output is resampled to its own frame rate, so the duration is the stable fact.
    expect(stream.formatDuration).toBeCloseTo(0.3, 1);
  });
});

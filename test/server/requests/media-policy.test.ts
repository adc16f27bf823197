/**
 * The media rule of requests over HTTP: local media sources are rejected at POST unless MEDIA_DIR is
 * set, and then they must resolve inside it. Real renders, the real validator, HTTP on 127.0.0.1.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { runRender } from '../../../src/core/pipeline/run-render.js';
import { bundledExamplesDir } from '../../../src/server/console/console-assets.js';
import { findLocalMediaReferences, mediaReferenceProblem } from '../../../src/server/requests/media-policy.js';
import { expectColorNear, pixelAt, readFrameRgba, videoStream } from '../../helpers/media.js';
import { realSpecTools } from '../support/spec-tools.js';
import { jsonBody, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer | null = null;
const dirs: string[] = [];

afterEach(async () => {
  await server?.close();
  server = null;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  server = await startTestServer({ render: runRender, specTools: await realSpecTools(), env });
  return server;
}

/** A media folder with `images/blue.png`, a 64x64 opaque blue image. */
async function mediaFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fluvie-media-dir-'));
  dirs.push(dir);
  const canvas = createCanvas(64, 64);
  const context = canvas.getContext('2d');
  context.fillStyle = '#0000FF';
  context.fillRect(0, 0, 64, 64);
  await mkdir(path.join(dir, 'images'));
  await writeFile(path.join(dir, 'images', 'blue.png'), canvas.toBuffer('image/png'));
  return dir;
}

function imageSpec(source: { kind: string; value: string }): Record<string, unknown> {
  return {
    size: { width: 64, height: 64 },
    fps: 25,
    scenes: [
      {
        duration: '2f',
        background: { kind: 'color', color: '#FFFF0000' },
        children: [{ type: 'Image', source, fit: 'cover', transform: { x: 0.5, y: 0.5, w: 1, h: 1 } }],
      },
    ],
  };
}

interface ErrorJson {
  error: { code: string; message: string; diagnostics?: Array<{ path: string; code: string; message: string }> };
}

describe('findLocalMediaReferences', () => {
  it('finds sources, backgrounds and effect assets', () => {
    const spec = {
      audio: [{ source: { kind: 'file', value: '/etc/passwd' } }],
      scenes: [
        {
          background: { kind: 'image', source: 'bg.png' },
          children: [
            { type: 'Image', source: { kind: 'asset', value: 'a.png' }, effects: [{ kind: 'lut', asset: 'grade.cube', intensity: 1 }] },
            { type: 'Clip', source: { kind: 'network', value: 'https://example.com/a.mp4' }, poster: { kind: 'bundle', value: 'media/p.png' } },
          ],
        },
      ],
    };
    expect(findLocalMediaReferences(spec)).toEqual([
      { path: 'audio[0].source', kind: 'file', value: '/etc/passwd' },
      { path: 'scenes[0].background.source', kind: 'background', value: 'bg.png' },
      { path: 'scenes[0].children[0].source', kind: 'asset', value: 'a.png' },
      { path: 'scenes[0].children[0].effects[0].asset', kind: 'effect', value: 'grade.cube' },
      { path: 'scenes[0].children[1].poster', kind: 'bundle', value: 'media/p.png' },
    ]);
  });
});

describe('mediaReferenceProblem', () => {
  const cases: Array<[string, { kind: 'asset' | 'file' | 'bundle'; value: string }, boolean]> = [
    ['asset inside', { kind: 'asset', value: 'images/a.png' }, true],
    ['asset escaping with ..', { kind: 'asset', value: '../secret.png' }, false],
    ['asset escaping inside the path', { kind: 'asset', value: 'images/../../secret.png' }, false],
    ['asset with an absolute path', { kind: 'asset', value: '/srv/media/a.png' }, false],
    ['asset with a URL scheme', { kind: 'asset', value: 'file:///etc/passwd' }, false],
    ['file inside', { kind: 'file', value: '/srv/media/a.png' }, true],
    ['file outside', { kind: 'file', value: '/etc/passwd' }, false],
    ['file in a sibling folder', { kind: 'file', value: '/srv/media-other/a.png' }, false],
    ['file naming the folder itself', { kind: 'file', value: '/srv/media' }, false],
    ['bundle escaping', { kind: 'bundle', value: '../../a.png' }, false],
  ];
  it.each(cases)('%s', (_name, source, allowed) => {
    const problem = mediaReferenceProblem({ path: 'scenes[0].children[0].source', ...source }, '/srv/media');
    expect(problem === null).toBe(allowed);
  });

  it('rejects everything without a media folder', () => {
    expect(mediaReferenceProblem({ path: 'x', kind: 'asset', value: 'a.png' }, null)).toMatch(/MEDIA_DIR/);
  });
});

describe('POST /v1/renders media rule', () => {
  it('rejects local sources without MEDIA_DIR', async () => {
    const { api } = await start();
    const spec = imageSpec({ kind: 'file', value: '/etc/passwd' });
    (spec['scenes'] as Array<Record<string, unknown>>)[0]!['audio'] = [{ source: { kind: 'asset', value: 'music.mp3' } }];

    const response = await api('/v1/renders', jsonBody({ spec }));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorJson;
    expect(error.code).toBe('invalid_request');
    const media = (error.diagnostics ?? []).filter((item) => item.code === 'media_not_allowed').map((item) => item.path);
    expect(media).toEqual(['scenes[0].children[0].source', 'scenes[0].audio[0].source']);
    expect(error.message).toContain('MEDIA_DIR');
  });

  it('rejects a file outside MEDIA_DIR', async () => {
    const { api } = await start({ MEDIA_DIR: await mediaFolder() });
    const response = await api('/v1/renders', jsonBody({ spec: imageSpec({ kind: 'file', value: '/etc/passwd' }) }));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorJson;
    expect(error.message).toContain('scenes[0].children[0].source');
    expect(error.message).toContain('"/etc/passwd"');
  });

  it('rejects an edit base reading server files', async () => {
    const { api } = await start({ FLUVIE_AI_PROVIDER: 'ollama' });
    const response = await api('/v1/renders', jsonBody({ edit: { base: imageSpec({ kind: 'asset', value: 'a.png' }), change: 'make it green' } }));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorJson;
    expect(error.diagnostics?.map((item) => item.path)).toEqual(['edit.base.scenes[0].children[0].source']);
  });

  it('renders an asset inside MEDIA_DIR', async () => {
    const mediaDir = await mediaFolder();
    const { api, waitForTerminal, dir } = await start({ MEDIA_DIR: mediaDir });
    const created = await api('/v1/renders', jsonBody({ spec: imageSpec({ kind: 'asset', value: 'images/blue.png' }), visibility: 'public' }));
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };

    const job = (await waitForTerminal(id)) as { status: string; error?: string };
    expect(job.error).toBeUndefined();
    expect(job.status).toBe('succeeded');
    const download = await api(`/v1/files/${id}/video`);
    expect(download.status).toBe(200);
    const file = path.join(dir, 'downloaded.mp4');
    await writeFile(file, Buffer.from(await download.arrayBuffer()));
    const stream = await videoStream(file);
    expect([stream.width, stream.height, stream.frameCount]).toEqual([64, 64, 2]);
    expectColorNear(pixelAt(await readFrameRgba(file, 0, 64, 64), 64, 32, 32), [0, 0, 255, 255], 16);
  });

  it('admits the bench example only with its media folder', async () => {
    const spec = JSON.parse(await readFile(path.join(bundledExamplesDir(), 'bench.fluvie.json'), 'utf8')) as unknown;
    const without = await (await start()).api('/v1/renders', jsonBody({ spec }));
    expect(without.status).toBe(400);
    const { error } = (await without.json()) as ErrorJson;
    expect(error.diagnostics?.map((item) => item.path)).toEqual(['scenes[0].children[0].source']);
    expect(error.message).not.toContain('.work');
    await server?.close();

    const withFolder = await (await start({ MEDIA_DIR: bundledExamplesDir() })).api('/v1/renders', jsonBody({ spec }));
    expect(withFolder.status).toBe(202);
  });

  it('accepts an absolute file inside MEDIA_DIR', async () => {
    const mediaDir = await mediaFolder();
    const { api } = await start({ MEDIA_DIR: mediaDir });
    const response = await api('/v1/renders', jsonBody({ spec: imageSpec({ kind: 'file', value: path.join(mediaDir, 'images', 'blue.png') }) }));
    expect(response.status).toBe(202);
  });
});

/** Missing media files: the render fails before any frame with every JSON path and file name. */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMissingMediaFiles } from '../../../src/core/pipeline/check-media-files.js';
import { listMediaFiles } from '../../../src/spec/index.js';
import { parseSpec } from '../engines/native/native-helpers.js';
import { runCliCapture } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/media.js';

const SPEC = {
  fluvieSpec: 1,
  size: { width: 64, height: 64 },
  audio: [{ kind: 'music', source: { kind: 'asset', value: 'audio/bed.wav' } }],
  scenes: [
    {
      duration: '1s',
      background: { kind: 'video', source: 'loops/bg.mp4' },
      audio: [{ kind: 'sfx', source: { kind: 'network', value: 'https://example.com/hit.wav' } }],
      children: [
        { type: 'Image', source: { kind: 'file', value: '/nonexistent/fluvie/logo.png' } },
        { type: 'Group', children: [{ type: 'Clip', source: { kind: 'asset', value: 'clip.mp4' }, poster: { kind: 'asset', value: 'poster.png' } }] },
      ],
    },
  ],
};

describe('listMediaFiles', () => {
  it('lists local sources with JSON paths', () => {
    expect(listMediaFiles(parseSpec(SPEC), '/specs')).toEqual([
      { path: 'audio[0].source', kind: 'audio', file: '/specs/audio/bed.wav' },
      { path: 'scenes[0].background.source', kind: 'clip', file: '/specs/loops/bg.mp4' },
      { path: 'scenes[0].children[0].source', kind: 'image', file: '/nonexistent/fluvie/logo.png' },
      { path: 'scenes[0].children[1].children[0].source', kind: 'clip', file: '/specs/clip.mp4' },
      { path: 'scenes[0].children[1].children[0].poster', kind: 'image', file: '/specs/poster.png' },
    ]);
  });
});

describe('findMissingMediaFiles', () => {
  it('skips files that exist', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'clip.mp4'), 'x');
    const missing = await findMissingMediaFiles(listMediaFiles(parseSpec(SPEC), dir));
    expect(missing.map((item) => item.path)).not.toContain('scenes[0].children[1].children[0].source');
    expect(missing).toHaveLength(4);
  });
});

describe('render with missing media', () => {
  it('fails before drawing and names every file', async () => {
    const dir = await tempDir();
    const specFile = path.join(dir, 'missing.fluvie.json');
    await writeFile(specFile, JSON.stringify(SPEC));
    const out = path.join(dir, 'out.mp4');

    const run = await runCliCapture(['render', '--spec', specFile, '--out', out, '--json']);

    expect(run.code).toBe(1);
    const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; message?: string });
    expect(events.map((event) => event.type)).not.toContain('start');
    const message = events.find((event) => event.type === 'error')?.message ?? '';
    expect(message).toContain(`audio[0].source: audio file not found: ${path.join(dir, 'audio/bed.wav')}`);
    expect(message).toContain(`scenes[0].background.source: clip file not found: ${path.join(dir, 'loops/bg.mp4')}`);
    expect(message).toContain('scenes[0].children[0].source: image file not found: /nonexistent/fluvie/logo.png');
    expect(message).toContain(`scenes[0].children[1].children[0].poster: image file not found: ${path.join(dir, 'poster.png')}`);
    expect(existsSync(out)).toBe(false);
  });
});

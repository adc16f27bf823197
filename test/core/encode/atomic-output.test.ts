import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { FluvieError } from '../../../src/core/errors.js';
import { commitFile, commitFrameFolder, outputBytes, partialPath } from '../../../src/core/encode/atomic-output.js';
import { tempDir } from '../../helpers/media.js';

async function rejectionOf(promise: Promise<unknown>): Promise<FluvieError> {
  try {
    await promise;
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(FluvieError);
    return error as FluvieError;
  }
  throw new Error('expected a rejection');
}

describe('partialPath', () => {
  it('hides the temp file beside the output', () => {
    expect(partialPath('/videos/promo.mov', '.mp4', 'a1b2c3d4')).toBe('/videos/.promo.a1b2c3d4.partial.mp4');
  });

  it('replaces characters ffmpeg would parse', () => {
    expect(partialPath('/out/100%: final cut.gif', '.gif', '00ff00ff')).toBe('/out/.100___final_cut.00ff00ff.partial.gif');
  });

  it('names a folder without extension', () => {
    expect(partialPath('/out/frames', '', 'deadbeef')).toBe('/out/.frames.deadbeef.partial');
  });

  it('draws a fresh random part per call', () => {
    expect(partialPath('/out/a.mp4', '.mp4')).not.toBe(partialPath('/out/a.mp4', '.mp4'));
    expect(partialPath('/out/a.mp4', '.mp4')).toMatch(/^\/out\/\.a\.[0-9a-f]{8}\.partial\.mp4$/);
  });
});

describe('commitFile', () => {
  it('rejects a folder as the output', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '.x.partial.mp4'), 'data');
    await mkdir(path.join(dir, 'taken'));
    await writeFile(path.join(dir, 'taken', 'child'), 'data');

    const error = await rejectionOf(commitFile(path.join(dir, '.x.partial.mp4'), path.join(dir, 'taken')));

    expect(error.code).toBe('output_failed');
    expect(error.message).toContain(path.join(dir, 'taken'));
  });
});

describe('commitFrameFolder', () => {
  it('rejects a file as the output folder', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, '.f.partial'));
    await writeFile(path.join(dir, '.f.partial', 'frame_000001.png'), 'png');
    await writeFile(path.join(dir, 'frames'), 'a file');

    const error = await rejectionOf(commitFrameFolder(path.join(dir, '.f.partial'), path.join(dir, 'frames')));

    expect(error.code).toBe('output_failed');
    expect(error.message).toContain('--out must name a folder');
  });

  it('renames onto an empty folder', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, '.f.partial'));
    await writeFile(path.join(dir, '.f.partial', 'frame_000001.png'), 'png');
    await mkdir(path.join(dir, 'frames'));

    await commitFrameFolder(path.join(dir, '.f.partial'), path.join(dir, 'frames'));

    expect(await readdir(dir)).toEqual(['frames']);
    expect(await readdir(path.join(dir, 'frames'))).toEqual(['frame_000001.png']);
    expect(await outputBytes(path.join(dir, 'frames'))).toBe(3);
  });
});

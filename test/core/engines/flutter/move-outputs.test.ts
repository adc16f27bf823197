import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { moveFile, moveFrameSequence, moveSingleOutput } from '../../../../src/core/engines/flutter/move-outputs.js';
import { FluvieError } from '../../../../src/core/errors.js';

const source = mkdtempSync(path.join(os.tmpdir(), 'move-outputs-test-'));
// /dev/shm is a tmpfs on Linux, so a rename from the temp folder into it fails with EXDEV.
const otherFs = mkdtempSync(path.join('/dev/shm', 'move-outputs-test-'));
afterAll(() => {
  rmSync(source, { recursive: true, force: true });
  rmSync(otherFs, { recursive: true, force: true });
});

describe('moveFile', () => {
  it('renames within one file system and creates parent folders', async () => {
    const from = path.join(source, 'a.mp4');
    writeFileSync(from, 'video');
    const to = path.join(source, 'nested/deeper/a.mp4');
    await moveFile(from, to);
    expect(readFileSync(to, 'utf8')).toBe('video');
    expect(existsSync(from)).toBe(false);
  });

  it('copies across file systems and leaves no staging file', async () => {
    expect(statSync(source).dev).not.toBe(statSync(otherFs).dev);
    const from = path.join(source, 'b.mp4');
    writeFileSync(from, Buffer.alloc(256 * 1024, 7));
    const to = path.join(otherFs, 'out/b.mp4');
    await moveFile(from, to);
    expect(readFileSync(to).equals(Buffer.alloc(256 * 1024, 7))).toBe(true);
    expect(existsSync(from)).toBe(false);
    expect(readdirSync(path.dirname(to))).toEqual(['b.mp4']);
  });
});

describe('moveSingleOutput', () => {
  it('reports the size of the moved file', async () => {
    writeFileSync(path.join(source, 'out.gif'), 'GIF89a');
    const moved = await moveSingleOutput(source, 'out.gif', path.join(otherFs, 'c.gif'));
    expect(moved).toEqual({ output: path.join(otherFs, 'c.gif'), bytes: 6, files: 1 });
  });

  it('fails when ffmpeg wrote nothing', async () => {
    const failure = await moveSingleOutput(source, 'missing.mp4', path.join(otherFs, 'd.mp4')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FluvieError);
    expect((failure as FluvieError).code).toBe('output_failed');
    expect(existsSync(path.join(otherFs, 'd.mp4'))).toBe(false);
  });
});

describe('moveFrameSequence', () => {
  it('moves only the frame files, in order, across file systems', async () => {
    const sandbox = path.join(source, 'sequence');
    mkdirSync(sandbox);
    for (const name of ['frame_000002.png', 'frame_000001.png', 'frames.rgba', 'manifest.json']) writeFileSync(path.join(sandbox, name), name);
    const out = path.join(otherFs, 'frames');
    const moved = await moveFrameSequence(sandbox, out);
    expect(moved.files).toBe(2);
    expect(moved.bytes).toBe(32);
    expect(readdirSync(out).sort()).toEqual(['frame_000001.png', 'frame_000002.png']);
    expect(readdirSync(sandbox).sort()).toEqual(['frames.rgba', 'manifest.json']);
  });

  it('fails when there are no frames', async () => {
    const empty = path.join(source, 'empty');
    mkdirSync(empty);
    await expect(moveFrameSequence(empty, path.join(otherFs, 'none'))).rejects.toThrow(/no frame_\*\.png files/);
  });
});

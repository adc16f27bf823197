import { describe, expect, it } from 'vitest';

import { FluvieError } from '../../../src/core/errors.js';
import { runFfmpeg } from '../../../src/core/encode/run-ffmpeg.js';
import { runningDescendants, solidFrames, tempDir } from '../../helpers/media.js';
import { fakeFfmpeg } from './fake-ffmpeg.js';

async function rejectionOf(promise: Promise<unknown>): Promise<FluvieError> {
  try {
    await promise;
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(FluvieError);
    return error as FluvieError;
  }
  throw new Error('expected a rejection');
}

describe('runFfmpeg', () => {
  it('passes stderr lines on and returns the tail', async () => {
    const dir = await tempDir();
    const lines: string[] = [];

    const result = await runFfmpeg({
      ffmpegPath: 'ffmpeg',
      args: ['-f', 'lavfi', '-i', 'color=c=red:s=32x32:d=0.5', '-f', 'null', '-'],
      cwd: dir,
      signal: new AbortController().signal,
      onStderrLine: (line) => lines.push(line),
    });

    expect(lines.some((line) => line.startsWith('ffmpeg version'))).toBe(true);
    expect(lines.some((line) => line.startsWith('frame='))).toBe(true);
    expect(result.stderrTail).toContain('frame=');
    expect(result.chunksWritten).toBe(0);
  });

  it('reports a failure with command, code and stderr tail', async () => {
    const dir = await tempDir();
    const error = await rejectionOf(
      runFfmpeg({ ffmpegPath: 'ffmpeg', args: ['-i', 'missing-input.rgba', 'out.mp4'], cwd: dir, signal: new AbortController().signal }),
    );

    expect(error.code).toBe('ffmpeg_failed');
    expect(error.message).toContain('exited with code 1');
    expect(error.message).toContain('Command: ffmpeg -i missing-input.rgba out.mp4');
    expect(error.message).toContain('missing-input.rgba: No such file or directory');
  });

  it('drains a stderr flood and keeps a bounded tail', async () => {
    const dir = await tempDir();
    let lineCount = 0;

    const error = await rejectionOf(
      runFfmpeg({
        ffmpegPath: fakeFfmpeg('floods-stderr'),
        args: ['-i', 'pipe:0', 'out.mp4'],
        cwd: dir,
        signal: new AbortController().signal,
        stdin: solidFrames(64, 48, 8, () => [1, 2, 3, 255]),
        onStderrLine: () => {
          lineCount += 1;
        },
      }),
    );
    const tail = (error.details as { stderrTail: string }).stderrTail;

    expect(error.code).toBe('ffmpeg_failed');
    expect(error.message).toContain('FINAL LINE: flood over');
    expect(Buffer.byteLength(tail)).toBeLessThanOrEqual(8 * 1024);
    expect(error.message.length).toBeLessThan(10 * 1024);
    // About 5 MB of 80-byte lines went through the line callback.
    expect(lineCount).toBeGreaterThan(50_000);
  });

  it('kills an ffmpeg that ignores SIGTERM on abort', async () => {
    const dir = await tempDir();
    const controller = new AbortController();

    const error = await rejectionOf(
      runFfmpeg({
        ffmpegPath: fakeFfmpeg('ignores-sigterm'),
        args: ['-i', 'pipe:0', 'out.mp4'],
        cwd: dir,
        signal: controller.signal,
        // The fake never reads, so the pipe fills and a write stays blocked until the kill.
        stdin: solidFrames(64, 48, 1000, () => [0, 0, 0, 255]),
        onStderrLine: (line) => {
          if (line.startsWith('ready')) controller.abort();
        },
      }),
    );

    expect(error.code).toBe('canceled');
    expect(error.details).toEqual({ exitCode: null, signal: 'SIGKILL' });
    expect(await runningDescendants('ignores-sigterm')).toEqual([]);
    expect(await runningDescendants('sleep 600')).toEqual([]);
  });

  it('rejects before spawning when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();

    const error = await rejectionOf(runFfmpeg({ ffmpegPath: 'ffmpeg', args: ['-version'], cwd: '/', signal: controller.signal }));

    expect(error.code).toBe('canceled');
  });

  it('stops ffmpeg and rethrows when the frame source fails', async () => {
    const dir = await tempDir();
    const sourceError = new Error('frame 2 could not be drawn');

    async function* failingFrames(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(64 * 48 * 4);
      yield new Uint8Array(64 * 48 * 4);
      throw sourceError;
    }

    let caught: unknown;
    try {
      await runFfmpeg({
        ffmpegPath: 'ffmpeg',
        args: ['-f', 'rawvideo', '-pix_fmt', 'rgba', '-video_size', '64x48', '-i', 'pipe:0', '-f', 'null', '-'],
        cwd: dir,
        signal: new AbortController().signal,
        stdin: failingFrames(),
      });
    } catch (error: unknown) {
      caught = error;
    }

    expect(caught).toBe(sourceError);
    expect(await runningDescendants('ffmpeg')).toEqual([]);
  });
});

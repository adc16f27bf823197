import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildHarnessFfmpegArgs } from '../../../../src/core/engines/flutter/harness-ffmpeg-args.js';
import { matchesPrediction, startStreamEncode } from '../../../../src/core/engines/flutter/stream-encode.js';
import { probeVideo } from './fake-flutter-setup.js';

const ffmpegPath = execFileSync('sh', ['-c', 'command -v ffmpeg'], { encoding: 'utf8' }).trim();
const work = mkdtempSync(path.join(os.tmpdir(), 'stream-encode-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const settings = { width: 32, height: 16, fps: 10, format: 'mp4', quality: 'high', gifFps: 15, framesFileName: 'frames.rgba' } as const;

function frame(index: number): Buffer {
  return Buffer.alloc(settings.width * settings.height * 4, (index * 37) % 256);
}

describe('startStreamEncode', () => {
  it('encodes frames appended while it runs, like a file encode', async () => {
    const sandbox = mkdtempSync(path.join(work, 'sandbox-'));
    const framesPath = path.join(sandbox, 'frames.rgba');
    const args = buildHarnessFfmpegArgs(settings);
    const stream = await startStreamEncode({ ffmpegPath, sandbox, predictedArgs: args, framesFileName: 'frames.rgba', signal: new AbortController().signal });
    expect(stream).not.toBeNull();

    writeFileSync(framesPath, frame(0));
    for (let index = 1; index < 8; index += 1) appendFileSync(framesPath, frame(index));
    await stream?.complete();

    execFileSync(ffmpegPath, ['-v', 'error', ...args], { cwd: sandbox });
    expect(readFileSync(path.join(sandbox, 'stream/out.mp4')).equals(readFileSync(path.join(sandbox, 'out.mp4')))).toBe(true);
    expect(probeVideo(path.join(sandbox, 'stream/out.mp4'))).toMatchObject({ codec: 'h264', width: 32, height: 16, frames: 8 });
  });

  it('removes its output on cancel', async () => {
    const sandbox = mkdtempSync(path.join(work, 'sandbox-'));
    const stream = await startStreamEncode({ ffmpegPath, sandbox, predictedArgs: buildHarnessFfmpegArgs(settings), framesFileName: 'frames.rgba', signal: new AbortController().signal });
    writeFileSync(path.join(sandbox, 'frames.rgba'), frame(0));
    await stream?.cancel();
    expect(existsSync(path.join(sandbox, 'stream'))).toBe(false);
  });

  it('declines arguments without the frames input', async () => {
    const sandbox = mkdtempSync(path.join(work, 'sandbox-'));
    expect(await startStreamEncode({ ffmpegPath, sandbox, predictedArgs: ['-i', 'other.rgba', 'out.mp4'], framesFileName: 'frames.rgba', signal: new AbortController().signal })).toBeNull();
  });
});

describe('matchesPrediction', () => {
  it('compares token by token', () => {
    expect(matchesPrediction(['-i', 'a'], ['-i', 'a'])).toBe(true);
    expect(matchesPrediction(['-i', 'a'], ['-i', 'b'])).toBe(false);
    expect(matchesPrediction(['-i'], ['-i', 'a'])).toBe(false);
  });
});

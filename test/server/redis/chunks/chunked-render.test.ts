/**
 * A render split into frame ranges, each encoded on its own and joined with stream copy, matches
 * the whole render: same frame count and duration, and every decoded frame within PSNR 40 dB.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runRender } from '../../../../src/core/pipeline/run-render.js';
import type { RenderDeps, RenderRequest } from '../../../../src/core/pipeline/render-request.js';
import { planChunkRanges } from '../../../../src/server/redis/chunks/chunk-ranges.js';
import { buildJoinArgs, joinChunks } from '../../../../src/server/redis/chunks/join-chunks.js';
import { renderFrameRange } from '../../../../src/server/redis/chunks/render-frame-range.js';
import { tempDir, videoStream } from '../../../helpers/media.js';

const run = promisify(execFile);

/** Two 1.5 s scenes at 30 fps, 160x96: a gradient, a moving text and a cross-fade, so most frames differ. */
const SPEC = {
  size: { width: 160, height: 96 },
  fps: 30,
  transition: { kind: 'crossFade', duration: '0.5s' },
  scenes: [
    {
      duration: '1.5s',
      background: { kind: 'gradient', colors: ['#1A2980', '#26D0CE'] },
      children: [{ type: 'Text', text: 'Chunks', style: { color: '#FFFFFF', fontSize: 28 }, animate: [{ preset: 'slideFadeIn', from: 'bottom' }] }],
    },
    { duration: '1.5s', background: { kind: 'color', color: '#FFB91C1C' }, children: [{ type: 'Text', text: 'joined', style: { color: '#FFFFFF', fontSize: 24 } }] },
  ],
};

function request(out: string, dir: string): RenderRequest {
  return {
    source: { kind: 'spec', value: SPEC, baseDir: dir }, out, format: 'mp4', quality: 'high', aspect: null, posterTime: null, maxFrames: null,
    engine: 'native', allowUnsupported: false, strict: false, keepTemp: false, ffmpegPath: null, projectDir: null, flutterPath: null,
  };
}

function deps(dir: string): RenderDeps {
  return { env: process.env, cwd: dir, signal: new AbortController().signal, emit: () => undefined };
}

/** Per-frame PSNR (the `psnr_avg` of each frame) of `candidate` against `reference`, decoded by ffmpeg. */
async function framePsnr(reference: string, candidate: string, dir: string): Promise<number[]> {
  const statsFile = path.join(dir, 'psnr.log');
  await run('ffmpeg', ['-v', 'error', '-i', candidate, '-i', reference, '-lavfi', `[0:v][1:v]psnr=stats_file=${statsFile}`, '-f', 'null', '-']);
  const lines = (await readFile(statsFile, 'utf8')).trim().split('\n');
  return lines.map((line) => {
    const value = /psnr_avg:(\S+)/.exec(line)?.[1] ?? 'nan';
    return value === 'inf' ? Number.POSITIVE_INFINITY : Number(value);
  });
}

describe('planChunkRanges', () => {
  it('splits frames into whole chunks', () => {
    expect(planChunkRanges(90, 30)).toEqual([{ start: 0, end: 30 }, { start: 30, end: 60 }, { start: 60, end: 90 }]);
  });

  it('merges a short last chunk', () => {
    expect(planChunkRanges(70, 30)).toEqual([{ start: 0, end: 30 }, { start: 30, end: 70 }]);
    expect(planChunkRanges(80, 30)).toEqual([{ start: 0, end: 30 }, { start: 30, end: 60 }, { start: 60, end: 80 }]);
  });

  it('keeps a short video whole', () => {
    expect(planChunkRanges(5, 30)).toEqual([{ start: 0, end: 5 }]);
  });

  it('rejects a chunk size below 1', () => {
    expect(() => planChunkRanges(10, 0)).toThrow(/CHUNK_FRAMES/);
  });
});

describe('buildJoinArgs', () => {
  it('copies the video and adds one audio track', () => {
    expect(buildJoinArgs('/w/list.txt', '/w/out.mp4', null)).toEqual(['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', '/w/list.txt', '-c:v', 'copy', '-movflags', '+faststart', '/w/out.mp4']);
    expect(buildJoinArgs('/w/list.txt', '/w/out.mp4', '/w/a.wav')).toEqual([
      '-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', '/w/list.txt', '-i', '/w/a.wav', '-map', '0:v:0', '-map', '1:a:0', '-c:a', 'aac', '-shortest',
      '-c:v', 'copy', '-movflags', '+faststart', '/w/out.mp4',
    ]);
  });
});

describe('chunked render', () => {
  it('matches the whole render frame by frame', async () => {
    const dir = await tempDir('fluvie-chunks-');
    const whole = await runRender(request(path.join(dir, 'whole.mp4'), dir), deps(dir));

    const ranges = planChunkRanges(whole.frames, 30);
    expect(ranges).toHaveLength(3);
    const chunks: string[] = [];
    for (const [index, range] of ranges.entries()) {
      const result = await renderFrameRange(request(path.join(dir, `chunk-${index}.mp4`), dir), range, deps(dir));
      expect(result.totalFrames).toBe(whole.frames);
      chunks.push(result.outPath);
    }
    const joined = path.join(dir, 'joined.mp4');
    await joinChunks({ ffmpegPath: 'ffmpeg', chunks, outPath: joined, audio: null, signal: new AbortController().signal });

    const reference = await videoStream(whole.output);
    const candidate = await videoStream(joined);
    expect(candidate.codec_name).toBe('h264');
    // The 0.5 s cross-fade overlaps the scenes, so 3 s of scenes make 2.5 s of video.
    expect(candidate.frameCount).toBe(75);
    expect(candidate.frameCount).toBe(reference.frameCount);
    expect(candidate.formatDuration).toBeCloseTo(reference.formatDuration, 2);

    const psnr = await framePsnr(whole.output, joined, dir);
    expect(psnr).toHaveLength(75);
    expect(Math.min(...psnr)).toBeGreaterThanOrEqual(40);
  });
});

/**
 * A render split into frame ranges, each encoded on its own and joined with stream copy, matches
 * the whole render: same frame count and duration, every decoded frame within PSNR 40 dB, and the
 * same audio packets when the audio mix is rendered once and copied in.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runRender } from '../../../../src/core/pipeline/run-render.js';
import type { RenderDeps, RenderRequest } from '../../../../src/core/pipeline/render-request.js';
import { resolveFfmpeg } from '../../../../src/core/encode/resolve-ffmpeg.js';
import { planRender } from '../../../../src/core/pipeline/plan.js';
import { loadRenderSpec } from '../../../../src/core/pipeline/load-render-spec.js';
import { planChunkRanges, planChunks } from '../../../../src/server/redis/chunks/chunk-ranges.js';
import { buildConcatList, buildJoinArgs, joinChunks } from '../../../../src/server/redis/chunks/join-chunks.js';
import { renderChunkAudio } from '../../../../src/server/redis/chunks/render-chunk-audio.js';
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

/** {@link SPEC} with a looped music bed under the whole video and a sound effect in the second scene. */
function specWithAudio(music: string, effect: string): Record<string, unknown> {
  return {
    ...SPEC,
    audio: [{ kind: 'music', source: { kind: 'file', value: music }, volume: 0.8, fadeIn: '0.3s', loop: true }],
    scenes: [SPEC.scenes[0], { ...SPEC.scenes[1], audio: [{ kind: 'sfx', source: { kind: 'file', value: effect }, at: { kind: 'at', time: '200ms' } }] }],
  };
}

function request(out: string, dir: string, spec: unknown = SPEC): RenderRequest {
  return {
    source: { kind: 'spec', value: spec, baseDir: dir }, out, format: 'mp4', quality: 'high', aspect: null, posterTime: null, maxFrames: null,
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

describe('planChunks', () => {
  it('defaults to about 10 s of video', () => {
    expect(planChunks({ chunkFrames: null, totalFrames: 900, fps: 30, workers: 2 })).toEqual([
      { start: 0, end: 300 }, { start: 300, end: 600 }, { start: 600, end: 900 },
    ]);
    expect(planChunks({ chunkFrames: null, totalFrames: 250, fps: 10, workers: 3 })).toHaveLength(3);
  });

  it('renders whole with one worker', () => {
    expect(planChunks({ chunkFrames: 30, totalFrames: 900, fps: 30, workers: 1 })).toBeNull();
    expect(planChunks({ chunkFrames: null, totalFrames: 900, fps: 30, workers: 0 })).toBeNull();
  });

  it('renders whole when set to 0', () => {
    expect(planChunks({ chunkFrames: 0, totalFrames: 900, fps: 30, workers: 4 })).toBeNull();
  });

  it('renders whole below two chunks', () => {
    expect(planChunks({ chunkFrames: null, totalFrames: 300, fps: 30, workers: 2 })).toBeNull();
    // 360 frames give 300 + 60, and the short last chunk merges into the first.
    expect(planChunks({ chunkFrames: null, totalFrames: 360, fps: 30, workers: 2 })).toBeNull();
  });
});

describe('buildJoinArgs', () => {
  it('copies the video and the audio track', () => {
    expect(buildJoinArgs('/w/list.txt', '/w/out.mp4', null)).toEqual(['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', '/w/list.txt', '-an', '-c:v', 'copy', '-movflags', '+faststart', '/w/out.mp4']);
    expect(buildJoinArgs('/w/list.txt', '/w/out.mp4', '/w/a.m4a')).toEqual([
      '-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', '/w/list.txt', '-i', '/w/a.m4a', '-map', '0:v:0', '-map', '1:a:0', '-c:a', 'copy',
      '-c:v', 'copy', '-movflags', '+faststart', '/w/out.mp4',
    ]);
  });
});

describe('buildConcatList', () => {
  it('gives each chunk its exact duration', () => {
    expect(buildConcatList([{ file: '/w/a.mp4', frames: 30 }, { file: "/w/it's.mp4", frames: 25 }], 30)).toBe(
      "file '/w/a.mp4'\nduration 1.000000\nfile '/w/it'\\''s.mp4'\nduration 0.833333\n",
    );
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
    await joinChunks({ ffmpegPath: 'ffmpeg', chunks: chunks.map((file, index) => ({ file, frames: ranges[index]!.end - ranges[index]!.start })), fps: 30, outPath: joined, audio: null, signal: new AbortController().signal });

    const reference = await videoStream(whole.output);
    const candidate = await videoStream(joined);
    expect(candidate.codec_name).toBe('h264');
    // The 0.5 s cross-fade overlaps the scenes, so 3 s of scenes make 2.5 s of video.
    expect(candidate.frameCount).toBe(75);
    expect(candidate.frameCount).toBe(reference.frameCount);
    expect(candidate.formatDuration).toBe(2.5);
    expect(reference.formatDuration).toBe(2.5);

    const psnr = await framePsnr(whole.output, joined, dir);
    expect(psnr).toHaveLength(75);
    expect(Math.min(...psnr)).toBeGreaterThanOrEqual(40);
  });
});

function joinedPath(dir: string): string {
  return path.join(dir, 'joined.mp4');
}

/** MD5 of every audio packet (`framemd5` with stream copy), one line per packet. */
async function audioPacketHashes(file: string): Promise<string[]> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:a', '-c', 'copy', '-f', 'framemd5', '-']);
  return stdout.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

/** MD5 of the decoded audio samples. */
async function decodedAudioHash(file: string): Promise<string> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:a', '-f', 'md5', '-']);
  return stdout.trim();
}

describe('chunked render with audio', () => {
  it('copies the whole render audio', async () => {
    const dir = await tempDir('fluvie-chunk-audio-');
    const music = path.join(dir, 'music.mp3');
    const effect = path.join(dir, 'effect.wav');
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1.1', '-c:a', 'libmp3lame', music]);
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=660:duration=0.4', effect]);
    const spec = specWithAudio(music, effect);
    const whole = await runRender(request(path.join(dir, 'whole.mp4'), dir, spec), deps(dir));

    const ranges = planChunkRanges(whole.frames, 30);
    const chunks = [];
    for (const [index, range] of ranges.entries()) {
      const result = await renderFrameRange(request(path.join(dir, `chunk-${index}.mp4`), dir, spec), range, deps(dir));
      chunks.push({ file: result.outPath, frames: result.frames });
    }
    const { spec: parsed } = await loadRenderSpec(request(joinedPath(dir), dir, spec), deps(dir));
    const plan = planRender(parsed, { aspect: null, maxFrames: null, posterTime: null });
    const ffmpeg = await resolveFfmpeg({ flag: null, env: process.env });
    const signal = new AbortController().signal;
    const audio = await renderChunkAudio({ spec: parsed, plan, baseDir: dir, ffmpeg, outPath: path.join(dir, 'audio.m4a'), signal });
    expect(audio).not.toBeNull();
    const joined = path.join(dir, 'joined.mp4');
    await joinChunks({ ffmpegPath: ffmpeg.path, chunks, fps: 30, outPath: joined, audio, signal });

    const wholeHashes = await audioPacketHashes(whole.output);
    expect(wholeHashes.length).toBeGreaterThan(100);
    expect(await audioPacketHashes(joined)).toEqual(wholeHashes);
    expect(await decodedAudioHash(joined)).toBe(await decodedAudioHash(whole.output));

    const candidate = await videoStream(joined);
    expect(candidate.frameCount).toBe(75);
    expect(candidate.formatDuration).toBe(2.5);
    const psnr = await framePsnr(whole.output, joined, dir);
    expect(Math.min(...psnr)).toBeGreaterThanOrEqual(40);
  });

  it('writes no audio file for a silent spec', async () => {
    const dir = await tempDir('fluvie-chunk-silent-');
    const { spec: parsed } = await loadRenderSpec(request(joinedPath(dir), dir), deps(dir));
    const plan = planRender(parsed, { aspect: null, maxFrames: null, posterTime: null });
    const ffmpeg = await resolveFfmpeg({ flag: null, env: process.env });
    const audio = await renderChunkAudio({ spec: parsed, plan, baseDir: dir, ffmpeg, outPath: path.join(dir, 'audio.m4a'), signal: new AbortController().signal });
    expect(audio).toBeNull();
  });
});

/**
 * Audio of a native mp4 render, end to end: test tones made with ffmpeg, mixed by a real render,
 * checked with ffprobe stream durations and volumedetect levels on time windows.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../../helpers/cli.js';
import { ffprobeJson, tempDir, videoStream } from '../../helpers/media.js';

const FPS = 30;
const SECONDS = 2;

async function tone(dir: string, name: string, seconds: number): Promise<string> {
  const file = path.join(dir, name);
  await execa('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}:sample_rate=48000`, file]);
  return file;
}

/** Writes a 2 s, 64x64 spec with the given video-level and scene-level tracks and renders it. */
async function render(dir: string, audio: unknown[], sceneAudio: unknown[] = [], format = 'mp4'): Promise<string> {
  const spec = {
    fluvieSpec: 1,
    size: { width: 64, height: 64 },
    fps: FPS,
    audio,
    scenes: [{ duration: `${SECONDS}s`, background: { kind: 'color', color: '#202020' }, audio: sceneAudio }],
  };
  const specFile = path.join(dir, 'a.fluvie.json');
  await writeFile(specFile, JSON.stringify(spec));
  const out = path.join(dir, format === 'gif' ? 'out.gif' : 'out.mp4');
  const run = await runCliCapture(['render', '--spec', specFile, '--out', out, '--format', format]);
  expect(run.stderr).not.toContain('error');
  expect(run.code).toBe(0);
  return out;
}

async function streamDurations(file: string): Promise<{ video: number; audio: number | null }> {
  const media = await ffprobeJson(file);
  const of = (type: string): number | null => {
    const stream = media.streams.find((candidate) => candidate.codec_type === type);
    return stream === undefined ? null : Number(stream.duration);
  };
  return { video: of('video') ?? NaN, audio: of('audio') };
}

/** Mean level in dB of `[from, from + length)` seconds of the file's audio. */
async function meanVolume(file: string, from: number, length: number): Promise<number> {
  const result = await execa('ffmpeg', ['-v', 'info', '-ss', String(from), '-t', String(length), '-i', file, '-vn', '-af', 'volumedetect', '-f', 'null', '-']);
  const match = /mean_volume: (-?[\d.]+|-inf) dB/.exec(result.stderr);
  if (match === null) throw new Error(`volumedetect printed no mean_volume:\n${result.stderr}`);
  return match[1] === '-inf' ? -Infinity : Number(match[1]);
}

const FRAME = 1 / FPS;

describe('render audio', () => {
  it('pads audio shorter than the video with silence', async () => {
    const dir = await tempDir();
    await tone(dir, 'short.wav', 0.5);
    const out = await render(dir, [{ kind: 'music', source: { kind: 'asset', value: 'short.wav' } }]);
    const durations = await streamDurations(out);
    expect(durations.video).toBeCloseTo(SECONDS, 1);
    expect(Math.abs((durations.audio ?? 0) - SECONDS)).toBeLessThanOrEqual(FRAME);
    expect((await videoStream(out)).frameCount).toBe(SECONDS * FPS);
    expect(await meanVolume(out, 0.1, 0.3)).toBeGreaterThan(-30);
    expect(await meanVolume(out, 1, 0.9)).toBeLessThan(-80);
  });

  it('cuts audio longer than the video and keeps every frame', async () => {
    const dir = await tempDir();
    await tone(dir, 'long.wav', 5);
    const out = await render(dir, [{ kind: 'music', source: { kind: 'asset', value: 'long.wav' } }]);
    const durations = await streamDurations(out);
    expect(Math.abs((durations.audio ?? 0) - SECONDS)).toBeLessThanOrEqual(FRAME);
    expect((await videoStream(out)).frameCount).toBe(SECONDS * FPS);
  });

  it('matches the video when the audio is as long as it', async () => {
    const dir = await tempDir();
    const file = await tone(dir, 'exact.wav', SECONDS);
    const out = await render(dir, [{ kind: 'music', source: { kind: 'file', value: file } }]);
    const durations = await streamDurations(out);
    expect(Math.abs((durations.audio ?? 0) - SECONDS)).toBeLessThanOrEqual(FRAME);
    expect((await videoStream(out)).frameCount).toBe(SECONDS * FPS);
    const audio = (await ffprobeJson(out)).streams.find((stream) => stream.codec_type === 'audio');
    expect(audio?.codec_name).toBe('aac');
  });

  it('loops a trimmed range to the end of the video', async () => {
    const dir = await tempDir();
    await tone(dir, 'loop.wav', 1);
    const out = await render(dir, [{ kind: 'music', source: { kind: 'asset', value: 'loop.wav' }, loop: true, trim: { from: '0s', to: '0.5s' } }]);
    expect(await meanVolume(out, 1.5, 0.4)).toBeGreaterThan(-30);
  });

  it('starts a scene sfx at its trigger time', async () => {
    const dir = await tempDir();
    await tone(dir, 'hit.wav', 0.5);
    const out = await render(dir, [], [{ kind: 'sfx', source: { kind: 'asset', value: 'hit.wav' }, at: { kind: 'at', time: '1s' } }]);
    expect(await meanVolume(out, 0.1, 0.8)).toBeLessThan(-80);
    expect(await meanVolume(out, 1.1, 0.3)).toBeGreaterThan(-30);
  });

  it('starts a previous sfx when the one before ends', async () => {
    const dir = await tempDir();
    await tone(dir, 'first.wav', 0.5);
    await tone(dir, 'second.wav', 0.5);
    const first = { kind: 'sfx', source: { kind: 'asset', value: 'first.wav' }, at: { kind: 'at', time: '0.25s' } };
    const second = { kind: 'sfx', source: { kind: 'asset', value: 'second.wav' }, at: 'previous', volume: 0.5 };
    const out = await render(dir, [], [first, second]);

    // The first plays 0.25 to 0.75 s at full volume, the second 0.75 to 1.25 s at half (6 dB lower).
    expect(await meanVolume(out, 0, 0.2)).toBeLessThan(-80);
    const loud = await meanVolume(out, 0.35, 0.3);
    const quiet = await meanVolume(out, 0.85, 0.3);
    expect(loud - quiet).toBeCloseTo(6.02, 0);
    expect(await meanVolume(out, 1.35, 0.6)).toBeLessThan(-80);
  });

  it('applies volume, fade in and automation', async () => {
    const dir = await tempDir();
    await tone(dir, 'bed.wav', 2);
    const full = await meanVolume(await render(dir, [{ kind: 'music', source: { kind: 'asset', value: 'bed.wav' } }]), 0.5, 1);
    const half = await meanVolume(await render(dir, [{ kind: 'music', source: { kind: 'asset', value: 'bed.wav' }, volume: 0.5 }]), 0.5, 1);
    expect(full - half).toBeCloseTo(6.02, 0);

    const faded = await render(dir, [{ kind: 'music', source: { kind: 'asset', value: 'bed.wav' }, fadeIn: '1s' }]);
    expect(await meanVolume(faded, 0, 0.2)).toBeLessThan((await meanVolume(faded, 1.2, 0.5)) - 10);

    const automated = await render(dir, [{ kind: 'music', source: { kind: 'asset', value: 'bed.wav' }, automation: { volume: { values: [1, 0], positions: ['0s', '1s'] } } }]);
    expect(await meanVolume(automated, 0, 0.3)).toBeGreaterThan(-30);
    expect(await meanVolume(automated, 1.1, 0.8)).toBeLessThan(-80);
  });

  it('gives gif output no audio', async () => {
    const dir = await tempDir();
    await tone(dir, 'bed.wav', 2);
    const out = await render(dir, [{ kind: 'music', source: { kind: 'asset', value: 'bed.wav' } }], [], 'gif');
    expect((await streamDurations(out)).audio).toBeNull();
  });
});

/** Planning with audio: beat triggers of a real kick track resolve to frames on the beat. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFfmpeg } from '../../../src/core/encode/resolve-ffmpeg.js';
import { FluvieError } from '../../../src/core/errors.js';
import { planRender, type PlanOptions } from '../../../src/core/pipeline/plan.js';
import { planAudio } from '../../../src/core/pipeline/plan-audio.js';
import { planWithAudio } from '../../../src/core/pipeline/plan-with-audio.js';
import { runCliCapture } from '../../helpers/cli.js';
import { execa } from 'execa';
import { ffprobeJson, pixelAt, readFrameRgba, tempDir } from '../../helpers/media.js';
import { writeKicks, writeTone, writeToneSequence } from '../audio/audio-fixtures.js';
import { parseSpec } from '../engines/native/native-helpers.js';

const OPTIONS: PlanOptions = { aspect: null, maxFrames: null, posterTime: null };

/** Plans a 3 s video over a 120 bpm kick track whose beats fall on frames 15, 30, 45 … 75. */
async function planKicks(scenes: unknown[]) {
  const dir = await tempDir();
  const file = await writeKicks(dir, 120, 3, 0.5);
  const spec = parseSpec({ fluvieSpec: 1, fps: 30, audio: [{ kind: 'music', source: { kind: 'file', value: file }, track: 'kicks' }], scenes });
  const ffmpeg = await resolveFfmpeg({ flag: null, env: {} });
  return planWithAudio(spec, planRender(spec, OPTIONS), OPTIONS, { baseDir: dir, ffmpeg, signal: new AbortController().signal });
}

const box = (animate: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'Box', animate, ...extra });

describe('planWithAudio', () => {
  it('starts a beat trigger on the first beat', async () => {
    const plan = await planKicks([{ duration: '3s', children: [box([{ preset: 'fadeIn', duration: '5f', at: { kind: 'beat' } }])] }]);

    expect(plan.scenes[0]!.children[0]!.animations[0]!.timing).toMatchObject({ start: 15, end: 20 });
  });

  it('adds the delay and counts every nth beat', async () => {
    const plan = await planKicks([{ duration: '3s', children: [box([{ preset: 'fadeIn', duration: '5f', delay: '2f', at: { kind: 'beat', every: 2, track: 'kicks' } }], { show: { from: '16f' } })] }]);

    // Beats 0, 2, 4 … are frames 15, 45, 75; the first at or after the window start 16 is 45.
    expect(plan.scenes[0]!.children[0]!.animations[0]!.timing).toMatchObject({ start: 47, end: 52 });
  });

  it('counts beats from the window start in a later scene', async () => {
    const plan = await planKicks([{ duration: '1s' }, { duration: '2s', children: [box([{ preset: 'fadeIn', duration: '5f', at: { kind: 'beat' } }])] }]);

    expect(plan.scenes[1]!.children[0]!.animations[0]!.timing.start).toBe(30);
  });

  it('rejects a window without a beat', async () => {
    const error = await planKicks([{ duration: '3s', children: [box([{ preset: 'fadeIn', at: { kind: 'beat' } }], { show: { from: '16f', to: '29f' } })] }]).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(FluvieError);
    expect((error as FluvieError).code).toBe('spec_invalid');
    expect(String(error)).toContain('waits for a beat');
    expect(String(error)).toContain('between frames 16 and 29');
  });

  it('keeps the draft without audio users', async () => {
    const plan = await planKicks([{ duration: '1s', children: [box([{ preset: 'fadeIn' }])] }]);

    expect(plan.audio).toBeNull();
  });

  it('carries the analysis for the engine', async () => {
    const plan = await planKicks([{ duration: '3s', children: [{ type: 'Bars', track: 'kicks' }] }]);

    expect(plan.audio?.tracks[0]?.beats).toEqual([15, 30, 45, 60, 75]);
  });
});

describe('render with audio analysis', () => {
  const SIZE = 64;

  /** Renders 2 s of Bars over 1 s of 100 Hz then 1 s of 8 kHz to `format` with the CLI. */
  async function renderBars(format: 'mp4' | 'gif'): Promise<string> {
    const dir = await tempDir();
    const file = await writeToneSequence(dir, [100, 8000], 1);
    const spec = {
      fluvieSpec: 1,
      size: { width: SIZE, height: SIZE },
      fps: 30,
      audio: [{ kind: 'music', source: { kind: 'file', value: file } }],
      scenes: [{ duration: '2s', background: { kind: 'color', color: '#000000' }, children: [{ type: 'Bars', count: 4, band: 'bass' }] }],
    };
    const specFile = path.join(dir, 'bars.fluvie.json');
    await writeFile(specFile, JSON.stringify(spec));
    const out = path.join(dir, `bars.${format}`);
    const run = await runCliCapture(['render', '--spec', specFile, '--out', out, '--format', format]);
    expect(run.stderr).not.toMatch(/unsupported|error/i);
    expect(run.code).toBe(0);
    return out;
  }

  it('mp4 Bars rise with the bass and keep the audio', async () => {
    const out = await renderBars('mp4');
    const duringBass = await readFrameRgba(out, 15, SIZE, SIZE);
    const duringTreble = await readFrameRgba(out, 45, SIZE, SIZE);

    // Bar 0 spans x 2..13 and reaches about 0.775 of the height during the bass tone.
    expect(pixelAt(duringBass, SIZE, 8, 30)[2]).toBeGreaterThan(180);
    expect(pixelAt(duringTreble, SIZE, 8, 30)[2]).toBeLessThan(40);
    const media = await ffprobeJson(out);
    expect(media.streams.map((stream) => stream.codec_name)).toEqual(['h264', 'aac']);
  });

  it('gif Bars are drawn without audio', async () => {
    const out = await renderBars('gif');
    // gif output runs at 15 fps, so frame 7 shows video frame 14.
    const duringBass = await readFrameRgba(out, 7, SIZE, SIZE);

    expect(pixelAt(duringBass, SIZE, 8, 30)[2]).toBeGreaterThan(180);
    expect((await ffprobeJson(out)).streams.map((stream) => stream.codec_type)).toEqual(['video']);
  });
});

/** Builds a 1 s scene, then a 2 s scene whose sound effect waits for every second beat of the kicks. */
async function beatSfxSpec(dir: string, musicVolume = 1) {
  const kicks = await writeKicks(dir, 120, 3, 0.5);
  const tone = await writeTone(dir, 1000, 0.3);
  return {
    fluvieSpec: 1,
    size: { width: 32, height: 32 },
    fps: 30,
    audio: [{ kind: 'music', source: { kind: 'file', value: kicks }, track: 'kicks', volume: musicVolume }],
    scenes: [
      { duration: '1s' },
      { duration: '2s', audio: [{ kind: 'sfx', source: { kind: 'file', value: tone }, at: { kind: 'beat', every: 2, track: 'kicks' } }] },
    ],
  };
}

describe('beat triggers on audio tracks', () => {
  it('start a sound effect on the beat', async () => {
    const dir = await tempDir();
    const spec = parseSpec(await beatSfxSpec(dir));
    const ffmpeg = await resolveFfmpeg({ flag: null, env: {} });
    const plan = await planWithAudio(spec, planRender(spec, OPTIONS), OPTIONS, { baseDir: dir, ffmpeg, signal: new AbortController().signal });

    // Every second beat is frame 15, 45, 75; the first at or after the scene start (frame 30) is 45.
    const sfx = planAudio(spec, plan, dir).find((track) => track.kind === 'sfx');
    expect(sfx?.start).toBe(1.5);
  });

  it('sound on the beat in the rendered mp4', async () => {
    const dir = await tempDir();
    const specFile = path.join(dir, 'beat-sfx.fluvie.json');
    await writeFile(specFile, JSON.stringify(await beatSfxSpec(dir, 0)));
    const out = path.join(dir, 'beat-sfx.mp4');
    const run = await runCliCapture(['render', '--spec', specFile, '--out', out]);
    expect(run.stderr).not.toMatch(/unsupported/i);
    expect(run.code).toBe(0);

    // The music plays at volume 0, so the first sound is the effect.
    const detect = await execa('ffmpeg', ['-v', 'info', '-i', out, '-map', '0:a', '-af', 'silencedetect=noise=-40dB:d=0.1', '-f', 'null', '-'], { reject: false });
    const firstEnd = /silence_end: ([\d.]+)/.exec(detect.stderr);
    expect(firstEnd).not.toBeNull();
    expect(Number(firstEnd![1])).toBeGreaterThan(1.45);
    expect(Number(firstEnd![1])).toBeLessThan(1.56);
  });
});

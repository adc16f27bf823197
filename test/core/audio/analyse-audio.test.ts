/** The audio analysis of a spec: which tracks are read, beats on the frame grid, band energies. */
import { describe, expect, it } from 'vitest';
import { analyseAudio } from '../../../src/core/audio/analyse-audio.js';
import { planRender } from '../../../src/core/pipeline/plan.js';
import { FluvieError } from '../../../src/core/errors.js';
import { parseSpec } from '../engines/native/native-helpers.js';
import { tempDir } from '../../helpers/media.js';
import { writeKicks, writeTone } from './audio-fixtures.js';

const music = (file: string, extra: Record<string, unknown> = {}) => ({ kind: 'music', source: { kind: 'file', value: file }, ...extra });

async function analyse(document: Record<string, unknown>, dir: string) {
  const spec = parseSpec({ fluvieSpec: 1, fps: 30, ...document });
  const plan = planRender(spec, { aspect: null, maxFrames: null, posterTime: null });
  return analyseAudio({ spec, plan, baseDir: dir, ffmpegPath: 'ffmpeg', signal: new AbortController().signal });
}

const bars = (extra: Record<string, unknown> = {}) => ({ type: 'Bars', ...extra });

describe('analyseAudio', () => {
  it('returns null when nothing reads audio', async () => {
    const dir = await tempDir();
    const analysis = await analyse({ audio: [music(await writeTone(dir, 100, 1))], scenes: [{ duration: '1s' }] }, dir);

    expect(analysis).toBeNull();
  });

  it('puts 120 bpm beats every 15 frames', async () => {
    const dir = await tempDir();
    const kicks = await writeKicks(dir, 120, 4, 0.5);
    const analysis = await analyse({ audio: [music(kicks)], scenes: [{ duration: '4s', children: [bars()] }] }, dir);

    expect(analysis?.defaultTrack?.beats).toEqual([15, 30, 45, 60, 75, 90, 105]);
  });

  it('shifts beats with the track start', async () => {
    const dir = await tempDir();
    const kicks = await writeKicks(dir, 120, 2, 0.5);
    const analysis = await analyse({ audio: [music(kicks, { at: { kind: 'at', time: '1s' } })], scenes: [{ duration: '3s', children: [bars()] }] }, dir);

    expect(analysis?.defaultTrack?.beats).toEqual([45, 60, 75]);
  });

  it('follows a tone in its band', async () => {
    const dir = await tempDir();
    const low = await writeTone(dir, 100, 1);
    const high = await writeTone(dir, 8000, 1);
    // A scene track of the high tone starts in the second scene.
    const analysis = await analyse(
      {
        audio: [music(low, { track: 'low' })],
        scenes: [{ duration: '1s', children: [bars({ track: 'low' })] }, { duration: '1s', audio: [music(high, { track: 'high' })], children: [bars({ track: 'high', band: 'treble' })] }],
      },
      dir,
    );
    const low0 = analysis!.tracks.find((track) => track.anchor === 'low')!;
    const high0 = analysis!.tracks.find((track) => track.anchor === 'high')!;

    expect(low0.energies.bass[15]).toBeGreaterThan(0.9);
    expect(low0.energies.bass[45]).toBe(0);
    expect(high0.energies.treble[15]).toBe(0);
    expect(high0.energies.treble[45]).toBeGreaterThan(0.9);
    // One value per frame of the whole spec.
    expect(low0.energies.bass.length).toBe(60);
  });

  it('analyses only the tracks that are read', async () => {
    const dir = await tempDir();
    const tone = await writeTone(dir, 100, 1);
    const analysis = await analyse({ audio: [music(tone), music(tone, { track: 'b' }), music(tone, { track: 'c' })], scenes: [{ duration: '1s', children: [bars({ track: 'c' })] }] }, dir);

    expect(analysis?.tracks.map((track) => track.path)).toEqual(['audio[2]']);
    expect(analysis?.defaultTrack).toBeNull();
  });

  it('finds users in overlays and Group children', async () => {
    const dir = await tempDir();
    const tone = await writeTone(dir, 100, 1);
    const reactive = { type: 'Box', animate: [{ preset: 'scaleY', on: 'bass', track: 'b' }] };
    const analysis = await analyse(
      { audio: [music(tone, { track: 'a' }), music(tone, { track: 'b' })], overlays: [bars({ track: 'a' })], scenes: [{ duration: '1s', children: [{ type: 'Group', children: [reactive] }] }] },
      dir,
    );

    expect(analysis?.tracks.map((track) => track.anchor)).toEqual(['a', 'b']);
  });

  it('rejects an unknown track id', async () => {
    const dir = await tempDir();
    const error = await analyse({ audio: [music(await writeTone(dir, 100, 1), { track: 'bed' })], scenes: [{ duration: '1s', children: [bars({ track: 'music' })] }] }, dir).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(FluvieError);
    expect((error as FluvieError).code).toBe('spec_invalid');
    expect(String(error)).toContain('scenes[0].children[0] names track "music"');
  });

  it('rejects an unknown band', async () => {
    const dir = await tempDir();
    const error = await analyse({ audio: [music(await writeTone(dir, 100, 1))], scenes: [{ duration: '1s', children: [bars({ band: 'sub' })] }] }, dir).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(FluvieError);
    expect((error as FluvieError).code).toBe('spec_invalid');
    expect(String(error)).toContain('scenes[0].children[0].band is "sub"');
  });

  it('rejects reactive parts without music', async () => {
    const dir = await tempDir();
    const error = await analyse({ scenes: [{ duration: '1s', children: [{ type: 'Box', animate: [{ preset: 'pulse', on: 'bass' }] }] }] }, dir).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(FluvieError);
    expect((error as FluvieError).code).toBe('spec_invalid');
    expect(String(error)).toContain("scenes[0].children[0].animate[0] follows the video's first music track");
  });
});

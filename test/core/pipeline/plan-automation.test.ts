/**
 * Eased volume automation: the sampled stops, and the level of a real mp4 render measured with
 * ffmpeg's volumedetect at chosen times.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { easeFor } from '../../../src/core/motion/ease.js';
import { automationStops } from '../../../src/core/pipeline/plan-automation.js';
import { runCliCapture } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/media.js';
import { writeTone } from '../audio/audio-fixtures.js';

const frames = (fps: number) => (time: string): number => Math.round(Number.parseFloat(time) * fps);

/** Mean level in dB of `[from, from + length)` seconds of the file's audio. */
async function meanVolume(file: string, from: number, length: number): Promise<number> {
  const result = await execa('ffmpeg', ['-v', 'info', '-ss', String(from), '-t', String(length), '-i', file, '-vn', '-af', 'volumedetect', '-f', 'null', '-']);
  const match = /mean_volume: (-?[\d.]+) dB/.exec(result.stderr);
  if (match === null) throw new Error(`volumedetect printed no mean_volume:\n${result.stderr}`);
  return Number(match[1]);
}

describe('automationStops', () => {
  it('returns null without automation', () => {
    expect(automationStops(undefined, 30, frames(30))).toBeNull();
  });

  it('makes a number one constant stop', () => {
    expect(automationStops(0.5, 30, frames(30))).toEqual([{ time: 0, value: 0.5 }]);
  });

  it('samples each frame of an eased segment', () => {
    const stops = automationStops({ values: [1, 0], positions: ['0s', '1s'], easings: ['out'] }, 4, frames(4))!;
    const out = easeFor('out');

    expect(stops.map((stop) => stop.time)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(stops.map((stop) => stop.value)).toEqual([1, 1 - out(0.25), 1 - out(0.5), 1 - out(0.75), 0]);
  });

  it('holds the first value before a late first stop', () => {
    const stops = automationStops({ values: [0.2, 1], positions: ['1s', '2s'], easings: ['in'] }, 2, frames(2))!;

    expect(stops[0]).toEqual({ time: 1, value: 0.2 });
    expect(stops.at(-1)).toEqual({ time: 2, value: 1 });
  });
});

describe('eased automation render', () => {
  it('follows the ease, not a straight line', async () => {
    const dir = await tempDir();
    const tone = await writeTone(dir, 440, 3);
    const spec = {
      fluvieSpec: 1,
      size: { width: 32, height: 32 },
      fps: 30,
      audio: [{ kind: 'music', source: { kind: 'file', value: tone }, automation: { volume: { values: [0, 1], positions: ['0s', '2s'], easings: ['in'] } } }],
      scenes: [{ duration: '3s', background: { kind: 'color', color: '#000000' } }],
    };
    const specFile = path.join(dir, 'eased.fluvie.json');
    await writeFile(specFile, JSON.stringify(spec));
    const out = path.join(dir, 'eased.mp4');
    const run = await runCliCapture(['render', '--spec', specFile, '--out', out]);
    expect(run.code).toBe(0);

    // ffmpeg's sine peaks at 1/8, so gain g gives an RMS level of 20·log10(g / (8·√2)) dB.
    const level = (gain: number): number => 20 * Math.log10(gain / (8 * Math.SQRT2));
    const eased = easeFor('in');
    const atMiddle = await meanVolume(out, 0.95, 0.1);
    const atEnd = await meanVolume(out, 2.4, 0.2);

    expect(Math.abs(atMiddle - level(eased(0.5)))).toBeLessThan(1);
    // A linear ramp would be 4 dB louder halfway.
    expect(level(0.5) - atMiddle).toBeGreaterThan(3);
    expect(Math.abs(atEnd - level(1))).toBeLessThan(1);
  });
});

import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { tempoRampFilters } from '../../../src/core/encode/tempo-ramp.js';

describe('tempoRampFilters', () => {
  it('keeps a constant rate to one stage without commands', () => {
    expect(tempoRampFilters({ fps: 10, sourceSeconds: Float64Array.from([0, 0.15, 0.3]) }, 0)).toEqual(['atempo@ramp0s0=1.5']);
  });

  it('changes the tempo at each frame start on the source clock', () => {
    const filters = tempoRampFilters({ fps: 10, sourceSeconds: Float64Array.from([0, 0.1, 0.3, 0.45]) }, 2);
    expect(filters).toEqual(['asetnsamples=n=128:p=0', "asendcmd=c='0.1 atempo@ramp2s0 tempo 2;0.3 atempo@ramp2s0 tempo 1.5'", 'atempo@ramp2s0=1']);
  });

  it('splits rates beyond 0.5..2 into equal stages', () => {
    // Rates 1 and 8: three stages of 2 reach 8.
    const filters = tempoRampFilters({ fps: 1, sourceSeconds: Float64Array.from([0, 1, 9]) }, 0);
    expect(filters).toEqual([
      'asetnsamples=n=128:p=0',
      "asendcmd=c='1 atempo@ramp0s0 tempo 2,atempo@ramp0s1 tempo 2,atempo@ramp0s2 tempo 2'",
      'atempo@ramp0s0=1',
      'atempo@ramp0s1=1',
      'atempo@ramp0s2=1',
    ]);
  });

  it('runs in real ffmpeg and shortens the audio', async () => {
    // Rate 1 for the first second of output, then 2: 3 s of source play in 2 s.
    const sourceSeconds = Float64Array.from({ length: 21 }, (_, frame) => (frame <= 10 ? frame / 10 : 1 + (frame - 10) / 5));
    const filters = tempoRampFilters({ fps: 10, sourceSeconds }, 0);
    const samples = await execa('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3:sample_rate=48000', '-af', filters.join(','), '-f', 's16le', '-ac', '1', '-'], { stdin: 'ignore', encoding: 'buffer' });
    const seconds = samples.stdout.byteLength / 2 / 48000;
    expect(seconds).toBeGreaterThan(1.95);
    expect(seconds).toBeLessThan(2.05);
  });
});

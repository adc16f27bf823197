/** Track selection and beat lookup over an analysis. */
import { describe, expect, it } from 'vitest';
import { energyAt, firstBeatAtOrAfter, selectTrack, type AnalysedTrack, type AudioAnalysis } from '../../../src/core/audio/audio-analysis.js';

function track(path: string, anchor: string | null): AnalysedTrack {
  const energies = new Float32Array([0.5]);
  return { path, anchor, energies: { bass: energies, mid: energies, treble: energies }, beats: [] };
}

describe('selectTrack', () => {
  const bed = track('audio[0]', null);
  const drums = track('audio[1]', 'drums');
  const analysis: AudioAnalysis = { tracks: [bed, drums], defaultTrack: bed };

  it('returns the default track without an id', () => {
    expect(selectTrack(analysis, undefined, 'x')).toBe(bed);
  });

  it('returns the track with the id', () => {
    expect(selectTrack(analysis, 'drums', 'x')).toBe(drums);
  });

  it('rejects an unknown id with the declared ones', () => {
    expect(() => selectTrack(analysis, 'bass', 'scenes[0].children[1]')).toThrow(/scenes\[0\]\.children\[1\] names track "bass".*declared tracks: "drums"/);
  });

  it('rejects a missing default track', () => {
    expect(() => selectTrack({ tracks: [drums], defaultTrack: null }, undefined, 'p')).toThrow(/no music track with a local file/);
  });
});

describe('firstBeatAtOrAfter', () => {
  const beats = [3, 10, 17, 24, 31];

  it('returns the first beat at or after a frame', () => {
    expect(firstBeatAtOrAfter(beats, 10, 1)).toBe(10);
    expect(firstBeatAtOrAfter(beats, 11, 1)).toBe(17);
  });

  it('counts only every nth beat', () => {
    expect(firstBeatAtOrAfter(beats, 11, 2)).toBe(17);
    expect(firstBeatAtOrAfter(beats, 4, 3)).toBe(24);
  });

  it('returns null past the last beat', () => {
    expect(firstBeatAtOrAfter(beats, 32, 1)).toBeNull();
  });
});

describe('energyAt', () => {
  it('is 0 outside the series', () => {
    const series = new Float32Array([0.25, 0.5]);
    expect(energyAt(series, 1)).toBe(0.5);
    expect(energyAt(series, -1)).toBe(0);
    expect(energyAt(series, 2)).toBe(0);
  });
});

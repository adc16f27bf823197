/** Onset picking on hand-made flux curves and on a kick track at a known tempo. */
import { describe, expect, it } from 'vitest';
import { ANALYSIS_SAMPLE_RATE, HOP_SECONDS } from '../../../src/core/audio/audio-band.js';
import { PcmDecoder } from '../../../src/core/audio/decode-pcm.js';
import { detectOnsets } from '../../../src/core/audio/onsets.js';
import { analyseSpectrum } from '../../../src/core/audio/spectrum.js';
import { tempDir } from '../../helpers/media.js';
import { writeKicks } from './audio-fixtures.js';

function curve(length: number, peaks: Record<number, number>): Float64Array {
  const flux = new Float64Array(length).fill(0.01);
  for (const [index, value] of Object.entries(peaks)) flux[Number(index)] = value;
  return flux;
}

describe('detectOnsets', () => {
  it('picks isolated peaks', () => {
    expect(detectOnsets(curve(40, { 5: 1, 20: 0.8, 35: 0.9 }))).toEqual([5, 20, 35]);
  });

  it('keeps the louder of two close peaks', () => {
    // Hops 10 and 12 are closer than the 4-hop gap; 12 is louder, so it replaces 10.
    const flux = curve(30, { 10: 0.6, 12: 1 });
    flux[11] = 0;
    expect(detectOnsets(flux)).toEqual([12]);
  });

  it('ignores a shoulder next to a peak', () => {
    expect(detectOnsets(curve(30, { 10: 1, 11: 0.9 }))).toEqual([10]);
  });

  it('finds nothing in silence', () => {
    expect(detectOnsets(new Float64Array(50))).toEqual([]);
  });

  it('rejects ripples below the floor', () => {
    // After division by the maximum, 0.03 stays under the 0.04 floor.
    expect(detectOnsets(curve(60, { 5: 1, 30: 0.03 }))).toEqual([5]);
  });

  it('finds every kick at 120 bpm', async () => {
    const dir = await tempDir();
    const samples = await new PcmDecoder('ffmpeg', new AbortController().signal).decode({ file: await writeKicks(dir, 120, 4), trimFrom: null, trimTo: null });
    const onsets = detectOnsets(analyseSpectrum(samples, ANALYSIS_SAMPLE_RATE).flux);
    const expected = [0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3.25, 3.75];

    expect(onsets).toHaveLength(expected.length);
    // An onset hop is the first window that reaches the kick, so it starts at most one window early.
    onsets.forEach((hop, index) => {
      expect(hop * HOP_SECONDS).toBeGreaterThan(expected[index]! - 1024 / ANALYSIS_SAMPLE_RATE);
      expect(hop * HOP_SECONDS).toBeLessThanOrEqual(expected[index]! + HOP_SECONDS);
    });
  });
});

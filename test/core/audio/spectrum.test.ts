/** Band sums and spectral flux of decoded ffmpeg test tones. */
import { describe, expect, it } from 'vitest';
import { ANALYSIS_HOP, ANALYSIS_SAMPLE_RATE, ANALYSIS_WINDOW, AUDIO_BANDS, type AudioBand } from '../../../src/core/audio/audio-band.js';
import { PcmDecoder } from '../../../src/core/audio/decode-pcm.js';
import { analyseSpectrum } from '../../../src/core/audio/spectrum.js';
import { tempDir } from '../../helpers/media.js';
import { writeKicks, writeTone } from './audio-fixtures.js';

function mean(values: Float64Array): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

async function decodeTone(frequency: number): Promise<Float32Array> {
  const dir = await tempDir();
  return new PcmDecoder('ffmpeg', new AbortController().signal).decode({ file: await writeTone(dir, frequency, 1), trimFrom: null, trimTo: null });
}

describe('analyseSpectrum', () => {
  const cases: [number, AudioBand][] = [
    [100, 'bass'],
    [1000, 'mid'],
    [8000, 'treble'],
  ];
  for (const [frequency, band] of cases) {
    it(`puts a ${frequency} Hz tone in ${band}`, async () => {
      const hops = analyseSpectrum(await decodeTone(frequency), ANALYSIS_SAMPLE_RATE);

      for (const other of AUDIO_BANDS.filter((name) => name !== band)) {
        expect(mean(hops.bands[band])).toBeGreaterThan(20 * mean(hops.bands[other]));
      }
    });
  }

  it('counts one hop per 512 samples', async () => {
    const samples = await decodeTone(440);
    const hops = analyseSpectrum(samples, ANALYSIS_SAMPLE_RATE);

    expect(hops.flux.length).toBe(Math.floor((samples.length - ANALYSIS_WINDOW) / ANALYSIS_HOP) + 1);
    expect(hops.bands.mid.length).toBe(hops.flux.length);
  });

  it('returns no hop for a short signal', () => {
    const hops = analyseSpectrum(new Float32Array(ANALYSIS_WINDOW - 1), ANALYSIS_SAMPLE_RATE);

    expect(hops.flux.length).toBe(0);
    expect(hops.bands.bass.length).toBe(0);
  });

  it('spikes the flux at each kick', async () => {
    const dir = await tempDir();
    const samples = await new PcmDecoder('ffmpeg', new AbortController().signal).decode({ file: await writeKicks(dir, 120, 2), trimFrom: null, trimTo: null });
    const { flux } = analyseSpectrum(samples, ANALYSIS_SAMPLE_RATE);
    const hopAt = (seconds: number): number => Math.floor((seconds * ANALYSIS_SAMPLE_RATE) / ANALYSIS_HOP);
    const peak = Math.max(...flux);

    // The hop whose window first reaches the kick at 0.75 s rises to near the strongest flux.
    const around = Array.from(flux.slice(hopAt(0.75) - 2, hopAt(0.75) + 1));
    expect(Math.max(...around)).toBeGreaterThan(0.5 * peak);
    // Halfway between two kicks the decaying tone adds little.
    expect(flux[hopAt(1.0)]!).toBeLessThan(0.1 * peak);
  });
});

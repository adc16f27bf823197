/**
 * Short-time spectrum of mono PCM, computed the way Fluvie's analyser does. Each 1024-sample frame
 * (advanced 512 samples per hop) is tapered with a symmetric Hann window and transformed. Its
 * magnitude spectrum (bins 0 to N/2) is summed per band, skipping the DC bin. The same pass yields
 * the positive spectral flux, the onset detection function.
 */
import FFT from 'fft.js';
import { ANALYSIS_HOP, ANALYSIS_WINDOW, BASS_MAX_HZ, MID_MAX_HZ, type AudioBand } from './audio-band.js';

export interface SpectrumHops {
  /** Summed bin magnitudes per hop and band, not normalised. */
  bands: Record<AudioBand, Float64Array>;
  /** Sum over bins of the rise in magnitude since the previous hop, and 0 for the first hop. */
  flux: Float64Array;
}

/**
 * Analyses `samples` hop by hop. A signal shorter than one window has no hop and returns empty arrays.
 * Pure: the same samples always give the same result.
 */
export function analyseSpectrum(samples: Float32Array, sampleRate: number): SpectrumHops {
  const hopCount = samples.length < ANALYSIS_WINDOW ? 0 : Math.floor((samples.length - ANALYSIS_WINDOW) / ANALYSIS_HOP) + 1;
  const bands = { bass: new Float64Array(hopCount), mid: new Float64Array(hopCount), treble: new Float64Array(hopCount) };
  const flux = new Float64Array(hopCount);

  const fft = new FFT(ANALYSIS_WINDOW);
  const window = hannWindow(ANALYSIS_WINDOW);
  const bandOfBin = binBands(sampleRate);
  const frame = new Float64Array(ANALYSIS_WINDOW);
  const spectrum = fft.createComplexArray();
  let magnitudes = new Float64Array(ANALYSIS_WINDOW / 2 + 1);
  let previous = new Float64Array(ANALYSIS_WINDOW / 2 + 1);

  for (let hop = 0; hop < hopCount; hop += 1) {
    const offset = hop * ANALYSIS_HOP;
    for (let i = 0; i < ANALYSIS_WINDOW; i += 1) frame[i] = samples[offset + i]! * window[i]!;
    fft.realTransform(spectrum, frame);

    let rise = 0;
    for (let bin = 0; bin < magnitudes.length; bin += 1) {
      const magnitude = Math.hypot(spectrum[2 * bin]!, spectrum[2 * bin + 1]!);
      magnitudes[bin] = magnitude;
      if (hop > 0 && magnitude > previous[bin]!) rise += magnitude - previous[bin]!;
      const band = bandOfBin[bin];
      if (band !== undefined) bands[band][hop]! += magnitude;
    }
    flux[hop] = rise;
    [previous, magnitudes] = [magnitudes, previous];
  }
  return { bands, flux };
}

/** Returns the symmetric Hann window `0.5·(1 − cos(2πi/(N − 1)))`, zero at both ends. */
function hannWindow(size: number): Float64Array {
  const window = new Float64Array(size);
  for (let i = 0; i < size; i += 1) window[i] = 0.5 * (1 - Math.cos((2 * Math.PI * i) / (size - 1)));
  return window;
}

/** Returns the band of each bin 0 to N/2, where bin b is b·sampleRate/N Hz. The DC bin belongs to none. */
function binBands(sampleRate: number): (AudioBand | undefined)[] {
  const binHz = sampleRate / ANALYSIS_WINDOW;
  const bands: (AudioBand | undefined)[] = [undefined];
  for (let bin = 1; bin <= ANALYSIS_WINDOW / 2; bin += 1) bands.push(bandOf(bin * binHz));
  return bands;
}

function bandOf(hz: number): AudioBand {
  if (hz < BASS_MAX_HZ) return 'bass';
  if (hz < MID_MAX_HZ) return 'mid';
  return 'treble';
}

/**
 * The frequency bands Fluvie's `AudioBand` names, and the fixed analysis geometry Fluvie uses for
 * band energies and onsets: mono PCM at 44.1 kHz, a 1024-sample Hann window advanced 512 samples
 * per hop (about 86 hops per second).
 */
import { FluvieError } from '../errors.js';

export const AUDIO_BANDS = ['bass', 'mid', 'treble'] as const;

export type AudioBand = (typeof AUDIO_BANDS)[number];

/** Bins below this frequency (Hz) are bass. */
export const BASS_MAX_HZ = 250;
/** Bins from {@link BASS_MAX_HZ} up to this frequency (Hz) are mid, and everything above is treble. */
export const MID_MAX_HZ = 4000;

export const ANALYSIS_SAMPLE_RATE = 44100;
export const ANALYSIS_WINDOW = 1024;
export const ANALYSIS_HOP = 512;

/** Seconds between two analysis hops. */
export const HOP_SECONDS = ANALYSIS_HOP / ANALYSIS_SAMPLE_RATE;

/** Default band of `Bars`. */
export const DEFAULT_BAND: AudioBand = 'bass';

export function isAudioBand(value: string): value is AudioBand {
  return (AUDIO_BANDS as readonly string[]).includes(value);
}

/**
 * Returns `value` as a band name.
 * @throws FluvieError `spec_invalid` naming `path` when it is not one of bass, mid and treble.
 */
export function parseAudioBand(value: string, path: string): AudioBand {
  if (isAudioBand(value)) return value;
  throw new FluvieError('spec_invalid', `${path} is "${value}", which is not an audio band; use one of ${AUDIO_BANDS.join(', ')}`);
}

/** Test audio made with ffmpeg's lavfi sources: pure tones and a kick drum at a known tempo. */
import path from 'node:path';
import { execa } from 'execa';

/** Writes a mono 44.1 kHz WAV of a sine at `frequency` Hz, `seconds` long. */
export async function writeTone(dir: string, frequency: number, seconds: number, name = `tone-${frequency}.wav`): Promise<string> {
  const file = path.join(dir, name);
  await execa('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=${seconds}:sample_rate=44100`, file]);
  return file;
}

/**
 * Writes a kick track: silence until `first` seconds, then an 80 Hz burst decaying with exp(−20·t)
 * that restarts every 60/bpm seconds, so its beats fall exactly on first + k·60/bpm.
 */
export async function writeKicks(dir: string, bpm: number, seconds: number, first = 0.25, name = `kicks-${bpm}.wav`): Promise<string> {
  const file = path.join(dir, name);
  const period = 60 / bpm;
  // aevalsrc separates its options with ':' and the expression's arguments with escaped commas.
  const expression = `gte(t\\,${first})*sin(2*PI*80*t)*exp(-20*mod(t-${first}\\,${period}))`;
  await execa('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `aevalsrc=${expression}:s=44100:d=${seconds}`, file]);
  return file;
}

/** Writes `seconds` of a sine at each of `frequencies` Hz in turn, as one mono 44.1 kHz WAV. */
export async function writeToneSequence(dir: string, frequencies: readonly number[], seconds: number, name = 'sequence.wav'): Promise<string> {
  const file = path.join(dir, name);
  const inputs = frequencies.flatMap((frequency) => ['-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=${seconds}:sample_rate=44100`]);
  const labels = frequencies.map((_, index) => `[${index}:a]`).join('');
  await execa('ffmpeg', ['-v', 'error', '-y', ...inputs, '-filter_complex', `${labels}concat=n=${frequencies.length}:v=0:a=1`, file]);
  return file;
}

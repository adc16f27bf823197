/**
 * ffmpeg filters that make a clip's audio follow a speed ramp, built as Fluvie builds them. The
 * rate of each output frame (the source seconds it covers times fps) drives a chain of `atempo`
 * stages, each kept within 0.5–2.0. `asendcmd` changes their `tempo` at the source time where the
 * frame starts. `asetnsamples` cuts the audio into 128-sample packets first, because `asendcmd`
 * acts between packets.
 *
 * NOTE: approximate. With ffmpeg 5.1 a 1 → 3 ramp over one second put a tone onset 55 ms early
 * (test/core/engines/native/draw-clip.test.ts measures it), and over digitally silent input atempo
 * loses samples at each change. The picture uses the exact integrated clock, so the unsupported
 * check reports audible ramped clips.
 */

/** A speed ramp's source clock; see `integrateSpeedRamp`. */
export interface TempoMap {
  fps: number;
  /** Source seconds after the trim start at each output frame boundary, starting at 0. */
  sourceSeconds: Float64Array;
}

const MIN_STAGE = 0.5;
const MAX_STAGE = 2;
const PACKET_SAMPLES = 128;

/**
 * Returns the filters, in order, for the audio of input `inputIndex`. They read timestamps that
 * start at 0 at the trim start, so they belong right after `asetpts=PTS-STARTPTS`.
 */
export function tempoRampFilters(map: TempoMap, inputIndex: number): string[] {
  const rates: number[] = [];
  for (let i = 0; i < map.sourceSeconds.length - 1; i += 1) rates.push((map.sourceSeconds[i + 1]! - map.sourceSeconds[i]!) * map.fps);
  if (rates.length === 0) return [];

  const stages = Math.max(1, ...rates.map((rate) => Math.ceil(Math.abs(Math.log2(rate)))));
  const names = Array.from({ length: stages }, (_, stage) => `atempo@ramp${inputIndex}s${stage}`);
  const factor = (rate: number): string => number(Math.min(Math.max(rate ** (1 / stages), MIN_STAGE), MAX_STAGE));

  const commands: string[] = [];
  for (let i = 1; i < rates.length; i += 1) {
    if (Math.abs(rates[i]! - rates[i - 1]!) < 1e-10) continue;
    commands.push(`${number(map.sourceSeconds[i]!)} ${names.map((name) => `${name} tempo ${factor(rates[i]!)}`).join(',')}`);
  }
  return [
    ...(commands.length > 0 ? [`asetnsamples=n=${PACKET_SAMPLES}:p=0`, `asendcmd=c='${commands.join(';')}'`] : []),
    ...names.map((name) => `${name}=${factor(rates[0]!)}`),
  ];
}

function number(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

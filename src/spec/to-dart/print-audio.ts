/**
 * Dart for audio tracks: `Audio.music(...)` and `Audio.sfx(...)`. Tracks on a muted lane are left
 * out and a lane's gain multiplies the track volume, as Fluvie's spec builder does, so the printed
 * code mixes the same sound as the document.
 */
import type { AudioTrackSpec, KeyframedNumberSpec, LaneSpec } from '../schema/types.js';
import type { AnchorNames } from './anchor-names.js';
import { call, list, named, positional, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartEase, dartNumber, dartString, dartTime } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';
import { printTrigger } from './print-motion.js';

/** Lane settings that change how tracks print. */
export interface LaneMix {
  muted: ReadonlySet<string>;
  gains: ReadonlyMap<string, number>;
}

export function laneMixOf(lanes: readonly LaneSpec[] | undefined): LaneMix {
  const muted = new Set<string>();
  const gains = new Map<string, number>();
  for (const lane of lanes ?? []) {
    if (lane.muted === true) muted.add(lane.id);
    if (lane.gain !== undefined) gains.set(lane.id, lane.gain);
  }
  return { muted, gains };
}

/** Prints the `audio: [...]` list, or returns undefined when no audible track is left. */
export function printAudioTracks(tracks: readonly AudioTrackSpec[] | undefined, anchors: AnchorNames, mix: LaneMix, path: string): DartExpr | undefined {
  const printed = (tracks ?? []).flatMap((track, index) => (track.lane !== undefined && mix.muted.has(track.lane) ? [] : [printTrack(track, anchors, mix, `${path}[${index}]`)]));
  return printed.length === 0 ? undefined : list(printed);
}

function printTrack(track: AudioTrackSpec, anchors: AnchorNames, mix: LaneMix, path: string): DartExpr {
  const gain = track.lane === undefined ? 1 : (mix.gains.get(track.lane) ?? 1);
  const volume = gain === 1 ? track.volume : (track.volume ?? 1) * gain;
  const common = [
    positional(dartString(track.source.value)),
    track.at === undefined ? null : named('at', printTrigger(track.at, anchors, `${path}.at`)),
    volume === undefined ? null : named('volume', dartNumber(volume, `${path}.volume`)),
    track.automation?.volume === undefined ? null : named('automation', printAutomation(track.automation.volume, `${path}.automation.volume`)),
  ];
  if (track.kind === 'sfx') return call('Audio.sfx', common);

  const { trim } = track;
  if (trim !== undefined && (trim.from === undefined || trim.to === undefined)) {
    throw new DartPrintError(`${path}.trim`, 'a trim prints as TimeRange(from, to), so it needs both "from" and "to"');
  }
  return call('Audio.music', [
    ...common,
    track.fadeIn === undefined ? null : named('fadeIn', dartTime(track.fadeIn, `${path}.fadeIn`)),
    track.fadeOut === undefined ? null : named('fadeOut', dartTime(track.fadeOut, `${path}.fadeOut`)),
    track.loop === true ? named('loop', raw('true')) : null,
    trim?.from === undefined || trim.to === undefined
      ? null
      : named('trim', call('TimeRange', [positional(dartTime(trim.from, `${path}.trim.from`)), positional(dartTime(trim.to, `${path}.trim.to`))])),
    track.track === undefined ? null : named('track', anchors.variableFor(track.track)),
  ]);
}

/** `AudioAutomation(values: [...], positions: [...], easings: [...])`; a plain number is one value. */
export function printAutomation(volume: KeyframedNumberSpec, path: string): DartExpr {
  if (typeof volume === 'number') return call('AudioAutomation', [named('values', list([dartNumber(volume, path)]))]);
  return call('AudioAutomation', keyframedArgs(volume, path));
}

/**
 * `KeyframedNumber.linear(values: [...], positions: [...])`, or `KeyframedNumber(...)` with
 * `easings` when the document sets them.
 */
export function printKeyframedNumber(value: Exclude<KeyframedNumberSpec, number>, path: string): DartExpr {
  const stops = value.values.length;
  if (stops < 2) throw new DartPrintError(`${path}.values`, 'a keyframed number needs at least two values; write one value as a plain number');
  if (value.positions.length !== stops) {
    throw new DartPrintError(`${path}.positions`, `a keyframed number needs one position per value (${stops} values, ${value.positions.length} positions)`);
  }
  if (value.easings !== undefined && value.easings.length !== stops - 1) {
    throw new DartPrintError(`${path}.easings`, `a keyframed number needs one easing per segment (${stops - 1} for ${stops} values, got ${value.easings.length})`);
  }
  return call(value.easings === undefined ? 'KeyframedNumber.linear' : 'KeyframedNumber', keyframedArgs(value, path));
}

function keyframedArgs(value: Exclude<KeyframedNumberSpec, number>, path: string): Array<DartArg | null> {
  return [
    named('values', list(value.values.map((item, index) => dartNumber(item, `${path}.values[${index}]`)))),
    named('positions', list(value.positions.map((time, index) => dartTime(time, `${path}.positions[${index}]`)))),
    value.easings === undefined ? null : named('easings', list(value.easings.map((ease, index) => dartEase(ease, `${path}.easings[${index}]`)))),
  ];
}

/**
 * Volume automation as the stops of a piecewise-linear gain curve, resolved as Fluvie does. Stop
 * positions round to video frames, and linear segments keep only their end stops. An eased segment
 * is sampled once per video frame, so the mix applies the same curve with a linear `volume` expression.
 */
import { easeFor } from '../motion/ease.js';
import type { VolumeStop } from '../encode/audio-mix.js';
import type { KeyframedNumberSpec } from '../../spec/index.js';

/**
 * Returns the stops in seconds after the track's start, or null without automation. A plain number
 * is one constant stop. `frames` resolves a position to frames in the track's scope.
 * NOTE: stop positions count from the track's start, not the scene's; the contract does not say which.
 */
export function automationStops(volume: KeyframedNumberSpec | undefined, fps: number, frames: (time: string) => number): VolumeStop[] | null {
  if (volume === undefined) return null;
  if (typeof volume === 'number') return [{ time: 0, value: volume }];

  const count = Math.min(volume.values.length, volume.positions.length);
  const values = volume.values.slice(0, count);
  const stopFrames = volume.positions.slice(0, count).map(frames);
  const stops: VolumeStop[] = [];
  for (let index = 0; index < count - 1; index += 1) {
    const from = stopFrames[index]!;
    const to = stopFrames[index + 1]!;
    const easeName = volume.easings?.[index] ?? 'linear';
    if (easeName === 'linear' || to <= from) {
      stops.push({ time: from / fps, value: values[index]! });
      continue;
    }
    const ease = easeFor(easeName);
    const span = values[index + 1]! - values[index]!;
    for (let frame = from; frame < to; frame += 1) {
      stops.push({ time: frame / fps, value: values[index]! + span * ease((frame - from) / (to - from)) });
    }
  }
  if (count > 0) stops.push({ time: stopFrames[count - 1]! / fps, value: values[count - 1]! });
  return stops;
}

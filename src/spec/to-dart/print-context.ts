/** What element printers share across one print: the anchor variables and the lane mix. */
import type { LaneSpec } from '../schema/types.js';
import type { AnchorNames } from './anchor-names.js';

export interface PrintContext {
  anchors: AnchorNames;
  /** Gain factor per lane id for clip audio; a muted lane has gain 0. */
  clipLaneGains: ReadonlyMap<string, number>;
}

/** Reads each lane's gain, with muted lanes at 0, as Fluvie's spec builder mixes clip audio. */
export function clipLaneGainsOf(lanes: readonly LaneSpec[] | undefined): Map<string, number> {
  const gains = new Map<string, number>();
  for (const lane of lanes ?? []) {
    if (lane.muted === true) gains.set(lane.id, 0);
    else if (lane.gain !== undefined) gains.set(lane.id, lane.gain);
  }
  return gains;
}

/**
 * Onset picking on a spectral-flux curve with Fluvie's parameters. A hop is an onset when it is a
 * strict local maximum within ±3 hops, its flux reaches the mean over ±8 hops times 1.7 plus 0.04,
 * and it comes at least 4 hops after the previous onset. Inside that gap, a louder peak replaces
 * the previous onset, so one click counts once.
 *
 * NOTE: the flux is divided by its maximum first, so the 0.04 floor is 4% of the strongest onset.
 * Fluvie picks on the raw flux, where that floor is negligible next to summed magnitudes, and the
 * ripple of a decaying low tone between two kicks then passes as an onset of its own.
 */

export interface OnsetOptions {
  /** Hops each side of the local mean. Default 8. */
  meanRadius: number;
  /** Hops each side a peak must exceed. Default 3. */
  peakRadius: number;
  /** Factor on the local mean. Default 1.7. */
  thresholdRatio: number;
  /** Absolute floor added to the threshold, so near silence never qualifies. Default 0.04. */
  floorDelta: number;
  /** Minimum hops between two onsets. Default 4. */
  minGap: number;
}

export const DEFAULT_ONSET_OPTIONS: Readonly<OnsetOptions> = { meanRadius: 8, peakRadius: 3, thresholdRatio: 1.7, floorDelta: 0.04, minGap: 4 };

/** Returns the hop indices of the onsets in `flux`, ascending. */
export function detectOnsets(rawFlux: Float64Array, options: Readonly<OnsetOptions> = DEFAULT_ONSET_OPTIONS): number[] {
  const flux = normalised(rawFlux);
  const onsets: number[] = [];
  let lastOnset = -options.minGap - 1;
  for (let i = 0; i < flux.length; i += 1) {
    const value = flux[i]!;
    if (value < options.floorDelta) continue;
    if (!isStrictLocalMax(flux, i, options.peakRadius)) continue;
    if (value < localMean(flux, i, options.meanRadius) * options.thresholdRatio + options.floorDelta) continue;

    if (i - lastOnset < options.minGap) {
      if (onsets.length > 0 && value > flux[onsets[onsets.length - 1]!]!) {
        onsets[onsets.length - 1] = i;
        lastOnset = i;
      }
      continue;
    }
    onsets.push(i);
    lastOnset = i;
  }
  return onsets;
}

function normalised(flux: Float64Array): Float64Array {
  let peak = 0;
  for (const value of flux) peak = Math.max(peak, value);
  return peak > 0 ? flux.map((value) => value / peak) : flux;
}

function isStrictLocalMax(flux: Float64Array, index: number, radius: number): boolean {
  const low = Math.max(index - radius, 0);
  const high = Math.min(index + radius, flux.length - 1);
  for (let j = low; j <= high; j += 1) {
    if (j !== index && flux[j]! >= flux[index]!) return false;
  }
  return true;
}

function localMean(flux: Float64Array, index: number, radius: number): number {
  const low = Math.max(index - radius, 0);
  const high = Math.min(index + radius, flux.length - 1);
  let sum = 0;
  for (let j = low; j <= high; j += 1) sum += flux[j]!;
  return sum / (high - low + 1);
}

/**
 * Tone curves of the `curves` effect, evaluated as Fluvie evaluates them: Fritsch–Carlson monotone
 * cubic interpolation through `[x, y]` control points on the unit square. The curve passes through
 * every point and never overshoots between two increasing points. It keeps its end values outside
 * the first and last point, and every read is clamped to 0..1.
 */
import { FluvieError } from '../../../errors.js';

export type CurvePoint = readonly [number, number];

/** A curve ready to evaluate: positions, clamped values and the limited tangents. */
export interface ToneCurve {
  xs: readonly number[];
  ys: readonly number[];
  slopes: readonly number[];
}

/** The curve channels of a `curves` effect; an absent channel is the identity. */
export interface CurveChannels {
  master?: readonly CurvePoint[];
  red?: readonly CurvePoint[];
  green?: readonly CurvePoint[];
  blue?: readonly CurvePoint[];
}

/**
 * Builds the curve through `points`.
 * @throws FluvieError `spec_invalid` for fewer than two points, a non-finite number, or positions
 * that do not strictly increase; the message names `path`.
 */
export function createToneCurve(points: readonly CurvePoint[], path: string): ToneCurve {
  if (points.length < 2) throw new FluvieError('spec_invalid', `${path}: a curve needs at least two [x, y] points, got ${points.length}.`);
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new FluvieError('spec_invalid', `${path}: curve points must be finite numbers, got [${x}, ${y}].`);
  }
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => clamp01(y));
  for (let i = 1; i < xs.length; i += 1) {
    if (xs[i]! <= xs[i - 1]!) {
      throw new FluvieError('spec_invalid', `${path}: curve positions must strictly increase, but x=${xs[i]} follows x=${xs[i - 1]}. Sort the points by x and drop duplicates.`);
    }
  }
  return { xs, ys, slopes: monotoneSlopes(xs, ys) };
}

/** True for the diagonal from (0, 0) to (1, 1), which Fluvie evaluates exactly instead of by the cubic. */
export function isIdentityCurve(curve: ToneCurve): boolean {
  return curve.xs.length === 2 && curve.xs[0] === 0 && curve.xs[1] === 1 && curve.ys[0] === 0 && curve.ys[1] === 1;
}

/** Returns the curve's value at `x`, clamped to 0..1. */
export function evaluateToneCurve(curve: ToneCurve, x: number): number {
  if (isIdentityCurve(curve)) return clamp01(x);
  const { xs, ys, slopes } = curve;
  const last = xs.length - 1;
  if (x <= xs[0]!) return ys[0]!;
  if (x >= xs[last]!) return ys[last]!;
  let segment = 0;
  while (x > xs[segment + 1]!) segment += 1;
  const h = xs[segment + 1]! - xs[segment]!;
  const t = (x - xs[segment]!) / h;
  const t2 = t * t;
  const t3 = t2 * t;
  const value =
    (2 * t3 - 3 * t2 + 1) * ys[segment]! +
    (t3 - 2 * t2 + t) * h * slopes[segment]! +
    (-2 * t3 + 3 * t2) * ys[segment + 1]! +
    (t3 - t2) * h * slopes[segment + 1]!;
  return clamp01(value);
}

/**
 * Bakes the channels into a 768-byte table: entry `c * 256 + v` is channel c (0 red, 1 green,
 * 2 blue) for the 8-bit input v, the channel curve applied after the master curve. The values are
 * rounded to 8 bits, as in the 256-sample strip Fluvie's shader reads.
 */
export function bakeCurveTable(channels: CurveChannels, path: string): Uint8Array {
  const curveOf = (name: keyof CurveChannels): ToneCurve | null => {
    const points = channels[name];
    return points === undefined ? null : createToneCurve(points, `${path}.${name}`);
  };
  const master = curveOf('master');
  const perChannel = [curveOf('red'), curveOf('green'), curveOf('blue')];
  const table = new Uint8Array(768);
  for (let v = 0; v < 256; v += 1) {
    const x = master === null ? v / 255 : evaluateToneCurve(master, v / 255);
    perChannel.forEach((curve, channel) => {
      table[channel * 256 + v] = Math.round((curve === null ? x : evaluateToneCurve(curve, x)) * 255);
    });
  }
  return table;
}

/** True when the table maps every value to itself, so the effect can be skipped. */
export function isIdentityTable(table: Uint8Array): boolean {
  for (let i = 0; i < table.length; i += 1) {
    if (table[i] !== (i & 255)) return false;
  }
  return true;
}

/**
 * Computes the Fritsch–Carlson tangents: secant averages, zero across a plateau or a turn, and
 * scaled down where a segment would overshoot its end points.
 */
function monotoneSlopes(xs: readonly number[], ys: readonly number[]): number[] {
  const n = xs.length;
  const secants: number[] = [];
  for (let i = 0; i < n - 1; i += 1) secants.push((ys[i + 1]! - ys[i]!) / (xs[i + 1]! - xs[i]!));
  const slopes = new Array<number>(n).fill(0);
  slopes[0] = secants[0]!;
  slopes[n - 1] = secants[n - 2]!;
  for (let i = 1; i < n - 1; i += 1) {
    slopes[i] = secants[i - 1]! * secants[i]! <= 0 ? 0 : (secants[i - 1]! + secants[i]!) / 2;
  }
  for (let i = 0; i < n - 1; i += 1) {
    const secant = secants[i]!;
    if (secant === 0) {
      slopes[i] = 0;
      slopes[i + 1] = 0;
      continue;
    }
    const a = slopes[i]! / secant;
    const b = slopes[i + 1]! / secant;
    const limit = a * a + b * b;
    // A near-zero secant next to a steep one overflows the ratio; treat it like a plateau.
    if (!Number.isFinite(limit)) {
      slopes[i] = 0;
      slopes[i + 1] = 0;
      continue;
    }
    if (limit > 9) {
      const scale = 3 / Math.sqrt(limit);
      slopes[i] = scale * a * secant;
      slopes[i + 1] = scale * b * secant;
    }
  }
  return slopes;
}

function clamp01(value: number): number {
  return Math.min(Math.max(value, 0), 1);
}

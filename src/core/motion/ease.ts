/**
 * The ten VideoSpec ease names as the Flutter curves Fluvie maps them to. Cubic curves use
 * Flutter's own evaluation (bisection to within 0.001 in x), not an exact solver, because the
 * bisection error is visible in pixels and the goal is frame parity with Fluvie.
 */

export type EaseName = 'linear' | 'smooth' | 'snappy' | 'gentle' | 'in' | 'out' | 'inOut' | 'back' | 'bounce' | 'elastic';

export const EASE_NAMES: readonly EaseName[] = ['linear', 'smooth', 'snappy', 'gentle', 'in', 'out', 'inOut', 'back', 'bounce', 'elastic'];

/** Maps a linear progress in 0..1 to an eased progress (which may leave 0..1 for `back` and `elastic`). */
export type EaseFunction = (t: number) => number;

/** Flutter `Cubic._cubicErrorBound`. */
const CUBIC_ERROR_BOUND = 0.001;

function evaluateCubic(a: number, b: number, m: number): number {
  return 3 * a * (1 - m) * (1 - m) * m + 3 * b * (1 - m) * m * m + m * m * m;
}

/** Flutter `Cubic(a, b, c, d)`: control points (a, b) and (c, d); t = 0 and t = 1 return t exactly. */
export function cubic(a: number, b: number, c: number, d: number): EaseFunction {
  return (t) => {
    if (t === 0 || t === 1) return t;
    let start = 0;
    let end = 1;
    for (;;) {
      const midpoint = (start + end) / 2;
      const estimate = evaluateCubic(a, c, midpoint);
      if (Math.abs(t - estimate) < CUBIC_ERROR_BOUND) return evaluateCubic(b, d, midpoint);
      if (estimate < t) start = midpoint;
      else end = midpoint;
    }
  };
}

/** Flutter `Curves.bounceOut`. */
export function bounceOut(t: number): number {
  if (t === 0 || t === 1) return t;
  if (t < 1 / 2.75) return 7.5625 * t * t;
  if (t < 2 / 2.75) {
    const u = t - 1.5 / 2.75;
    return 7.5625 * u * u + 0.75;
  }
  if (t < 2.5 / 2.75) {
    const u = t - 2.25 / 2.75;
    return 7.5625 * u * u + 0.9375;
  }
  const u = t - 2.625 / 2.75;
  return 7.5625 * u * u + 0.984375;
}

/** Flutter `Curves.elasticOut` (`ElasticOutCurve(0.4)`). */
export function elasticOut(t: number): number {
  if (t === 0 || t === 1) return t;
  const period = 0.4;
  const s = period / 4;
  return Math.pow(2, -10 * t) * Math.sin(((t - s) * (Math.PI * 2)) / period) + 1;
}

const linear: EaseFunction = (t) => t;
const easeInOut = cubic(0.42, 0, 0.58, 1);

const EASES: Readonly<Record<EaseName, EaseFunction>> = {
  linear,
  smooth: easeInOut,
  snappy: cubic(0.215, 0.61, 0.355, 1),
  gentle: cubic(0.445, 0.05, 0.55, 0.95),
  in: cubic(0.42, 0, 1, 1),
  out: cubic(0, 0, 0.58, 1),
  inOut: easeInOut,
  back: cubic(0.175, 0.885, 0.32, 1.275),
  bounce: bounceOut,
  elastic: elasticOut,
};

/** A VideoSpec ease: a name, or a custom cubic Bézier `{cubic: [x1, y1, x2, y2]}`. */
export type EaseValue = EaseName | { readonly cubic: readonly [number, number, number, number] };

const customCubics = new WeakMap<object, EaseFunction>();

/** Returns the curve for a VideoSpec ease; custom cubics are built once per ease object. */
export function easeFor(value: EaseValue): EaseFunction {
  if (typeof value === 'string') return EASES[value];
  let curve = customCubics.get(value);
  if (curve === undefined) {
    const [a, b, c, d] = value.cubic;
    curve = cubic(a, b, c, d);
    customCubics.set(value, curve);
  }
  return curve;
}

export function isEaseName(value: string): value is EaseName {
  return Object.hasOwn(EASES, value);
}

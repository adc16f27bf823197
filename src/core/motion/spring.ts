/**
 * Fluvie's damped spring: m·x″ + c·x′ + k·x = 0 with x(0) = 1 and x′(0) = v0, solved in closed
 * form. Animation progress on a spring is `1 − x(seconds)`, without clamping, so overshoot shows.
 */
import { FluvieError } from '../errors.js';

export interface SpringParams {
  stiffness: number;
  damping: number;
  mass: number;
  initialVelocity: number;
}

export type SpringName = 'default' | 'gentle' | 'snappy' | 'bouncy' | 'stiff';

/** Fluvie's named springs; `default` is `Spring()` (stiffness 180, damping 12). */
export const NAMED_SPRINGS: Readonly<Record<SpringName, SpringParams>> = {
  default: { stiffness: 180, damping: 12, mass: 1, initialVelocity: 0 },
  gentle: { stiffness: 120, damping: 14, mass: 1, initialVelocity: 0 },
  snappy: { stiffness: 260, damping: 20, mass: 1, initialVelocity: 0 },
  bouncy: { stiffness: 180, damping: 10, mass: 1, initialVelocity: 0 },
  stiff: { stiffness: 400, damping: 28, mass: 1, initialVelocity: 0 },
};

/** Envelope threshold below which a spring counts as settled. */
const SETTLE_EPSILON = 0.001;

/** Closed-form solution: displacement at `seconds` plus the decay envelope used for settling. */
export interface SpringSolution {
  displacement(seconds: number): number;
  /** Decay rate α of the envelope M·e^(−αt). */
  readonly decay: number;
  /** Amplitude M of the envelope. */
  readonly amplitude: number;
}

/** Solves the spring equation for its regime (under-, critically or overdamped). */
export function solveSpring(params: SpringParams): SpringSolution {
  const { stiffness: k, damping: c, mass: m, initialVelocity: v0 } = params;
  if (!(c > 0)) {
    throw new FluvieError('spec_invalid', `Spring damping must be greater than 0, got ${c}. Use a positive damping such as 12.`);
  }
  const omega = Math.sqrt(k / m);
  const discriminant = c * c - 4 * m * k;

  if (discriminant < 0) {
    const sigma = -c / (2 * m);
    const omegaD = Math.sqrt(4 * m * k - c * c) / (2 * m);
    const c2 = (v0 - sigma) / omegaD;
    // x′ = e^{σt}((σ + C2·ωd)·cos ωd·t + (σ·C2 − ωd)·sin ωd·t)
    const velocityNorm = Math.hypot(sigma + c2 * omegaD, sigma * c2 - omegaD);
    return {
      displacement: (t) => Math.exp(sigma * t) * (Math.cos(omegaD * t) + c2 * Math.sin(omegaD * t)),
      decay: -sigma,
      amplitude: Math.max(Math.hypot(1, c2), velocityNorm / omega),
    };
  }

  if (discriminant === 0) {
    const r = -c / (2 * m);
    const slope = v0 - r;
    // x′ = ((slope + r) + r·slope·t)·e^{rt}
    return {
      displacement: (t) => (1 + slope * t) * Math.exp(r * t),
      decay: -r / 2,
      amplitude: Math.max(Math.hypot(1, slope), Math.hypot(slope + r, r * slope) / omega),
    };
  }

  const root = Math.sqrt(discriminant);
  const r1 = (-c - root) / (2 * m);
  const r2 = (-c + root) / (2 * m);
  const c2 = (v0 - r1) / (r2 - r1);
  const c1 = 1 - c2;
  return {
    displacement: (t) => c1 * Math.exp(r1 * t) + c2 * Math.exp(r2 * t),
    decay: -r2,
    amplitude: Math.max(Math.hypot(c1, c2), Math.hypot(c1 * r1, c2 * r2) / omega),
  };
}

/** Settle time in seconds: the first whole millisecond at which the envelope is at most 0.001. */
export function springSettleSeconds(params: SpringParams): number {
  const { decay, amplitude } = solveSpring(params);
  let tick = Math.max(0, Math.floor((1000 * Math.log(amplitude / SETTLE_EPSILON)) / decay));
  while (amplitude * Math.exp((-decay * tick) / 1000) > SETTLE_EPSILON) tick += 1;
  return tick / 1000;
}

/** Span length in frames of an animation driven by this spring: ceil(settle seconds × fps). */
export function springSettleFrames(params: SpringParams, fps: number): number {
  return Math.ceil(springSettleSeconds(params) * fps);
}

/**
 * The spring behind `pop {overshoot}`: stiffness 180, mass 1, damping chosen so the first peak
 * reaches `overshoot` (which must lie in (1, 2)).
 */
export function popSpring(overshoot: number): SpringParams {
  if (!(overshoot > 1 && overshoot < 2)) {
    throw new FluvieError('spec_invalid', `pop overshoot must lie between 1 and 2 (exclusive), got ${overshoot}. Use a value such as 1.1.`);
  }
  const o = overshoot - 1;
  const lnO = Math.log(o);
  const zeta = -lnO / Math.sqrt(Math.PI * Math.PI + lnO * lnO);
  return { stiffness: 180, damping: 2 * zeta * Math.sqrt(180), mass: 1, initialVelocity: 0 };
}

/** Progress on a spring span at linear progress `linear` (0..1): `1 − x(linear·spanFrames/fps)`, 1 once linear ≥ 1. */
export function springProgress(solution: SpringSolution, linear: number, spanFrames: number, fps: number): number {
  if (linear >= 1) return 1;
  return 1 - solution.displacement((linear * spanFrames) / fps);
}

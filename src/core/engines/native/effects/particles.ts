/**
 * Fluvie's particle field (the `particles` effect and preset): `count` confetti squares, snow
 * flakes or sparkle points painted over the element box. Every particle is a pure function of its
 * index, the progress and `valueForSeed("<seed>-<index>-<x|y|p|s|d>")`, so the same spec and
 * progress always paint the same pixels.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { FluvieError } from '../../../errors.js';
import { valueForSeed } from '../../../motion/value-noise.js';
import { isColor, parseColor, type Rgba } from '../../../../spec/color.js';

export const PARTICLE_KINDS = ['confetti', 'snow', 'sparkle'] as const;
export type ParticleKind = (typeof PARTICLE_KINDS)[number];

export interface ParticleField {
  kind: ParticleKind;
  count: number;
  seed: string;
  /** Particle `i` takes colour `i mod palette.length`; its own alpha replaces the colour's. */
  palette: readonly Rgba[];
  /** Edge length or diameter in local pixels. */
  minSize: number;
  maxSize: number;
  /** Fraction of the box height a particle falls over progress 0 → 1. */
  fallSpeed: number;
  /** Fraction of the box width a particle sways sideways. */
  drift: number;
  /** Turns over progress 0 → 1; sparkle twinkles at this rate. */
  spinSpeed: number;
}

/** Per-kind defaults of Fluvie's `Particles.confetti`, `.snow` and `.sparkle` constructors. */
const DEFAULTS: Record<ParticleKind, Omit<ParticleField, 'kind'>> = {
  confetti: {
    count: 32,
    seed: 'confetti',
    palette: ['#FF595E', '#FFCA3A', '#8AC926', '#1982C4', '#6A4C93', '#FF924C'].map(parseColor),
    minSize: 4,
    maxSize: 9,
    fallSpeed: 0.9,
    drift: 0.25,
    spinSpeed: 2,
  },
  snow: { count: 48, seed: 'snow', palette: ['#FFFFFF', '#E8F0FF'].map(parseColor), minSize: 2, maxSize: 5, fallSpeed: 0.4, drift: 0.15, spinSpeed: 0.2 },
  sparkle: { count: 24, seed: 'sparkle', palette: ['#FFFFFF', '#FFF3C4'].map(parseColor), minSize: 1.5, maxSize: 4, fallSpeed: 0.08, drift: 0.1, spinSpeed: 1.5 },
};

const NUMBER_KEYS = ['minSize', 'maxSize', 'fallSpeed', 'drift', 'spinSpeed'] as const;
const KNOWN_KEYS = new Set(['kind', 'count', 'seed', 'palette', ...NUMBER_KEYS]);

/**
 * Resolves a spec's particles object over its kind's defaults.
 * @throws FluvieError `spec_invalid` naming `path` for an unknown kind or key, or a mistyped field.
 */
export function resolveParticleField(raw: Record<string, unknown>, path: string): ParticleField {
  const invalid = (key: string, expected: string): never => {
    throw new FluvieError('spec_invalid', `${path}.${key}: expected ${expected}, got ${JSON.stringify(raw[key])}.`);
  };
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(PARTICLE_KINDS as readonly string[]).includes(kind)) invalid('kind', `one of ${PARTICLE_KINDS.join(', ')}`);
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) throw new FluvieError('spec_invalid', `${path}: unknown particles key "${key}"; allowed: ${[...KNOWN_KEYS].join(', ')}.`);
  }
  const field: ParticleField = { kind: kind as ParticleKind, ...DEFAULTS[kind as ParticleKind] };

  if (raw.count !== undefined) {
    // NOTE: Fluvie accepts any integer; the 10 000 cap is ours, so one spec cannot stall a render.
    if (!Number.isInteger(raw.count) || (raw.count as number) < 0 || (raw.count as number) > 10_000) invalid('count', 'a whole number from 0 to 10000');
    field.count = raw.count as number;
  }
  if (raw.seed !== undefined) {
    if (typeof raw.seed !== 'string') invalid('seed', 'a string');
    field.seed = raw.seed as string;
  }
  if (raw.palette !== undefined) {
    const palette = raw.palette;
    if (!Array.isArray(palette) || palette.length === 0 || !palette.every((color) => typeof color === 'string' && isColor(color))) {
      invalid('palette', 'a non-empty list of "#RRGGBB" or "#AARRGGBB" colours');
    }
    field.palette = (palette as string[]).map(parseColor);
  }
  for (const key of NUMBER_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) invalid(key, 'a number');
    field[key] = value as number;
  }
  return field;
}

/** One particle's state on a frame: centre in local pixels, rotation in radians, size, colour index and alpha. */
export interface ParticleState {
  x: number;
  y: number;
  rotation: number;
  size: number;
  colorIndex: number;
  alpha: number;
}

/** Returns particle `index` of `field` at `progress` in a box of `width` × `height`. */
export function particleAt(field: ParticleField, index: number, progress: number, width: number, height: number): ParticleState {
  const base = `${field.seed}-${index}`;
  const lane = valueForSeed(`${base}-x`);
  const start = valueForSeed(`${base}-y`);
  const phase = valueForSeed(`${base}-p`);
  const scale = valueForSeed(`${base}-s`);
  const swing = valueForSeed(`${base}-d`);

  // The fall wraps within [0, 1), so particles leaving the bottom re-enter at the top.
  const fall = positiveModulo(start + progress * field.fallSpeed, 1);
  const wander = Math.sin((progress + phase) * 2 * Math.PI) * field.drift;
  const alpha = field.kind === 'sparkle' ? 0.35 + 0.65 * (0.5 + 0.5 * Math.sin((progress * field.spinSpeed + phase) * 2 * Math.PI)) : 1;
  return {
    x: positiveModulo(lane + wander, 1) * width,
    y: fall * height,
    rotation: (progress * field.spinSpeed + swing) * 2 * Math.PI,
    size: field.minSize + scale * (field.maxSize - field.minSize),
    colorIndex: index % field.palette.length,
    alpha,
  };
}

/**
 * Paints the field over a box of `width` × `height` at the origin, unclipped like Flutter's
 * foreground painter: confetti as rotated squares, snow and sparkle as circles.
 */
export function paintParticles(ctx: SKRSContext2D, field: ParticleField, progress: number, width: number, height: number, alpha: number): void {
  if (alpha <= 0 || field.count === 0) return;
  ctx.save();
  for (let i = 0; i < field.count; i += 1) {
    const particle = particleAt(field, i, progress, width, height);
    const color = field.palette[particle.colorIndex]!;
    // Flutter's `withValues(alpha:)` replaces the palette colour's alpha instead of multiplying it.
    ctx.fillStyle = `rgba(${color.r}, ${color.g}, ${color.b}, ${particle.alpha * alpha})`;
    if (field.kind === 'confetti') {
      ctx.save();
      ctx.translate(particle.x, particle.y);
      ctx.rotate(particle.rotation);
      ctx.fillRect(-particle.size / 2, -particle.size / 2, particle.size, particle.size);
      ctx.restore();
    } else {
      ctx.beginPath();
      ctx.arc(particle.x, particle.y, particle.size / 2, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  ctx.restore();
}

/** Returns `value` modulo `divisor` in [0, divisor), as Dart's `%` does for a positive divisor. */
function positiveModulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

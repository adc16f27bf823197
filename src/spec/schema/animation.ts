/**
 * Animations (`animate[]`): a named preset with its arguments, or a raw keyframe form, each
 * followed by the shared timing tail (duration, ease, spring, delay, at, stagger, repeat, label).
 */
import { z } from 'zod';
import {
  AlignmentSchema,
  ColorSchema,
  DurationSchema,
  EaseSchema,
  EdgeSchema,
  JsonObjectSchema,
  TimeSchema,
} from './primitives.js';
import { ParticlesSchema } from './effects.js';
import { named } from './registry.js';
import { TriggerSchema } from './trigger.js';

export const SPRING_NAMES = ['gentle', 'snappy', 'bouncy', 'stiff'] as const;

export const SpringSchema = named(
  z.union([
    z.enum(SPRING_NAMES),
    z.object({
      stiffness: z.number().positive(),
      damping: z.number().nonnegative(),
      mass: z.number().positive().optional(),
      initialVelocity: z.number().optional(),
    }),
  ]),
  'Spring',
);

export const STAGGER_ORIGINS = ['start', 'end', 'center', 'edges'] as const;

export const StaggerSchema = named(
  z.union([
    z.object({ each: TimeSchema }),
    z.object({ evenly: TimeSchema }),
    z.object({ from: z.enum(STAGGER_ORIGINS), /** Default 80ms. */ gap: TimeSchema.optional() }),
  ]),
  'Stagger',
  '{each: time} | {evenly: time} | {from: start|end|center|edges, gap?: time}.',
);

export const RepeatSchema = named(
  z.union([
    z.object({ forever: z.literal(true), yoyo: z.boolean().optional() }),
    z.object({ times: z.int().min(1), yoyo: z.boolean().optional(), gap: TimeSchema.optional() }),
  ]),
  'Repeat',
);

/** The timing fields every animation entry may carry. */
export const timingTail = {
  duration: DurationSchema.optional(),
  ease: EaseSchema.optional(),
  spring: SpringSchema.optional(),
  delay: TimeSchema.optional(),
  at: TriggerSchema.optional(),
  stagger: StaggerSchema.optional(),
  repeat: RepeatSchema.optional(),
  label: z.string().optional(),
};

export const PHASES = ['enter', 'exit', 'during'] as const;

export const KeyframeSchema = named(
  z.object({
    opacity: z.number().min(0).max(1).optional(),
    /** Fraction of the element's own width. */
    x: z.number().optional(),
    /** Fraction of the element's own height. */
    y: z.number().optional(),
    scale: z.number().optional(),
    scaleX: z.number().optional(),
    scaleY: z.number().optional(),
    /** Turns (1 = 360 degrees). */
    rotation: z.number().optional(),
    skewX: z.number().optional(),
    skewY: z.number().optional(),
    /** Gaussian sigma in logical pixels. */
    blur: z.number().nonnegative().optional(),
    color: ColorSchema.optional(),
    /** Default center. */
    origin: AlignmentSchema.optional(),
  }),
  'Keyframe',
);

const MASK_SHAPES = ['circle', 'rect', 'diagonal'] as const;

function preset<Name extends string, Shape extends z.ZodRawShape>(name: Name, args: Shape) {
  return z.object({ preset: z.literal(name), ...args, ...timingTail });
}

const audioReactive = { on: z.string().min(1).optional(), gain: z.number().optional(), track: z.string().min(1).optional() };

export const PresetAnimationSchema = z.discriminatedUnion('preset', [
  preset('fadeIn', {}),
  preset('fadeOut', {}),
  preset('slideIn', { from: EdgeSchema.optional() }),
  preset('slideOut', { to: EdgeSchema.optional() }),
  preset('slideFadeIn', { from: EdgeSchema.optional() }),
  preset('slideFadeOut', { to: EdgeSchema.optional() }),
  preset('pop', { overshoot: z.number().positive().optional() }),
  preset('scaleIn', { from: z.number().nonnegative().optional() }),
  preset('scaleOut', { to: z.number().nonnegative().optional() }),
  preset('blurIn', { sigma: z.number().nonnegative().optional() }),
  preset('blurOut', { sigma: z.number().nonnegative().optional() }),
  preset('grain', { amount: z.number().min(0).optional() }),
  preset('vignette', { amount: z.number().min(0).optional() }),
  preset('spin', { period: DurationSchema.optional() }),
  preset('drift', { to: EdgeSchema.optional(), distance: z.number().optional() }),
  preset('kenBurns', { zoom: z.number().positive().optional(), pan: EdgeSchema.optional() }),
  preset('maskWipeIn', { shape: z.enum(MASK_SHAPES).optional(), origin: AlignmentSchema.optional() }),
  preset('maskWipeOut', { shape: z.enum(MASK_SHAPES).optional(), origin: AlignmentSchema.optional() }),
  preset('glitchIn', { from: EdgeSchema.optional() }),
  preset('glitchOut', { to: EdgeSchema.optional() }),
  preset('float', { amplitude: z.number().optional(), period: DurationSchema.optional(), seed: z.union([z.string(), z.int()]).optional() }),
  preset('pulse', { ...audioReactive, min: z.number().optional(), max: z.number().optional(), period: DurationSchema.optional() }),
  preset('color', { to: ColorSchema }),
  preset('gradientShift', { to: z.array(ColorSchema).min(2) }),
  preset('scanlines', {}),
  preset('chromatic', { px: z.number().optional() }),
  preset('bloom', { amount: z.number().min(0).optional() }),
  preset('parallax', { depth: z.number().optional() }),
  preset('particles', { spec: ParticlesSchema }),
  preset('shader', { asset: z.string().min(1), uniforms: JsonObjectSchema.optional() }),
  preset('scaleY', audioReactive),
  preset('along', { path: z.string().min(1), orient: z.boolean().optional(), phase: z.enum(PHASES).optional() }),
]);

export const PRESET_NAMES = PresetAnimationSchema.options.map((option) => option.shape.preset.value);

/** Raw keyframe form: `{from}`, `{to}`, `{from, to}` or `{keyframes, easings?, positions?, phase?}`. */
export const RawAnimationSchema = z
  .object({
    from: KeyframeSchema.optional(),
    to: KeyframeSchema.optional(),
    keyframes: z.array(KeyframeSchema).min(1).optional(),
    easings: z.array(EaseSchema).optional(),
    positions: z.array(TimeSchema).optional(),
    phase: z.enum(PHASES).optional(),
    // Present only so that an unknown preset name is reported as such instead of being dropped.
    preset: z.never().optional(),
    ...timingTail,
  })
  .refine((raw) => raw.from !== undefined || raw.to !== undefined || raw.keyframes !== undefined, {
    message: `expected "preset" (one of ${PRESET_NAMES.join(', ')}) or a raw keyframe form with "from", "to" or "keyframes"`,
    params: { label: 'animation' },
  });

export const AnimationSchema = named(
  z.union([PresetAnimationSchema, RawAnimationSchema]),
  'Animation',
  'A preset {preset, ...args} or a raw keyframe form, plus the timing tail.',
);

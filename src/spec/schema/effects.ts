/** Element `effects`: pixel and transform effects applied inside the element's animations. */
import { z } from 'zod';
import { EdgeSchema, JsonObjectSchema, KeyframedNumberSchema } from './primitives.js';
import { named } from './registry.js';

export const EFFECT_KINDS = ['grain', 'vignette', 'scanlines', 'chromatic', 'grade', 'blur', 'bloom', 'glitch', 'particles', 'shader', 'curves', 'lut', 'parallax'] as const;

const number = KeyframedNumberSchema.optional();
const base = { /** Default true. */ enabled: z.boolean().optional() };

/** Particle emitter settings; only `kind` is checked, the rest is passed to the engine as is. */
export const ParticlesSchema = z.looseObject({ kind: z.string().min(1) });

const curvePoints = z.array(z.tuple([z.number(), z.number()])).min(2);

export const EffectSchema = named(
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('grain'), ...base, amount: number }),
    z.object({ kind: z.literal('vignette'), ...base, amount: number }),
    z.object({ kind: z.literal('scanlines'), ...base, spacing: number, opacity: number }),
    z.object({ kind: z.literal('chromatic'), ...base, px: number }),
    z.object({
      kind: z.literal('grade'),
      ...base,
      exposure: number,
      contrast: number,
      saturation: number,
      temperature: number,
      tint: number,
      intensity: number,
    }),
    z.object({ kind: z.literal('blur'), ...base, sigma: number }),
    z.object({ kind: z.literal('bloom'), ...base, amount: number }),
    z.object({ kind: z.literal('glitch'), ...base, intensity: number, reverse: z.boolean().optional(), from: EdgeSchema.optional() }),
    z.object({ kind: z.literal('particles'), ...base, particles: ParticlesSchema }),
    z.object({ kind: z.literal('shader'), ...base, asset: z.string().min(1), uniforms: JsonObjectSchema.optional() }),
    z.object({
      kind: z.literal('curves'),
      ...base,
      curves: z.object({ master: curvePoints.optional(), red: curvePoints.optional(), green: curvePoints.optional(), blue: curvePoints.optional() }),
      intensity: number,
    }),
    z.object({ kind: z.literal('lut'), ...base, asset: z.string().min(1).optional(), cube: z.string().min(1).optional(), intensity: number }),
    z.object({ kind: z.literal('parallax'), ...base, depth: number }),
  ]),
  'Effect',
  'An element effect; numeric parameters may be keyframed.',
);

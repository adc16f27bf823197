/** Scene backgrounds. Unlike element media, a background `source` is a plain string. */
import { z } from 'zod';
import { AlignmentSchema, ColorSchema, FitSchema } from './primitives.js';
import { named } from './registry.js';

export const BACKGROUND_KINDS = ['color', 'gradient', 'radial', 'image', 'video', 'noise', 'vhs'] as const;

const stops = z.array(z.number().min(0).max(1)).optional();

export const BackgroundSchema = named(
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('color'), color: ColorSchema }),
    z.object({
      kind: z.literal('gradient'),
      colors: z.array(ColorSchema).min(2),
      stops,
      /** Default topLeft. */
      begin: AlignmentSchema.optional(),
      /** Default bottomRight. */
      end: AlignmentSchema.optional(),
    }),
    z.object({ kind: z.literal('radial'), colors: z.array(ColorSchema).min(2), stops }),
    z.object({ kind: z.literal('image'), source: z.string().min(1), /** Default cover. */ fit: FitSchema.optional() }),
    z.object({ kind: z.literal('video'), source: z.string().min(1) }),
    z.object({ kind: z.literal('noise'), /** Cell size multiplier, default 1. */ scale: z.number().positive().optional() }),
    z.object({ kind: z.literal('vhs') }),
  ]),
  'Background',
  'A full-canvas scene background.',
);

/** Keys every element accepts, whatever its `type`. */
import { z } from 'zod';
import { AnimationSchema } from './animation.js';
import { EffectSchema } from './effects.js';
import { TimeSchema } from './primitives.js';
import { named } from './registry.js';
import { TransformSchema } from './style.js';

/** Visibility window inside the scene; a missing `from` is the scene start, a missing `to` its end. */
export const ShowWindowSchema = named(
  z
    .object({ from: TimeSchema.optional(), to: TimeSchema.optional() })
    .refine((show) => show.from !== undefined || show.to !== undefined, {
      message: 'expected at least one of "from" and "to"',
      params: { label: 'show window' },
    }),
  'ShowWindow',
);

export const elementBase = {
  /** Editor id; element transitions and steps refer to it. */
  id: z.string().min(1).optional(),
  transform: TransformSchema.optional(),
  /** Document-wide name that `whenEnds` / `whenStarts` triggers refer to. */
  anchor: z.string().min(1).optional(),
  /** Shared-element key matched across scenes. */
  shared: z.string().min(1).optional(),
  /** false hides the element entirely (default true). */
  visible: z.boolean().optional(),
  show: ShowWindowSchema.optional(),
  animate: z.array(AnimationSchema).optional(),
  lane: z.string().min(1).optional(),
  effects: z.array(EffectSchema).optional(),
};

/** Builds the schema of one element type from its type-specific props. */
export function elementType<Type extends string, Props extends z.ZodRawShape>(type: Type, props: Props) {
  return z.object({ type: z.literal(type), ...elementBase, ...props });
}

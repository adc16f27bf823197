/** Scene transitions (`transition`, `enter`, `exit`) and element transitions inside a scene. */
import { z } from 'zod';
import { AlignmentSchema, DurationSchema, EaseSchema, EdgeSchema } from './primitives.js';
import { named } from './registry.js';

export const TRANSITION_KINDS = ['cut', 'crossFade', 'wipe', 'zoom', 'slide'] as const;

const timed = {
  duration: DurationSchema,
  /** Default true: the scenes overlap by the transition length, which shortens the video. */
  overlap: z.boolean().optional(),
  /** Default linear. */
  ease: EaseSchema.optional(),
};

function transitionUnion<Extra extends z.ZodRawShape>(extra: Extra) {
  return z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('cut'), ...extra }),
    z.object({ kind: z.literal('crossFade'), ...timed, ...extra }),
    z.object({ kind: z.literal('wipe'), ...timed, direction: EdgeSchema.optional(), ...extra }),
    z.object({ kind: z.literal('zoom'), ...timed, into: AlignmentSchema.optional(), ...extra }),
    z.object({ kind: z.literal('slide'), ...timed, from: EdgeSchema.optional(), ...extra }),
  ]);
}

export const TransitionSchema = named(
  transitionUnion({}),
  'Transition',
  'cut, or a timed crossFade, wipe {direction}, zoom {into} or slide {from} with duration, overlap (default true) and ease (default linear).',
);

/** A transition between two elements of one scene, named by their ids. */
export const ElementTransitionSchema = named(
  transitionUnion({ between: z.tuple([z.string().min(1), z.string().min(1)]) }),
  'ElementTransition',
  'A transition between the two elements whose ids are in `between`.',
);

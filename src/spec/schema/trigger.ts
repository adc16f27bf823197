/** Animation and sound triggers (`at`): when a span starts. */
import { z } from 'zod';
import { TimeSchema } from './primitives.js';
import { named } from './registry.js';

export const TRIGGER_NAMES = ['auto', 'sceneStart', 'sceneEnd', 'previous'] as const;

export const TriggerSchema = named(
  z.union([
    z.enum(TRIGGER_NAMES),
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('at'), time: TimeSchema }),
      z.object({ kind: z.literal('beat'), every: z.int().min(1).optional(), track: z.string().min(1).optional() }),
      z.object({ kind: z.literal('whenEnds'), anchor: z.string().min(1) }),
      z.object({ kind: z.literal('whenStarts'), anchor: z.string().min(1) }),
    ]),
  ]),
  'Trigger',
  'auto, sceneStart, sceneEnd, previous, or {kind: at|beat|whenEnds|whenStarts}.',
);

export const TRIGGER_KINDS = ['at', 'beat', 'whenEnds', 'whenStarts'] as const;

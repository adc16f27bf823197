/** Scenes, motion defaults and master layouts. */
import { z } from 'zod';
import { StaggerSchema } from './animation.js';
import { AudioTrackSchema } from './audio.js';
import { BackgroundSchema } from './background.js';
import { ElementSchema } from './element.js';
import { DurationSchema, EaseSchema } from './primitives.js';
import { named } from './registry.js';
import { ElementTransitionSchema, TransitionSchema } from './transition.js';

export const MotionDefaultsSchema = named(
  z.object({ duration: DurationSchema.optional(), ease: EaseSchema.optional(), stagger: StaggerSchema.optional() }),
  'MotionDefaults',
  'Default duration, ease and stagger for animations that do not set their own.',
);

export const SCENE_LAYOUTS = ['stack', 'canvas'] as const;

export const NotesSchema = z.object({ text: z.string().optional(), highlights: z.array(z.string()).optional() });

export const SceneSchema = named(
  z.object({
    /** Length of the scene; may not be relative. */
    duration: DurationSchema,
    background: BackgroundSchema.optional(),
    children: z.array(ElementSchema).optional(),
    /** Transition into this scene; wins over the previous scene's `exit` and the video `transition`. */
    enter: TransitionSchema.nullable().optional(),
    /** Transition out of this scene. */
    exit: TransitionSchema.nullable().optional(),
    motionDefaults: MotionDefaultsSchema.optional(),
    /** Default stack. Recorded for editors; both layouts place elements the same way. */
    layout: z.enum(SCENE_LAYOUTS).optional(),
    /** Name of an entry in the video's `masters`. */
    master: z.string().min(1).optional(),
    /** Elements that fill the master's placeholder slots, keyed by slot name. */
    fills: z.record(z.string(), ElementSchema).optional(),
    audio: z.array(AudioTrackSchema).optional(),
    transitions: z.array(ElementTransitionSchema).optional(),
    steps: z.array(z.object({ elements: z.array(z.string()).optional(), notes: NotesSchema.optional() })).optional(),
    notes: NotesSchema.optional(),
  }),
  'Scene',
);

export const MasterSchema = named(
  z.object({
    background: BackgroundSchema.optional(),
    layout: z.enum(SCENE_LAYOUTS).optional(),
    children: z.array(ElementSchema).optional(),
  }),
  'Master',
  'A reusable scene layout; its Placeholder elements are filled per scene.',
);

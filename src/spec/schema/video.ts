/** The top level of a VideoSpec document (schema version 1). */
import { z } from 'zod';
import { SIZE_PRESET_NAMES, MAX_AXIS_PX, MIN_AXIS_PX, type SizePresetName } from '../size.js';
import { AudioTrackSchema } from './audio.js';
import { ElementSchema } from './element.js';
import { HexColorSchema, JsonObjectSchema, TimeSchema } from './primitives.js';
import { named } from './registry.js';
import { MasterSchema, MotionDefaultsSchema, SceneSchema } from './scene.js';
import { TextStyleSchema } from './style.js';
import { TransitionSchema } from './transition.js';

const axis = z.int().min(MIN_AXIS_PX).max(MAX_AXIS_PX);

export const VideoSizeSchema = named(
  z.union([z.enum(SIZE_PRESET_NAMES as readonly SizePresetName[] as [SizePresetName, ...SizePresetName[]]), z.object({ width: axis, height: axis })]),
  'VideoSize',
  `A preset (${SIZE_PRESET_NAMES.join(', ')}) or {width, height} in pixels, each ${MIN_AXIS_PX}..${MAX_AXIS_PX}.`,
);

export const MP4_QUALITIES = ['low', 'medium', 'high', 'max'] as const;

export const ExportSchema = named(
  z.discriminatedUnion('mode', [
    z.object({
      mode: z.literal('mp4'),
      /** Default high. */
      quality: z.enum(MP4_QUALITIES).optional(),
      codec: z.string().min(1).optional(),
      crf: z.int().min(0).max(63).optional(),
      preset: z.string().min(1).optional(),
      pixelFormat: z.string().min(1).optional(),
    }),
    z.object({ mode: z.literal('gif'), /** Frames per second, default 15. */ fps: z.int().min(1).max(120).optional() }),
    z.object({ mode: z.literal('imageSequence'), format: z.literal('png').optional() }),
    z.object({ mode: z.literal('transparent') }),
  ]),
  'Export',
);

export const ThemeSchema = named(
  z.object({
    palette: z.record(z.string(), HexColorSchema).optional(),
    typeScale: z.record(z.string(), TextStyleSchema).optional(),
    spacing: z.record(z.string(), z.number()).optional(),
    motion: MotionDefaultsSchema.optional(),
  }),
  'Theme',
  'Design tokens that `{"token": name}` references resolve against.',
);

export const LaneSchema = named(
  z.object({
    id: z.string().min(1),
    name: z.string().optional(),
    kind: z.enum(['video', 'audio']).optional(),
    muted: z.boolean().optional(),
    locked: z.boolean().optional(),
    hidden: z.boolean().optional(),
    solo: z.boolean().optional(),
    /** Gain factor for audio lanes, >= 0. */
    gain: z.number().nonnegative().optional(),
    /** Row height in the editor, logical pixels. */
    height: z.number().positive().optional(),
  }),
  'Lane',
);

export const VideoSpecSchema = named(
  z.object({
    /** Schema version; must be 1. */
    fluvieSpec: z.literal(1).optional(),
    /** Default reels (1080x1920). */
    size: VideoSizeSchema.optional(),
    /** Frames per second, 1..120, default 30. */
    fps: z.int().min(1).max(120).optional(),
    poster: TimeSchema.nullable().optional(),
    export: ExportSchema.optional(),
    motionDefaults: MotionDefaultsSchema.optional(),
    /** Default scene-to-scene transition; null or absent is a hard cut. */
    transition: TransitionSchema.nullable().optional(),
    scenes: z.array(SceneSchema).min(1),
    theme: ThemeSchema.optional(),
    masters: z.record(z.string(), MasterSchema).optional(),
    audio: z.array(AudioTrackSchema).optional(),
    lanes: z.array(LaneSchema).optional(),
    overlays: z.array(ElementSchema).optional(),
    /** Opaque data of editing tools; kept as is. */
    editor: JsonObjectSchema.optional(),
  }),
  'VideoSpec',
  'A Fluvie VideoSpec document, schema version 1.',
);

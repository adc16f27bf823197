/** Audio tracks (`audio[]` on the video or a scene): music beds and sound effects. */
import { z } from 'zod';
import { DurationSchema, KeyframedNumberSchema, MediaSourceSchema, TimeSchema } from './primitives.js';
import { named } from './registry.js';
import { TriggerSchema } from './trigger.js';

const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Adds the per-kind shape rules Fluvie applies to audio sources. */
export const AudioSourceSchema = MediaSourceSchema.superRefine((source, context) => {
  const problem = audioSourceProblem(source.kind, source.value);
  if (problem !== null) context.addIssue({ code: 'custom', path: ['value'], message: problem, params: { label: `${source.kind} source` } });
});

function audioSourceProblem(kind: string, value: string): string | null {
  switch (kind) {
    case 'asset':
      return value.startsWith('/') || URL_SCHEME.test(value) ? 'expected a bundle key such as "audio/bed.mp3" (no leading "/", not a URL)' : null;
    case 'file':
      return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) ? null : 'expected an absolute file path such as "/home/me/bed.mp3"';
    case 'network':
      return isHttpUrlWithHost(value) ? null : 'expected an http(s) URL with a host, such as "https://example.com/bed.mp3"';
    default:
      return null;
  }
}

function isHttpUrlWithHost(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const notOnSfx = (name: string) =>
  z.never({ message: `"${name}" is not allowed on an sfx track; only music tracks take fadeIn, fadeOut, loop, trim and track` }).optional();

const automation = z.object({ volume: KeyframedNumberSchema.optional() });

export const AudioTrackSchema = named(
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('music'),
      source: AudioSourceSchema,
      /** Gain factor, >= 0, default 1. */
      volume: z.number().nonnegative().optional(),
      fadeIn: DurationSchema.optional(),
      fadeOut: DurationSchema.optional(),
      loop: z.boolean().optional(),
      trim: z.object({ from: TimeSchema.optional(), to: TimeSchema.optional() }).optional(),
      /** Anchor id other parts (beat triggers, audio-reactive presets) use to name this track. */
      track: z.string().min(1).optional(),
      at: TriggerSchema.optional(),
      automation: automation.optional(),
      lane: z.string().min(1).optional(),
    }),
    z.object({
      kind: z.literal('sfx'),
      source: AudioSourceSchema,
      at: TriggerSchema.optional(),
      volume: z.number().nonnegative().optional(),
      automation: automation.optional(),
      lane: z.string().min(1).optional(),
      fadeIn: notOnSfx('fadeIn'),
      fadeOut: notOnSfx('fadeOut'),
      loop: notOnSfx('loop'),
      trim: notOnSfx('trim'),
      track: notOnSfx('track'),
    }),
  ]),
  'AudioTrack',
  'A music bed or a sound effect.',
);

/** Media element types: Image, Clip, WebView, Html. */
import { z } from 'zod';
import { elementType } from './element-base.js';
import { FitSchema, FractionSchema, KeyframedNumberSchema, MediaSourceSchema, TimeSchema } from './primitives.js';
import { named } from './registry.js';

export const IMAGE_FRAME_STYLES = ['none', 'rounded', 'card', 'polaroid'] as const;

export const ImageElementSchema = named(
  elementType('Image', {
    source: MediaSourceSchema,
    /** Default scaleDown. */
    fit: FitSchema.optional(),
    /** Logical pixels. */
    cornerRadius: z.number().nonnegative().optional(),
    /** Region of the image to show, fractions 0..1. */
    crop: z.object({ x: FractionSchema, y: FractionSchema, w: FractionSchema, h: FractionSchema }).optional(),
    frame: z
      .object({
        style: z.enum(IMAGE_FRAME_STYLES),
        radius: z.number().nonnegative().optional(),
        elevation: z.number().nonnegative().optional(),
        caption: z.string().optional(),
      })
      .optional(),
  }),
  'ImageElement',
);

export const ClipElementSchema = named(
  elementType('Clip', {
    source: MediaSourceSchema,
    trim: z.object({ from: TimeSchema.optional(), to: TimeSchema.optional() }).optional(),
    fit: FitSchema.optional(),
    /** Gain factor, >= 0. */
    volume: z.number().nonnegative().optional(),
    automation: z.object({ volume: KeyframedNumberSchema.optional() }).optional(),
    fadeIn: TimeSchema.optional(),
    fadeOut: TimeSchema.optional(),
    poster: MediaSourceSchema.optional(),
    /** Playback rate, non-zero; negative plays in reverse. May be keyframed. */
    speed: KeyframedNumberSchema.refine((speed) => speed !== 0, { message: 'expected a non-zero speed; use a negative value to reverse', params: { label: 'speed' } }).optional(),
  }),
  'ClipElement',
);

export const ViewportSchema = z.object({ width: z.number().positive(), height: z.number().positive(), deviceScale: z.number().positive().optional() });

export const WebViewElementSchema = named(
  elementType('WebView', {
    uri: z.string().min(1),
    viewport: ViewportSchema.optional(),
    scroll: z.object({ x: z.number(), y: z.number() }).optional(),
    clip: z.object({ x: z.number(), y: z.number(), w: z.number().positive(), h: z.number().positive() }).optional(),
    fit: FitSchema.optional(),
  }),
  'WebViewElement',
  'Experimental: a captured web page.',
);

export const HtmlElementSchema = named(
  elementType('Html', { source: z.string(), viewport: ViewportSchema.optional(), fit: FitSchema.optional() }),
  'HtmlElement',
);

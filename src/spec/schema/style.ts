/** Text style, element transform (placement on the canvas) and box decoration schemas. */
import { z } from 'zod';
import { AlignmentSchema, ColorSchema, PointSchema } from './primitives.js';
import { named } from './registry.js';

export const FONT_WEIGHTS = ['normal', 'bold', 'w100', 'w200', 'w300', 'w400', 'w500', 'w600', 'w700', 'w800', 'w900'] as const;
export const FONT_STYLES = ['normal', 'italic'] as const;
export const TEXT_ALIGNS = ['left', 'right', 'center', 'justify', 'start', 'end'] as const;

export const TextStyleSchema = named(
  z.object({
    color: ColorSchema.optional(),
    /** Logical pixels. */
    fontSize: z.number().positive().optional(),
    fontWeight: z.enum(FONT_WEIGHTS).optional(),
    fontStyle: z.enum(FONT_STYLES).optional(),
    fontFamily: z.string().min(1).optional(),
    /** Logical pixels added between glyphs. */
    letterSpacing: z.number().optional(),
    /** Line height as a multiple of fontSize. */
    height: z.number().positive().optional(),
    /** Name of a `theme.typeScale` entry that this style is merged over. */
    token: z.string().min(1).optional(),
  }),
  'TextStyle',
  'Text style; unset fields keep the default (14 px, normal weight, white).',
);

export const TransformSchema = named(
  z.object({
    /** Fraction of the parent width where the anchor point sits. */
    x: z.number(),
    /** Fraction of the parent height where the anchor point sits. */
    y: z.number(),
    /** Width as a fraction of the parent; used only together with `h`. */
    w: z.number().nonnegative().optional(),
    /** Height as a fraction of the parent; used only together with `w`. */
    h: z.number().nonnegative().optional(),
    /** Degrees clockwise, default 0. */
    rotation: z.number().optional(),
    /** Point of the element's own box placed at (x, y); default center. */
    anchor: AlignmentSchema.optional(),
    /** 0..1, default 1. */
    opacity: z.number().min(0).max(1).optional(),
  }),
  'Transform',
  'Placement in fractions of the parent box (the canvas, or the enclosing Group).',
);

export const GradientFillSchema = z.object({
  colors: z.array(ColorSchema).min(2),
  stops: z.array(z.number().min(0).max(1)).optional(),
  begin: AlignmentSchema.optional(),
  end: AlignmentSchema.optional(),
});

// NOTE: the decoration keys come from Fluvie's own example documents, not from a published schema,
// so a key Fluvie accepts but this list lacks is reported as an unknown property (a warning).
export const BoxDecorationSchema = named(
  z.object({
    color: ColorSchema.optional(),
    /** Logical pixels. */
    cornerRadius: z.number().nonnegative().optional(),
    border: z.object({ color: ColorSchema, width: z.number().nonnegative() }).optional(),
    shadow: z
      .object({ color: ColorSchema.optional(), blur: z.number().nonnegative().optional(), offset: PointSchema.optional() })
      .optional(),
    gradient: GradientFillSchema.optional(),
  }),
  'BoxDecoration',
);

export const TextSpanSchema = z.object({
  text: z.string(),
  style: TextStyleSchema.optional(),
  link: z.string().optional(),
});

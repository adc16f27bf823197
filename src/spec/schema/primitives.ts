/**
 * Value schemas shared by every part of the VideoSpec model: times, colours, alignments, edges,
 * eases, fits, media sources, points, rects and keyframed numbers.
 */
import { z } from 'zod';
import { ALIGNMENT_NAMES, type AlignmentName } from '../alignment.js';
import { COLOR_PATTERN } from '../color.js';
import { TIME_FORMS, TIME_PATTERN, tryParseTime, type TimeValue } from '../time.js';
import { named } from './registry.js';

/** Label attached to refinement issues so diagnostics can name the kind of value that failed. */
export interface IssueLabel {
  readonly label: string;
  /** Diagnostic code to report instead of the generic `invalid`. */
  readonly code?: string;
}

export const TimeSchema = named(
  z.string().regex(TIME_PATTERN, { message: `expected a time: ${TIME_FORMS}` }),
  'Time',
  `A time: ${TIME_FORMS}, for example "30f", "0.5s", "500ms", "0.3r" or "0.2r@0.8s".`,
);

function isPositiveTime(value: TimeValue): boolean {
  switch (value.kind) {
    case 'frames':
      return value.frames > 0;
    case 'seconds':
      return value.seconds > 0;
    case 'ms':
      return value.ms > 0;
    case 'relative':
      return value.fraction > 0 && (value.cap === null || isPositiveTime(value.cap));
  }
}

/** A time that must be longer than zero (durations). */
export const DurationSchema = named(
  z
    .string()
    .regex(TIME_PATTERN, { message: `expected a time: ${TIME_FORMS}` })
    .refine(
      (text) => {
        const parsed = tryParseTime(text);
        return parsed === null || isPositiveTime(parsed);
      },
      { message: 'expected a duration greater than zero, for example "30f" or "1s"', params: { label: 'duration', code: 'zero_duration' } satisfies IssueLabel },
    ),
  'Duration',
  'A time greater than zero.',
);

export const HexColorSchema = named(
  z.string().regex(COLOR_PATTERN, { message: 'expected "#RRGGBB" or "#AARRGGBB" in hex' }),
  'HexColor',
  '"#RRGGBB" (opaque) or "#AARRGGBB" (alpha first).',
);

/** A reference to a value of the document's `theme`. */
export const TokenRefSchema = named(z.object({ token: z.string().min(1) }), 'TokenRef', 'A reference to a theme token by name.');

export const ColorSchema = named(z.union([HexColorSchema, TokenRefSchema]), 'Color', 'A hex colour or a theme token reference.');

export const AlignmentPointSchema = z.object({ x: z.number().min(-1).max(1), y: z.number().min(-1).max(1) });

export const AlignmentSchema = named(
  z.union([z.enum(ALIGNMENT_NAMES as readonly AlignmentName[] as [AlignmentName, ...AlignmentName[]]), AlignmentPointSchema]),
  'Alignment',
  'An alignment name or an {x, y} point, each axis in -1..1 with (0,0) at the centre.',
);

export const EDGE_NAMES = ['left', 'right', 'top', 'bottom'] as const;
export const EdgeSchema = z.enum(EDGE_NAMES);

export const EASE_NAMES = ['linear', 'smooth', 'snappy', 'gentle', 'in', 'out', 'inOut', 'back', 'bounce', 'elastic'] as const;

/** An ease name or a cubic Bézier `{cubic: [x1, y1, x2, y2]}`. */
export const EaseSchema = named(
  z.union([z.enum(EASE_NAMES), z.object({ cubic: z.tuple([z.number(), z.number(), z.number(), z.number()]) })]),
  'Ease',
  `An ease name (${EASE_NAMES.join(', ')}) or a cubic Bézier {cubic: [x1, y1, x2, y2]}.`,
);

/** Flutter's BoxFit values. */
export const BOX_FITS = ['fill', 'contain', 'cover', 'fitWidth', 'fitHeight', 'none', 'scaleDown'] as const;
export const FitSchema = z.enum(BOX_FITS);

export const MEDIA_SOURCE_KINDS = ['asset', 'network', 'file', 'bundle'] as const;

/** Where a media file comes from: a bundle key, a URL, an absolute path or a bundle-relative path. */
export const MediaSourceSchema = named(
  z.object({ kind: z.enum(MEDIA_SOURCE_KINDS), value: z.string().min(1) }),
  'MediaSource',
  'asset = bundle key, network = http(s) URL, file = absolute path, bundle = bundle-relative path.',
);

/** A point in logical pixels. */
export const PointSchema = z.object({ x: z.number(), y: z.number() });

/** A rectangle; pixels or fractions depending on the property. */
export const RectSchema = z.object({ x: z.number(), y: z.number(), w: z.number().nonnegative(), h: z.number().nonnegative() });

export const FractionSchema = z.number().min(0).max(1);

/** A number that may change over time: `values` at `positions` (times), eased per segment. */
export const KeyframedNumberSchema = named(
  z.union([
    z.number(),
    z.object({
      values: z.array(z.number()).min(1),
      positions: z.array(TimeSchema).min(1),
      easings: z.array(EaseSchema).optional(),
    }),
  ]),
  'KeyframedNumber',
  'A number, or {values, positions, easings?} stops over time.',
);

/** Any JSON object, for opaque tool data and shader uniforms. */
export const JsonObjectSchema = z.record(z.string(), z.unknown());

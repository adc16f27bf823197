/** Drawn element types: Box, Shape, Arrow, Connector, Chart, Mermaid, Bars. */
import { z } from 'zod';
import { elementType } from './element-base.js';
import { ColorSchema, FitSchema, FractionSchema, PointSchema, RectSchema, TimeSchema } from './primitives.js';
import { named } from './registry.js';
import { StaggerSchema } from './animation.js';
import { BoxDecorationSchema } from './style.js';

export const BoxElementSchema = named(
  elementType('Box', {
    color: ColorSchema.optional(),
    /** Fractions of the parent box; without it the Box fills its parent. */
    size: z.object({ width: FractionSchema, height: FractionSchema }).optional(),
    decoration: BoxDecorationSchema.optional(),
  }).refine((box) => box.color === undefined || box.decoration === undefined, {
    message: 'expected either "color" or "decoration", not both; put the colour inside "decoration"',
    params: { label: 'Box element' },
  }),
  'BoxElement',
);

export const SHAPE_KINDS = ['line', 'rect', 'circle', 'path'] as const;

const stroke = {
  color: ColorSchema.optional(),
  /** Logical pixels. */
  strokeWidth: z.number().positive().optional(),
  /** Draw-on length. */
  reveal: TimeSchema.optional(),
};

export const ShapeElementSchema = named(
  elementType('Shape', {
    kind: z.enum(SHAPE_KINDS),
    from: PointSchema.optional(),
    to: PointSchema.optional(),
    rect: RectSchema.optional(),
    center: PointSchema.optional(),
    radius: z.number().positive().optional(),
    /** SVG path data using M, L, H, V, C, Q and Z. */
    path: z.string().min(1).optional(),
    ...stroke,
  }).superRefine((shape, context) => {
    const required: Record<(typeof SHAPE_KINDS)[number], readonly string[]> = {
      line: ['from', 'to'],
      rect: ['rect'],
      circle: ['center', 'radius'],
      path: ['path'],
    };
    for (const key of required[shape.kind]) {
      if ((shape as Record<string, unknown>)[key] === undefined) {
        context.addIssue({ code: 'custom', path: [key], message: `a "${shape.kind}" Shape needs "${required[shape.kind].join('" and "')}"`, params: { label: 'missing', missing: true } });
      }
    }
  }),
  'ShapeElement',
);

export const ArrowElementSchema = named(
  elementType('Arrow', { from: PointSchema, to: PointSchema, ...stroke, /** Logical pixels, default 16. */ headLength: z.number().positive().optional() }),
  'ArrowElement',
);

export const ConnectorElementSchema = named(
  elementType('Connector', { from: PointSchema, to: PointSchema, elbow: z.boolean().optional(), ...stroke }),
  'ConnectorElement',
);

export const CHART_VARIANTS = ['bar', 'pie', 'donut', 'line', 'area', 'scatter'] as const;

export const ChartElementSchema = named(
  elementType('Chart', {
    variant: z.enum(CHART_VARIANTS),
    /** Ordered label -> value map. */
    data: z.record(z.string(), z.number()).optional(),
    series: z.array(z.object({ name: z.string(), color: ColorSchema.optional(), data: z.record(z.string(), z.number()) })).optional(),
    points: z.array(z.object({ x: z.number(), y: z.number(), label: z.string().optional() })).optional(),
    /** Default 0.6r of the element scope. */
    reveal: TimeSchema.optional(),
    stagger: StaggerSchema.optional(),
    /** Donut hole as a fraction of the radius, default 0.6. */
    innerRadius: FractionSchema.optional(),
  }),
  'ChartElement',
);

export const MermaidElementSchema = named(
  elementType('Mermaid', {
    source: z.string(),
    theme: z.string().optional(),
    reveal: z.looseObject({ kind: z.string().min(1), window: TimeSchema.optional() }).optional(),
    fit: FitSchema.optional(),
  }),
  'MermaidElement',
);

export const BarsElementSchema = named(
  elementType('Bars', {
    /** Default 24. */
    count: z.int().min(1).optional(),
    /** Audio band name, default bass. */
    band: z.string().min(1).optional(),
    /** Default 1. */
    gain: z.number().optional(),
    track: z.string().min(1).optional(),
  }),
  'BarsElement',
);

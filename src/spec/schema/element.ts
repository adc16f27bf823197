/**
 * The element union, discriminated on `type`. Element types that contain other elements (Group,
 * the wrappers) live here, because their `child` / `children` refer to the union itself. Their
 * TypeScript types are interfaces over the inferred non-recursive part, which keeps TypeScript's
 * inference from running in a circle.
 */
import { z } from 'zod';
import { elementBase } from './element-base.js';
import { ArrowElementSchema, BarsElementSchema, BoxElementSchema, ChartElementSchema, ConnectorElementSchema, MermaidElementSchema, ShapeElementSchema } from './elements-graphics.js';
import { ClipElementSchema, HtmlElementSchema, ImageElementSchema, WebViewElementSchema } from './elements-media.js';
import {
  CodeElementSchema,
  CounterElementSchema,
  MarkdownElementSchema,
  SplitTextElementSchema,
  TerminalElementSchema,
  TextElementSchema,
  TypewriterElementSchema,
} from './elements-text.js';
import { ColorSchema, FitSchema, PointSchema, RectSchema, TimeSchema } from './primitives.js';
import { named, specRegistry } from './registry.js';
import { TextStyleSchema } from './style.js';

const lazyElement = z.lazy((): z.ZodType<ElementSpec> => ElementSchema);

const GroupBase = z.object({ type: z.literal('Group'), ...elementBase });
const SnapshotBase = z.object({ type: z.literal('Snapshot'), ...elementBase, fit: FitSchema.optional() });
const DeviceFrameBase = z.object({
  type: z.literal('DeviceFrame'),
  ...elementBase,
  variant: z.enum(['phone', 'browser', 'tablet']).optional(),
  notch: z.boolean().optional(),
  url: z.string().optional(),
});
const CalloutBase = z.object({
  type: z.literal('Callout'),
  ...elementBase,
  label: z.string(),
  /** Logical pixels inside the element box. */
  target: PointSchema,
  labelAt: PointSchema.optional(),
  color: ColorSchema.optional(),
});
const SpotlightBase = z.object({
  type: z.literal('Spotlight'),
  ...elementBase,
  /** Logical pixels inside the element box. */
  region: RectSchema,
  reveal: TimeSchema.optional(),
  color: ColorSchema.optional(),
});
const LowerThirdBase = z.object({
  type: z.literal('LowerThird'),
  ...elementBase,
  name: z.string(),
  title: z.string().optional(),
  reveal: TimeSchema.optional(),
  /** Bar colour, default #CC101418. */
  color: ColorSchema.optional(),
});
const TitleCardBase = z.object({
  type: z.literal('TitleCard'),
  ...elementBase,
  title: z.string(),
  subtitle: z.string().optional(),
  reveal: TimeSchema.optional(),
  /** Text colour, default #FFFFFFFF. */
  color: ColorSchema.optional(),
});

export interface GroupElement extends z.infer<typeof GroupBase> {
  /** Child transforms are fractions of the group box. */
  children: ElementSpec[];
}
export interface SnapshotElement extends z.infer<typeof SnapshotBase> {
  child: ElementSpec;
}
export interface DeviceFrameElement extends z.infer<typeof DeviceFrameBase> {
  child?: ElementSpec | undefined;
}
export interface CalloutElement extends z.infer<typeof CalloutBase> {
  child?: ElementSpec | undefined;
}
export interface SpotlightElement extends z.infer<typeof SpotlightBase> {
  child?: ElementSpec | undefined;
}
export interface LowerThirdElement extends z.infer<typeof LowerThirdBase> {
  /** Drawn behind the bar, full size. */
  child?: ElementSpec | undefined;
}
export interface TitleCardElement extends z.infer<typeof TitleCardBase> {
  /** Drawn behind the title block, full size. */
  child?: ElementSpec | undefined;
}

export const GroupElementSchema = named(GroupBase.extend({ children: z.array(lazyElement) }), 'GroupElement');
export const SnapshotElementSchema = named(SnapshotBase.extend({ child: lazyElement }), 'SnapshotElement');
export const DeviceFrameElementSchema = named(DeviceFrameBase.extend({ child: lazyElement.optional() }), 'DeviceFrameElement');
export const CalloutElementSchema = named(CalloutBase.extend({ child: lazyElement.optional() }), 'CalloutElement');
export const SpotlightElementSchema = named(SpotlightBase.extend({ child: lazyElement.optional() }), 'SpotlightElement');
export const LowerThirdElementSchema = named(LowerThirdBase.extend({ child: lazyElement.optional() }), 'LowerThirdElement');
export const TitleCardElementSchema = named(TitleCardBase.extend({ child: lazyElement.optional() }), 'TitleCardElement');

/** A slot in a master layout, filled by a scene's `fills[slot]`. */
export const PlaceholderElementSchema = named(
  z.object({ type: z.literal('Placeholder'), ...elementBase, slot: z.string().min(1), style: TextStyleSchema.optional() }),
  'PlaceholderElement',
);

const ElementUnionSchema = z.discriminatedUnion('type', [
  TextElementSchema,
  SplitTextElementSchema,
  TypewriterElementSchema,
  MarkdownElementSchema,
  TerminalElementSchema,
  CodeElementSchema,
  ChartElementSchema,
  MermaidElementSchema,
  WebViewElementSchema,
  HtmlElementSchema,
  BarsElementSchema,
  LowerThirdElementSchema,
  TitleCardElementSchema,
  SnapshotElementSchema,
  DeviceFrameElementSchema,
  CalloutElementSchema,
  SpotlightElementSchema,
  BoxElementSchema,
  ImageElementSchema,
  CounterElementSchema,
  ShapeElementSchema,
  ArrowElementSchema,
  ConnectorElementSchema,
  ClipElementSchema,
  GroupElementSchema,
  PlaceholderElementSchema,
]);

export type ElementSpec =
  | z.infer<typeof TextElementSchema>
  | z.infer<typeof SplitTextElementSchema>
  | z.infer<typeof TypewriterElementSchema>
  | z.infer<typeof MarkdownElementSchema>
  | z.infer<typeof TerminalElementSchema>
  | z.infer<typeof CodeElementSchema>
  | z.infer<typeof ChartElementSchema>
  | z.infer<typeof MermaidElementSchema>
  | z.infer<typeof WebViewElementSchema>
  | z.infer<typeof HtmlElementSchema>
  | z.infer<typeof BarsElementSchema>
  | LowerThirdElement
  | TitleCardElement
  | SnapshotElement
  | DeviceFrameElement
  | CalloutElement
  | SpotlightElement
  | z.infer<typeof BoxElementSchema>
  | z.infer<typeof ImageElementSchema>
  | z.infer<typeof CounterElementSchema>
  | z.infer<typeof ShapeElementSchema>
  | z.infer<typeof ArrowElementSchema>
  | z.infer<typeof ConnectorElementSchema>
  | z.infer<typeof ClipElementSchema>
  | GroupElement
  | z.infer<typeof PlaceholderElementSchema>;

/** Every element, discriminated by `type`. */
export const ElementSchema: z.ZodType<ElementSpec> = ElementUnionSchema;
specRegistry.add(ElementSchema, { id: 'Element', description: 'An element, discriminated by `type`.' });

export const ELEMENT_TYPES: readonly ElementSpec['type'][] = ElementUnionSchema.options.map((option) => option.shape.type.value);

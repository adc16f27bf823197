/** TypeScript types inferred from the VideoSpec schemas (the parsed, validated shapes). */
import type { z } from 'zod';
import type { AnimationSchema, KeyframeSchema, PresetAnimationSchema, RawAnimationSchema, RepeatSchema, SpringSchema, StaggerSchema } from './animation.js';
import type { AudioTrackSchema } from './audio.js';
import type { BackgroundSchema } from './background.js';
import type { EffectSchema } from './effects.js';
import type { ShowWindowSchema } from './element-base.js';
import type { ElementSpec } from './element.js';
import type { PlaceholderElementSchema } from './element.js';
import type { ArrowElementSchema, BarsElementSchema, BoxElementSchema, ChartElementSchema, ConnectorElementSchema, MermaidElementSchema, ShapeElementSchema } from './elements-graphics.js';
import type { ClipElementSchema, HtmlElementSchema, ImageElementSchema, WebViewElementSchema } from './elements-media.js';
import type {
  CodeElementSchema,
  CounterElementSchema,
  MarkdownElementSchema,
  SplitTextElementSchema,
  TerminalElementSchema,
  TextElementSchema,
  TypewriterElementSchema,
} from './elements-text.js';
import type { AlignmentSchema, ColorSchema, EaseSchema, KeyframedNumberSchema, MediaSourceSchema } from './primitives.js';
import type { MasterSchema, MotionDefaultsSchema, SceneSchema } from './scene.js';
import type { BoxDecorationSchema, TextSpanSchema, TextStyleSchema, TransformSchema } from './style.js';
import type { ElementTransitionSchema, TransitionSchema } from './transition.js';
import type { TriggerSchema } from './trigger.js';
import type { ExportSchema, LaneSchema, ThemeSchema, VideoSizeSchema, VideoSpecSchema } from './video.js';

export type VideoSpec = z.infer<typeof VideoSpecSchema>;
export type VideoSizeSpec = z.infer<typeof VideoSizeSchema>;
export type ExportSpec = z.infer<typeof ExportSchema>;
export type ThemeSpec = z.infer<typeof ThemeSchema>;
export type LaneSpec = z.infer<typeof LaneSchema>;
export type SceneSpec = z.infer<typeof SceneSchema>;
export type MasterSpec = z.infer<typeof MasterSchema>;
export type MotionDefaultsSpec = z.infer<typeof MotionDefaultsSchema>;
export type BackgroundSpec = z.infer<typeof BackgroundSchema>;
export type TransitionSpec = z.infer<typeof TransitionSchema>;
export type ElementTransitionSpec = z.infer<typeof ElementTransitionSchema>;
export type AudioTrackSpec = z.infer<typeof AudioTrackSchema>;
export type EffectSpec = z.infer<typeof EffectSchema>;
export type AnimationSpec = z.infer<typeof AnimationSchema>;
export type PresetAnimationSpec = z.infer<typeof PresetAnimationSchema>;
export type PresetName = PresetAnimationSpec['preset'];
export type RawAnimationSpec = z.infer<typeof RawAnimationSchema>;
export type KeyframeSpec = z.infer<typeof KeyframeSchema>;
export type SpringSpec = z.infer<typeof SpringSchema>;
export type StaggerSpec = z.infer<typeof StaggerSchema>;
export type RepeatSpec = z.infer<typeof RepeatSchema>;
export type TriggerSpec = z.infer<typeof TriggerSchema>;
export type TransformSpec = z.infer<typeof TransformSchema>;
export type TextStyleSpec = z.infer<typeof TextStyleSchema>;
export type TextSpanSpec = z.infer<typeof TextSpanSchema>;
export type BoxDecorationSpec = z.infer<typeof BoxDecorationSchema>;
export type ShowWindowSpec = z.infer<typeof ShowWindowSchema>;
export type MediaSource = z.infer<typeof MediaSourceSchema>;
export type ColorSpec = z.infer<typeof ColorSchema>;
export type AlignmentSpec = z.infer<typeof AlignmentSchema>;
export type EaseSpec = z.infer<typeof EaseSchema>;
export type KeyframedNumberSpec = z.infer<typeof KeyframedNumberSchema>;

export type {
  CalloutElement,
  DeviceFrameElement,
  ElementSpec,
  GroupElement,
  LowerThirdElement,
  SnapshotElement,
  SpotlightElement,
  TitleCardElement,
} from './element.js';
export type ElementType = ElementSpec['type'];
export type TextElement = z.infer<typeof TextElementSchema>;
export type SplitTextElement = z.infer<typeof SplitTextElementSchema>;
export type TypewriterElement = z.infer<typeof TypewriterElementSchema>;
export type MarkdownElement = z.infer<typeof MarkdownElementSchema>;
export type TerminalElement = z.infer<typeof TerminalElementSchema>;
export type CodeElement = z.infer<typeof CodeElementSchema>;
export type CounterElement = z.infer<typeof CounterElementSchema>;
export type BoxElement = z.infer<typeof BoxElementSchema>;
export type ShapeElement = z.infer<typeof ShapeElementSchema>;
export type ArrowElement = z.infer<typeof ArrowElementSchema>;
export type ConnectorElement = z.infer<typeof ConnectorElementSchema>;
export type ChartElement = z.infer<typeof ChartElementSchema>;
export type MermaidElement = z.infer<typeof MermaidElementSchema>;
export type BarsElement = z.infer<typeof BarsElementSchema>;
export type ImageElement = z.infer<typeof ImageElementSchema>;
export type ClipElement = z.infer<typeof ClipElementSchema>;
export type WebViewElement = z.infer<typeof WebViewElementSchema>;
export type HtmlElement = z.infer<typeof HtmlElementSchema>;
export type PlaceholderElement = z.infer<typeof PlaceholderElementSchema>;

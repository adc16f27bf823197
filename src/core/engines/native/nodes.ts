/**
 * Draw nodes: the engine's prepared form of a planned element. Colours are CSS strings, text styles
 * are resolved against the defaults, images are decoded, and animations are reduced to field lerps,
 * so drawing a frame does no parsing. Layout results (`box`) are written by layout.ts.
 */
import { Path2D, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import type { FrameWindow, PlannedElement } from '../../pipeline/plan-types.js';
import { resolveAlignment, type BoxElement, type ImageElement, type ShapeElement, type TextElement } from '../../../spec/index.js';
import { elementEffectAnimations, identityKeyframe, toFieldAnimation, type ComposedKeyframe, type FieldAnimation } from './animate.js';
import { cssColor, resolveTextStyle, type StyleContext } from './style.js';
import type { TextAlignment, TextLayout, ResolvedTextStyle } from './text-layout.js';
import type { ImageFit } from './draw-image.js';
import type { ElementDrawer } from './element-drawer.js';
import { buildDrawnContent } from './build-drawn.js';
import { prepareElementBlends, type PreparedElementBlend } from './element-blends.js';
import type { ClipLibrary } from './clip/clip-library.js';
import type { AudioAnalysis } from '../../audio/audio-analysis.js';
import type { CubeLut } from './effects/cube-lut.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A resolved `transform`: fractions of the parent box; the anchor as an alignment in −1..1. */
export interface Placement {
  x: number;
  y: number;
  width: number | null;
  height: number | null;
  anchorX: number;
  anchorY: number;
  /** Radians clockwise. */
  rotation: number;
  opacity: number;
}

export type NodeContent =
  | {
      kind: 'text';
      text: string;
      style: ResolvedTextStyle;
      align: TextAlignment;
      maxLines: number | null;
      measureContext: SKRSContext2D;
      layout: TextLayout | null;
    }
  | { kind: 'box'; color: string | null; size: { width: number; height: number } | null; inner: Rect }
  | { kind: 'image'; image: Image; fit: ImageFit; cornerRadius: number }
  | { kind: 'shape'; path: Path2D; color: string; strokeWidth: number }
  /** `blends` are the element transitions between the Group's children. */
  | { kind: 'group'; children: DrawNode[]; blends: PreparedElementBlend[] }
  /** An element kind with its own drawer (element-drawer.ts); `children` are nodes it positions and paints. */
  | { kind: 'drawn'; drawer: ElementDrawer; children: DrawNode[] }
  | { kind: 'empty' };

export interface DrawNode {
  path: string;
  window: FrameWindow | null;
  placement: Placement | null;
  animations: FieldAnimation[];
  content: NodeContent;
  /** Element box in the parent's coordinates, set by layout. */
  box: Rect;
  /** Per-frame scratch: the composed keyframe of the frame being drawn. */
  keyframe: ComposedKeyframe;
  /** Per-frame scratch: false when the node paints nothing on the frame being drawn. */
  painted: boolean;
}

export interface NodeContext extends StyleContext {
  measureContext: SKRSContext2D;
  /** Decoded images by JSON path of the element or background that names them. */
  images: ReadonlyMap<string, Image>;
  fps: number;
  /** Players of the render's clips; without it Clip elements paint nothing. */
  clips?: ClipLibrary;
  /** The analysed music tracks; without it audio-reactive animations are skipped and Bars rest at 0. */
  audio?: AudioAnalysis | null;
  /** Parsed `.cube` files of `lut` effects by effect JSON path; without it an asset LUT changes nothing. */
  luts?: ReadonlyMap<string, CubeLut>;
}

/** Fluvie's first palette colour, the default stroke of annotation shapes. */
const DEFAULT_SHAPE_COLOR = '#6C5CE7';
const DEFAULT_STROKE_WIDTH = 3;

export function buildNodes(elements: readonly PlannedElement[], context: NodeContext): DrawNode[] {
  return elements.map((planned) => buildNode(planned, context));
}

function buildNode(planned: PlannedElement, context: NodeContext): DrawNode {
  const element = planned.element;
  const animations: FieldAnimation[] = [];
  for (const animation of planned.animations) {
    // SplitText runs its staggered animations on each part instead (draw-split-text.ts).
    if (element.type === 'SplitText' && animation.stagger !== null) continue;
    const field = toFieldAnimation(animation, context.audio ?? null);
    if (field !== null) animations.push(field);
  }
  animations.push(...elementEffectAnimations(planned, context.fps, context.luts));
  return {
    path: planned.path,
    window: planned.window,
    placement: element.transform === undefined ? null : resolvePlacement(element.transform),
    animations,
    content: element.visible === false ? { kind: 'empty' } : buildContent(planned, context),
    box: { x: 0, y: 0, width: 0, height: 0 },
    keyframe: identityKeyframe(),
    painted: false,
  };
}

function resolvePlacement(transform: NonNullable<PlannedElement['element']['transform']>): Placement {
  const anchor = resolveAlignment(transform.anchor ?? 'center');
  return {
    x: transform.x,
    y: transform.y,
    width: transform.w !== undefined && transform.h !== undefined ? transform.w : null,
    height: transform.w !== undefined && transform.h !== undefined ? transform.h : null,
    anchorX: anchor.x,
    anchorY: anchor.y,
    rotation: ((transform.rotation ?? 0) * Math.PI) / 180,
    opacity: transform.opacity ?? 1,
  };
}

function buildContent(planned: PlannedElement, context: NodeContext): NodeContent {
  const element = planned.element;
  switch (element.type) {
    case 'Text':
      // Spans and the decoration/padding/maxWidth framing are laid out by draw-rich-text.ts.
      if (element.spans !== undefined || element.decoration !== undefined || element.padding !== undefined || element.maxWidth !== undefined) break;
      return textContent(planned.path, element, context);
    case 'Box':
      if (element.decoration !== undefined) break;
      return boxContent(element);
    case 'Image':
      if (element.crop !== undefined || (element.frame !== undefined && element.frame.style !== 'none')) break;
      return imageContent(planned.path, element, context);
    case 'Shape':
      if (element.reveal !== undefined) break;
      return shapeContent(element);
    case 'Group': {
      const children = buildNodes(planned.children, context);
      return { kind: 'group', children, blends: prepareElementBlends(planned.elementBlends ?? [], children) };
    }
  }
  return buildDrawnContent(planned, context, (children) => buildNodes(children, context)) ?? { kind: 'empty' };
}

function textContent(path: string, element: TextElement, context: NodeContext): NodeContent {
  return {
    kind: 'text',
    text: element.text ?? (element.spans ?? []).map((span) => span.text).join(''),
    style: resolveTextStyle(element.style, `${path}.style`, context),
    align: element.textAlign ?? 'start',
    maxLines: element.maxLines ?? null,
    measureContext: context.measureContext,
    layout: null,
  };
}

function boxContent(element: BoxElement): NodeContent {
  return {
    kind: 'box',
    color: element.color === undefined ? null : cssColor(element.color),
    size: element.size ?? null,
    inner: { x: 0, y: 0, width: 0, height: 0 },
  };
}

function imageContent(path: string, element: ImageElement, context: NodeContext): NodeContent {
  const image = context.images.get(path);
  if (image === undefined) return { kind: 'empty' };
  return { kind: 'image', image, fit: element.fit ?? 'scaleDown', cornerRadius: element.cornerRadius ?? 0 };
}

function shapeContent(element: ShapeElement): NodeContent {
  const path = new Path2D();
  switch (element.kind) {
    case 'line':
      path.moveTo(element.from!.x, element.from!.y);
      path.lineTo(element.to!.x, element.to!.y);
      break;
    case 'rect':
      path.rect(element.rect!.x, element.rect!.y, element.rect!.w, element.rect!.h);
      break;
    case 'circle':
      path.arc(element.center!.x, element.center!.y, element.radius!, 0, Math.PI * 2);
      path.closePath();
      break;
    case 'path':
      path.addPath(new Path2D(element.path!));
      break;
  }
  return {
    kind: 'shape',
    path,
    color: element.color === undefined ? DEFAULT_SHAPE_COLOR : cssColor(element.color),
    strokeWidth: element.strokeWidth ?? DEFAULT_STROKE_WIDTH,
  };
}

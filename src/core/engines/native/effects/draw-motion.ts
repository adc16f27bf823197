/**
 * Paints an element with its composed keyframe and wrappers, nested as Fluvie nests them. From the
 * outside in, the stages are:
 * 1. animation pixel wrappers (the last in the list outermost), then animation transform wrappers;
 * 2. the keyframe's group opacity, its blur, its fractional translation, and its matrix (rotation,
 *    skews and scales about `origin`);
 * 3. the element effects' pixel wrappers, then their transform wrappers, then the content.
 * Pixel stages that need the element's pixels draw it into an offscreen layer.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { ComposedKeyframe } from '../animate.js';
import type { LayerPool } from '../layers.js';
import type { ActiveWrapper, PixelWrapper, TransformWrapper } from '../motion/wrappers.js';
import { deviceRegion, deviceScale, type DeviceRegion } from './device-region.js';
import { drawPixelWrapper } from './pixel-stage.js';

/** Device pixels added around a blurred box for glyphs that overhang their layout box. */
const BLUR_MARGIN = 8;

/** Draws the element's content in its local box at paint alpha `alpha`. */
export type DrawContent = (ctx: SKRSContext2D, alpha: number) => void;

export interface MotionTarget {
  width: number;
  height: number;
  keyframe: ComposedKeyframe;
  /** True when paint alpha cannot stand in for group opacity (overlapping primitives). */
  opacityNeedsLayer: boolean;
}

type Stage =
  | { kind: 'pixel'; active: ActiveWrapper }
  | { kind: 'transform'; active: ActiveWrapper }
  | { kind: 'opacity' }
  | { kind: 'keyframe' };

/** Paints `target` onto `ctx`, whose transform maps the element's local box, at alpha `alpha`. */
export function drawMotion(ctx: SKRSContext2D, target: MotionTarget, alpha: number, layers: LayerPool, content: DrawContent): void {
  const k = target.keyframe;
  const stages: Stage[] = [];
  for (let i = k.animationPixels.length - 1; i >= 0; i -= 1) stages.push({ kind: 'pixel', active: k.animationPixels[i]! });
  for (let i = k.animationTransforms.length - 1; i >= 0; i -= 1) stages.push({ kind: 'transform', active: k.animationTransforms[i]! });
  stages.push({ kind: 'opacity' }, { kind: 'keyframe' });
  for (let i = k.effectPixels.length - 1; i >= 0; i -= 1) stages.push({ kind: 'pixel', active: k.effectPixels[i]! });
  for (let i = k.effectTransforms.length - 1; i >= 0; i -= 1) stages.push({ kind: 'transform', active: k.effectTransforms[i]! });
  new StagePainter(target, stages, layers, content).paint(ctx, 0, alpha);
}

class StagePainter {
  constructor(
    private readonly target: MotionTarget,
    private readonly stages: readonly Stage[],
    private readonly layers: LayerPool,
    private readonly content: DrawContent,
  ) {}

  paint(ctx: SKRSContext2D, index: number, alpha: number): void {
    const stage = this.stages[index];
    if (stage === undefined) {
      this.content(ctx, alpha);
      return;
    }
    const next = (target: SKRSContext2D, nextAlpha: number): void => this.paint(target, index + 1, nextAlpha);
    const { width, height, keyframe } = this.target;
    switch (stage.kind) {
      case 'pixel':
        drawPixelWrapper(ctx, stage.active.wrapper as PixelWrapper, stage.active, { width, height, alpha, reach: this.contentRegion(ctx, index + 1) }, this.layers, next);
        return;
      case 'transform':
        ctx.save();
        if (applyTransformWrapper(ctx, stage.active.wrapper as TransformWrapper, stage.active.value, width, height)) next(ctx, alpha);
        ctx.restore();
        return;
      case 'opacity':
        this.paintOpacityAndBlur(ctx, index, alpha, keyframe);
        return;
      case 'keyframe':
        ctx.save();
        ctx.translate(keyframe.x * width, keyframe.y * height);
        applyKeyframeMatrix(ctx, keyframe, width, height);
        next(ctx, alpha);
        ctx.restore();
        return;
    }
  }

  /** Blur wraps the translation and matrix, and group opacity wraps the blur; one layer serves both. */
  private paintOpacityAndBlur(ctx: SKRSContext2D, index: number, alpha: number, keyframe: ComposedKeyframe): void {
    const opacity = Math.min(Math.max(keyframe.opacity, 0), 1);
    const blur = keyframe.blur;
    const inner = (target: SKRSContext2D, innerAlpha: number): void => this.paint(target, index + 1, innerAlpha);
    if (blur <= 0) {
      if (opacity >= 1 || !this.opacityNeedsLayer(index)) {
        inner(ctx, alpha * opacity);
        return;
      }
      this.layers.composite(ctx, alpha * opacity, (layer) => inner(layer, 1));
      return;
    }
    const sigma = blur * deviceScale(ctx);
    const region = this.blurRegion(ctx, keyframe, sigma);
    this.layers.borrow(
      ctx,
      (layer) => inner(layer, 1),
      (canvas) => {
        ctx.save();
        ctx.resetTransform();
        ctx.globalAlpha = alpha * opacity;
        ctx.filter = `blur(${sigma}px)`;
        // Blurring only the element's neighbourhood instead of the whole layer saves most of the filter cost.
        if (region === null) ctx.drawImage(canvas, 0, 0);
        else if (region.width > 0) ctx.drawImage(canvas, region.x, region.y, region.width, region.height, region.x, region.y, region.width, region.height);
        ctx.restore();
      },
    );
  }

  /**
   * Returns the device rectangle a blurred primitive can reach: its box under the keyframe
   * transform, grown by 3σ and a margin for glyph overhang. Returns null (the whole layer) for
   * groups and drawn elements, whose children may paint outside the box, and under a parallax effect.
   */
  private blurRegion(ctx: SKRSContext2D, keyframe: ComposedKeyframe, sigma: number): DeviceRegion | null {
    if (this.target.opacityNeedsLayer || keyframe.effectTransforms.some((active) => active.wrapper.kind === 'parallax')) return null;
    const { width, height } = this.target;
    ctx.save();
    ctx.translate(keyframe.x * width, keyframe.y * height);
    applyKeyframeMatrix(ctx, keyframe, width, height);
    const region = deviceRegion(ctx, width, height, 3 * sigma + BLUR_MARGIN, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
    return region ?? { x: 0, y: 0, width: 0, height: 0 };
  }

  /**
   * Returns the device rectangle the stages from `from` inward can paint: the box under their
   * transforms, grown by their blur, shift and glow reach. Pixel loops read back only this
   * rectangle. Groups and drawn elements, whose children may paint outside the box, get the canvas.
   */
  private contentRegion(ctx: SKRSContext2D, from: number): DeviceRegion {
    const canvas = { x: 0, y: 0, width: ctx.canvas.width, height: ctx.canvas.height };
    if (this.target.opacityNeedsLayer) return canvas;
    const { width, height, keyframe } = this.target;
    let margin = BLUR_MARGIN;
    ctx.save();
    for (const stage of this.stages.slice(from)) {
      if (stage.kind === 'transform') applyTransformWrapper(ctx, stage.active.wrapper as TransformWrapper, stage.active.value, width, height);
      else if (stage.kind === 'pixel') margin += pixelReach(stage.active.wrapper as PixelWrapper) * deviceScale(ctx);
      else if (stage.kind === 'opacity') margin += 3 * Math.max(keyframe.blur, 0) * deviceScale(ctx);
      else {
        ctx.translate(keyframe.x * width, keyframe.y * height);
        applyKeyframeMatrix(ctx, keyframe, width, height);
      }
    }
    const region = deviceRegion(ctx, width, height, margin, canvas.width, canvas.height);
    ctx.restore();
    return region ?? { x: 0, y: 0, width: 0, height: 0 };
  }

  /** Paint alpha equals group opacity only for one primitive with no pixel stage inside. */
  private opacityNeedsLayer(index: number): boolean {
    if (this.target.opacityNeedsLayer) return true;
    return this.stages.slice(index + 1).some((stage) => stage.kind === 'pixel');
  }
}

/** Local pixels a pixel wrapper can paint beyond its content: shifts, glows and blurs. */
function pixelReach(wrapper: PixelWrapper): number {
  switch (wrapper.kind) {
    case 'chromatic':
      return Math.abs(wrapper.px);
    case 'glitch':
      return 14 * Math.abs(wrapper.scale) + 4;
    case 'bloom':
      return 3 * (2 + wrapper.amount * 8);
    case 'blur':
      return 3 * Math.max(wrapper.sigma, 0);
    case 'particles':
      return Math.max(wrapper.field.minSize, wrapper.field.maxSize);
    default:
      return 0;
  }
}

/** Flutter's keyframe Transform: rotateZ · skewX · skewY · scale, about `origin` in the element box. */
function applyKeyframeMatrix(ctx: SKRSContext2D, k: ComposedKeyframe, width: number, height: number): void {
  const sx = k.scale * k.scaleX;
  const sy = k.scale * k.scaleY;
  if (sx === 1 && sy === 1 && k.rotation === 0 && k.skewX === 0 && k.skewY === 0) return;
  const angle = k.rotation * 2 * Math.PI;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const tx = Math.tan(k.skewX * 2 * Math.PI);
  const ty = Math.tan(k.skewY * 2 * Math.PI);
  // skewX · skewY = [[1 + tx·ty, tx], [ty, 1]]; then rotation on the left and scale on the right.
  const k00 = 1 + tx * ty;
  const k01 = tx;
  const k10 = ty;
  const k11 = 1;
  const a00 = (cos * k00 - sin * k10) * sx;
  const a01 = (cos * k01 - sin * k11) * sy;
  const a10 = (sin * k00 + cos * k10) * sx;
  const a11 = (sin * k01 + cos * k11) * sy;
  const ox = ((k.originX + 1) / 2) * width;
  const oy = ((k.originY + 1) / 2) * height;
  ctx.translate(ox, oy);
  ctx.transform(a00, a10, a01, a11, 0, 0);
  ctx.translate(-ox, -oy);
}

/** Applies a transform-class wrapper; returns false when it hides the element entirely. */
function applyTransformWrapper(ctx: SKRSContext2D, wrapper: TransformWrapper, value: number, width: number, height: number): boolean {
  switch (wrapper.kind) {
    case 'parallax':
    case 'float':
      ctx.translate(0, value * height);
      return true;
    case 'reactive':
      ctx.translate(width / 2, height / 2);
      ctx.scale(wrapper.axes === 'both' ? 1 + value : 1, 1 + value);
      ctx.translate(-width / 2, -height / 2);
      return true;
    case 'along': {
      const point = wrapper.path.at(value);
      ctx.translate(point.x, point.y);
      if (wrapper.orient) {
        ctx.translate(width / 2, height / 2);
        ctx.rotate(point.angle);
        ctx.translate(-width / 2, -height / 2);
      }
      return true;
    }
    case 'maskWipe': {
      const reveal = wrapper.reverse ? 1 - value : value;
      if (reveal >= 1) return true;
      clipWipe(ctx, wrapper, Math.max(reveal, 0), width, height);
      return true;
    }
  }
}

/** Clips to the mask wipe: a circle or rect growing from the origin, or a diagonal sweep from the top-left. */
function clipWipe(ctx: SKRSContext2D, wrapper: Extract<TransformWrapper, { kind: 'maskWipe' }>, p: number, width: number, height: number): void {
  const cx = ((wrapper.originX + 1) / 2) * width;
  const cy = ((wrapper.originY + 1) / 2) * height;
  ctx.beginPath();
  switch (wrapper.shape) {
    case 'circle': {
      const farthest = Math.max(Math.hypot(cx, cy), Math.hypot(width - cx, cy), Math.hypot(cx, height - cy), Math.hypot(width - cx, height - cy));
      ctx.arc(cx, cy, p * farthest, 0, Math.PI * 2);
      break;
    }
    case 'rect': {
      const left = cx * (1 - p);
      const top = cy * (1 - p);
      ctx.rect(left, top, cx + p * (width - cx) - left, cy + p * (height - cy) - top);
      break;
    }
    case 'diagonal': {
      const reach = 2 * p;
      ctx.moveTo(0, 0);
      if (reach <= 1) {
        ctx.lineTo(reach * width, 0);
        ctx.lineTo(0, reach * height);
      } else {
        ctx.lineTo(width, 0);
        ctx.lineTo(width, (reach - 1) * height);
        ctx.lineTo((reach - 1) * width, height);
        ctx.lineTo(0, height);
      }
      ctx.closePath();
      break;
    }
  }
  ctx.clip();
}

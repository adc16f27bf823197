/**
 * Pixel-class wrappers. Grain, vignette and scanlines paint over the element box after it, with no
 * layer. Bloom, chromatic, glitch, grade and blur first draw the element into an offscreen layer.
 * Bloom adds a blurred copy with `lighter` (Flutter's `BlendMode.plus`). Chromatic adds its channel
 * split onto whatever is below. Glitch redraws the layer in nine shifted bands plus a faint split.
 * Grade and blur filter the layer before compositing it, and curves and lut look its colours up.
 * Particles paint their field over the element box after it, with no layer.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { valueForSeed } from '../../../motion/value-noise.js';
import type { LayerPool } from '../layers.js';
import type { ActiveWrapper, PixelWrapper } from '../motion/wrappers.js';
import { splitChannels } from './channel-split.js';
import { applyColorMatrix, gradeMatrix } from './color-grade.js';
import { applyCubeLut, applyCurveTable } from './color-lookup.js';
import { paintParticles } from './particles.js';
import { isIdentityTable } from './tone-curve.js';
import { deviceScale, deviceVector, growRegion, type DeviceRegion } from './device-region.js';
import { GrainPainter, paintScanlines, paintVignette } from './overlays.js';

type Next = (ctx: SKRSContext2D, alpha: number) => void;

export interface PixelTarget {
  /** The element box in local pixels. */
  width: number;
  height: number;
  alpha: number;
  /** The device rectangle the wrapped content can paint, which pixel loops read back. */
  reach: DeviceRegion;
}

const GLITCH_BANDS = 9;
const GLITCH_MAX_SHIFT = 14;
const GLITCH_JITTER = Array.from({ length: GLITCH_BANDS }, (_, i) => valueForSeed(`glitch-${i}`) * 2 - 1);

const grainPainters = new WeakMap<ActiveWrapper, GrainPainter>();

export function drawPixelWrapper(ctx: SKRSContext2D, wrapper: PixelWrapper, active: ActiveWrapper, target: PixelTarget, layers: LayerPool, next: Next): void {
  const { width, height, alpha, reach } = target;
  switch (wrapper.kind) {
    case 'grain': {
      next(ctx, alpha);
      let painter = grainPainters.get(active);
      if (painter === undefined) {
        painter = new GrainPainter();
        grainPainters.set(active, painter);
      }
      painter.paint(ctx, width, height, wrapper.amount, active.value, alpha);
      return;
    }
    case 'vignette':
      next(ctx, alpha);
      paintVignette(ctx, width, height, wrapper.amount, alpha);
      return;
    case 'scanlines':
      next(ctx, alpha);
      paintScanlines(ctx, width, height, wrapper.spacing, wrapper.opacity, alpha);
      return;
    case 'bloom':
      if (wrapper.amount <= 0) {
        next(ctx, alpha);
        return;
      }
      layers.borrow(ctx, (layer) => next(layer, 1), (canvas) => {
        ctx.save();
        ctx.resetTransform();
        ctx.globalAlpha = alpha;
        ctx.drawImage(canvas, 0, 0);
        ctx.globalAlpha = alpha * (0.4 + wrapper.amount * 0.5);
        ctx.globalCompositeOperation = 'lighter';
        ctx.filter = `blur(${(2 + wrapper.amount * 8) * deviceScale(ctx)}px)`;
        ctx.drawImage(canvas, 0, 0);
        ctx.restore();
      });
      return;
    case 'chromatic':
      drawChromatic(ctx, wrapper.px, reach, alpha, 'lighter', layers, next);
      return;
    case 'glitch':
      drawGlitch(ctx, wrapper, active.value, target, layers, next);
      return;
    case 'grade':
      layers.borrow(ctx, (layer) => next(layer, 1), (canvas) => {
        if (reach.width > 0 && reach.height > 0 && wrapper.intensity > 0) applyColorMatrix(canvas, reach, gradeMatrix(wrapper));
        drawLayer(ctx, canvas, alpha);
      });
      return;
    case 'particles':
      next(ctx, alpha);
      paintParticles(ctx, wrapper.field, active.value, width, height, alpha);
      return;
    case 'curves':
    case 'lut': {
      const lut = wrapper.kind === 'lut' ? wrapper.lut : null;
      // As in Fluvie, identity curves and zero intensity leave the element exactly as it is.
      const unchanged = wrapper.kind === 'lut' ? lut === null : isIdentityTable(wrapper.table);
      if (wrapper.intensity <= 0 || unchanged) {
        next(ctx, alpha);
        return;
      }
      layers.borrow(ctx, (layer) => next(layer, 1), (canvas) => {
        if (wrapper.kind === 'curves') applyCurveTable(canvas, reach, wrapper.table, wrapper.intensity);
        else if (lut !== null) applyCubeLut(canvas, reach, lut, wrapper.intensity);
        drawLayer(ctx, canvas, alpha);
      });
      return;
    }
    case 'blur':
      if (wrapper.sigma <= 0) {
        next(ctx, alpha);
        return;
      }
      layers.borrow(ctx, (layer) => next(layer, 1), (canvas) => {
        const sigma = wrapper.sigma * deviceScale(ctx);
        ctx.save();
        ctx.filter = `blur(${sigma}px)`;
        drawLayer(ctx, canvas, alpha);
        ctx.restore();
      });
      return;
  }
}

/**
 * Draws three channel copies (red shifted −px, green in place, blue +px along the local x axis),
 * summed. The chromatic effect composites them with `lighter`, adding onto the pixels below as
 * Flutter's plus layers do. The glitch overlay uses `source-over`, as inside its opacity layer.
 */
function drawChromatic(ctx: SKRSContext2D, px: number, reach: DeviceRegion, alpha: number, operation: 'lighter' | 'source-over', layers: LayerPool, next: Next): void {
  layers.borrow(ctx, (layer) => next(layer, 1), (canvas) => {
    const red = deviceVector(ctx, -px, 0);
    const blue = deviceVector(ctx, px, 0);
    const margin = Math.ceil(Math.max(Math.hypot(...red), Math.hypot(...blue)));
    const region = growRegion(reach, margin, canvas.width, canvas.height);
    if (region.width === 0 || region.height === 0) return;
    splitChannels(canvas, region, red, blue);
    ctx.save();
    ctx.globalCompositeOperation = operation;
    drawLayer(ctx, canvas, alpha);
    ctx.restore();
  });
}

/**
 * Fluvie's glitch: nine horizontal bands, band i shifted by jitter_i·bias·14·intensity px, where
 * jitter_i = 2·valueForSeed('glitch-i') − 1 and intensity = 1 − progress (reversed for glitchOut),
 * then a chromatic split of 4·intensity px at opacity 0.6·intensity. At full progress it is the
 * untouched element.
 */
function drawGlitch(
  ctx: SKRSContext2D,
  wrapper: Extract<PixelWrapper, { kind: 'glitch' }>,
  progress: number,
  target: PixelTarget,
  layers: LayerPool,
  next: Next,
): void {
  const { width, height, alpha, reach } = target;
  const resolve = wrapper.reverse ? 1 - progress : progress;
  if (resolve >= 1) {
    next(ctx, alpha);
    return;
  }
  const intensity = Math.min(Math.max(1 - resolve, 0), 1) * wrapper.scale;
  const bandHeight = height / GLITCH_BANDS;
  layers.borrow(ctx, (layer) => next(layer, 1), (canvas) => {
    for (let i = 0; i < GLITCH_BANDS; i += 1) {
      const [vx, vy] = deviceVector(ctx, GLITCH_JITTER[i]! * wrapper.bias * GLITCH_MAX_SHIFT * intensity, 0);
      ctx.save();
      ctx.beginPath();
      ctx.rect(0, i * bandHeight, width, bandHeight);
      ctx.clip();
      ctx.resetTransform();
      ctx.globalAlpha = alpha;
      ctx.drawImage(canvas, vx, vy);
      ctx.restore();
    }
  });
  const overlayAlpha = alpha * 0.6 * intensity;
  if (overlayAlpha > 0) drawChromatic(ctx, 4 * intensity, reach, overlayAlpha, 'source-over', layers, next);
}

function drawLayer(ctx: SKRSContext2D, canvas: Parameters<SKRSContext2D['drawImage']>[0], alpha: number): void {
  ctx.save();
  ctx.resetTransform();
  ctx.globalAlpha = alpha;
  ctx.drawImage(canvas, 0, 0);
  ctx.restore();
}

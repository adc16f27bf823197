/**
 * Scene backgrounds, each filling the canvas: a solid colour, a linear gradient between two
 * alignment points, a radial gradient (centre of the canvas, radius half the shorter side), an
 * image (default fit cover), a video (a clip player, fit cover, prepared by the engine) and the static noise and VHS textures. Gradients clamp outside their stops, as Flutter's do.
 */
import { createCanvas, type Canvas, type CanvasGradient, type CanvasPattern, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { parseColor, resolveAlignment, type BackgroundSpec, type ColorSpec } from '../../../spec/index.js';
import { cssColor } from './style.js';
import { drawImage, type ImageFit } from './draw-image.js';
import { renderNoiseTexture, renderVhsTexture } from './background-texture.js';
import type { ClipPlayer } from './clip/clip-player.js';

export type PreparedBackground =
  /**
   * `opaque`: every pixel ends fully opaque, so the frame need not be cleared first. `snapshot`:
   * an opaque gradient rasterised once, copied instead of shading the gradient again.
   */
  | { kind: 'fill'; style: string | CanvasGradient | CanvasPattern; opaque: boolean; snapshot?: BackgroundSnapshot }
  | { kind: 'image'; image: Image; fit: ImageFit }
  | { kind: 'clip'; player: ClipPlayer }
  | { kind: 'none' };

/** Builds the paint for a background once; `image` is the decoded file of an image background. */
export function prepareBackground(
  ctx: SKRSContext2D,
  background: BackgroundSpec | undefined,
  width: number,
  height: number,
  image: Image | undefined,
): PreparedBackground {
  if (background === undefined) return { kind: 'none' };
  switch (background.kind) {
    case 'color':
      return { kind: 'fill', style: cssColor(background.color), opaque: allOpaque([background.color]) };
    case 'gradient': {
      const begin = resolveAlignment(background.begin ?? 'topLeft');
      const end = resolveAlignment(background.end ?? 'bottomRight');
      const gradient = ctx.createLinearGradient(
        ((begin.x + 1) / 2) * width,
        ((begin.y + 1) / 2) * height,
        ((end.x + 1) / 2) * width,
        ((end.y + 1) / 2) * height,
      );
      addStops(gradient, background.colors, background.stops);
      return gradientFill(gradient, allOpaque(background.colors), width, height);
    }
    case 'radial': {
      const radius = 0.5 * Math.min(width, height);
      const gradient = ctx.createRadialGradient(width / 2, height / 2, 0, width / 2, height / 2, radius);
      addStops(gradient, background.colors, background.stops);
      return gradientFill(gradient, allOpaque(background.colors), width, height);
    }
    case 'image':
      return image === undefined ? { kind: 'none' } : { kind: 'image', image, fit: background.fit ?? 'cover' };
    case 'noise':
    case 'vhs': {
      // Static textures: drawn once, then filled as a canvas-sized pattern every frame.
      const texture = background.kind === 'noise' ? renderNoiseTexture(width, height, background.scale ?? 1) : renderVhsTexture(width, height);
      const pattern = ctx.createPattern(texture, 'no-repeat');
      return pattern === null ? { kind: 'none' } : { kind: 'fill', style: pattern, opaque: true };
    }
    default:
      return { kind: 'none' };
  }
}

/**
 * Fills the canvas with `background`. `copyGradients` lets an opaque gradient be copied from its
 * snapshot. Pass false while a clip with antialiased edges is active: the canvas cannot report
 * its clip, and a copy would round differently along those edges.
 */
export function drawBackground(ctx: SKRSContext2D, background: PreparedBackground, width: number, height: number, copyGradients = false): void {
  if (background.kind === 'fill') {
    if (copyGradients && background.snapshot !== undefined && background.snapshot.drawCopy(ctx)) return;
    ctx.fillStyle = background.style;
    ctx.fillRect(0, 0, width, height);
  } else if (background.kind === 'image') {
    drawImage(ctx, background.image, background.fit, { x: 0, y: 0, width, height }, 0);
  } else if (background.kind === 'clip') {
    background.player.paint(ctx, { width, height }, 1);
  }
}

function gradientFill(gradient: CanvasGradient, opaque: boolean, width: number, height: number): PreparedBackground {
  return { kind: 'fill', style: gradient, opaque, ...(opaque ? { snapshot: new BackgroundSnapshot(gradient, width, height) } : {}) };
}

/**
 * A full-frame gradient rasterised on first use. Shading a 1080x1920 gradient is a large part of
 * a frame that redraws it. Copying the stored pixels gives the same bytes only while the copy maps
 * pixel to pixel and replaces what is below: an identity transform, alpha 1, source-over with an
 * opaque gradient, no filter and no antialiased clip. Under a transition's scale or offset the
 * gradient is shaded as before, because resampling the stored pixels would change them.
 */
export class BackgroundSnapshot {
  private canvas: Canvas | null = null;

  constructor(
    private readonly gradient: CanvasGradient,
    private readonly width: number,
    private readonly height: number,
  ) {}

  /** Copies the stored gradient onto `ctx` and returns true, or returns false when a copy would differ. */
  drawCopy(ctx: SKRSContext2D): boolean {
    if (ctx.globalAlpha !== 1 || ctx.globalCompositeOperation !== 'source-over' || ctx.filter !== 'none') return false;
    if (!ctx.getTransform().isIdentity) return false;

    if (this.canvas === null) {
      this.canvas = createCanvas(this.width, this.height);
      const snapshot = this.canvas.getContext('2d');
      snapshot.fillStyle = this.gradient;
      snapshot.fillRect(0, 0, this.width, this.height);
    }
    ctx.drawImage(this.canvas, 0, 0);
    return true;
  }
}

/** True when every colour is an opaque hex colour (gradients clamp, so their fill covers the canvas). */
function allOpaque(colors: readonly ColorSpec[]): boolean {
  return colors.every((color) => typeof color === 'string' && parseColor(color).a === 255);
}

/** Stops are evenly spaced when `stops` is absent; extra colours beyond the given stops are dropped. */
function addStops(gradient: CanvasGradient, colors: readonly ColorSpec[], stops: readonly number[] | undefined): void {
  colors.forEach((color, index) => {
    const offset = stops === undefined ? index / (colors.length - 1) : stops[index];
    if (offset !== undefined) gradient.addColorStop(offset, cssColor(color));
  });
}

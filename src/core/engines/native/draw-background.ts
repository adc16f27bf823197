/**
 * Scene backgrounds, each filling the canvas: a solid colour, a linear gradient between two
 * alignment points, a radial gradient (centre of the canvas, radius half the shorter side), an
 * image (default fit cover), a video (a clip player, fit cover, prepared by the engine) and the static noise and VHS textures. Gradients clamp outside their stops, as Flutter's do.
 */
import type { CanvasGradient, CanvasPattern, Image, SKRSContext2D } from '@napi-rs/canvas';
import { parseColor, resolveAlignment, type BackgroundSpec, type ColorSpec } from '../../../spec/index.js';
import { cssColor } from './style.js';
import { drawImage, type ImageFit } from './draw-image.js';
import { renderNoiseTexture, renderVhsTexture } from './background-texture.js';
import type { ClipPlayer } from './clip/clip-player.js';

export type PreparedBackground =
  /** `opaque`: every pixel ends fully opaque, so the frame need not be cleared first. */
  | { kind: 'fill'; style: string | CanvasGradient | CanvasPattern; opaque: boolean }
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
      return { kind: 'fill', style: gradient, opaque: allOpaque(background.colors) };
    }
    case 'radial': {
      const radius = 0.5 * Math.min(width, height);
      const gradient = ctx.createRadialGradient(width / 2, height / 2, 0, width / 2, height / 2, radius);
      addStops(gradient, background.colors, background.stops);
      return { kind: 'fill', style: gradient, opaque: allOpaque(background.colors) };
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

export function drawBackground(ctx: SKRSContext2D, background: PreparedBackground, width: number, height: number): void {
  if (background.kind === 'fill') {
    ctx.fillStyle = background.style;
    ctx.fillRect(0, 0, width, height);
  } else if (background.kind === 'image') {
    drawImage(ctx, background.image, background.fit, { x: 0, y: 0, width, height }, 0);
  } else if (background.kind === 'clip') {
    background.player.paint(ctx, { width, height }, 1);
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

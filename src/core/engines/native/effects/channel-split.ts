/**
 * The chromatic split as one image: the red channel shifted by one device vector, green in place
 * and blue shifted by another, summed the way Flutter's `BlendMode.plus` sums three
 * channel-isolated copies (colour channels and alpha add, alpha clamps at 1). The caller
 * composites the result with `lighter` (plus) or source-over.
 *
 * NOTE: this is a JavaScript loop over the element's device bounds (about 15 ms for a full
 * 1080×1920 frame on one core), because canvas 2D has no channel-isolating filter. Shifts are
 * rounded to whole device pixels.
 */
import type { Canvas } from '@napi-rs/canvas';
import type { DeviceRegion } from './device-region.js';

export function splitChannels(layer: Canvas, region: DeviceRegion, red: readonly [number, number], blue: readonly [number, number]): void {
  const ctx = layer.getContext('2d');
  const source = ctx.getImageData(region.x, region.y, region.width, region.height);
  const input = source.data;
  const output = new Uint8ClampedArray(input.length);
  const { width, height } = region;
  const rx = Math.round(red[0]);
  const ry = Math.round(red[1]);
  const bx = Math.round(blue[0]);
  const by = Math.round(blue[1]);

  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const out = (y * width + x) * 4;
      // Each copy is premultiplied: channel × alpha / 255.
      const redAt = sample(x - rx, y - ry, width, height);
      const redAlpha = redAt < 0 ? 0 : input[redAt + 3]!;
      const red = redAt < 0 ? 0 : (input[redAt]! * redAlpha) / 255;
      const greenAlpha = input[out + 3]!;
      const green = (input[out + 1]! * greenAlpha) / 255;
      const blueAt = sample(x - bx, y - by, width, height);
      const blueAlpha = blueAt < 0 ? 0 : input[blueAt + 3]!;
      const blue = blueAt < 0 ? 0 : (input[blueAt + 2]! * blueAlpha) / 255;
      const alpha = Math.min(255, redAlpha + greenAlpha + blueAlpha);
      if (alpha === 0) continue;
      output[out] = (red * 255) / alpha;
      output[out + 1] = (green * 255) / alpha;
      output[out + 2] = (blue * 255) / alpha;
      output[out + 3] = alpha;
    }
  }
  input.set(output);
  ctx.save();
  ctx.resetTransform();
  ctx.putImageData(source, region.x, region.y);
  ctx.restore();
}

function sample(x: number, y: number, width: number, height: number): number {
  return x < 0 || y < 0 || x >= width || y >= height ? -1 : (y * width + x) * 4;
}

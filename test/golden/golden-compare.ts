/** PNG encoding and per-pixel comparison for the golden-frame suite. */
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** A channel may differ by this much before the pixel counts as different (antialiasing jitter). */
export const CHANNEL_TOLERANCE = 12;
/** Share of pixels allowed to differ before a frame fails. */
export const PIXEL_TOLERANCE = 0.002;

export interface Comparison {
  differing: number;
  total: number;
  /** A PNG with differing pixels in red over a dimmed copy of the actual frame. */
  diff: Buffer;
}

/** Encodes opaque RGBA pixels (premultiplied equals straight when alpha is 255) as PNG. */
export function encodePng(pixels: Uint8Array, width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(width, height);
  image.data.set(pixels);
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}

/** Decodes a PNG to RGBA pixels. */
export async function decodePng(file: Buffer): Promise<{ pixels: Uint8ClampedArray; width: number; height: number }> {
  const image = await loadImage(file);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { pixels: ctx.getImageData(0, 0, image.width, image.height).data, width: image.width, height: image.height };
}

export function comparePixels(actual: Uint8Array, expected: Uint8ClampedArray, width: number, height: number): Comparison {
  const diff = new Uint8Array(actual.length);
  let differing = 0;
  for (let i = 0; i < actual.length; i += 4) {
    let worst = 0;
    for (let c = 0; c < 4; c += 1) worst = Math.max(worst, Math.abs(actual[i + c]! - expected[i + c]!));
    if (worst > CHANNEL_TOLERANCE) {
      differing += 1;
      diff.set([255, 0, 0, 255], i);
    } else {
      diff.set([actual[i]! >> 2, actual[i + 1]! >> 2, actual[i + 2]! >> 2, 255], i);
    }
  }
  return { differing, total: width * height, diff: encodePng(diff, width, height) };
}

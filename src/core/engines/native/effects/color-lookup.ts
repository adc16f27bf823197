/**
 * The `curves` and `lut` effects as pixel loops over an offscreen layer. Like Fluvie's shaders,
 * they read straight (unpremultiplied) colour, look it up, mix toward the result by `intensity`
 * and leave alpha unchanged. Fully transparent pixels are skipped.
 *
 * Both loops remember the last input colour and its result, so flat areas (backgrounds, text
 * fills) cost one comparison per pixel.
 */
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import type { CubeLut } from './cube-lut.js';
import type { DeviceRegion } from './device-region.js';

/** Applies a baked curve table (see `bakeCurveTable`) to `region` of `layer`. */
export function applyCurveTable(layer: Canvas, region: DeviceRegion, table: Uint8Array, intensity: number): void {
  const t = clamp01(intensity);
  if (t === 0 || region.width <= 0 || region.height <= 0) return;
  const ctx = layer.getContext('2d');
  const image = ctx.getImageData(region.x, region.y, region.width, region.height);
  const data = image.data;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] === 0) continue;
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    data[i] = r + (table[r]! - r) * t;
    data[i + 1] = g + (table[256 + g]! - g) * t;
    data[i + 2] = b + (table[512 + b]! - b) * t;
  }
  putBack(layer, image, region);
}

/** Applies a 3D LUT with trilinear interpolation to `region` of `layer`. */
export function applyCubeLut(layer: Canvas, region: DeviceRegion, lut: CubeLut, intensity: number): void {
  const t = clamp01(intensity);
  if (t === 0 || region.width <= 0 || region.height <= 0) return;
  const ctx = layer.getContext('2d');
  const image = ctx.getImageData(region.x, region.y, region.width, region.height);
  const data = image.data;
  const out = new Float64Array(3);
  let lastKey = -1;
  let outR = 0;
  let outG = 0;
  let outB = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] === 0) continue;
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    const key = (r << 16) | (g << 8) | b;
    if (key !== lastKey) {
      sampleCubeLut(lut, r / 255, g / 255, b / 255, out);
      outR = r + (out[0]! - r) * t;
      outG = g + (out[1]! - g) * t;
      outB = b + (out[2]! - b) * t;
      lastKey = key;
    }
    data[i] = outR;
    data[i + 1] = outG;
    data[i + 2] = outB;
  }
  putBack(layer, image, region);
}

/**
 * Writes the LUT's colour (0..255 units) for the input colour (0..1 per channel) into `out`.
 * Trilinear: red and green are mixed within the two nearest blue slices, then the slices by blue,
 * the same order as Fluvie's `color_lut.frag`.
 */
export function sampleCubeLut(lut: CubeLut, r: number, g: number, b: number, out: Float64Array): void {
  const { size, table } = lut;
  const top = size - 1;
  const rs = r * top;
  const gs = g * top;
  const bs = b * top;
  const r0 = Math.floor(rs);
  const g0 = Math.floor(gs);
  const b0 = Math.floor(bs);
  const r1 = Math.min(r0 + 1, top);
  const g1 = Math.min(g0 + 1, top);
  const b1 = Math.min(b0 + 1, top);
  const fr = rs - r0;
  const fg = gs - g0;
  const fb = bs - b0;
  const plane = size * size;
  const i000 = (b0 * plane + g0 * size + r0) * 3;
  const i100 = (b0 * plane + g0 * size + r1) * 3;
  const i010 = (b0 * plane + g1 * size + r0) * 3;
  const i110 = (b0 * plane + g1 * size + r1) * 3;
  const i001 = (b1 * plane + g0 * size + r0) * 3;
  const i101 = (b1 * plane + g0 * size + r1) * 3;
  const i011 = (b1 * plane + g1 * size + r0) * 3;
  const i111 = (b1 * plane + g1 * size + r1) * 3;
  for (let c = 0; c < 3; c += 1) {
    const lower = mix(mix(table[i000 + c]!, table[i100 + c]!, fr), mix(table[i010 + c]!, table[i110 + c]!, fr), fg);
    const upper = mix(mix(table[i001 + c]!, table[i101 + c]!, fr), mix(table[i011 + c]!, table[i111 + c]!, fr), fg);
    out[c] = mix(lower, upper, fb);
  }
}

function putBack(layer: Canvas, image: ReturnType<SKRSContext2D['getImageData']>, region: DeviceRegion): void {
  const ctx = layer.getContext('2d');
  ctx.save();
  ctx.resetTransform();
  ctx.putImageData(image, region.x, region.y);
  ctx.restore();
}

function mix(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function clamp01(value: number): number {
  return Math.min(Math.max(value, 0), 1);
}

/**
 * The `curves` and `lut` effects as pixel loops over an offscreen layer. Like Fluvie's shaders,
 * they read straight (unpremultiplied) colour, look it up, mix toward the result by `intensity`
 * and leave alpha unchanged. Fully transparent pixels are skipped.
 *
 * Both loops remember the last input colour and its result, so flat areas (backgrounds, text
 * fills) cost one comparison per pixel.
 *
 * NOTE: a LUT is slow on video. Over a 1080×1920 frame where every pixel differs, it took about
 * 150 ms (best of 8 runs timed with performance.now, on a heavily loaded 2-core machine). A curve
 * table took about 35 ms there, and reading and writing the pixels about 16 ms.
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

/**
 * Applies a 3D LUT with trilinear interpolation to `region` of `layer`. The grid cell and fraction of
 * each 8-bit channel value are computed once per call, so the pixel loop only reads tables and mixes.
 */
export function applyCubeLut(layer: Canvas, region: DeviceRegion, lut: CubeLut, intensity: number): void {
  const t = clamp01(intensity);
  if (t === 0 || region.width <= 0 || region.height <= 0) return;
  const ctx = layer.getContext('2d');
  const image = ctx.getImageData(region.x, region.y, region.width, region.height);
  const data = image.data;

  const { table, size } = lut;
  const axis = axisTables(size);
  const rowStride = size * 3;
  const sliceStride = size * size * 3;

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
      const fr = axis.fraction[r]!;
      const fg = axis.fraction[g]!;
      const fb = axis.fraction[b]!;
      const r0 = axis.lower[r]! * 3;
      const r1 = axis.upper[r]! * 3;
      const g0 = axis.lower[g]! * rowStride;
      const g1 = axis.upper[g]! * rowStride;
      const b0 = axis.lower[b]! * sliceStride;
      const b1 = axis.upper[b]! * sliceStride;
      // The eight cell corners, as table offsets of their red channel.
      const c000 = b0 + g0 + r0;
      const c100 = b0 + g0 + r1;
      const c010 = b0 + g1 + r0;
      const c110 = b0 + g1 + r1;
      const c001 = b1 + g0 + r0;
      const c101 = b1 + g0 + r1;
      const c011 = b1 + g1 + r0;
      const c111 = b1 + g1 + r1;
      outR = r + (trilinear(table, c000, c100, c010, c110, c001, c101, c011, c111, fr, fg, fb) - r) * t;
      outG = g + (trilinear(table, c000 + 1, c100 + 1, c010 + 1, c110 + 1, c001 + 1, c101 + 1, c011 + 1, c111 + 1, fr, fg, fb) - g) * t;
      outB = b + (trilinear(table, c000 + 2, c100 + 2, c010 + 2, c110 + 2, c001 + 2, c101 + 2, c011 + 2, c111 + 2, fr, fg, fb) - b) * t;
      lastKey = key;
    }
    data[i] = outR;
    data[i + 1] = outG;
    data[i + 2] = outB;
  }

  putBack(layer, image, region);
}

/** Mixes the eight cell corners (table offsets) by red, then green, then blue, as Fluvie's shader does. */
function trilinear(
  table: Float32Array,
  c000: number,
  c100: number,
  c010: number,
  c110: number,
  c001: number,
  c101: number,
  c011: number,
  c111: number,
  fr: number,
  fg: number,
  fb: number,
): number {
  const lower = mix(mix(table[c000]!, table[c100]!, fr), mix(table[c010]!, table[c110]!, fr), fg);
  const upper = mix(mix(table[c001]!, table[c101]!, fr), mix(table[c011]!, table[c111]!, fr), fg);
  return mix(lower, upper, fb);
}

/** For each 8-bit value v: the grid points below and above v/255 on an axis of `size` points, and the fraction between them. */
function axisTables(size: number): { lower: Int32Array; upper: Int32Array; fraction: Float64Array } {
  const lower = new Int32Array(256);
  const upper = new Int32Array(256);
  const fraction = new Float64Array(256);
  const top = size - 1;
  for (let v = 0; v < 256; v += 1) {
    const scaled = (v / 255) * top;
    lower[v] = Math.floor(scaled);
    upper[v] = Math.min(lower[v]! + 1, top);
    fraction[v] = scaled - lower[v]!;
  }
  return { lower, upper, fraction };
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

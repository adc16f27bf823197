/**
 * The `grade` effect: white balance and exposure as channel gains, then contrast about mid grey,
 * then Rec. 709 saturation, composed into one 4×5 colour matrix (Fluvie's fixed order) and mixed
 * toward the identity by `intensity`. Applied to unpremultiplied colour in 0..255, like Flutter's
 * `ColorFilter.matrix`.
 *
 * NOTE: a JavaScript loop over the element's device bounds (about 10 ms for a full 1080×1920
 * frame), because canvas 2D filters cannot express per-channel gains.
 */
import type { Canvas } from '@napi-rs/canvas';
import type { DeviceRegion } from './device-region.js';

export interface GradeParams {
  exposure: number;
  contrast: number;
  saturation: number;
  temperature: number;
  tint: number;
  intensity: number;
}

/** Builds the row-major 4×5 matrix (offsets in 0..255 units) of a grade. */
export function gradeMatrix(params: GradeParams): number[] {
  const gain = Math.pow(2, params.exposure);
  const r = gain * (1 + 0.2 * params.temperature);
  const g = gain * (1 - 0.2 * params.tint);
  const b = gain * (1 - 0.2 * params.temperature);
  const c = params.contrast;
  const offset = 127.5 * (1 - c);
  let matrix = [r * c, 0, 0, 0, offset, 0, g * c, 0, 0, offset, 0, 0, b * c, 0, offset, 0, 0, 0, 1, 0];
  if (params.saturation !== 1) matrix = compose(saturationMatrix(params.saturation), matrix);
  const t = Math.min(Math.max(params.intensity, 0), 1);
  if (t >= 1) return matrix;
  return matrix.map((value, i) => (i === 0 || i === 6 || i === 12 || i === 18 ? 1 : 0) * (1 - t) + value * t);
}

export function applyColorMatrix(layer: Canvas, region: DeviceRegion, matrix: readonly number[]): void {
  const ctx = layer.getContext('2d');
  const image = ctx.getImageData(region.x, region.y, region.width, region.height);
  const data = image.data;
  const m = matrix;
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3]!;
    if (a === 0) continue;
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    data[i] = m[0]! * r + m[1]! * g + m[2]! * b + m[3]! * a + m[4]!;
    data[i + 1] = m[5]! * r + m[6]! * g + m[7]! * b + m[8]! * a + m[9]!;
    data[i + 2] = m[10]! * r + m[11]! * g + m[12]! * b + m[13]! * a + m[14]!;
    data[i + 3] = m[15]! * r + m[16]! * g + m[17]! * b + m[18]! * a + m[19]!;
  }
  ctx.save();
  ctx.resetTransform();
  ctx.putImageData(image, region.x, region.y);
  ctx.restore();
}

function saturationMatrix(s: number): number[] {
  const lr = 0.2126;
  const lg = 0.7152;
  const lb = 0.0722;
  return [lr * (1 - s) + s, lg * (1 - s), lb * (1 - s), 0, 0, lr * (1 - s), lg * (1 - s) + s, lb * (1 - s), 0, 0, lr * (1 - s), lg * (1 - s), lb * (1 - s) + s, 0, 0, 0, 0, 0, 1, 0];
}

/** `after` applied to the result of `before`, carrying the offset column through. */
function compose(after: readonly number[], before: readonly number[]): number[] {
  const out: number[] = [];
  for (let row = 0; row < 4; row += 1) {
    for (let col = 0; col < 4; col += 1) {
      out.push(after[row * 5]! * before[col]! + after[row * 5 + 1]! * before[5 + col]! + after[row * 5 + 2]! * before[10 + col]! + after[row * 5 + 3]! * before[15 + col]!);
    }
    out.push(after[row * 5]! * before[4]! + after[row * 5 + 1]! * before[9]! + after[row * 5 + 2]! * before[14]! + after[row * 5 + 3]! * before[19]! + after[row * 5 + 4]!);
  }
  return out;
}

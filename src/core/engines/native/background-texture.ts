/**
 * The static texture backgrounds, drawn once per render into a canvas-sized pattern:
 * - noise: base #101010, one grey cell per 4·scale px square, row-major, grey = 16 + round(64·r);
 * - vhs: base #14121A, three #14FFFFFF bands at top r·H with height 8 + 24·r, then a 1 px #59000000
 *   line every 4 px from y = 0.
 * Both draw r from Dart's `math.Random` with Fluvie's fixed seeds, ported in dart-random.ts.
 */
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { DartRandom } from '../../motion/dart-random.js';

const NOISE_SEED = 0x466c7576;
const VHS_SEED = NOISE_SEED + 1;

export function renderNoiseTexture(width: number, height: number, scale: number): Canvas {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#101010';
  ctx.fillRect(0, 0, width, height);
  const cell = 4 * scale;
  const columns = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const random = new DartRandom(NOISE_SEED);
  // One pixel per cell, scaled up without smoothing, is the same picture as one rect per cell.
  const cells = createCanvas(columns, rows);
  const cellsCtx = cells.getContext('2d');
  const image = cellsCtx.createImageData(columns, rows);
  for (let i = 0; i < columns * rows; i += 1) {
    const gray = 16 + Math.round(random.nextDouble() * 64);
    image.data[i * 4] = gray;
    image.data[i * 4 + 1] = gray;
    image.data[i * 4 + 2] = gray;
    image.data[i * 4 + 3] = 255;
  }
  cellsCtx.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(cells, 0, 0, columns, rows, 0, 0, columns * cell, rows * cell);
  return canvas;
}

export function renderVhsTexture(width: number, height: number): Canvas {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#14121A';
  ctx.fillRect(0, 0, width, height);
  const random = new DartRandom(VHS_SEED);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.0784313725490196)';
  for (let i = 0; i < 3; i += 1) {
    const top = random.nextDouble() * height;
    const bandHeight = 8 + random.nextDouble() * 24;
    ctx.fillRect(0, top, width, bandHeight);
  }
  ctx.fillStyle = `rgba(0, 0, 0, ${0x59 / 255})`;
  for (let y = 0; y < height; y += 4) ctx.fillRect(0, y, width, 1);
  return canvas;
}

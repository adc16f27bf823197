/**
 * Foreground painters drawn over an element box in its local coordinates: grain (2 px blocks of
 * value noise whose field shifts with progress), vignette (a radial darkening from 55 % of half the
 * diagonal to the corners) and scanlines (a 1 px black line every `spacing` px).
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { noise2 } from '../../../motion/value-noise.js';

const GRAIN_BLOCK = 2;

/** Caches the last grain image, which only changes with size, amount and progress. */
export class GrainPainter {
  private canvas: Canvas | null = null;
  private key = '';

  paint(ctx: SKRSContext2D, width: number, height: number, amount: number, progress: number, alpha: number): void {
    if (amount <= 0 || width <= 0 || height <= 0) return;
    const columns = Math.ceil(width / GRAIN_BLOCK);
    const rows = Math.ceil(height / GRAIN_BLOCK);
    const key = `${columns}x${rows}:${amount}:${progress}`;
    if (this.canvas === null || this.key !== key) {
      this.canvas = grainImage(columns, rows, amount, progress, this.canvas);
      this.key = key;
    }
    ctx.save();
    ctx.globalAlpha = alpha;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.canvas, 0, 0, columns, rows, 0, 0, columns * GRAIN_BLOCK, rows * GRAIN_BLOCK);
    ctx.restore();
  }
}

/** One pixel per block: luma round(255·v), alpha round(200·v·amount), v = noise2(col + 17p, row − 17p). */
function grainImage(columns: number, rows: number, amount: number, progress: number, reuse: Canvas | null): Canvas {
  const canvas = reuse !== null && reuse.width === columns && reuse.height === rows ? reuse : createCanvas(columns, rows);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(columns, rows);
  const data = image.data;
  const shift = progress * 17;
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const value = noise2(column + shift, row - shift);
      const i = (row * columns + column) * 4;
      const luma = Math.round(value * 255);
      data[i] = luma;
      data[i + 1] = luma;
      data[i + 2] = luma;
      data[i + 3] = Math.round(value * amount * 200);
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}

export function paintVignette(ctx: SKRSContext2D, width: number, height: number, amount: number, alpha: number): void {
  if (amount <= 0) return;
  const cx = width / 2;
  const cy = height / 2;
  const radius = Math.hypot(cx, cy);
  const gradient = ctx.createRadialGradient(cx, cy, 0, cx, cy, radius);
  gradient.addColorStop(0.55, 'rgba(0, 0, 0, 0)');
  gradient.addColorStop(1, `rgba(0, 0, 0, ${Math.round(amount * 0xcc) / 255})`);
  ctx.save();
  ctx.globalAlpha = alpha;
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, width, height);
  ctx.restore();
}

export function paintScanlines(ctx: SKRSContext2D, width: number, height: number, spacing: number, opacity: number, alpha: number): void {
  if (opacity <= 0) return;
  ctx.save();
  ctx.globalAlpha = alpha;
  ctx.fillStyle = `rgba(0, 0, 0, ${Math.round(opacity * 255) / 255})`;
  ctx.beginPath();
  for (let y = 0; y < height; y += spacing) ctx.rect(0, y, width, 1);
  ctx.fill();
  ctx.restore();
}

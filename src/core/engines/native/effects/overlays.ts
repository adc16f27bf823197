/**
 * Foreground painters drawn over an element box in its local coordinates. Grain is 2 px blocks of
 * value noise whose field shifts with progress. Vignette is a radial darkening from 55 % of half
 * the diagonal to the corners. Scanlines are a 1 px black line every `spacing` px.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { lattice2 } from '../../../motion/value-noise.js';

const GRAIN_BLOCK = 2;

/** Caches the last grain image, which only changes with size, amount and progress. */
export class GrainPainter {
  private canvas: Canvas | null = null;
  private key = '';
  private readonly lattice = new LatticeCache();

  paint(ctx: SKRSContext2D, width: number, height: number, amount: number, progress: number, alpha: number): void {
    if (amount <= 0 || width <= 0 || height <= 0) return;
    const columns = Math.ceil(width / GRAIN_BLOCK);
    const rows = Math.ceil(height / GRAIN_BLOCK);
    const key = `${columns}x${rows}:${amount}:${progress}`;
    if (this.canvas === null || this.key !== key) {
      this.canvas = this.grainImage(columns, rows, amount, progress);
      this.key = key;
    }
    ctx.save();
    ctx.globalAlpha = alpha;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.canvas, 0, 0, columns, rows, 0, 0, columns * GRAIN_BLOCK, rows * GRAIN_BLOCK);
    ctx.restore();
  }

  /**
   * One pixel per block: luma round(255·v), alpha round(200·v·amount), v = noise2(col + 17p, row − 17p).
   * Every block shares the same fractional offset, so v is the same bilinear-smoothstep blend of a
   * lattice grid that only changes when the integer part of 17p does (computed as noise2 does).
   * NOTE: the lattice hash hardly changes with the row, so the grain draws as vertical streaks.
   * Fluvie's ValueNoise (packages/fluvie/lib/src/core/noise/value_noise.dart) has the same hash,
   * so the streaks are kept for parity with Fluvie's output.
   */
  private grainImage(columns: number, rows: number, amount: number, progress: number): Canvas {
    const canvas = this.canvas !== null && this.canvas.width === columns && this.canvas.height === rows ? this.canvas : createCanvas(columns, rows);
    const ctx = canvas.getContext('2d');
    const image = ctx.createImageData(columns, rows);
    const data = image.data;
    const shiftX = progress * 17;
    const shiftY = -progress * 17;
    const x0 = Math.floor(shiftX);
    const y0 = Math.floor(shiftY);
    const tx = smoothstep(shiftX - x0);
    const ty = smoothstep(shiftY - y0);
    const grid = this.lattice.grid(x0, y0, columns + 1, rows + 1);
    const stride = columns + 1;
    for (let row = 0; row < rows; row += 1) {
      for (let column = 0; column < columns; column += 1) {
        const at = row * stride + column;
        const a = grid[at]!;
        const b = grid[at + 1]!;
        const c = grid[at + stride]!;
        const d = grid[at + stride + 1]!;
        const top = a + (b - a) * tx;
        const bottom = c + (d - c) * tx;
        const value = top + (bottom - top) * ty;
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
}

/** Lattice values `lattice2(x0 + column, y0 + row)` of the last grid asked for. */
class LatticeCache {
  private key = '';
  private values = new Float64Array(0);

  grid(x0: number, y0: number, columns: number, rows: number): Float64Array {
    const key = `${x0}:${y0}:${columns}x${rows}`;
    if (key === this.key) return this.values;
    const values = new Float64Array(columns * rows);
    for (let row = 0; row < rows; row += 1) {
      for (let column = 0; column < columns; column += 1) values[row * columns + column] = lattice2(x0 + column, y0 + row);
    }
    this.key = key;
    this.values = values;
    return values;
  }
}

function smoothstep(t: number): number {
  return t * t * (3 - 2 * t);
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

/**
 * Offscreen layers for group opacity (Flutter's `Opacity` composites its subtree as one layer, so
 * overlapping children do not show through each other) and for blending an incoming scene. Layers
 * are canvas-sized, created on first use and reused, so steady-state frames allocate none.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';

export class LayerPool {
  private readonly free: Canvas[] = [];

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

  /**
   * Draws `paint` into a cleared layer that starts with `ctx`'s transform, then composites the
   * layer onto `ctx` at `alpha`.
   */
  composite(ctx: SKRSContext2D, alpha: number, paint: (layer: SKRSContext2D) => void): void {
    this.borrow(ctx, paint, (canvas) => {
      ctx.save();
      ctx.resetTransform();
      ctx.globalAlpha = alpha;
      ctx.drawImage(canvas, 0, 0);
      ctx.restore();
    });
  }

  /**
   * Draws `paint` into a cleared layer that starts with `ctx`'s transform, then hands the layer
   * canvas to `use`, which composites it however it needs (filters, blend modes, pixel edits).
   */
  borrow(ctx: SKRSContext2D, paint: (layer: SKRSContext2D) => void, use: (canvas: Canvas) => void): void {
    const canvas = this.free.pop() ?? this.createLayer();
    const layer = canvas.getContext('2d');
    try {
      layer.resetTransform();
      layer.clearRect(0, 0, this.width, this.height);
      layer.setTransform(ctx.getTransform());
      paint(layer);
      use(canvas);
    } finally {
      this.free.push(canvas);
    }
  }

  private createLayer(): Canvas {
    const canvas = createCanvas(this.width, this.height);
    // Same fixed text language as the frame canvas, so text in a layer shapes the same way.
    canvas.getContext('2d').lang = 'en';
    return canvas;
  }
}

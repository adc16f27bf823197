/** Flutter `BoxDecoration` painting: shadow, fill colour or gradient, rounded corners and border. */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { resolveAlignment, type BoxDecorationSpec } from '../../../spec/index.js';
import type { Rect } from './nodes.js';
import { cssColor } from './style.js';

export interface PreparedDecoration {
  spec: BoxDecorationSpec;
  color: string | null;
  border: { color: string; width: number } | null;
  shadow: { color: string; blur: number; x: number; y: number } | null;
}

export function prepareDecoration(spec: BoxDecorationSpec): PreparedDecoration {
  return {
    spec,
    color: spec.color === undefined ? null : cssColor(spec.color),
    border: spec.border === undefined ? null : { color: cssColor(spec.border.color), width: spec.border.width },
    shadow:
      spec.shadow === undefined
        ? null
        : { color: cssColor(spec.shadow.color ?? '#40000000'), blur: spec.shadow.blur ?? 0, x: spec.shadow.offset?.x ?? 0, y: spec.shadow.offset?.y ?? 0 },
  };
}

export function paintDecoration(ctx: SKRSContext2D, decoration: PreparedDecoration, rect: Rect): void {
  const radius = decoration.spec.cornerRadius ?? 0;
  const shape = (): void => {
    ctx.beginPath();
    if (radius > 0) ctx.roundRect(rect.x, rect.y, rect.width, rect.height, radius);
    else ctx.rect(rect.x, rect.y, rect.width, rect.height);
  };
  const gradient = decoration.spec.gradient;
  let fill: string | CanvasGradientLike | null = decoration.color;
  if (gradient !== undefined) {
    const begin = resolveAlignment(gradient.begin ?? 'centerLeft');
    const end = resolveAlignment(gradient.end ?? 'centerRight');
    const linear = ctx.createLinearGradient(
      rect.x + ((begin.x + 1) / 2) * rect.width,
      rect.y + ((begin.y + 1) / 2) * rect.height,
      rect.x + ((end.x + 1) / 2) * rect.width,
      rect.y + ((end.y + 1) / 2) * rect.height,
    );
    gradient.colors.forEach((color, index) => linear.addColorStop(gradient.stops?.[index] ?? index / (gradient.colors.length - 1), cssColor(color)));
    fill = linear;
  }

  if (decoration.shadow !== null) {
    ctx.save();
    ctx.shadowColor = decoration.shadow.color;
    // Flutter's BoxShadow blur radius is twice the Gaussian sigma; canvas shadowBlur is twice sigma too.
    ctx.shadowBlur = decoration.shadow.blur;
    ctx.shadowOffsetX = decoration.shadow.x;
    ctx.shadowOffsetY = decoration.shadow.y;
    ctx.fillStyle = fill ?? 'rgba(0,0,0,1)';
    shape();
    ctx.fill();
    ctx.restore();
  }
  if (fill !== null) {
    ctx.fillStyle = fill;
    shape();
    ctx.fill();
  }
  if (decoration.border !== null && decoration.border.width > 0) {
    ctx.strokeStyle = decoration.border.color;
    ctx.lineWidth = decoration.border.width;
    const inset = decoration.border.width / 2;
    ctx.beginPath();
    ctx.roundRect(rect.x + inset, rect.y + inset, rect.width - 2 * inset, rect.height - 2 * inset, Math.max(radius - inset, 0));
    ctx.stroke();
  }
}

type CanvasGradientLike = ReturnType<SKRSContext2D['createLinearGradient']>;

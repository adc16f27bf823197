/**
 * A `Box` with `decoration`: sized like a plain Box (the whole parent, or `size` fractions of it,
 * centred) and painted as a Flutter `BoxDecoration`.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { BoxElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { constrainSize, type BoxConstraints, type Size } from './layout.js';
import type { Rect } from './nodes.js';
import { paintDecoration, prepareDecoration, type PreparedDecoration } from './paint-decoration.js';

export function createDecoratedBoxDrawer(env: DrawnEnv): DrawnParts | null {
  const element = env.planned.element as BoxElement;
  if (element.decoration === undefined) return null;
  return { drawer: new DecoratedBoxDrawer(element, prepareDecoration(element.decoration)), children: [] };
}

class DecoratedBoxDrawer {
  private inner: Rect = { x: 0, y: 0, width: 0, height: 0 };

  constructor(
    private readonly element: BoxElement,
    private readonly decoration: PreparedDecoration,
  ) {}

  measure(constraints: BoxConstraints): Size {
    const fraction = this.element.size;
    if (fraction === undefined) {
      this.inner = { x: 0, y: 0, width: constraints.maxWidth, height: constraints.maxHeight };
      return { width: constraints.maxWidth, height: constraints.maxHeight };
    }
    const width = constraints.maxWidth * fraction.width;
    const height = constraints.maxHeight * fraction.height;
    const size = constrainSize(constraints, width, height);
    this.inner = { x: (size.width - width) / 2, y: (size.height - height) / 2, width, height };
    return size;
  }

  update(): number {
    return 0;
  }

  paint(ctx: SKRSContext2D, _size: Size, alpha: number): void {
    ctx.globalAlpha = alpha;
    paintDecoration(ctx, this.decoration, this.inner);
  }
}

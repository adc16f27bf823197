/**
 * Stroked annotation graphics in pixel coordinates of their box, which fills the parent. `Arrow`
 * is a line with a two-stroke head `headLength` long at `to` (width 3). `Connector` is straight,
 * or an elbow that runs horizontally then vertically (width 2). A `reveal` draws the stroke on by
 * trimming the path to `progress × length`, linear in the reveal clock.
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import type { ArrowElement, ConnectorElement, ShapeElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { clockFrames, elapsedFrames, revealProgress, type ElementClock } from './element-drawer.js';
import type { BoxConstraints, Size } from './layout.js';
import { cssColor } from './style.js';

/** Fluvie's first palette colour, the default stroke of annotation shapes. */
const DEFAULT_COLOR = '#FF6C5CE7';
/** Half-angle between an arrow head's strokes and the shaft. */
const HEAD_ANGLE = Math.PI / 6;

export function createArrowDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as ArrowElement;
  const path = new Path2D();
  path.moveTo(element.from.x, element.from.y);
  path.lineTo(element.to.x, element.to.y);
  const head = new Path2D();
  const angle = Math.atan2(element.to.y - element.from.y, element.to.x - element.from.x);
  const length = element.headLength ?? 16;
  for (const side of [-1, 1]) {
    head.moveTo(element.to.x, element.to.y);
    head.lineTo(element.to.x - length * Math.cos(angle + side * HEAD_ANGLE), element.to.y - length * Math.sin(angle + side * HEAD_ANGLE));
  }
  return strokeParts(env, path, head, element.color, element.strokeWidth ?? 3, element.reveal);
}

export function createConnectorDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as ConnectorElement;
  const path = new Path2D();
  path.moveTo(element.from.x, element.from.y);
  if (element.elbow === true) path.lineTo(element.to.x, element.from.y);
  path.lineTo(element.to.x, element.to.y);
  return strokeParts(env, path, null, element.color, element.strokeWidth ?? 2, element.reveal);
}

/** Prepares a Shape with `reveal`. Shapes without one are drawn by the plain shape content. */
export function createRevealShapeDrawer(env: DrawnEnv): DrawnParts | null {
  const element = env.planned.element as ShapeElement;
  const path = new Path2D();
  switch (element.kind) {
    case 'line':
      path.moveTo(element.from!.x, element.from!.y);
      path.lineTo(element.to!.x, element.to!.y);
      break;
    case 'rect':
      path.rect(element.rect!.x, element.rect!.y, element.rect!.w, element.rect!.h);
      break;
    case 'circle':
      // Starts at 12 o'clock and runs clockwise, so the reveal draws the way a clock hand sweeps.
      path.arc(element.center!.x, element.center!.y, element.radius!, -Math.PI / 2, (3 * Math.PI) / 2);
      break;
    case 'path':
      path.addPath(new Path2D(element.path!));
      break;
  }
  return strokeParts(env, path, null, element.color, element.strokeWidth ?? 3, element.reveal);
}

function strokeParts(env: DrawnEnv, path: Path2D, head: Path2D | null, color: ArrowElement['color'], width: number, reveal: string | undefined): DrawnParts {
  return { drawer: new StrokeDrawer(env.clock, path, head, cssColor(color ?? DEFAULT_COLOR), width, reveal), children: [] };
}

class StrokeDrawer {
  private readonly revealFrames: number | null;
  private progress = 1;

  constructor(
    private readonly clock: ElementClock,
    private readonly path: Path2D,
    private readonly head: Path2D | null,
    private readonly color: string,
    private readonly width: number,
    reveal: string | undefined,
  ) {
    this.revealFrames = reveal === undefined ? null : clockFrames(clock, reveal);
  }

  measure(constraints: BoxConstraints): Size {
    return { width: constraints.maxWidth, height: constraints.maxHeight };
  }

  update(frame: number): number {
    this.progress = this.revealFrames === null ? 1 : revealProgress(elapsedFrames(this.clock, frame), this.revealFrames);
    return this.progress;
  }

  paint(ctx: SKRSContext2D, _size: Size, alpha: number): void {
    if (this.progress <= 0) return;
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = this.color;
    ctx.lineWidth = this.width;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.stroke(this.progress >= 1 ? this.path : new Path2D(this.path).trim(0, this.progress));
    // The head appears once the shaft has reached it.
    if (this.head !== null && this.progress >= 1) ctx.stroke(this.head);
  }
}

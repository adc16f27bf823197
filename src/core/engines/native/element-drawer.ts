/**
 * The seam for element kinds beyond plain Text, Box, Image, Shape and Group. Each such element is
 * prepared once into an {@link ElementDrawer} that sizes itself under box constraints, reports a
 * per-frame state (its reveal clock, typed glyph count and the like), and paints that state.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { parseTime, resolveTimeFrames } from '../../../spec/index.js';
import type { FrameWindow } from '../../pipeline/plan-types.js';
import type { BoxConstraints, Size } from './layout.js';
import type { DrawNode } from './nodes.js';

/** Paints a child node (already positioned by the drawer's `measure`) in the drawer's coordinates. */
export type DrawChild = (ctx: SKRSContext2D, child: DrawNode, alpha: number) => void;

export interface ElementDrawer {
  /** Returns the element's size under `constraints` and lays out any child nodes. Runs once per scene. */
  measure(constraints: BoxConstraints): Size;
  /**
   * Sets the state painted on `frame` and returns a number that differs whenever that state
   * differs, so an unchanged frame can reuse the previous pixels.
   */
  update(frame: number): number;
  /** Paints the state of the last `update` into a box of `size` at the origin, at paint alpha `alpha`. */
  paint(ctx: SKRSContext2D, size: Size, alpha: number, drawChild: DrawChild): void;
}

/** Element timing every drawer receives: the element scope and the fps its times resolve with. */
export interface ElementClock {
  fps: number;
  /** The element scope: its `show` window, else the scene's. Reveal clocks start at `scope.start`. */
  scope: FrameWindow;
}

/** Resolves a spec time in the element scope (relative times measure the scope). */
export function clockFrames(clock: ElementClock, time: string): number {
  return resolveTimeFrames(parseTime(time), clock.fps, clock.scope.end - clock.scope.start);
}

/** Frames since the element scope started: the clock of every reveal. */
export function elapsedFrames(clock: ElementClock, frame: number): number {
  return frame - clock.scope.start;
}

/** `clamp(elapsed / revealFrames, 0, 1)`, and 1 when `revealFrames` ≤ 0. */
export function revealProgress(elapsed: number, revealFrames: number): number {
  if (revealFrames <= 0) return 1;
  return Math.min(Math.max(elapsed / revealFrames, 0), 1);
}

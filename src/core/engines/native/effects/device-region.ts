/** The device-pixel rectangle a local box covers under a canvas transform, for pixel read-backs. */
import type { SKRSContext2D } from '@napi-rs/canvas';

export interface DeviceRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Returns the bounds of the local box `[0, width] × [0, height]` under `ctx`'s transform, grown by
 * `margin` device pixels and clamped to the canvas, or null when none of it is on the canvas.
 */
export function deviceRegion(ctx: SKRSContext2D, width: number, height: number, margin: number, canvasWidth: number, canvasHeight: number): DeviceRegion | null {
  const m = ctx.getTransform();
  const corners: Array<[number, number]> = [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
  ];
  const xs = corners.map(([x, y]) => m.a * x + m.c * y + m.e);
  const ys = corners.map(([x, y]) => m.b * x + m.d * y + m.f);
  const left = Math.max(0, Math.floor(Math.min(...xs) - margin));
  const top = Math.max(0, Math.floor(Math.min(...ys) - margin));
  const right = Math.min(canvasWidth, Math.ceil(Math.max(...xs) + margin));
  const bottom = Math.min(canvasHeight, Math.ceil(Math.max(...ys) + margin));
  if (right <= left || bottom <= top) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Returns the device vector of the local vector `(dx, dy)` under `ctx`'s transform. */
export function deviceVector(ctx: SKRSContext2D, dx: number, dy: number): [number, number] {
  const m = ctx.getTransform();
  return [m.a * dx + m.c * dy, m.b * dx + m.d * dy];
}

/** Returns the transform's area scale as one length factor, which scales blur sigmas to device pixels. */
export function deviceScale(ctx: SKRSContext2D): number {
  const m = ctx.getTransform();
  return Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
}

/** Returns `region` grown by `margin` device pixels on every side, clamped to the canvas. */
export function growRegion(region: DeviceRegion, margin: number, canvasWidth: number, canvasHeight: number): DeviceRegion {
  const left = Math.max(0, Math.floor(region.x - margin));
  const top = Math.max(0, Math.floor(region.y - margin));
  const right = Math.min(canvasWidth, Math.ceil(region.x + region.width + margin));
  const bottom = Math.min(canvasHeight, Math.ceil(region.y + region.height + margin));
  return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

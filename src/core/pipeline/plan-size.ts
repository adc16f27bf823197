/**
 * Output canvas size. Without an aspect override it is the spec's size. With one, the video's
 * long edge is kept and the other edge follows the aspect ratio, rounded to an even number of
 * pixels (yuv420p needs even sizes): a 1080×1920 video becomes 1920×1080 (landscape), 1920×1920
 * (square), 1536×1920 (portrait45) or stays 1080×1920 (reels).
 *
 * Content is not scaled to the new size. It is laid out again at the new canvas size, as Fluvie's
 * capture host does when it sets the view to the overridden size: `transform` fractions, Box sizes
 * and gradient geometry follow the new canvas, while font sizes, shape coordinates and other pixel
 * values keep their spec values.
 */
import { dartRound, type VideoSize } from '../../spec/index.js';
import type { Aspect } from './render-request.js';

/** Width : height of each aspect override. */
const ASPECT_RATIOS: Readonly<Record<Aspect, readonly [number, number]>> = {
  reels: [9, 16],
  square: [1, 1],
  landscape: [16, 9],
  portrait45: [4, 5],
};

export function canvasSizeFor(specSize: VideoSize, aspect: Aspect | null): VideoSize {
  if (aspect === null) return { width: specSize.width, height: specSize.height };
  const longEdge = Math.max(specSize.width, specSize.height);
  const [ratioWidth, ratioHeight] = ASPECT_RATIOS[aspect];
  if (ratioWidth >= ratioHeight) {
    return { width: longEdge, height: roundToEven((longEdge * ratioHeight) / ratioWidth) };
  }
  return { width: roundToEven((longEdge * ratioWidth) / ratioHeight), height: longEdge };
}

function roundToEven(value: number): number {
  return dartRound(value / 2) * 2;
}

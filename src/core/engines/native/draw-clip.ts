/**
 * The Clip element: a local video file played in its window through a {@link ClipPlayer}, with
 * `trim`, `fit` (default contain), a constant `speed` (negative plays backwards) or a keyframed one
 * (a speed ramp, positions in the clip's window), fades and a poster.
 * NOTE: the poster is painted only when the clip decodes no frame at all. Outside its `show` window
 * the element is hidden, so no poster shows before the window. The default fit is a guess.
 */
import type { ClipElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { clockFrames } from './element-drawer.js';
import { integrateSpeedRamp, speedRampProblem } from '../../motion/speed-ramp.js';

export function createClipDrawer(env: DrawnEnv): DrawnParts | null {
  const element = env.planned.element as ClipElement;
  const { clock } = env;
  const seconds = (time: string | undefined): number | null => (time === undefined ? null : clockFrames(clock, time) / clock.fps);
  const window = env.planned.window ?? env.planned.scope;
  const speed = element.speed;
  // A ramp that cannot play forward is reported by unsupported.ts; the clip then plays at its first value.
  const ramp = speed !== undefined && typeof speed !== 'number' && speedRampProblem(speed) === null ? integrateSpeedRamp(speed, clock.fps, window.end - window.start) : null;
  const player = env.context.clips?.createPlayer(env.planned.path, {
    window,
    playback: {
      trimFrom: seconds(element.trim?.from) ?? 0,
      trimTo: seconds(element.trim?.to),
      speed: typeof speed === 'number' ? speed : (speed?.values[0] ?? 1) || 1,
      ramp,
    },
    fit: element.fit ?? 'contain',
    fadeInFrames: element.fadeIn === undefined ? 0 : clockFrames(clock, element.fadeIn),
    fadeOutFrames: element.fadeOut === undefined ? 0 : clockFrames(clock, element.fadeOut),
  });
  if (player === null || player === undefined) return null;

  return {
    drawer: {
      measure(constraints) {
        const width = Number.isFinite(constraints.maxWidth) ? constraints.maxWidth : constraints.minWidth;
        const height = Number.isFinite(constraints.maxHeight) ? constraints.maxHeight : constraints.minHeight;
        player.setBox(width, height);
        return { width, height };
      },
      update: (frame) => player.update(frame),
      paint: (ctx, size, alpha) => player.paint(ctx, size, alpha),
    },
    children: [],
  };
}

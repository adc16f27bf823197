/**
 * The Clip element: a local video file played in its window through a {@link ClipPlayer}, with
 * `trim`, `fit` (default contain), a constant `speed` (negative plays backwards), fades and a poster.
 * NOTE: the poster is painted only when the clip decodes no frame at all. Outside its `show` window
 * the element is hidden, so no poster shows before the window. The default fit is a guess.
 */
import type { ClipElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { clockFrames } from './element-drawer.js';

export function createClipDrawer(env: DrawnEnv): DrawnParts | null {
  const element = env.planned.element as ClipElement;
  const { clock } = env;
  const seconds = (time: string | undefined): number | null => (time === undefined ? null : clockFrames(clock, time) / clock.fps);
  const player = env.context.clips?.createPlayer(env.planned.path, {
    window: env.planned.window ?? env.planned.scope,
    playback: {
      trimFrom: seconds(element.trim?.from) ?? 0,
      trimTo: seconds(element.trim?.to),
      // A keyframed speed is reported by unsupported.ts; the clip then plays at its first value.
      speed: typeof element.speed === 'number' ? element.speed : (element.speed?.values[0] ?? 1) || 1,
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

/**
 * The warning for a poster time past the end of the rendered video, which the plan clamps to the
 * last rendered frame.
 */
import { parseTime, resolveTimeFrames } from '../../spec/time.js';
import type { RenderEvent } from './events.js';
import type { RenderPlan } from './plan-types.js';

/** Returns a `poster_clamped` warning when `posterTime` lies past the rendered frames, else null. */
export function posterPastEndWarning(posterTime: string | null, plan: RenderPlan): Extract<RenderEvent, { type: 'warning' }> | null {
  if (posterTime === null || plan.posterFrame === null) return null;
  const requested = resolveTimeFrames(parseTime(posterTime), plan.fps, plan.specTotalFrames);
  if (requested < plan.totalFrames) return null;

  const duration = (plan.totalFrames / plan.fps).toFixed(2);
  const last = ((plan.totalFrames - 1) / plan.fps).toFixed(2);
  return {
    type: 'warning',
    code: 'poster_clamped',
    message: `Poster time ${posterTime} is past the end of the ${duration}s video (${plan.totalFrames} frames at ${plan.fps} fps), so the poster shows the last frame at ${last}s. Pass a --poster time below ${duration}s.`,
  };
}

/**
 * Timing that some presets fix for themselves. `spin` and `float` repeat forever with a cycle of
 * their `period` and run linear; `pulse` eases from min to max over half its period (rounded
 * once) and yoyos forever; `drift` and `kenBurns` make one linear pass to the window end. An
 * explicit `ease` or `repeat` on the entry still wins.
 */
import type { EaseValue } from '../motion/ease.js';
import type { AnimationSpec } from '../../spec/index.js';

export interface PresetTiming {
  /** Replaces the cascaded duration (a VideoSpec time), or null to keep the cascade. */
  duration: string | null;
  /** Frames of the duration are multiplied by this and rounded once (pulse uses 0.5). */
  durationFactor: number;
  ease: EaseValue | null;
  /** Repeat used when the entry has none. */
  repeat: { forever: true; yoyo: boolean } | null;
}

const NONE: PresetTiming = { duration: null, durationFactor: 1, ease: null, repeat: null };

export function presetTiming(animation: AnimationSpec): PresetTiming {
  if (!('preset' in animation) || typeof animation.preset !== 'string') return NONE;
  switch (animation.preset) {
    case 'spin':
      return { duration: animation.period ?? '4s', durationFactor: 1, ease: 'linear', repeat: { forever: true, yoyo: false } };
    case 'float':
      return { duration: animation.period ?? '2.5s', durationFactor: 1, ease: 'linear', repeat: { forever: true, yoyo: false } };
    case 'pulse':
      if (animation.on !== undefined) return NONE;
      return { duration: animation.period ?? '1.2s', durationFactor: 0.5, ease: null, repeat: { forever: true, yoyo: true } };
    case 'drift':
    case 'kenBurns':
      return { ...NONE, ease: 'linear' };
    default:
      return NONE;
  }
}

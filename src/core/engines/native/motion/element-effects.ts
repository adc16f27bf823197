/**
 * Element `effects` as wrappers. They wrap the element inside its animations, transform class
 * innermost, then pixel class, each group in list order. Only constant parameters are drawn:
 * keyframed parameters (`{values, positions}`), particles, shaders, curves and LUTs are not.
 */
import type { EffectSpec, KeyframedNumberSpec } from '../../../../spec/index.js';
import type { Wrapper } from './wrappers.js';

/** Returns the effect's wrapper, null for a disabled effect, or 'unsupported'. */
export function effectWrapper(effect: EffectSpec): Wrapper | null | 'unsupported' {
  if (effect.enabled === false) return null;
  const value = (number: KeyframedNumberSpec | undefined, fallback: number): number | 'keyframed' => {
    if (number === undefined) return fallback;
    return typeof number === 'number' ? number : 'keyframed';
  };
  const numbers = (entries: Record<string, number | 'keyframed'>): Record<string, number> | null =>
    Object.values(entries).includes('keyframed') ? null : (entries as Record<string, number>);

  let wrapper: Wrapper | null = null;
  switch (effect.kind) {
    case 'grain':
    case 'vignette':
    case 'bloom': {
      const amount = value(effect.amount, 0);
      if (amount === 'keyframed') return 'unsupported';
      wrapper = { kind: effect.kind, amount: Math.min(Math.max(amount, 0), 1) };
      break;
    }
    case 'scanlines': {
      const parsed = numbers({ spacing: value(effect.spacing, 3), opacity: value(effect.opacity, 0.35) });
      if (parsed === null) return 'unsupported';
      wrapper = { kind: 'scanlines', spacing: Math.max(parsed.spacing!, 1), opacity: Math.min(Math.max(parsed.opacity!, 0), 1) };
      break;
    }
    case 'chromatic': {
      const px = value(effect.px, 0);
      if (px === 'keyframed') return 'unsupported';
      wrapper = { kind: 'chromatic', px };
      break;
    }
    case 'blur': {
      const sigma = value(effect.sigma, 0);
      if (sigma === 'keyframed') return 'unsupported';
      wrapper = { kind: 'blur', sigma };
      break;
    }
    case 'glitch': {
      const intensity = value(effect.intensity, 1);
      if (intensity === 'keyframed') return 'unsupported';
      // NOTE: `intensity` scales the band shift and split like the preset's 1 − progress; unconfirmed upstream.
      wrapper = { kind: 'glitch', bias: effect.from === 'right' ? 1 : -1, reverse: effect.reverse === true, scale: intensity };
      break;
    }
    case 'grade': {
      const parsed = numbers({
        exposure: value(effect.exposure, 0),
        contrast: value(effect.contrast, 1),
        saturation: value(effect.saturation, 1),
        temperature: value(effect.temperature, 0),
        tint: value(effect.tint, 0),
        intensity: value(effect.intensity, 1),
      });
      if (parsed === null) return 'unsupported';
      wrapper = { kind: 'grade', exposure: parsed.exposure!, contrast: parsed.contrast!, saturation: parsed.saturation!, temperature: parsed.temperature!, tint: parsed.tint!, intensity: parsed.intensity! };
      break;
    }
    case 'parallax': {
      const depth = value(effect.depth, 0.2);
      if (depth === 'keyframed') return 'unsupported';
      wrapper = { kind: 'parallax', depth };
      break;
    }
    default:
      return 'unsupported';
  }
  return wrapper;
}

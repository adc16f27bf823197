import { describe, expect, it } from 'vitest';
import { planRender } from '../../../src/core/pipeline/plan.js';
import type { PlannedAnimation } from '../../../src/core/pipeline/plan-types.js';
import { defaultPlanOptions, parseSpec } from '../engines/native/native-helpers.js';

/** Plans one Box with `animate` in a `duration` scene (30 fps) and returns its planned entries. */
function planned(animate: unknown[], duration = '60f', extra: Record<string, unknown> = {}): PlannedAnimation[] {
  const spec = parseSpec({ fluvieSpec: 1, size: { width: 8, height: 8 }, ...extra, scenes: [{ duration: '30f' }, { duration, children: [{ type: 'Box', animate }] }] });
  return planRender(spec, defaultPlanOptions).scenes[1]!.children[0]!.animations;
}

describe('animation spans', () => {
  it('sceneEnd anchors every phase to the scene end', () => {
    const [fade, float] = planned([
      { preset: 'fadeIn', duration: '6f', delay: '2f', at: 'sceneEnd' },
      { preset: 'float', period: '20f', at: 'sceneEnd' },
    ]);
    expect([fade!.timing.start, fade!.timing.end]).toEqual([82, 88]);
    expect([float!.timing.start, float!.timing.end]).toEqual([70, 90]);
  });

  it('previous starts at the end of the previous entry', () => {
    const entries = planned([
      { preset: 'fadeIn', duration: '6f' },
      { preset: 'slideIn', duration: '4f', delay: '1f', at: 'previous' },
      { preset: 'pop', at: 'previous' },
    ]);
    expect(entries.map((entry) => [entry.timing.start, entry.timing.end])).toEqual([
      [30, 36],
      [37, 41],
      [41, 68],
    ]);
  });

  it('spin repeats forever with its period as the cycle', () => {
    const [spin] = planned([{ preset: 'spin', period: '20f' }]);
    expect(spin!.timing).toEqual({ start: 30, end: 90, curve: { kind: 'ease', ease: 'linear' }, repeat: { times: null, yoyo: false, gap: 0, cycle: 20 } });
  });

  it('pulse eases over half its period and yoyos', () => {
    const [pulse] = planned([{ preset: 'pulse', period: '1.2s' }]);
    expect(pulse!.timing).toMatchObject({ curve: { kind: 'ease', ease: 'smooth' }, repeat: { times: null, yoyo: true, cycle: 18 } });
  });

  it('float cycles over its period linearly', () => {
    const [float] = planned([{ preset: 'float' }]);
    expect(float!.timing).toMatchObject({ curve: { ease: 'linear' }, repeat: { times: null, cycle: 75 } });
  });

  it('drift and kenBurns make one linear pass', () => {
    const [drift, ken] = planned([{ preset: 'drift', delay: '10f' }, { preset: 'kenBurns', ease: 'smooth' }]);
    expect(drift!.timing).toEqual({ start: 40, end: 90, curve: { kind: 'ease', ease: 'linear' }, repeat: null });
    expect(ken!.timing.curve).toEqual({ kind: 'ease', ease: 'smooth' });
  });

  it('an explicit repeat uses the duration as the cycle', () => {
    const [entry] = planned([{ preset: 'drift', duration: '10f', repeat: { times: 2, yoyo: true, gap: '5f' } }]);
    expect(entry!.timing.repeat).toEqual({ times: 2, yoyo: true, gap: 5, cycle: 10 });
  });

  it('enter and exit ignore repeat', () => {
    const [entry] = planned([{ preset: 'fadeIn', duration: '10f', repeat: { forever: true } }]);
    expect(entry!.timing.repeat).toBeNull();
  });

  it('custom springs set the span to their settle frames', () => {
    const [entry] = planned([{ preset: 'fadeIn', spring: { stiffness: 180, damping: 12 } }, { preset: 'fadeIn', spring: 'bouncy' }]);
    expect(entry!.timing.end - entry!.timing.start).toBe(36);
  });

  it('stagger cascades from motionDefaults', () => {
    const [own, cascaded] = planned([{ preset: 'fadeIn', stagger: { each: '2f' } }, { preset: 'fadeIn' }], '60f', { motionDefaults: { stagger: { from: 'center', gap: '3f' } } });
    expect(own!.stagger).toEqual({ kind: 'each', frames: 2 });
    expect(cascaded!.stagger).toEqual({ kind: 'wave', origin: 'center', frames: 3 });
  });

  it('keyframe positions become fractions of the span', () => {
    const [entry] = planned([{ keyframes: [{ opacity: 0 }, { opacity: 0.5 }, { opacity: 1 }], positions: ['0f', '3f', '12f'], duration: '12f' }]);
    expect(entry!.stopPositions).toEqual([0, 0.25, 1]);
  });
});

describe('animation phases', () => {
  it('along takes its phase argument', () => {
    const [enter, during] = planned([
      { preset: 'along', path: 'M0 0 L10 0', duration: '6f' },
      { preset: 'along', path: 'M0 0 L10 0', duration: '6f', phase: 'during' },
    ]);
    expect(enter!.phase).toBe('enter');
    expect(during!.phase).toBe('during');
    expect(during!.timing.end).toBe(90);
  });
});

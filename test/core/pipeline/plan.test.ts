import { describe, expect, it } from 'vitest';
import { planRender } from '../../../src/core/pipeline/plan.js';
import { defaultPlanOptions, parseSpec, referenceSpec } from '../engines/native/native-helpers.js';

describe('planRender on reference specs', () => {
  it('rich: 138 frames with a 12-frame slide boundary', () => {
    const plan = planRender(referenceSpec('rich'), defaultPlanOptions);
    expect([plan.width, plan.height, plan.fps]).toEqual([1920, 1080, 30]);
    expect(plan.totalFrames).toBe(138);
    expect(plan.scenes.map((scene) => scene.window)).toEqual([
      { start: 0, end: 90 },
      { start: 78, end: 138 },
    ]);
    expect(plan.scenes[1]!.enter?.transition.kind).toBe('slide');
    expect(plan.scenes[1]!.enter?.blend).toEqual({ start: 78, end: 90 });
  });

  it('rich: title fadeIn spans 30 linear frames', () => {
    const plan = planRender(referenceSpec('rich'), defaultPlanOptions);
    const title = plan.scenes[0]!.children[0]!;
    expect(title.animations[0]!.timing).toEqual({ start: 0, end: 30, curve: { kind: 'ease', ease: 'linear' }, repeat: null });
  });

  it('rich: motionDefaults time the slideFadeIn to frames 78-90', () => {
    const plan = planRender(referenceSpec('rich'), defaultPlanOptions);
    const box = plan.scenes[1]!.children[0]!;
    expect(box.animations[0]!.timing).toMatchObject({ start: 78, end: 90, curve: { kind: 'ease', ease: 'smooth' } });
  });

  it('rich: pop waits for the title fadeIn anchor', () => {
    const plan = planRender(referenceSpec('rich'), defaultPlanOptions);
    expect(plan.scenes[0]!.children[1]!.animations[0]!.timing).toMatchObject({ start: 30, end: 57, curve: { kind: 'spring' } });
  });

  it('rich: spec poster 1s is frame 30', () => {
    expect(planRender(referenceSpec('rich'), defaultPlanOptions).posterFrame).toBe(30);
  });

  it('promo: 180 frames at 1080x1920, fade from 0.5s to 2s', () => {
    const plan = planRender(referenceSpec('promo'), defaultPlanOptions);
    expect([plan.width, plan.height, plan.totalFrames]).toEqual([1080, 1920, 180]);
    expect(plan.posterFrame).toBeNull();
    expect(plan.scenes[0]!.children[0]!.animations[0]!.timing).toMatchObject({ start: 15, end: 60 });
  });

  it('positioned: 320x180, 90 frames, no windows', () => {
    const plan = planRender(referenceSpec('positioned'), defaultPlanOptions);
    expect([plan.width, plan.height, plan.totalFrames]).toEqual([320, 180, 90]);
    expect(plan.scenes[0]!.children.map((child) => child.window)).toEqual([null, null]);
  });

  it('show_windows: windows and end-anchored fadeOut', () => {
    const plan = planRender(referenceSpec('show_windows'), defaultPlanOptions);
    const [clip, title, outro, badge] = plan.scenes[0]!.children;
    expect(clip!.window).toEqual({ start: 60, end: 195 });
    expect(title!.window).toEqual({ start: 0, end: 60 });
    expect(outro!.window).toEqual({ start: 300, end: 360 });
    expect(badge!.window).toEqual({ start: 90, end: 270 });
    expect(badge!.animations.map((animation) => [animation.timing.start, animation.timing.end])).toEqual([
      [90, 102],
      [258, 270],
    ]);
  });
});

describe('planRender options', () => {
  const reels = referenceSpec('promo');

  it('aspect overrides keep the long edge', () => {
    const size = (aspect: 'reels' | 'square' | 'landscape' | 'portrait45') => {
      const plan = planRender(reels, { ...defaultPlanOptions, aspect });
      return [plan.width, plan.height];
    };
    expect(size('landscape')).toEqual([1920, 1080]);
    expect(size('square')).toEqual([1920, 1920]);
    expect(size('portrait45')).toEqual([1536, 1920]);
    expect(size('reels')).toEqual([1080, 1920]);
  });

  it('aspect rounds the short edge to even', () => {
    const spec = parseSpec({ fluvieSpec: 1, size: { width: 100, height: 50 }, scenes: [{ duration: '1f' }] });
    const plan = planRender(spec, { ...defaultPlanOptions, aspect: 'portrait45' });
    expect([plan.width, plan.height]).toEqual([80, 100]);
    const landscape = planRender(parseSpec({ fluvieSpec: 1, size: { width: 50, height: 30 }, scenes: [{ duration: '1f' }] }), { ...defaultPlanOptions, aspect: 'landscape' });
    expect([landscape.width, landscape.height]).toEqual([50, 28]);
  });

  it('maxFrames caps the frame count only', () => {
    const plan = planRender(reels, { ...defaultPlanOptions, maxFrames: 10 });
    expect(plan.totalFrames).toBe(10);
    expect(plan.specTotalFrames).toBe(180);
    expect(planRender(reels, { ...defaultPlanOptions, maxFrames: 500 }).totalFrames).toBe(180);
  });

  it('maxFrames below 1 is a usage error', () => {
    expect(() => planRender(reels, { ...defaultPlanOptions, maxFrames: 0 })).toThrow(/at least 1/);
  });

  it('poster time resolves and clamps', () => {
    expect(planRender(reels, { ...defaultPlanOptions, posterTime: '2s' }).posterFrame).toBe(60);
    expect(planRender(reels, { ...defaultPlanOptions, posterTime: '0.5r' }).posterFrame).toBe(90);
    expect(planRender(reels, { ...defaultPlanOptions, posterTime: '900f' }).posterFrame).toBe(179);
    expect(planRender(reels, { ...defaultPlanOptions, posterTime: '900f', maxFrames: 20 }).posterFrame).toBe(19);
  });
});

describe('planRender animation timing', () => {
  const withAnimation = (duration: string, animate: unknown[], extra: Record<string, unknown> = {}) =>
    planRender(parseSpec({ fluvieSpec: 1, size: 'square', ...extra, scenes: [{ duration, children: [{ type: 'Box', animate }] }] }), defaultPlanOptions)
      .scenes[0]!.children[0]!.animations.map((animation) => animation.timing);

  it('default duration is 0.2r capped at 0.8s', () => {
    expect(withAnimation('1s', [{ preset: 'fadeIn' }])[0]).toMatchObject({ start: 0, end: 6 });
    expect(withAnimation('2s', [{ preset: 'fadeIn' }])[0]).toMatchObject({ start: 0, end: 12 });
    expect(withAnimation('3s', [{ preset: 'fadeIn' }])[0]).toMatchObject({ start: 0, end: 18 });
    expect(withAnimation('10s', [{ preset: 'fadeIn' }])[0]).toMatchObject({ start: 0, end: 24 });
  });

  it('exit spans are anchored to the window end, delay moving them earlier', () => {
    expect(withAnimation('100f', [{ preset: 'fadeOut', duration: '10f', delay: '5f' }])[0]).toMatchObject({ start: 85, end: 95 });
  });

  it('at, sceneEnd and previous triggers', () => {
    const [atSpan, endSpan, previousSpan] = withAnimation('100f', [
      { preset: 'fadeIn', duration: '10f', at: { kind: 'at', time: '20f' }, delay: '2f' },
      { preset: 'fadeOut', duration: '10f', at: 'sceneEnd' },
      { preset: 'slideIn', duration: '5f', at: 'previous', delay: '1f' },
    ]);
    expect(atSpan).toMatchObject({ start: 22, end: 32 });
    expect(endSpan).toMatchObject({ start: 90, end: 100 });
    expect(previousSpan).toMatchObject({ start: 101, end: 106 });
  });

  it('pop runs its derived spring and ignores duration', () => {
    const [pop] = withAnimation('3s', [{ preset: 'pop', duration: '5f' }]);
    expect(pop).toMatchObject({ start: 0, end: 27, curve: { kind: 'spring' } });
  });

  it('scaleIn uses the snappy spring; an explicit spring wins', () => {
    const [scaleIn, bouncy] = withAnimation('3s', [{ preset: 'scaleIn' }, { preset: 'fadeIn', spring: 'bouncy' }]);
    expect(scaleIn!.end - scaleIn!.start).toBe(22);
    expect(bouncy!.end - bouncy!.start).toBe(42);
  });

  it('scene motionDefaults beat video motionDefaults field by field', () => {
    const plan = planRender(
      parseSpec({
        fluvieSpec: 1,
        motionDefaults: { duration: '20f', ease: 'snappy' },
        scenes: [{ duration: '100f', motionDefaults: { duration: '8f' }, children: [{ type: 'Box', animate: [{ preset: 'fadeIn' }] }] }],
      }),
      defaultPlanOptions,
    );
    expect(plan.scenes[0]!.children[0]!.animations[0]!.timing).toMatchObject({ start: 0, end: 8, curve: { kind: 'ease', ease: 'snappy' } });
  });

  it('relative times inside a show window measure the window', () => {
    const plan = planRender(
      parseSpec({ fluvieSpec: 1, scenes: [{ duration: '100f', children: [{ type: 'Box', show: { from: '40f', to: '90f' }, animate: [{ preset: 'fadeIn', duration: '0.2r' }] }] }] }),
      defaultPlanOptions,
    );
    expect(plan.scenes[0]!.children[0]!.animations[0]!.timing).toMatchObject({ start: 40, end: 50 });
  });

  it('an inverted show window is rejected', () => {
    expect(() =>
      planRender(parseSpec({ fluvieSpec: 1, scenes: [{ duration: '100f', children: [{ type: 'Box', show: { from: '50f', to: '10f' } }] }] }), defaultPlanOptions),
    ).toThrow(/ends before it starts/);
  });
});

describe('planRender themes and overlays', () => {
  it('theme motion sits under video motionDefaults', () => {
    const spec = parseSpec({
      fluvieSpec: 1,
      theme: { motion: { duration: '10f', ease: 'snappy' } },
      motionDefaults: { ease: 'linear' },
      scenes: [{ duration: '2s', children: [{ type: 'Box', animate: [{ preset: 'fadeIn' }] }] }],
    });
    const timing = planRender(spec, defaultPlanOptions).scenes[0]!.children[0]!.animations[0]!.timing;
    expect(timing).toEqual({ start: 0, end: 10, curve: { kind: 'ease', ease: 'linear' }, repeat: null });
  });

  it('overlays are planned on the video clock', () => {
    const spec = parseSpec({
      fluvieSpec: 1,
      overlays: [{ type: 'Box', show: { from: '0.5r' }, animate: [{ preset: 'fadeOut', duration: '5f' }] }],
      scenes: [{ duration: '20f' }, { duration: '20f' }],
    });
    const overlay = planRender(spec, defaultPlanOptions).overlays[0]!;
    expect(overlay.path).toBe('overlays[0]');
    expect(overlay.window).toEqual({ start: 20, end: 40 });
    expect(overlay.animations[0]!.timing).toMatchObject({ start: 35, end: 40 });
  });
});

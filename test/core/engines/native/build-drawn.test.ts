import { describe, expect, it } from 'vitest';
import { planRender } from '../../../../src/core/pipeline/plan.js';
import { capture, defaultPlanOptions, parseSpec, pixel } from './native-helpers.js';

/** Builds a 100×100 black 20-frame scene with a TitleCard (no title text) whose `child` is a white Box. */
function titleCardWithChild(child: Record<string, unknown>): ReturnType<typeof parseSpec> {
  return parseSpec({
    fluvieSpec: 1,
    size: { width: 100, height: 100 },
    fps: 10,
    scenes: [{ duration: '20f', background: { kind: 'color', color: '#FF000000' }, children: [{ type: 'TitleCard', title: '', child: { type: 'Box', color: '#FFFFFFFF', ...child } }] }],
  });
}

describe('child props', () => {
  it('child show window is planned', () => {
    const plan = planRender(titleCardWithChild({ show: { from: '5f', to: '15f' }, animate: [{ preset: 'fadeIn' }] }), defaultPlanOptions);
    const child = plan.scenes[0]!.children[0]!.child!;
    expect(child.path).toBe('scenes[0].children[0].child');
    expect(child.window).toEqual({ start: 5, end: 15 });
    expect(child.animations.map((animation) => [animation.timing.start, animation.phase])).toEqual([[5, 'enter']]);
  });

  it('child shows only in its window', async () => {
    const { stream } = await capture(titleCardWithChild({ show: { from: '5f', to: '15f' } }));
    expect(pixel(await stream.renderFrame!(4), 100, 50, 50)).toEqual([0, 0, 0, 255]);
    expect(pixel(await stream.renderFrame!(5), 100, 50, 50)).toEqual([255, 255, 255, 255]);
    expect(pixel(await stream.renderFrame!(14), 100, 50, 50)).toEqual([255, 255, 255, 255]);
    expect(pixel(await stream.renderFrame!(15), 100, 50, 50)).toEqual([0, 0, 0, 255]);
  });

  it('child animations play', async () => {
    const { stream } = await capture(titleCardWithChild({ animate: [{ preset: 'fadeIn', duration: '10f', ease: 'linear' }] }));
    expect(pixel(await stream.renderFrame!(0), 100, 50, 50)).toEqual([0, 0, 0, 255]);
    expect(pixel(await stream.renderFrame!(5), 100, 50, 50)).toEqual([128, 128, 128, 255]);
    expect(pixel(await stream.renderFrame!(10), 100, 50, 50)).toEqual([255, 255, 255, 255]);
  });
});

import { describe, expect, it } from 'vitest';
import { FluvieError } from '../../../src/core/errors.js';
import { planRender } from '../../../src/core/pipeline/plan.js';
import type { RenderPlan } from '../../../src/core/pipeline/plan-types.js';
import { defaultPlanOptions, parseSpec } from '../engines/native/native-helpers.js';

const planScenes = (scenes: unknown[]): RenderPlan => planRender(parseSpec({ fluvieSpec: 1, size: { width: 8, height: 8 }, scenes }), defaultPlanOptions);
const spans = (plan: RenderPlan, scene: number, child: number): number[][] =>
  plan.scenes[scene]!.children[child]!.animations.map((animation) => [animation.timing.start, animation.timing.end]);

describe('anchor triggers', () => {
  it('whenEnds and whenStarts follow an anchor declared later', () => {
    const plan = planScenes([
      {
        duration: '60f',
        children: [
          { type: 'Box', animate: [{ preset: 'fadeIn', duration: '5f', delay: '2f', at: { kind: 'whenEnds', anchor: 'title' } }] },
          { type: 'Box', animate: [{ preset: 'fadeIn', duration: '5f', at: { kind: 'whenStarts', anchor: 'title' } }] },
          { type: 'Box', anchor: 'title', animate: [{ preset: 'fadeIn', duration: '10f', delay: '4f' }] },
        ],
      },
    ]);
    expect(spans(plan, 0, 2)).toEqual([[4, 14]]);
    expect(spans(plan, 0, 0)).toEqual([[16, 21]]);
    expect(spans(plan, 0, 1)).toEqual([[4, 9]]);
  });

  it('anchors chain across scenes in topological order', () => {
    const plan = planScenes([
      { duration: '30f', children: [{ type: 'Box', anchor: 'a', animate: [{ preset: 'fadeIn', duration: '6f' }] }] },
      {
        duration: '30f',
        children: [
          { type: 'Box', animate: [{ preset: 'fadeIn', duration: '3f', at: { kind: 'whenEnds', anchor: 'b' } }] },
          { type: 'Box', anchor: 'b', animate: [{ preset: 'fadeIn', duration: '4f', at: { kind: 'whenEnds', anchor: 'a' } }] },
        ],
      },
    ]);
    expect(spans(plan, 1, 1)).toEqual([[6, 10]]);
    expect(spans(plan, 1, 0)).toEqual([[10, 13]]);
  });

  it('an anchor timeline is the union of its spans', () => {
    const plan = planScenes([
      {
        duration: '60f',
        children: [
          { type: 'Box', anchor: 'a', animate: [{ preset: 'fadeIn', duration: '5f' }, { preset: 'fadeOut', duration: '5f', delay: '10f' }] },
          { type: 'Box', animate: [{ preset: 'fadeIn', duration: '2f', at: { kind: 'whenEnds', anchor: 'a' } }] },
        ],
      },
    ]);
    expect(spans(plan, 0, 0)).toEqual([
      [0, 5],
      [45, 50],
    ]);
    expect(spans(plan, 0, 1)).toEqual([[50, 52]]);
  });

  it('an anchor without animations uses its window', () => {
    const plan = planScenes([
      {
        duration: '60f',
        children: [
          { type: 'Box', anchor: 'a', show: { from: '10f', to: '20f' } },
          { type: 'Box', animate: [{ preset: 'fadeIn', duration: '2f', at: { kind: 'whenEnds', anchor: 'a' } }] },
        ],
      },
    ]);
    expect(spans(plan, 0, 1)).toEqual([[20, 22]]);
  });

  it('a during animation stretches the anchor to its window end', () => {
    const plan = planScenes([
      {
        duration: '40f',
        children: [
          { type: 'Box', anchor: 'a', animate: [{ preset: 'spin', period: '10f' }] },
          { type: 'Box', animate: [{ preset: 'fadeIn', duration: '2f', at: { kind: 'whenEnds', anchor: 'a' } }] },
        ],
      },
    ]);
    expect(spans(plan, 0, 1)).toEqual([[40, 42]]);
  });

  it('a cycle is an error naming the chain', () => {
    const cyclic = [
      {
        duration: '30f',
        children: [
          { type: 'Box', anchor: 'a', animate: [{ preset: 'fadeIn', at: { kind: 'whenEnds', anchor: 'b' } }] },
          { type: 'Box', anchor: 'b', animate: [{ preset: 'fadeIn', at: { kind: 'whenStarts', anchor: 'a' } }] },
        ],
      },
    ];
    expect(() => planScenes(cyclic)).toThrow(FluvieError);
    expect(() => planScenes(cyclic)).toThrow(/cycle \(a -> b -> a\)/);
  });

  it('beat triggers stay out of the plan', () => {
    const plan = planScenes([{ duration: '30f', children: [{ type: 'Box', animate: [{ preset: 'fadeIn', at: { kind: 'beat' } }] }] }]);
    expect(plan.scenes[0]!.children[0]!.animations).toEqual([]);
  });
});

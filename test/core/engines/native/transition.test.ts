import { describe, expect, it } from 'vitest';
import { composeFrame } from '../../../../src/core/engines/native/transition.js';
import { planRender } from '../../../../src/core/pipeline/plan.js';
import { defaultPlanOptions, parseSpec } from './native-helpers.js';

const twoScenes = (transition: Record<string, unknown>) =>
  planRender(parseSpec({ fluvieSpec: 1, size: { width: 8, height: 8 }, transition, scenes: [{ duration: '10f' }, { duration: '10f' }] }), defaultPlanOptions);

describe('composeFrame', () => {
  it('crossFade blends over the incoming scene first frames', () => {
    const plan = twoScenes({ kind: 'crossFade', duration: '4f' });
    expect(composeFrame(plan, 5)).toMatchObject({ outgoing: null, incoming: { scene: { index: 0 }, frame: 5 }, incomingOpacity: 1 });
    expect(composeFrame(plan, 6)).toMatchObject({ outgoing: { scene: { index: 0 }, frame: 6 }, incoming: { scene: { index: 1 } }, incomingOpacity: 0.25 });
    expect(composeFrame(plan, 9).incomingOpacity).toBe(1);
    expect(composeFrame(plan, 10)).toMatchObject({ outgoing: null, incomingOpacity: 1 });
  });

  it('overlap false freezes the outgoing scene on its last frame', () => {
    const plan = twoScenes({ kind: 'crossFade', duration: '4f', overlap: false });
    expect(plan.totalFrames).toBe(20);
    expect(composeFrame(plan, 11)).toMatchObject({ outgoing: { scene: { index: 0 }, frame: 9 }, incoming: { frame: 11 }, incomingOpacity: 0.5 });
  });

  it('ease shapes the blend progress', () => {
    const plan = twoScenes({ kind: 'crossFade', duration: '4f', ease: 'in' });
    expect(composeFrame(plan, 7).incomingOpacity).toBe(0.31640625);
  });

  it('undrawn kinds keep their timing and switch hard', () => {
    const plan = twoScenes({ kind: 'wipe', duration: '4f' });
    expect(plan.totalFrames).toBe(16);
    expect(composeFrame(plan, 6)).toMatchObject({ outgoing: null, incoming: { scene: { index: 1 } }, incomingOpacity: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { composeFrame } from '../../../../src/core/engines/native/transition.js';
import { planRender } from '../../../../src/core/pipeline/plan.js';
import { defaultPlanOptions, parseSpec } from './native-helpers.js';

const twoScenes = (transition: Record<string, unknown>) =>
  planRender(parseSpec({ fluvieSpec: 1, size: { width: 8, height: 8 }, transition, scenes: [{ duration: '10f' }, { duration: '10f' }] }), defaultPlanOptions);

describe('composeFrame', () => {
  it('crossFade blends over the incoming scene first frames', () => {
    const plan = twoScenes({ kind: 'crossFade', duration: '4f' });
    expect(composeFrame(plan, 5)).toMatchObject({ outgoing: null, incoming: { scene: { index: 0 }, frame: 5 }, blend: null });
    expect(composeFrame(plan, 6)).toMatchObject({ outgoing: { scene: { index: 0 }, frame: 6 }, incoming: { scene: { index: 1 } }, blend: { kind: 'crossFade', e: 0.25 } });
    expect(composeFrame(plan, 9).blend?.e).toBe(1);
    expect(composeFrame(plan, 10)).toMatchObject({ outgoing: null, blend: null });
  });

  it('overlap false freezes the outgoing scene on its last frame', () => {
    const plan = twoScenes({ kind: 'crossFade', duration: '4f', overlap: false });
    expect(plan.totalFrames).toBe(20);
    expect(composeFrame(plan, 11)).toMatchObject({ outgoing: { scene: { index: 0 }, frame: 9 }, incoming: { frame: 11 }, blend: { e: 0.5 } });
  });

  it('ease shapes the blend progress', () => {
    const plan = twoScenes({ kind: 'crossFade', duration: '4f', ease: 'in' });
    expect(composeFrame(plan, 7).blend?.e).toBe(0.31640625);
  });

  it('wipe, zoom and slide carry their defaults', () => {
    expect(composeFrame(twoScenes({ kind: 'wipe', duration: '4f' }), 6).blend).toEqual({ kind: 'wipe', e: 0.25, direction: 'right' });
    expect(composeFrame(twoScenes({ kind: 'zoom', duration: '4f' }), 6).blend).toEqual({ kind: 'zoom', e: 0.25, intoX: 0, intoY: 0 });
    expect(composeFrame(twoScenes({ kind: 'slide', duration: '4f' }), 6).blend).toEqual({ kind: 'slide', e: 0.25, dx: 1, dy: 0 });
    expect(composeFrame(twoScenes({ kind: 'slide', duration: '4f', from: 'top' }), 6).blend).toMatchObject({ dx: 0, dy: -1 });
  });
});

import { describe, expect, it } from 'vitest';
import { FluvieError } from '../../../src/core/errors.js';
import { layoutElementTransitions, type TransitionEntry } from '../../../src/core/pipeline/plan-element-transitions.js';
import { planRender } from '../../../src/core/pipeline/plan.js';
import { VideoSpecSchema, type ElementSpec, type ElementTransitionSpec } from '../../../src/spec/index.js';
import { defaultPlanOptions } from '../engines/native/native-helpers.js';

const FPS = 30;

function clip(id: string, start: number, end: number, extra: Record<string, unknown> = {}): TransitionEntry {
  const element = { type: 'Clip', id, source: { kind: 'file', value: `/media/${id}.mp4` }, ...extra } as unknown as ElementSpec;
  return { element, path: `scenes[0].children[${id}]`, window: { start, end } };
}

function edge(from: string, to: string, extra: Record<string, unknown> = {}): ElementTransitionSpec {
  return { kind: 'crossFade', duration: '10f', between: [from, to], ...extra } as ElementTransitionSpec;
}

describe('layoutElementTransitions', () => {
  it('overlap pulls the incoming clip in by F', () => {
    const layout = layoutElementTransitions([clip('a', 0, 60), clip('b', 60, 120)], [edge('a', 'b')], FPS, 0);
    expect(layout.windows.get('scenes[0].children[b]')).toEqual({ start: 50, end: 110 });
    expect(layout.blends).toEqual([
      { outgoing: 'scenes[0].children[a]', incoming: 'scenes[0].children[b]', blend: { start: 50, end: 60 }, transition: { kind: 'crossFade', frames: 10, overlap: true, ease: 'linear' }, holdFrame: null },
    ]);
  });

  it('overlap false keeps windows and holds the outgoing clip', () => {
    const layout = layoutElementTransitions([clip('a', 0, 60), clip('b', 60, 120)], [edge('a', 'b', { overlap: false })], FPS, 0);
    expect(layout.windows.get('scenes[0].children[b]')).toEqual({ start: 60, end: 120 });
    expect(layout.blends[0]).toMatchObject({ blend: { start: 60, end: 70 }, holdFrame: 59 });
  });

  it('chain keeps each clip length', () => {
    const layout = layoutElementTransitions([clip('a', 10, 40), clip('b', 40, 70), clip('c', 65, 95)], [edge('b', 'c', { kind: 'wipe', direction: 'left' }), edge('a', 'b')], FPS, 0);
    expect(layout.windows.get('scenes[0].children[a]')).toEqual({ start: 10, end: 40 });
    expect(layout.windows.get('scenes[0].children[b]')).toEqual({ start: 30, end: 60 });
    expect(layout.windows.get('scenes[0].children[c]')).toEqual({ start: 50, end: 80 });
    expect(layout.blends.map((blend) => [blend.transition.kind, blend.blend.start])).toEqual([['crossFade', 30], ['wipe', 50]]);
  });

  it('ids of another list are skipped', () => {
    const layout = layoutElementTransitions([clip('a', 0, 60)], [edge('a', 'elsewhere')], FPS, 0);
    expect(layout.blends).toEqual([]);
    expect(layout.windows.size).toBe(0);
  });

  it('rejects non-clip pairs', () => {
    const box = { element: { type: 'Box', id: 'b' } as ElementSpec, path: 'p', window: { start: 60, end: 120 } };
    expect(() => layoutElementTransitions([clip('a', 0, 60), box], [edge('a', 'b')], FPS, 2)).toThrow(FluvieError);
    expect(() => layoutElementTransitions([clip('a', 0, 60), box], [edge('a', 'b')], FPS, 2)).toThrow(/scenes\[2\]\.transitions\[0\]: an element transition pairs two Clip elements, got Clip and Box/);
  });

  it('rejects clips on different lanes', () => {
    expect(() => layoutElementTransitions([clip('a', 0, 60, { lane: 'v1' }), clip('b', 60, 120)], [edge('a', 'b')], FPS, 0)).toThrow(/same lane/);
  });

  it('rejects shared clips', () => {
    expect(() => layoutElementTransitions([clip('a', 0, 60, { shared: 'hero' }), clip('b', 60, 120)], [edge('a', 'b')], FPS, 0)).toThrow(/remove "shared"/);
  });

  it('rejects a gap between windows', () => {
    expect(() => layoutElementTransitions([clip('a', 0, 50), clip('b', 60, 120)], [edge('a', 'b')], FPS, 0)).toThrow(/must abut or overlap by at most the transition's 10 frames/);
  });

  it('rejects a clip between the pair', () => {
    expect(() => layoutElementTransitions([clip('a', 0, 60), clip('m', 30, 90), clip('b', 60, 120)], [edge('a', 'b')], FPS, 0)).toThrow(/adjacent on their lane, but scenes\[0\]\.children\[m\] starts between them/);
    expect(() => layoutElementTransitions([clip('a', 0, 60), clip('m', 30, 90, { lane: 'other' }), clip('b', 60, 120)], [edge('a', 'b')], FPS, 0)).not.toThrow();
  });

  it('rejects two transitions at one edge', () => {
    expect(() => layoutElementTransitions([clip('a', 0, 60), clip('b', 60, 120), clip('c', 60, 120)], [edge('a', 'b'), edge('a', 'c')], FPS, 0)).toThrow(/only one transition at each edge/);
  });
});

describe('element transitions in the plan', () => {
  it('non-sibling pair is rejected', () => {
    const clip = (id: string) => ({ type: 'Clip', id, source: { kind: 'file', value: `/media/${id}.mp4` } });
    const spec = VideoSpecSchema.parse({
      fluvieSpec: 1,
      scenes: [{ duration: '4s', children: [clip('a'), { type: 'Group', children: [clip('b')] }], transitions: [{ kind: 'crossFade', duration: '5f', between: ['a', 'b'] }] }],
    });
    expect(() => planRender(spec, defaultPlanOptions)).toThrow(FluvieError);
    expect(() => planRender(spec, defaultPlanOptions)).toThrow(/scenes\[0\]\.transitions\[0\]: "a" and "b" are not siblings/);
  });

  it('group children blends sit on the Group', () => {
    const clip = (id: string, show: Record<string, string>) => ({ type: 'Clip', id, source: { kind: 'file', value: `/media/${id}.mp4` }, show });
    const spec = VideoSpecSchema.parse({
      fluvieSpec: 1,
      scenes: [{ duration: '4s', children: [{ type: 'Group', children: [clip('a', { to: '2s' }), clip('b', { from: '2s' })] }], transitions: [{ kind: 'crossFade', duration: '10f', between: ['a', 'b'] }] }],
    });
    const scene = planRender(spec, defaultPlanOptions).scenes[0]!;
    const group = scene.children[0]!;
    expect(scene.elementBlends).toEqual([]);
    expect(group.elementBlends).toMatchObject([{ outgoing: 'scenes[0].children[0].children[0]', incoming: 'scenes[0].children[0].children[1]', blend: { start: 50, end: 60 } }]);
    expect(group.children[1]!.window).toEqual({ start: 50, end: 110 });
  });

  it('clip windows and blends are planned', () => {
    const source = (name: string) => ({ kind: 'file', value: `/media/${name}.mp4` });
    const spec = VideoSpecSchema.parse({
      fluvieSpec: 1,
      scenes: [
        {
          duration: '4s',
          children: [
            { type: 'Clip', id: 'a', source: source('a'), show: { to: '2s' } },
            { type: 'Clip', id: 'b', source: source('b'), show: { from: '2s' } },
          ],
          transitions: [{ kind: 'slide', from: 'left', duration: '0.5s', between: ['a', 'b'] }],
        },
      ],
    });
    const scene = planRender(spec, defaultPlanOptions).scenes[0]!;
    expect(scene.children.map((child) => child.window)).toEqual([{ start: 0, end: 60 }, { start: 45, end: 105 }]);
    expect(scene.elementBlends).toMatchObject([{ outgoing: 'scenes[0].children[0]', incoming: 'scenes[0].children[1]', blend: { start: 45, end: 60 }, transition: { kind: 'slide', from: 'left' } }]);
  });
});

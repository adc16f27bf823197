import { describe, expect, it } from 'vitest';
import { planClipAudio } from '../../../src/core/pipeline/plan-audio.js';
import { transitionGainStops } from '../../../src/core/pipeline/plan-transition-audio.js';
import type { PlannedElementBlend } from '../../../src/core/pipeline/plan-types.js';
import { planRender } from '../../../src/core/pipeline/plan.js';
import { defaultPlanOptions, parseSpec } from '../engines/native/native-helpers.js';

const FPS = 10;

function blend(overlap: boolean): PlannedElementBlend {
  return {
    outgoing: 'a',
    incoming: 'b',
    blend: { start: 20, end: 24 },
    transition: { kind: 'crossFade', frames: 4, overlap, ease: 'linear' },
    holdFrame: overlap ? null : 19,
  };
}

const values = (stops: { time: number; value: number }[]): [number, number][] => stops.map((stop) => [Math.round(stop.time * FPS), Number(stop.value.toFixed(4))]);

describe('transitionGainStops', () => {
  it('outgoing clip fades out with cos', () => {
    const stops = transitionGainStops('a', { start: 0, end: 24 }, [blend(true)], FPS, null);
    expect(values(stops)).toEqual([[0, 1], [20, 1], [21, 0.9239], [22, 0.7071], [23, 0.3827], [24, 0]]);
  });

  it('incoming clip fades in with sin', () => {
    const stops = transitionGainStops('b', { start: 20, end: 50 }, [blend(true)], FPS, null);
    expect(values(stops)).toEqual([[0, 0], [1, 0.3827], [2, 0.7071], [3, 0.9239], [4, 1], [30, 1]]);
  });

  it('gains multiply the authored automation', () => {
    const authored = [{ time: 0, value: 0.5 }, { time: 2.4, value: 0.5 }];
    const stops = transitionGainStops('a', { start: 0, end: 24 }, [blend(true)], FPS, authored);
    expect(values(stops)[3]).toEqual([22, 0.3536]);
  });

  it('held outgoing clip fades over its own last frames', () => {
    // The picture is held from frame 19, but the sound fades over frames 16-20 of the clip window 0-20.
    const stops = transitionGainStops('a', { start: 0, end: 20 }, [blend(false)], FPS, null);
    expect(values(stops)).toEqual([[0, 1], [16, 1], [17, 0.9239], [18, 0.7071], [19, 0.3827], [20, 0]]);
  });
});

describe('clip audio of element transitions', () => {
  it('planClipAudio crossfades the two clips', () => {
    const clip = (id: string, show: Record<string, string>) => ({ type: 'Clip', id, source: { kind: 'file', value: `/media/${id}.mp4` }, show });
    const spec = parseSpec({
      fluvieSpec: 1,
      fps: FPS,
      scenes: [{ duration: '5s', children: [clip('a', { to: '2s' }), clip('b', { from: '2s' }), { ...clip('c', { from: '1s' }), lane: 'broll' }], transitions: [{ kind: 'wipe', duration: '4f', between: ['a', 'b'] }] }],
    });
    const tracks = planClipAudio(planRender(spec, defaultPlanOptions), '/');
    const byPath = new Map(tracks.map((track) => [track.path, track]));
    expect(byPath.get('scenes[0].children[1].source')).toMatchObject({ start: 1.6, end: 4.6 });
    expect(byPath.get('scenes[0].children[0].source')!.automation!.at(-1)).toEqual({ time: 2, value: expect.closeTo(0, 9) as unknown as number });
    expect(byPath.get('scenes[0].children[1].source')!.automation![0]).toEqual({ time: 0, value: 0 });
    expect(byPath.get('scenes[0].children[2].source')!.automation).toBeNull();
  });
});

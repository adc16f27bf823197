import { describe, expect, it } from 'vitest';
import { planAudio, planClipAudio } from '../../../src/core/pipeline/plan-audio.js';
import { planRender } from '../../../src/core/pipeline/plan.js';
import { parseSpec } from '../engines/native/native-helpers.js';

const sfx = (at: unknown): Record<string, unknown> => ({ kind: 'sfx', source: { kind: 'asset', value: 'hit.wav' }, at });

function plan(document: Record<string, unknown>) {
  const spec = parseSpec({ fluvieSpec: 1, fps: 30, ...document });
  return { spec, plan: planRender(spec, { aspect: null, maxFrames: null, posterTime: null }) };
}

describe('planAudio', () => {
  it('resolves triggers in the scene scope', () => {
    const { spec, plan: planned } = plan({
      scenes: [
        { duration: '1s' },
        {
          duration: '2s',
          audio: [sfx('sceneStart'), sfx({ kind: 'at', time: '500ms' }), sfx('sceneEnd'), sfx({ kind: 'at', time: '0.5r' })],
          children: [{ type: 'Box', anchor: 'title', animate: [{ preset: 'fadeIn', duration: '15f' }] }],
        },
      ],
    });
    const tracks = planAudio(spec, planned, '/specs');

    expect(tracks.map((track) => track.start)).toEqual([1, 1.5, 3, 2]);
    expect(tracks.map((track) => track.end)).toEqual([3, 3, 3, 3]);
    expect(tracks[0]?.file).toBe('/specs/hit.wav');
    expect(tracks[0]?.path).toBe('scenes[1].audio[0]');
  });

  it('starts on an anchor timeline', () => {
    const { spec, plan: planned } = plan({
      audio: [sfx({ kind: 'whenEnds', anchor: 'title' }), sfx({ kind: 'whenStarts', anchor: 'title' })],
      scenes: [{ duration: '2s', children: [{ type: 'Box', anchor: 'title', animate: [{ preset: 'fadeIn', duration: '15f', delay: '15f' }] }] }],
    });
    expect(planAudio(spec, planned, '/specs').map((track) => track.start)).toEqual([1, 0.5]);
  });

  it('resolves music trim, fades, loop and automation', () => {
    const { spec, plan: planned } = plan({
      audio: [
        {
          kind: 'music',
          source: { kind: 'file', value: '/m/bed.mp3' },
          volume: 0.8,
          fadeIn: '30f',
          fadeOut: '2s',
          loop: true,
          trim: { from: '15f', to: '3s' },
          automation: { volume: { values: [1, 0.5], positions: ['0s', '1s'] } },
        },
      ],
      scenes: [{ duration: '4s' }],
    });
    expect(planAudio(spec, planned, '/specs')[0]).toEqual({
      path: 'audio[0]',
      kind: 'music',
      anchor: null,
      file: '/m/bed.mp3',
      start: 0,
      end: 4,
      trimFrom: 0.5,
      trimTo: 3,
      loop: true,
      volume: 0.8,
      automation: [{ time: 0, value: 1 }, { time: 1, value: 0.5 }],
      fadeIn: 1,
      fadeOut: 2,
      speed: 1,
    });
  });

  it('skips network sources and unsupported triggers', () => {
    const { spec, plan: planned } = plan({
      audio: [{ kind: 'music', source: { kind: 'network', value: 'https://example.com/a.mp3' } }, sfx('previous')],
      scenes: [{ duration: '1s' }],
    });
    expect(planAudio(spec, planned, '/specs')).toEqual([]);
  });
});

describe('planAudio previous trigger', () => {
  it('starts where the previous track falls silent', () => {
    const { spec, plan: planned } = plan({
      audio: [sfx('sceneStart'), sfx('previous'), { ...sfx('previous'), at: 'previous' }],
      scenes: [{ duration: '4s' }],
    });
    const tracks = planAudio(spec, planned, '/specs', { sourceSeconds: new Map([['/specs/hit.wav', 0.75]]) });

    expect(tracks.map((track) => track.start)).toEqual([0, 0.75, 1.5]);
  });

  it('counts only the trimmed range of the previous track', () => {
    const { spec, plan: planned } = plan({
      audio: [
        { kind: 'music', source: { kind: 'asset', value: 'bed.wav' }, trim: { from: '1s', to: '2.5s' }, at: { kind: 'at', time: '0.5s' } },
        sfx('previous'),
      ],
      scenes: [{ duration: '4s' }],
    });
    const tracks = planAudio(spec, planned, '/specs', { sourceSeconds: new Map([['/specs/bed.wav', 10]]) });

    expect(tracks[1]?.start).toBe(2);
  });

  it('follows a looped track to the end of its window', () => {
    const { spec, plan: planned } = plan({
      scenes: [{ duration: '3s', audio: [{ kind: 'music', source: { kind: 'asset', value: 'bed.wav' }, loop: true }, sfx('previous')] }],
    });
    const tracks = planAudio(spec, planned, '/specs', { sourceSeconds: new Map([['/specs/bed.wav', 1]]) });

    expect(tracks[1]?.start).toBe(3);
  });

  it('rejects previous on the first track', () => {
    const { spec, plan: planned } = plan({ audio: [sfx('previous')], scenes: [{ duration: '1s' }] });

    expect(() => planAudio(spec, planned, '/specs')).toThrow(/audio\[0\]\.at is "previous"/);
  });
});

describe('planAudio eased automation', () => {
  it('samples an eased segment once per frame', () => {
    const { spec, plan: planned } = plan({
      fps: 10,
      audio: [sfx({ kind: 'at', time: '0s' })].map((track) => ({ ...track, automation: { volume: { values: [0, 1, 1], positions: ['0s', '1s', '2s'], easings: ['in', 'linear'] } } })),
      scenes: [{ duration: '3s' }],
    });
    const stops = planAudio(spec, planned, '/specs')[0]?.automation ?? [];

    // Ten samples of the eased second, then the linear segment's own two stops.
    expect(stops).toHaveLength(12);
    expect(stops.map((stop) => stop.time)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 2]);
    expect(stops[0]?.value).toBe(0);
    // Flutter's Curves.easeIn is Cubic(0.42, 0, 1, 1): at t = 0.5 it is about 0.315, below linear.
    expect(stops[5]?.value).toBeCloseTo(0.315, 2);
    expect(stops[10]?.value).toBe(1);
  });

  it('keeps linear segments as their end stops', () => {
    const { spec, plan: planned } = plan({
      audio: [{ ...sfx({ kind: 'at', time: '0s' }), automation: { volume: { values: [1, 0.2], positions: ['0s', '2s'], easings: ['linear'] } } }],
      scenes: [{ duration: '3s' }],
    });

    expect(planAudio(spec, planned, '/specs')[0]?.automation).toEqual([{ time: 0, value: 1 }, { time: 2, value: 0.2 }]);
  });
});

describe('planClipAudio', () => {
  it('places clip audio in the element window', () => {
    const { plan: planned } = plan({
      scenes: [
        { duration: '1s' },
        { duration: '2s', children: [{ type: 'Clip', source: { kind: 'asset', value: 'c.mp4' }, show: { from: '0.5s' }, volume: 0.5, speed: -2, trim: { from: '1s' }, automation: { volume: { values: [0, 1], positions: ['0s', '0.5s'] } } }] },
      ],
    });
    expect(planClipAudio(planned, '/specs')).toEqual([
      expect.objectContaining({ path: 'scenes[1].children[0].source', file: '/specs/c.mp4', start: 1.5, end: 3, volume: 0.5, speed: -2, trimFrom: 1, trimTo: null, automation: [{ time: 0, value: 0 }, { time: 0.5, value: 1 }] }),
    ]);
  });
});

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

import { describe, expect, it } from 'vitest';
import { FluvieError } from '../../src/core/errors.js';
import type { VideoSpec } from '../../src/spec/schema/types.js';
import { VideoSpecSchema } from '../../src/spec/schema/video.js';
import { resolveSceneTimeline } from '../../src/spec/timeline.js';
import { readReferenceSpec } from './reference-specs.js';

function spec(value: unknown): VideoSpec {
  return VideoSpecSchema.parse(value);
}

const scene = (duration: string, extra: object = {}): object => ({ duration, children: [], ...extra });

describe('resolveSceneTimeline', () => {
  it('matches the rich.fluvie.json worked example', () => {
    const timeline = resolveSceneTimeline(spec(readReferenceSpec('rich.fluvie.json')));

    expect(timeline.fps).toBe(30);
    expect(timeline.scenes.map((window) => window.start)).toEqual([0, 78]);
    expect(timeline.scenes.map((window) => window.duration)).toEqual([90, 60]);
    expect(timeline.scenes[0]?.transitionIn).toBeNull();
    // The scene's enter slide (0.4s = 12f) wins over the video crossFade (0.5s).
    expect(timeline.scenes[1]?.transitionIn).toEqual({ kind: 'slide', frames: 12, overlap: true, ease: 'linear', from: 'right' });
    expect(timeline.totalFrames).toBe(138);
  });

  it('plays scenes back to back without transitions', () => {
    const timeline = resolveSceneTimeline(spec({ scenes: [scene('30f'), scene('1s'), scene('500ms')] }));

    expect(timeline.scenes.map((window) => window.start)).toEqual([0, 30, 60]);
    expect(timeline.totalFrames).toBe(75);
  });

  it('uses previous exit before the video default', () => {
    const timeline = resolveSceneTimeline(
      spec({
        transition: { kind: 'crossFade', duration: '10f' },
        scenes: [scene('60f', { exit: { kind: 'wipe', duration: '6f', direction: 'left' } }), scene('60f')],
      }),
    );

    expect(timeline.scenes[1]?.transitionIn).toEqual({ kind: 'wipe', frames: 6, overlap: true, ease: 'linear', direction: 'left' });
    expect(timeline.totalFrames).toBe(114);
  });

  it('lets an explicit cut win', () => {
    const timeline = resolveSceneTimeline(
      spec({
        transition: { kind: 'crossFade', duration: '10f' },
        scenes: [scene('60f', { exit: { kind: 'cut' } }), scene('60f', { enter: { kind: 'zoom', duration: '8f' } })],
      }),
    );

    expect(timeline.scenes[1]?.transitionIn).toBeNull();
    expect(timeline.totalFrames).toBe(120);
  });

  it('keeps the length when overlap is false', () => {
    const timeline = resolveSceneTimeline(
      spec({ scenes: [scene('60f'), scene('60f', { enter: { kind: 'crossFade', duration: '15f', overlap: false, ease: 'smooth' } })] }),
    );

    expect(timeline.scenes[1]?.start).toBe(60);
    expect(timeline.scenes[1]?.transitionIn).toEqual({ kind: 'crossFade', frames: 15, overlap: false, ease: 'smooth' });
    expect(timeline.totalFrames).toBe(120);
  });

  it('applies transition defaults', () => {
    const timeline = resolveSceneTimeline(spec({ scenes: [scene('60f'), scene('60f', { enter: { kind: 'zoom', duration: '0.5s' } })] }));

    expect(timeline.scenes[1]?.transitionIn).toEqual({ kind: 'zoom', frames: 15, overlap: true, ease: 'linear', into: 'center' });
  });

  it('treats a zero-frame blend as a cut', () => {
    const timeline = resolveSceneTimeline(spec({ fps: 10, scenes: [scene('60f'), scene('60f', { enter: { kind: 'crossFade', duration: '40ms' } })] }));

    expect(timeline.scenes[1]?.transitionIn).toBeNull();
    expect(timeline.totalFrames).toBe(120);
  });

  it('rejects relative scene durations', () => {
    expect(() => resolveSceneTimeline(spec({ scenes: [scene('0.5r')] }))).toThrow(FluvieError);
  });

  it('rejects relative transition durations', () => {
    const value = spec({ scenes: [scene('60f'), scene('60f', { enter: { kind: 'crossFade', duration: '0.1r' } })] });

    expect(() => resolveSceneTimeline(value)).toThrow(/relative/);
  });
});

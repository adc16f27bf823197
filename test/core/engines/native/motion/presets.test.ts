/** The audio-reactive pulse and scaleY presets, drawn over a real 120 bpm kick track. */
import { describe, expect, it } from 'vitest';
import { analyseAudio } from '../../../../../src/core/audio/analyse-audio.js';
import { planRender } from '../../../../../src/core/pipeline/plan.js';
import { tempDir } from '../../../../helpers/media.js';
import { writeKicks } from '../../../audio/audio-fixtures.js';
import { capture, defaultPlanOptions, parseSpec, pixel } from '../native-helpers.js';

const SIZE = 64;
/** Kicks start at 0.5 s and repeat every 0.5 s: frames 15, 30, 45 at 30 fps. */
const ON_BEAT = 15;
const BETWEEN_BEATS = 26;

async function renderReactive(animation: Record<string, unknown>) {
  const dir = await tempDir();
  const file = await writeKicks(dir, 120, 2, 0.5);
  const spec = parseSpec({
    fluvieSpec: 1,
    size: { width: SIZE, height: SIZE },
    fps: 30,
    audio: [{ kind: 'music', source: { kind: 'file', value: file }, track: 'kicks' }],
    scenes: [{ duration: '2s', background: { kind: 'color', color: '#000000' }, children: [{ type: 'Box', color: '#FFFFFF', size: { width: 0.5, height: 0.5 }, animate: [animation] }] }],
  });
  const draft = planRender(spec, defaultPlanOptions);
  const audio = await analyseAudio({ spec, plan: draft, baseDir: dir, ffmpegPath: 'ffmpeg', signal: new AbortController().signal });
  const { stream } = await capture(spec, { baseDir: dir, plan: { audio } });
  return { stream, energies: audio!.tracks[0]!.energies.bass };
}

/** Width and height in pixels of the white area through the canvas centre. */
function whiteExtent(frame: Uint8Array): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (let i = 0; i < SIZE; i += 1) {
    if (pixel(frame, SIZE, i, SIZE / 2)[0] > 127) width += 1;
    if (pixel(frame, SIZE, SIZE / 2, i)[0] > 127) height += 1;
  }
  return { width, height };
}

describe('audio-reactive presets', () => {
  it('pulse is bigger on the beat than between beats', async () => {
    const { stream, energies } = await renderReactive({ preset: 'pulse', on: 'bass', gain: 0.5, track: 'kicks' });
    const onBeat = whiteExtent(await stream.renderFrame(ON_BEAT));
    const between = whiteExtent(await stream.renderFrame(BETWEEN_BEATS));

    expect(energies[ON_BEAT]).toBeGreaterThan(0.8);
    expect(energies[BETWEEN_BEATS]).toBeLessThan(0.05);
    // The box is 32 px; pulse scales both axes by 1 + 0.5·energy.
    expect(onBeat.width).toBeGreaterThanOrEqual(Math.floor(32 * (1 + 0.5 * energies[ON_BEAT]!)) - 1);
    expect(onBeat.height).toBe(onBeat.width);
    expect(between.width).toBeLessThanOrEqual(33);
    expect(between.width).toBeGreaterThanOrEqual(32);
    await stream.close();
  });

  it('scaleY stretches only the height', async () => {
    const { stream, energies } = await renderReactive({ preset: 'scaleY', on: 'bass', gain: 1 });
    const onBeat = whiteExtent(await stream.renderFrame(ON_BEAT));

    expect(onBeat.width).toBe(32);
    expect(onBeat.height).toBeGreaterThanOrEqual(Math.floor(32 * (1 + energies[ON_BEAT]!)) - 1);
    expect(onBeat.height).toBeGreaterThan(48);
    await stream.close();
  });

  it('gain 0 keeps the natural size', async () => {
    const { stream } = await renderReactive({ preset: 'pulse', on: 'bass', gain: 0 });

    expect(whiteExtent(await stream.renderFrame(ON_BEAT)).width).toBe(32);
    await stream.close();
  });
});

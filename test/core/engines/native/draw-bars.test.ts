/** Bars drawn from the band energies of a real tone sequence, read back as pixels. */
import { describe, expect, it } from 'vitest';
import { analyseAudio } from '../../../../src/core/audio/analyse-audio.js';
import { barHeights } from '../../../../src/core/engines/native/draw-bars.js';
import { planRender } from '../../../../src/core/pipeline/plan.js';
import { tempDir } from '../../../helpers/media.js';
import { writeToneSequence } from '../../audio/audio-fixtures.js';
import { capture, defaultPlanOptions, parseSpec, pixel } from './native-helpers.js';

const SIZE = 64;
const BACKGROUND = [0x10, 0x10, 0x10, 255];
const BAR = [0x6c, 0x5c, 0xe7, 255];

/** Renders one 2 s scene whose music is 1 s of 100 Hz then 1 s of 8 kHz, with the given Bars. */
async function renderBars(bars: Record<string, unknown>) {
  const dir = await tempDir();
  const file = await writeToneSequence(dir, [100, 8000], 1);
  const spec = parseSpec({
    fluvieSpec: 1,
    size: { width: SIZE, height: SIZE },
    fps: 30,
    audio: [{ kind: 'music', source: { kind: 'file', value: file } }],
    scenes: [{ duration: '2s', background: { kind: 'color', color: '#101010' }, children: [{ type: 'Bars', count: 4, ...bars }] }],
  });
  const draft = planRender(spec, defaultPlanOptions);
  const audio = await analyseAudio({ spec, plan: draft, baseDir: dir, ffmpegPath: 'ffmpeg', signal: new AbortController().signal });
  const { stream } = await capture(spec, { baseDir: dir, plan: { audio } });
  return { stream, audio: audio! };
}

/** Rows from the bottom that carry the bar colour in the centre column of bar 0. */
function barRows(frame: Uint8Array): number {
  let rows = 0;
  for (let y = SIZE - 1; y >= 0; y -= 1) {
    const [r, g, b] = pixel(frame, SIZE, 8, y);
    if (Math.abs(r - BAR[0]!) > 8 || Math.abs(g - BAR[1]!) > 8 || Math.abs(b - BAR[2]!) > 8) break;
    rows += 1;
  }
  return rows;
}

describe('Bars', () => {
  it('bass bars stand tall during the low tone', async () => {
    const { stream, audio } = await renderBars({ band: 'bass' });
    const frame = await stream.renderFrame(15);
    const energy = audio.defaultTrack!.energies.bass[15]!;

    // Bar 0 has profile 0.775, so it is 0.775·energy of the box height.
    expect(energy).toBeGreaterThan(0.9);
    expect(barRows(frame)).toBeGreaterThanOrEqual(Math.floor(0.775 * energy * SIZE) - 1);
    expect(barRows(frame)).toBeLessThanOrEqual(Math.ceil(0.775 * energy * SIZE) + 1);
    await stream.close();
  });

  it('bass bars fall during the high tone', async () => {
    const { stream } = await renderBars({ band: 'bass' });

    expect(barRows(await stream.renderFrame(45))).toBeLessThan(3);
    expect(pixel(await stream.renderFrame(45), SIZE, 8, 30)).toEqual(BACKGROUND);
    await stream.close();
  });

  it('treble bars follow the high tone', async () => {
    const { stream } = await renderBars({ band: 'treble' });

    expect(barRows(await stream.renderFrame(15))).toBeLessThan(3);
    expect(barRows(await stream.renderFrame(45))).toBeGreaterThan(40);
    await stream.close();
  });

  it('gain scales the bars and clamps at the top', async () => {
    const { stream } = await renderBars({ band: 'bass', gain: 3 });

    expect(barRows(await stream.renderFrame(15))).toBe(SIZE);
    await stream.close();
  });

  it('leaves a gap between bars', async () => {
    const { stream } = await renderBars({ band: 'bass' });
    const frame = await stream.renderFrame(15);

    // Slots are 16 px wide and bars 12 px, centred, so x 0..1 and 14..17 are gaps.
    expect(pixel(frame, SIZE, 0, SIZE - 8)).toEqual(BACKGROUND);
    expect(pixel(frame, SIZE, 15, SIZE - 8)).toEqual(BACKGROUND);
    expect(pixel(frame, SIZE, 3, SIZE - 8)).toEqual(BAR);
    expect(pixel(frame, SIZE, 12, SIZE - 8)).toEqual(BAR);
    await stream.close();
  });
});

describe('barHeights', () => {
  it('follows the golden-angle profile', () => {
    const heights = barHeights(3, 0.5, 2);

    expect(heights[0]).toBeCloseTo(0.775, 6);
    expect(heights[1]).toBeCloseTo(0.55 + 0.45 * (0.5 + 0.5 * Math.sin(2.399963229728653)), 6);
    expect(heights[2]).toBeCloseTo(0.55 + 0.45 * (0.5 + 0.5 * Math.sin(2 * 2.399963229728653)), 6);
  });

  it('is flat for one bar', () => {
    expect(barHeights(1, 0.5, 1)).toEqual([0.5]);
  });
});

import { describe, expect, it } from 'vitest';
import { DartRandom } from '../../../../src/core/motion/dart-random.js';
import { floatOffset } from '../../../../src/core/engines/native/animate.js';
import { capture, parseSpec, pixel } from './native-helpers.js';

const SIZE = 100;
/** A 40 px box (x 30..70, y 30..70) on a black 100×100 canvas, 30 fps, in a 20-frame scene. */
const BOX = { x: 0.5, y: 0.5, w: 0.4, h: 0.4 };

async function boxFrame(box: Record<string, unknown>, frame: number, background: Record<string, unknown> = { kind: 'color', color: '#000000' }): Promise<Uint8Array> {
  const spec = parseSpec({
    fluvieSpec: 1,
    size: { width: SIZE, height: SIZE },
    scenes: [{ duration: '20f', background, children: [{ type: 'Box', color: '#FFFFFF', transform: BOX, ...box }] }],
  });
  const { stream } = await capture(spec);
  return stream.renderFrame(frame);
}

const red = (frame: Uint8Array, x: number, y: number): number => pixel(frame, SIZE, x, y)[0];

describe('keyframe animations', () => {
  it('raw from lerps x from one box width left', async () => {
    // Frame 5 of a 10-frame linear span: x = -0.5 box widths, so the box spans 10..50.
    const frame = await boxFrame({ animate: [{ from: { x: -1 }, duration: '10f', ease: 'linear' }] }, 5);
    expect(red(frame, 11, 50)).toBe(255);
    expect(red(frame, 49, 50)).toBe(255);
    expect(red(frame, 51, 50)).toBe(0);
  });

  it('keyframes hold stops at their positions', async () => {
    const animate = [{ keyframes: [{ opacity: 0 }, { opacity: 1 }, { opacity: 0 }], positions: ['0f', '2f', '10f'], duration: '10f', ease: 'linear' }];
    expect(red(await boxFrame({ animate }, 2), 50, 50)).toBe(255);
    expect(red(await boxFrame({ animate }, 6), 50, 50)).toBe(128);
    expect(red(await boxFrame({ animate }, 15), 50, 50)).toBe(0);
  });

  it('spin turns the box about its centre', async () => {
    // Period 8 frames: frame 1 is 1/8 turn, so a corner points straight up past y = 30.
    expect(red(await boxFrame({ animate: [{ preset: 'spin', period: '8f' }] }, 0), 50, 25)).toBe(0);
    expect(red(await boxFrame({ animate: [{ preset: 'spin', period: '8f' }] }, 1), 50, 25)).toBe(255);
    expect(red(await boxFrame({ animate: [{ preset: 'spin', period: '8f' }] }, 8), 50, 25)).toBe(0);
  });

  it('skewX shears rows sideways', async () => {
    // skewX 1/8 turn is tan(45°) = 1: the top row (y 30, 20 px above the centre) moves 20 px left.
    const frame = await boxFrame({ animate: [{ from: { skewX: 0.125 }, to: { skewX: 0.125 }, duration: '10f' }] }, 0);
    expect(red(frame, 12, 31)).toBe(255);
    expect(red(frame, 88, 69)).toBe(255);
    expect(red(frame, 60, 31)).toBe(0);
  });

  it('float moves up one amplitude at a quarter cycle', async () => {
    // amplitude 0.5 box heights = 20 px; period 8 frames, so frame 2 is the -a stop.
    const frame = await boxFrame({ animate: [{ preset: 'float', amplitude: 0.5, period: '8f' }] }, 2);
    expect(red(frame, 50, 11)).toBe(255);
    expect(red(frame, 50, 51)).toBe(0);
  });

  it('seeded float runs on the video frame', async () => {
    // The box sits in a second scene starting at frame 7; the float's phase counts from frame 0 of the video.
    const spec = parseSpec({
      fluvieSpec: 1,
      size: { width: SIZE, height: SIZE },
      scenes: [
        { duration: '7f', background: { kind: 'color', color: '#000000' }, children: [] },
        { duration: '20f', background: { kind: 'color', color: '#000000' }, children: [{ type: 'Box', color: '#FFFFFF', transform: BOX, animate: [{ preset: 'float', amplitude: 0.5, period: '8f', seed: 'leaf' }] }] },
      ],
    });
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame(7);
    let top = 0;
    while (top < SIZE && red(frame, 50, top) < 128) top += 1;
    const expected = 30 + floatOffset(7, 8, 0.5, 'leaf') * 40;
    expect(Math.abs(top - expected)).toBeLessThanOrEqual(1);
    // Counting from the scene start would put the box elsewhere.
    expect(Math.abs(30 + floatOffset(0, 8, 0.5, 'leaf') * 40 - expected)).toBeGreaterThan(2);
  });

  it('blurIn blurs edges then lands sharp', async () => {
    const blurred = await boxFrame({ animate: [{ preset: 'blurIn', duration: '10f' }] }, 0);
    expect(red(blurred, 30, 50)).toBeGreaterThan(60);
    expect(red(blurred, 30, 50)).toBeLessThan(200);
    expect(red(blurred, 26, 50)).toBeGreaterThan(0);
    const sharp = await boxFrame({ animate: [{ preset: 'blurIn', duration: '10f' }] }, 10);
    expect(red(sharp, 30, 50)).toBe(255);
    expect(red(sharp, 29, 50)).toBe(0);
  });

  it('blur reaches wherever the keyframe moves the box', async () => {
    // Frame 5: the slide has moved the box 20 px left (10..50) while it is still blurred.
    const animate = [{ preset: 'blurIn', sigma: 2, duration: '10f', ease: 'linear' }, { from: { x: -1 }, duration: '10f', ease: 'linear' }];
    const frame = await boxFrame({ animate }, 5);
    expect(red(frame, 12, 50)).toBe(255);
    expect(red(frame, 9, 50)).toBeGreaterThan(0);
    expect(red(frame, 9, 50)).toBeLessThan(255);
    expect(red(frame, 60, 50)).toBe(0);
  });

  it('last writer wins per field', async () => {
    // fadeOut owns opacity for the whole scene: 1 before its span, so fadeIn has no visible effect.
    const animate = [{ preset: 'fadeIn', duration: '10f' }, { preset: 'fadeOut', duration: '5f' }];
    expect(red(await boxFrame({ animate }, 0), 50, 50)).toBe(255);
    expect(red(await boxFrame({ animate }, 19), 50, 50)).toBeLessThan(255);
  });

  it('color presets change no pixels', async () => {
    const plain = await boxFrame({}, 5);
    const colored = await boxFrame({ animate: [{ preset: 'color', to: '#FF0000' }, { preset: 'gradientShift', to: ['#FF0000', '#00FF00'] }] }, 5);
    expect(Buffer.from(colored).equals(Buffer.from(plain))).toBe(true);
  });
});

describe('transform wrappers', () => {
  it('maskWipeIn circle reveals from the centre', async () => {
    // Frame 5 of 10 (linear): radius = 0.5 × 28.3 px.
    const frame = await boxFrame({ animate: [{ preset: 'maskWipeIn', duration: '10f', ease: 'linear' }] }, 5);
    expect(red(frame, 50, 50)).toBe(255);
    expect(red(frame, 50, 37)).toBe(255);
    expect(red(frame, 32, 32)).toBe(0);
  });

  it('maskWipeOut diagonal hides from the top-left', async () => {
    // Reveal 1 - 0.5 = 0.5: visible where x/40 + y/40 <= 1 in box coordinates.
    const frame = await boxFrame({ animate: [{ preset: 'maskWipeOut', shape: 'diagonal', duration: '10f', ease: 'linear' }] }, 15);
    expect(red(frame, 32, 32)).toBe(255);
    expect(red(frame, 68, 68)).toBe(0);
  });

  it('parallax drifts down with the scene progress', async () => {
    // depth 0.5 × progress 10/20 = 0.25 box heights = 10 px down.
    const frame = await boxFrame({ animate: [{ preset: 'parallax', depth: 0.5 }] }, 10);
    expect(red(frame, 50, 39)).toBe(0);
    expect(red(frame, 50, 41)).toBe(255);
    expect(red(frame, 50, 79)).toBe(255);
  });

  it('along follows the path by arc length', async () => {
    const frame = await boxFrame({ animate: [{ preset: 'along', path: 'M0 0 L40 0', orient: false, duration: '10f', ease: 'linear' }] }, 5);
    // Halfway along a 40 px path: the box moved 20 px right, to 50..90.
    expect(red(frame, 49, 50)).toBe(0);
    expect(red(frame, 51, 50)).toBe(255);
    expect(red(frame, 89, 50)).toBe(255);
    expect(red(frame, 91, 50)).toBe(0);
  });
});

describe('pixel effects', () => {
  it('vignette darkens the corners only', async () => {
    const frame = await boxFrame({ transform: { x: 0.5, y: 0.5, w: 1, h: 1 }, effects: [{ kind: 'vignette', amount: 1 }] }, 0);
    expect(red(frame, 50, 50)).toBe(255);
    expect(red(frame, 0, 0)).toBeLessThan(80);
  });

  it('scanlines darken every third row', async () => {
    const frame = await boxFrame({ transform: { x: 0.5, y: 0.5, w: 1, h: 1 }, animate: [{ preset: 'scanlines' }] }, 0);
    expect(red(frame, 10, 0)).toBe(166);
    expect(red(frame, 10, 1)).toBe(255);
    expect(red(frame, 10, 3)).toBe(166);
  });

  it('grain speckles the box with varying grey', async () => {
    const frame = await boxFrame({ color: '#000000', animate: [{ preset: 'grain', amount: 1 }] }, 0);
    const values = new Set<number>();
    for (let x = 30; x < 70; x += 2) values.add(red(frame, x, 50));
    expect(values.size).toBeGreaterThan(5);
    expect(red(frame, 10, 10)).toBe(0);
  });

  it('chromatic fringes red left and blue right', async () => {
    const frame = await boxFrame({ effects: [{ kind: 'chromatic', px: 4 }] }, 0);
    expect(pixel(frame, SIZE, 27, 50)).toEqual([255, 0, 0, 255]);
    expect(pixel(frame, SIZE, 72, 50)).toEqual([0, 0, 255, 255]);
    expect(pixel(frame, SIZE, 50, 50)).toEqual([255, 255, 255, 255]);
  });

  it('keyframed effect parameters follow the element clock', async () => {
    const effects = [{ kind: 'vignette', amount: { values: [0, 1], positions: ['0f', '10f'], easings: ['linear'] } }];
    const box = { transform: { x: 0.5, y: 0.5, w: 1, h: 1 }, effects };
    expect(red(await boxFrame(box, 0), 0, 0)).toBe(255);
    const half = red(await boxFrame(box, 5), 0, 0);
    expect(half).toBeLessThan(255);
    expect(half).toBeGreaterThan(80);
    expect(red(await boxFrame(box, 15), 0, 0)).toBeLessThan(80);
  });

  it('chromatic follows a sliding box', async () => {
    // Frame 5: the slide inside the chromatic wrapper has moved the box to 10..50.
    const animate = [{ from: { x: -1 }, duration: '10f', ease: 'linear' }, { preset: 'chromatic', px: 4 }];
    const frame = await boxFrame({ animate }, 5);
    expect(pixel(frame, SIZE, 7, 50)).toEqual([255, 0, 0, 255]);
    expect(pixel(frame, SIZE, 52, 50)).toEqual([0, 0, 255, 255]);
    expect(pixel(frame, SIZE, 30, 50)).toEqual([255, 255, 255, 255]);
  });

  it('grade exposure doubles the channels', async () => {
    const frame = await boxFrame({ color: '#404040', effects: [{ kind: 'grade', exposure: 1 }] }, 0);
    expect(red(frame, 50, 50)).toBe(0x80);
  });

  it('bloom glows past the box edge', async () => {
    const frame = await boxFrame({ animate: [{ preset: 'bloom', amount: 1 }] }, 0);
    expect(red(frame, 27, 50)).toBeGreaterThan(0);
    expect(red(frame, 50, 50)).toBe(255);
  });

  it('glitchIn shifts bands and resolves to the plain box', async () => {
    const plain = await boxFrame({}, 12);
    const glitched = await boxFrame({ animate: [{ preset: 'glitchIn', duration: '10f' }] }, 0);
    expect(Buffer.from(glitched).equals(Buffer.from(plain))).toBe(false);
    const resolved = await boxFrame({ animate: [{ preset: 'glitchIn', duration: '10f' }] }, 12);
    expect(Buffer.from(resolved).equals(Buffer.from(plain))).toBe(true);
  });
});

describe('texture backgrounds', () => {
  it('noise paints 4 px cells from the Dart sequence', async () => {
    const frame = await boxFrame({ visible: false }, 0, { kind: 'noise' });
    const random = new DartRandom(0x466c7576);
    const first = 16 + Math.round(random.nextDouble() * 64);
    const second = 16 + Math.round(random.nextDouble() * 64);
    expect(pixel(frame, SIZE, 0, 0)).toEqual([first, first, first, 255]);
    expect(pixel(frame, SIZE, 3, 3)).toEqual([first, first, first, 255]);
    expect(pixel(frame, SIZE, 4, 0)).toEqual([second, second, second, 255]);
  });

  it('vhs draws a dark line every 4 px', async () => {
    const frame = await boxFrame({ visible: false }, 0, { kind: 'vhs' });
    const line = pixel(frame, SIZE, 50, 0);
    const between = pixel(frame, SIZE, 50, 2);
    expect(line[0]).toBeLessThan(between[0]);
    expect(pixel(frame, SIZE, 50, 4)).toEqual(line);
  });
});

describe('stagger', () => {
  it('SplitText parts fade in one after another', async () => {
    const spec = parseSpec({
      fluvieSpec: 1,
      size: { width: 200, height: 60 },
      scenes: [
        {
          duration: '30f',
          background: { kind: 'color', color: '#000000' },
          children: [
            {
              type: 'SplitText',
              text: 'WWW WWW',
              style: { fontSize: 30 },
              animate: [{ preset: 'fadeIn', duration: '5f', ease: 'linear', stagger: { each: '5f' } }],
            },
          ],
        },
      ],
    });
    const { stream } = await capture(spec);
    const maxRed = (frame: Uint8Array, left: number, right: number): number => {
      let max = 0;
      for (let y = 0; y < 60; y += 1) for (let x = left; x < right; x += 1) max = Math.max(max, pixel(frame, 200, x, y)[0]);
      return max;
    };
    // Part 0 runs frames 0-5, part 1 frames 5-10; the text is centred, so part 0 is left of x = 100.
    const early = await stream.renderFrame(4);
    expect(maxRed(early, 0, 100)).toBeGreaterThan(150);
    expect(maxRed(early, 105, 200)).toBe(0);
    const late = await stream.renderFrame(10);
    expect(maxRed(late, 105, 200)).toBe(255);
  });
});

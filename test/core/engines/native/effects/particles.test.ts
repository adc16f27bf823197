import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapture } from '../../../../helpers/cli.js';
import { pixelAt, readFrameRgba } from '../../../../helpers/media.js';
import { particleAt, resolveParticleField } from '../../../../../src/core/engines/native/effects/particles.js';
import { valueForSeed } from '../../../../../src/core/motion/value-noise.js';

describe('resolveParticleField', () => {
  it('fills the kind defaults', () => {
    const field = resolveParticleField({ kind: 'snow' }, 'p');
    expect(field).toMatchObject({ kind: 'snow', count: 48, seed: 'snow', minSize: 2, maxSize: 5, fallSpeed: 0.4, drift: 0.15, spinSpeed: 0.2 });
    expect(field.palette).toEqual([{ r: 255, g: 255, b: 255, a: 255 }, { r: 0xe8, g: 0xf0, b: 0xff, a: 255 }]);
  });

  it('overrides fields', () => {
    const field = resolveParticleField({ kind: 'confetti', count: 3, seed: 'x', palette: ['#FF0000'], maxSize: 20 }, 'p');
    expect(field).toMatchObject({ count: 3, seed: 'x', maxSize: 20, minSize: 4, palette: [{ r: 255, g: 0, b: 0, a: 255 }] });
  });

  it('rejects an unknown key', () => {
    expect(() => resolveParticleField({ kind: 'snow', speed: 2 }, 'scenes[0].children[0].effects[0].particles')).toThrow(/unknown particles key "speed"/);
  });

  it('rejects a bad palette', () => {
    expect(() => resolveParticleField({ kind: 'snow', palette: ['red'] }, 'p')).toThrow(/p\.palette: expected a non-empty list/);
  });

  it('rejects a fractional count', () => {
    expect(() => resolveParticleField({ kind: 'snow', count: 1.5 }, 'p')).toThrow(/p\.count: expected a whole number/);
  });
});

describe('particleAt', () => {
  const field = resolveParticleField({ kind: 'confetti', seed: 'win' }, 'p');

  it('follows the seeded formulas', () => {
    const state = particleAt(field, 3, 0.25, 200, 100);
    const fall = (valueForSeed('win-3-y') + 0.25 * 0.9) % 1;
    const wander = Math.sin((0.25 + valueForSeed('win-3-p')) * 2 * Math.PI) * 0.25;
    expect(state.y).toBeCloseTo(fall * 100, 9);
    expect(state.x).toBeCloseTo((((valueForSeed('win-3-x') + wander) % 1) + 1) % 1 * 200, 9);
    expect(state.size).toBeCloseTo(4 + valueForSeed('win-3-s') * 5, 9);
    expect(state.colorIndex).toBe(3);
    expect(state.alpha).toBe(1);
  });

  it('is the same on every call', () => {
    expect(particleAt(field, 7, 0.6, 320, 180)).toEqual(particleAt(field, 7, 0.6, 320, 180));
  });

  it('falls as progress grows', () => {
    const early = particleAt(field, 0, 0, 100, 100);
    const later = particleAt(field, 0, 0.1, 100, 100);
    const moved = (later.y - early.y + 100) % 100;
    expect(moved).toBeCloseTo(9, 6);
  });

  it('twinkles sparkle alpha', () => {
    const sparkle = resolveParticleField({ kind: 'sparkle' }, 'p');
    const alphas = [0, 0.1, 0.2, 0.3].map((p) => particleAt(sparkle, 1, p, 10, 10).alpha);
    for (const alpha of alphas) {
      expect(alpha).toBeGreaterThanOrEqual(0.35);
      expect(alpha).toBeLessThanOrEqual(1);
    }
    expect(new Set(alphas).size).toBe(4);
  });
});

describe('particles rendered', () => {
  const SIZE = 48;
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fluvie-particles-'));
  });

  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  /** Renders 12 frames of a black scene whose full-size box carries `extra`; returns the PNG files in order. */
  async function render(name: string, extra: Record<string, unknown>): Promise<string[]> {
    const box = { type: 'Box', color: '#00000000', transform: { x: 0.5, y: 0.5, w: 1, h: 1 }, ...extra };
    const spec = { fluvieSpec: 1, size: { width: SIZE, height: SIZE }, fps: 30, scenes: [{ duration: '12f', background: { kind: 'color', color: '#FF000000' }, children: [box] }] };
    const specFile = path.join(dir, `${name}.fluvie.json`);
    await writeFile(specFile, JSON.stringify(spec));
    const out = path.join(dir, name);
    const run = await runCliCapture(['render', '--spec', specFile, '--out', out, '--format', 'imageSequence']);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    return (await readdir(out)).filter((file) => file.endsWith('.png')).sort().map((file) => path.join(out, file));
  }

  /** Counts the pixels of a PNG frame that are not the black background. */
  async function litPixels(file: string): Promise<number> {
    const rgba = await readFrameRgba(file, 0, SIZE, SIZE);
    let lit = 0;
    for (let y = 0; y < SIZE; y += 1) for (let x = 0; x < SIZE; x += 1) if (pixelAt(rgba, SIZE, x, y).slice(0, 3).some((channel) => channel > 0)) lit += 1;
    return lit;
  }

  const effect = { effects: [{ kind: 'particles', particles: { kind: 'confetti', count: 20, minSize: 4, maxSize: 6, palette: ['#FFFFFFFF'] } }] };

  it('paints the same pixels on two renders', async () => {
    const first = await render('first', effect);
    const second = await render('second', effect);
    expect(first).toHaveLength(12);
    for (let i = 0; i < first.length; i += 1) {
      expect((await readFile(first[i]!)).equals(await readFile(second[i]!)), `frame ${i} differs`).toBe(true);
    }
  });

  it('paints particles that move over the scene', async () => {
    const frames = await render('moving', effect);
    expect(await litPixels(frames[0]!)).toBeGreaterThan(100);
    expect((await readFile(frames[0]!)).equals(await readFile(frames[11]!))).toBe(false);
  });

  it('runs the preset on its animation progress', async () => {
    const frames = await render('preset', { animate: [{ preset: 'particles', spec: { kind: 'snow', count: 30, maxSize: 6 }, duration: '12f' }] });
    expect(await litPixels(frames[5]!)).toBeGreaterThan(50);
  });
});

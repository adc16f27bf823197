/**
 * The `curves` and `lut` effects end to end: specs rendered through the CLI to PNG frames, checked
 * by decoded pixel values of a box of a known colour.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapture } from '../../../../helpers/cli.js';
import { expectColorNear, pixelAt, readFrameRgba, type Rgba } from '../../../../helpers/media.js';

const SIZE = 32;
/** The box colour #336699 and the background #000000. */
const BOX = '#FF336699';
let dir = '';

/** Returns the text of a size-2 cube that swaps the red and blue channels, red fastest. */
function swapCube(): string {
  const rows: string[] = [];
  for (let b = 0; b < 2; b += 1) for (let g = 0; g < 2; g += 1) for (let r = 0; r < 2; r += 1) rows.push(`${b} ${g} ${r}`);
  return `TITLE "swap red and blue"\nLUT_3D_SIZE 2\n${rows.join('\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fluvie-lookup-'));
  await writeFile(path.join(dir, 'swap.cube'), swapCube());
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

/** Renders one 2-frame scene with a full-size box carrying `effects`; returns the centre and corner pixels of frame 0. */
async function render(name: string, effects: unknown[]): Promise<{ centre: Rgba; corner: Rgba }> {
  const spec = {
    fluvieSpec: 1,
    size: { width: SIZE, height: SIZE },
    fps: 30,
    scenes: [{ duration: '2f', background: { kind: 'color', color: '#FF000000' }, children: [{ type: 'Box', color: BOX, transform: { x: 0.5, y: 0.5, w: 0.5, h: 0.5 }, effects }] }],
  };
  const specFile = path.join(dir, `${name}.fluvie.json`);
  await writeFile(specFile, JSON.stringify(spec));
  const out = path.join(dir, name);
  const run = await runCliCapture(['render', '--spec', specFile, '--out', out, '--format', 'imageSequence']);
  expect(run.stderr).not.toContain('error');
  expect(run.code).toBe(0);
  const first = (await readdir(out)).filter((file) => file.endsWith('.png')).sort()[0]!;
  const frame = await readFrameRgba(path.join(out, first), 0, SIZE, SIZE);
  return { centre: pixelAt(frame, SIZE, SIZE / 2, SIZE / 2), corner: pixelAt(frame, SIZE, 1, 1) };
}

describe('curves effect', () => {
  it('inverts with a falling master curve', async () => {
    const { centre, corner } = await render('invert', [{ kind: 'curves', curves: { master: [[0, 1], [1, 0]] } }]);
    expect(centre).toEqual([0xcc, 0x99, 0x66, 255]);
    expect(corner).toEqual([0, 0, 0, 255]);
  });

  it('mixes halfway at intensity 0.5', async () => {
    const { centre } = await render('half', [{ kind: 'curves', curves: { master: [[0, 1], [1, 0]] }, intensity: 0.5 }]);
    expectColorNear(centre, [0x80, 0x80, 0x80, 255], 1);
  });

  it('leaves the box untouched when every curve is the identity', async () => {
    const plain = await render('plain', []);
    const identity = await render('identity', [{ kind: 'curves', curves: { master: [[0, 0], [1, 1]] } }]);
    expect(identity.centre).toEqual(plain.centre);
  });

  it('curves one channel only', async () => {
    const { centre } = await render('red-only', [{ kind: 'curves', curves: { red: [[0, 0], [1, 0]] } }]);
    expect(centre).toEqual([0, 0x66, 0x99, 255]);
  });
});

describe('lut effect', () => {
  it('maps the box colour through an asset cube', async () => {
    // The asset resolves against the spec's folder.
    const { centre, corner } = await render('asset', [{ kind: 'lut', asset: 'swap.cube' }]);
    expect(centre).toEqual([0x99, 0x66, 0x33, 255]);
    expect(corner).toEqual([0, 0, 0, 255]);
  });

  it('reads inline cube text', async () => {
    const { centre } = await render('inline', [{ kind: 'lut', cube: swapCube() }]);
    expect(centre).toEqual([0x99, 0x66, 0x33, 255]);
  });

  it('keeps the input at intensity 0', async () => {
    const { centre } = await render('zero', [{ kind: 'lut', asset: 'swap.cube', intensity: 0 }]);
    expect(centre).toEqual([0x33, 0x66, 0x99, 255]);
  });

  it('fails on a missing file naming the path', async () => {
    const specFile = path.join(dir, 'missing.fluvie.json');
    const spec = { fluvieSpec: 1, size: { width: SIZE, height: SIZE }, scenes: [{ duration: '1f', children: [{ type: 'Box', color: BOX, effects: [{ kind: 'lut', asset: 'nope.cube' }] }] }] };
    await writeFile(specFile, JSON.stringify(spec));
    const run = await runCliCapture(['render', '--spec', specFile, '--out', path.join(dir, 'missing'), '--format', 'imageSequence']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('scenes[0].children[0].effects[0].asset: LUT file not found');
    expect(run.stderr).toContain(path.join(dir, 'nope.cube'));
  });

  it('rejects an asset outside the spec folder', async () => {
    const specFile = path.join(dir, 'escape.fluvie.json');
    const spec = { fluvieSpec: 1, size: { width: SIZE, height: SIZE }, scenes: [{ duration: '1f', children: [{ type: 'Box', color: BOX, effects: [{ kind: 'lut', asset: '../swap.cube' }] }] }] };
    await writeFile(specFile, JSON.stringify(spec));
    const run = await runCliCapture(['render', '--spec', specFile, '--out', path.join(dir, 'escape'), '--format', 'imageSequence']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('a LUT asset must be a plain relative path');
  });
});

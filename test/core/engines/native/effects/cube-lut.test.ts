import { describe, expect, it } from 'vitest';
import { parseCubeLut } from '../../../../../src/core/engines/native/effects/cube-lut.js';
import { sampleCubeLut } from '../../../../../src/core/engines/native/effects/color-lookup.js';

/** Returns the text of a size-2 cube whose entry at grid (r, g, b) is `map(r, g, b)`, red fastest. */
function cubeText(map: (r: number, g: number, b: number) => [number, number, number], header = 'LUT_3D_SIZE 2'): string {
  const rows: string[] = [];
  for (let b = 0; b < 2; b += 1) for (let g = 0; g < 2; g += 1) for (let r = 0; r < 2; r += 1) rows.push(map(r, g, b).join(' '));
  return `# comment\nTITLE "swap"\n${header}\n${rows.join('\n')}\n`;
}

describe('parseCubeLut', () => {
  it('reads the table red fastest', () => {
    const lut = parseCubeLut(cubeText((r, g, b) => [b, g, r]), 'x.cube');
    expect(lut.size).toBe(2);
    expect(Array.from(lut.table.slice(0, 6))).toEqual([0, 0, 0, 0, 0, 255]);
  });

  it('accepts the unit domain lines', () => {
    expect(parseCubeLut(cubeText((r, g, b) => [r, g, b], 'DOMAIN_MIN 0 0 0\nDOMAIN_MAX 1 1 1\nLUT_3D_SIZE 2'), 'x.cube').size).toBe(2);
  });

  it('rejects another domain', () => {
    expect(() => parseCubeLut(cubeText((r, g, b) => [r, g, b], 'DOMAIN_MAX 2 2 2\nLUT_3D_SIZE 2'), 'x.cube')).toThrow(/x\.cube: invalid \.cube LUT: only the unit domain/);
  });

  it('rejects a truncated table', () => {
    const text = cubeText((r, g, b) => [r, g, b]).split('\n').slice(0, -2).join('\n');
    expect(() => parseCubeLut(text, 'x.cube')).toThrow(/expected 8 table rows for LUT_3D_SIZE 2, found 7/);
  });

  it('rejects a missing size', () => {
    expect(() => parseCubeLut('0 0 0\n', 'x.cube')).toThrow(/LUT_3D_SIZE line is missing/);
  });

  it('rejects a size out of bounds', () => {
    expect(() => parseCubeLut('LUT_3D_SIZE 65\n', 'x.cube')).toThrow(/from 2 to 64/);
  });

  it('rejects values outside 0..1', () => {
    expect(() => parseCubeLut(cubeText(() => [0, 0, 1.5]), 'x.cube')).toThrow(/1\.5 is outside the unit domain/);
  });

  it('rejects a malformed row', () => {
    expect(() => parseCubeLut('LUT_3D_SIZE 2\n0 0\n', 'x.cube')).toThrow(/a table row is three numbers, got "0 0"/);
  });

  it('rejects 1D LUTs', () => {
    expect(() => parseCubeLut('LUT_1D_SIZE 4\n', 'x.cube')).toThrow(/1D LUTs/);
  });
});

describe('sampleCubeLut', () => {
  it('interpolates a linear cube exactly', () => {
    const lut = parseCubeLut(cubeText((r, g, b) => [b, g, r]), 'x.cube');
    const out = new Float64Array(3);
    sampleCubeLut(lut, 0.2, 0.4, 0.6, out);
    expect(out[0]).toBeCloseTo(0.6 * 255, 9);
    expect(out[1]).toBeCloseTo(0.4 * 255, 9);
    expect(out[2]).toBeCloseTo(0.2 * 255, 9);
  });

  it('hits grid points exactly', () => {
    const lut = parseCubeLut(cubeText((r, g, b) => [1 - r, g * 0.5, b]), 'x.cube');
    const out = new Float64Array(3);
    sampleCubeLut(lut, 1, 1, 0, out);
    expect(Array.from(out)).toEqual([0, 128, 0]);
  });
});

/**
 * Parser of `.cube` 3D LUT files (the IRIDAS/Adobe text format) with the checks Fluvie applies to
 * this external input. The text is at most 4 MiB, `LUT_3D_SIZE` is from 2 to 64, and only the unit
 * domain (`DOMAIN_MIN 0 0 0`, `DOMAIN_MAX 1 1 1`) is accepted. The table has exactly size³ rows of
 * three numbers in 0..1. Input and output are the frame's encoded (non-linear sRGB) values.
 *
 * NOTE: hand-written because the one npm parser found (`parse-cube-lut` 1.0.1) has no types and
 * checks none of the bounds above. `LUT_1D_SIZE` files are rejected, as Fluvie rejects them.
 */
import { FluvieError } from '../../../errors.js';

export interface CubeLut {
  /** Grid points per axis. */
  size: number;
  /**
   * Output colours in 0..255, red fastest then green then blue: entry `((b·size + g)·size + r)·3`.
   * Rounded to 8 bits, as in the lookup image Fluvie's shader samples.
   */
  table: Float32Array;
}

export const CUBE_MAX_BYTES = 4 * 1024 * 1024;
const MIN_SIZE = 2;
const MAX_SIZE = 64;

/**
 * Parses the text of a `.cube` file; `source` names it (a JSON path or a file name) in messages.
 * @throws FluvieError `spec_invalid` for anything outside the format rules above.
 */
export function parseCubeLut(text: string, source: string): CubeLut {
  const fail = (problem: string): never => {
    throw new FluvieError('spec_invalid', `${source}: invalid .cube LUT: ${problem}`);
  };
  if (Buffer.byteLength(text, 'utf8') > CUBE_MAX_BYTES) fail(`the text is larger than ${CUBE_MAX_BYTES} bytes.`);

  let size: number | null = null;
  const values: number[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const upper = line.toUpperCase();
    if (upper.startsWith('TITLE')) continue;
    if (upper.startsWith('LUT_3D_SIZE')) {
      if (size !== null) fail('LUT_3D_SIZE appears twice.');
      const parsed = Number(line.slice('LUT_3D_SIZE'.length).trim());
      if (!Number.isInteger(parsed) || parsed < MIN_SIZE || parsed > MAX_SIZE) fail(`LUT_3D_SIZE must be a whole number from ${MIN_SIZE} to ${MAX_SIZE}, got "${clip(line)}".`);
      size = parsed;
      continue;
    }
    if (upper.startsWith('LUT_1D_SIZE')) fail('1D LUTs (LUT_1D_SIZE) are not supported; export a 3D LUT.');
    if (upper.startsWith('DOMAIN_MIN') || upper.startsWith('DOMAIN_MAX')) {
      const expected = upper.startsWith('DOMAIN_MIN') ? 0 : 1;
      const parts = line.split(/\s+/).slice(1);
      if (parts.length !== 3 || parts.some((part) => Number(part) !== expected)) {
        fail(`only the unit domain is supported (DOMAIN_MIN 0 0 0, DOMAIN_MAX 1 1 1), got "${clip(line)}".`);
      }
      continue;
    }
    const parts = line.split(/\s+/);
    if (parts.length !== 3) fail(`a table row is three numbers, got "${clip(line)}".`);
    for (const part of parts) {
      const value = Number(part);
      if (part === '' || !Number.isFinite(value)) fail(`a table row is three numbers, got "${clip(line)}".`);
      if (value < 0 || value > 1) fail(`the value ${value} is outside the unit domain 0..1.`);
      values.push(value);
    }
  }

  if (size === null) return fail('the LUT_3D_SIZE line is missing.');
  const expected = size * size * size;
  if (values.length !== expected * 3) fail(`expected ${expected} table rows for LUT_3D_SIZE ${size}, found ${values.length / 3}.`);
  const table = new Float32Array(values.length);
  for (let i = 0; i < values.length; i += 1) table[i] = Math.round(values[i]! * 255);
  return { size, table };
}

/** Clips a malformed line for a message, so a huge external line never fills it. */
function clip(line: string): string {
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

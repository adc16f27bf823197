/**
 * Fluvie's hash-based value noise (`ValueNoise`): an FNV-style 32-bit mix gives each integer
 * lattice point a value in 0..1, and lookups between lattice points are smoothstep-interpolated.
 * Glitch bands, grain and the seeded float wobble sample it, so the port must match bit for bit.
 */

const FNV_PRIME = 0x01000193;
const FNV_OFFSET_BASIS = 0x811c9dc5;
const LATTICE_SEED = 0x9e3779b1;
const UNIT_RANGE = 0xffffff;

/** One mix step: ((h ^ v) · FNV prime) mod 2³², then h ^= h >> 15, all unsigned 32-bit. */
export function mixHash(hash: number, value: number): number {
  let h = (hash ^ value) >>> 0;
  h = Math.imul(h, FNV_PRIME) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  return h;
}

function hashToUnit(hash: number): number {
  return (hash & UNIT_RANGE) / UNIT_RANGE;
}

/** A value in 0..1 for a string seed, hashed over its UTF-16 code units. */
export function valueForSeed(seed: string): number {
  let h = FNV_OFFSET_BASIS;
  for (let i = 0; i < seed.length; i += 1) h = mixHash(h, seed.charCodeAt(i));
  return hashToUnit(h);
}

export function lattice2(x: number, y: number): number {
  return hashToUnit(mixHash(mixHash(LATTICE_SEED, x), y));
}

function smoothstep(t: number): number {
  return t * t * (3 - 2 * t);
}

/** Two-dimensional value noise in 0..1. */
export function noise2(x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const tx = smoothstep(x - x0);
  const ty = smoothstep(y - y0);
  const a = lattice2(x0, y0);
  const b = lattice2(x0 + 1, y0);
  const c = lattice2(x0, y0 + 1);
  const d = lattice2(x0 + 1, y0 + 1);
  const top = a + (b - a) * tx;
  const bottom = c + (d - c) * tx;
  return top + (bottom - top) * ty;
}

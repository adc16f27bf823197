/**
 * A port of the Dart VM's `math.Random(seed)`: a multiply-with-carry generator (base 2³², multiplier
 * 0xFFFFDA61) whose 64-bit state starts from Thomas Wang's 64-bit hash of the seed and is cranked
 * four times. Fluvie draws its noise and VHS backgrounds from it, so the sequence must match the
 * Dart VM's (sdk `lib/_internal/vm/lib/math_patch.dart`); dart2js and dart2wasm differ.
 */

const MASK_64 = (1n << 64n) - 1n;
const MASK_32 = (1n << 32n) - 1n;
const MULTIPLIER = 0xffffda61n;
const POW2_27 = 2 ** 27;
const POW2_53 = 2 ** 53;

/** Dart `_Random._setupSeed`: Thomas Wang's 64-bit integer hash, wrapping at 64 bits. */
function setupSeed(seed: bigint): bigint {
  let n = BigInt.asUintN(64, seed);
  n = (~n + (n << 21n)) & MASK_64;
  n ^= n >> 24n;
  n = (n * 265n) & MASK_64;
  n ^= n >> 14n;
  n = (n * 21n) & MASK_64;
  n ^= n >> 28n;
  n = (n + (n << 31n)) & MASK_64;
  return n === 0n ? 0x5a17n : n;
}

export class DartRandom {
  private state: bigint;

  constructor(seed: number) {
    this.state = setupSeed(BigInt(seed));
    for (let i = 0; i < 4; i += 1) this.nextState();
  }

  /** A double in [0, 1), built from 26 + 27 random bits as Dart does. */
  nextDouble(): number {
    return (this.nextPowerOfTwo(2 ** 26) * POW2_27 + this.nextPowerOfTwo(2 ** 27)) / POW2_53;
  }

  /** Dart `nextInt(max)` for a power-of-two `max` up to 2³² (the fast path `nextDouble` uses). */
  nextPowerOfTwo(max: number): number {
    if (!(max >= 1 && max <= 2 ** 32 && Number.isInteger(Math.log2(max)))) {
      throw new RangeError(`max must be a power of two between 1 and 2^32, got ${max}`);
    }
    this.nextState();
    return Number(this.state & MASK_32 & BigInt(max - 1));
  }

  private nextState(): void {
    const low = this.state & MASK_32;
    const high = this.state >> 32n;
    this.state = (MULTIPLIER * low + high) & MASK_64;
  }
}

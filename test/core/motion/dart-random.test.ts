import { describe, expect, it } from 'vitest';
import { DartRandom } from '../../../src/core/motion/dart-random.js';

describe('DartRandom', () => {
  // Expected values from the Dart SDK's seeded-sequence test (tests/lib/math/random_test.dart).
  it('matches the Dart sequence for seed 20130307', () => {
    const random = new DartRandom(20130307);
    const values: number[] = [];
    for (let bits = 1; bits <= 16; bits += 1) values.push(random.nextPowerOfTwo(2 ** bits));
    expect(values).toEqual([0, 3, 7, 5, 29, 17, 104, 199, 408, 362, 995, 2561, 2548, 9553, 2628, 42376]);
  });

  it('matches Dart nextDouble for seed 6790', () => {
    const random = new DartRandom(6790);
    expect(random.nextDouble()).toBeCloseTo(0.1202733131, 9);
    expect(random.nextDouble()).toBeCloseTo(0.5554054805, 9);
    expect(random.nextDouble()).toBeCloseTo(0.0385160727, 9);
  });

  it('matches Dart for seed 0', () => {
    expect(new DartRandom(0).nextPowerOfTwo(65536)).toBe(21391);
  });

  it('nextDouble stays in [0, 1) and repeats per seed', () => {
    const a = new DartRandom(0x466c7576);
    const b = new DartRandom(0x466c7576);
    for (let i = 0; i < 1000; i += 1) {
      const value = a.nextDouble();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      expect(b.nextDouble()).toBe(value);
    }
  });

  it('rejects a max that is not a power of two', () => {
    expect(() => new DartRandom(1).nextPowerOfTwo(6)).toThrow(RangeError);
  });
});

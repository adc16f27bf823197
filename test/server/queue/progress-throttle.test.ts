import { describe, expect, it } from 'vitest';
import { createProgressThrottle } from '../../../src/server/queue/progress-throttle.js';

describe('createProgressThrottle', () => {
  it('writes the first value at once and the newest on flush', async () => {
    const written: number[] = [];
    const throttle = createProgressThrottle<number>(async (value) => void written.push(value), 60_000);
    for (let value = 1; value <= 100; value += 1) throttle.push(value);
    await throttle.flush();
    expect(written).toEqual([1, 100]);
  });

  it('writes nothing more when nothing is pending', async () => {
    const written: number[] = [];
    const throttle = createProgressThrottle<number>(async (value) => void written.push(value), 60_000);
    throttle.push(1);
    await throttle.flush();
    await throttle.flush();
    expect(written).toEqual([1]);
  });

  it('survives a failing write', async () => {
    const written: number[] = [];
    const throttle = createProgressThrottle<number>(async (value) => {
      if (value === 1) throw new Error('disk full');
      written.push(value);
    }, 60_000);
    throttle.push(1);
    throttle.push(2);
    await throttle.flush();
    expect(written).toEqual([2]);
  });
});

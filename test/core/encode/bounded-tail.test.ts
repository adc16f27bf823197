import { describe, expect, it } from 'vitest';

import { createBoundedTail } from '../../../src/core/encode/bounded-tail.js';

describe('createBoundedTail', () => {
  it('keeps short output whole', () => {
    const tail = createBoundedTail(100);
    tail.append('first line\n');
    tail.append(Buffer.from('second line\n'));

    expect(tail.text()).toBe('first line\nsecond line\n');
    expect(tail.totalBytes).toBe(23);
  });

  it('keeps only the last bytes from a whole line', () => {
    const tail = createBoundedTail(32);
    for (let index = 0; index < 1000; index += 1) tail.append(`line ${index}\n`);

    const text = tail.text();
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(32);
    expect(text.endsWith('line 999\n')).toBe(true);
    expect(text.startsWith('line ')).toBe(true);
  });

  it('bounds one huge chunk', () => {
    const tail = createBoundedTail(1024);
    tail.append('x'.repeat(5_000_000));

    expect(tail.text()).toHaveLength(1024);
    expect(tail.totalBytes).toBe(5_000_000);
  });

  it('drops a split multibyte character at the start', () => {
    const tail = createBoundedTail(5);
    tail.append('ééé');

    expect(tail.text()).toBe('éé');
  });

  it('rejects a non-positive size', () => {
    expect(() => createBoundedTail(0)).toThrow(/positive integer, received 0/);
  });
});

import { describe, expect, it } from 'vitest';
import { parseProgressText } from '../../../../src/core/engines/flutter/progress-file.js';

describe('parseProgressText', () => {
  it('parses completed and total', () => {
    expect(parseProgressText('12/30')).toEqual({ completed: 12, total: 30 });
    expect(parseProgressText(' 30/30\n')).toEqual({ completed: 30, total: 30 });
  });

  it.each([
    ['empty file', ''],
    ['completed only', '12/'],
    ['total cut short below completed', '12/3'],
    ['zero total', '0/0'],
    ['garbage', 'garbage'],
    ['negative', '-1/30'],
    ['two values glued', '12/3013/30'],
  ])('returns null for a torn read: %s', (_name, text) => {
    expect(parseProgressText(text)).toBeNull();
  });
});

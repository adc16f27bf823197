import { describe, expect, it } from 'vitest';
import { storageKeyProblem } from '../../../src/server/storage/storage-key.js';

describe('storageKeyProblem', () => {
  it.each(['rnd_a/video.mp4', 'rnd_a/poster.png', 'inputs/abc123', 'a'])('accepts %s', (key) => {
    expect(storageKeyProblem(key)).toBeNull();
  });

  it.each([
    ['', 'is empty'],
    ['../x', 'has the segment ".."'],
    ['a/./b', 'has the segment "."'],
    ['%2e%2e/x', 'has the segment "%2e%2e"'],
    ['/abs', 'is an absolute path'],
    ['a\u0000b', 'contains a NUL byte'],
    ['a\\b', 'has the segment "a\\b"'],
    ['.jobs/x.json', 'has the segment ".jobs"'],
    ['rnd_a/video.mp4.meta.json', 'ends with a reserved suffix'],
    ['x'.repeat(513), 'is longer than 512 characters'],
  ])('rejects %j', (key, problem) => {
    expect(storageKeyProblem(key)).toContain(problem);
  });
});

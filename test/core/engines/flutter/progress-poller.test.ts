import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startProgressPoller } from '../../../../src/core/engines/flutter/progress-poller.js';
import type { CaptureProgress } from '../../../../src/core/engines/flutter/progress-file.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'progress-poller-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('startProgressPoller', () => {
  it('reports the last value once more on stop', async () => {
    const file = path.join(work, 'progress');
    const seen: CaptureProgress[] = [];
    // An interval far beyond the test, so only stop() reads the file.
    const poller = startProgressPoller(file, (progress) => seen.push(progress), 60_000);
    writeFileSync(file, '7/9');
    await poller.stop();
    expect(seen).toEqual([{ completed: 7, total: 9 }]);
  });

  it('ignores a missing file and unparsable text', async () => {
    const seen: CaptureProgress[] = [];
    const missing = startProgressPoller(path.join(work, 'absent'), (progress) => seen.push(progress), 60_000);
    await missing.stop();

    const torn = path.join(work, 'torn');
    writeFileSync(torn, '12/');
    const partial = startProgressPoller(torn, (progress) => seen.push(progress), 60_000);
    await partial.stop();
    expect(seen).toEqual([]);
  });

  it('reports only advances while polling', async () => {
    const file = path.join(work, 'advancing');
    const seen: number[] = [];
    writeFileSync(file, '1/4');
    const poller = startProgressPoller(file, (progress) => seen.push(progress.completed), 5);
    for (const text of ['2/4', '1/4', '', '4/4']) {
      await new Promise((resolve) => setTimeout(resolve, 30));
      writeFileSync(file, text);
    }
    await poller.stop();
    expect(seen.at(-1)).toBe(4);
    expect(seen).toEqual([...new Set(seen)].sort((a, b) => a - b));
  });
});

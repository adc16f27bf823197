import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTrackedTempPathsSync, trackTempPath, untrackTempPath } from '../../src/core/temp-registry.js';

describe('temp registry', () => {
  it('removes tracked files and folders', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fluvie-registry-'));
    const file = path.join(dir, '.out.partial.mp4');
    const folder = path.join(dir, '.frames.partial');
    writeFileSync(file, 'x');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'frame_000001.png'), 'x');
    trackTempPath(file);
    trackTempPath(folder);
    removeTrackedTempPathsSync();
    expect(existsSync(file)).toBe(false);
    expect(existsSync(folder)).toBe(false);
  });

  it('keeps untracked paths', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fluvie-registry-'));
    const file = path.join(dir, 'committed.mp4');
    writeFileSync(file, 'x');
    trackTempPath(file);
    untrackTempPath(file);
    removeTrackedTempPathsSync();
    expect(existsSync(file)).toBe(true);
  });
});

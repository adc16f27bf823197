import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listCompositionKeys, parseKeysLine } from '../../../../src/core/engines/flutter/list-keys.js';
import { FluvieError } from '../../../../src/core/errors.js';
import { FAKE_FLUTTER, makeProject } from './fake-flutter-setup.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'list-keys-test-'));
const project = makeProject(path.join(work, 'app'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('parseKeysLine', () => {
  it('reads the keys after the marker', () => {
    expect(parseKeysLine('00:00 +0: loading\nfluvie-keys: demo, intro_card\n00:01 +1: All tests passed!')).toEqual(['demo', 'intro_card']);
  });

  it('returns an empty list for an empty registry and null without the marker', () => {
    expect(parseKeysLine('fluvie-keys: ')).toEqual([]);
    expect(parseKeysLine('All tests passed!')).toBeNull();
  });
});

describe('listCompositionKeys', () => {
  it('runs the harness in list mode', async () => {
    const result = await listCompositionKeys({ projectDir: project, flutterPath: FAKE_FLUTTER, env: { PATH: process.env.PATH }, cwd: work, signal: new AbortController().signal });
    expect(result.keys).toEqual(['demo', 'intro_card']);
    expect(result.project.projectDir).toBe(project);
  });

  it('rejects a harness that prints no key line', async () => {
    const broken = path.join(work, 'no-keys-flutter');
    const { writeFileSync, chmodSync } = await import('node:fs');
    writeFileSync(broken, '#!/bin/sh\nif [ "$1" = "--version" ]; then echo \'{"frameworkVersion":"3.0.0"}\'; exit 0; fi\necho "All tests passed!"\n');
    chmodSync(broken, 0o755);
    const failure = await listCompositionKeys({ projectDir: project, flutterPath: broken, env: { PATH: process.env.PATH }, cwd: work, signal: new AbortController().signal }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FluvieError);
    expect((failure as FluvieError).message).toContain('printed no "fluvie-keys:" line');
    expect((failure as FluvieError).message).toContain('--force');
  });
});

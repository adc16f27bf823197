import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseVersionMachine, resolveFlutter } from '../../../../src/core/engines/flutter/resolve-flutter.js';
import { FluvieError } from '../../../../src/core/errors.js';
import { FAKE_FLUTTER } from './fake-flutter-setup.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'resolve-flutter-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function resolveError(options: Parameters<typeof resolveFlutter>[0]): Promise<FluvieError> {
  try {
    await resolveFlutter(options);
  } catch (error: unknown) {
    if (error instanceof FluvieError) return error;
    throw error;
  }
  throw new Error('expected resolution to fail');
}

describe('resolveFlutter', () => {
  it('uses --flutter and reports the probed version', async () => {
    const found = await resolveFlutter({ flutterPath: FAKE_FLUTTER, env: { PATH: process.env.PATH } });
    expect(found).toEqual({ path: FAKE_FLUTTER, version: '3.44.0', dartVersion: '3.10.0', source: 'flag' });
  });

  it('uses FLUTTER_PATH next', async () => {
    expect((await resolveFlutter({ flutterPath: null, env: { FLUTTER_PATH: FAKE_FLUTTER, PATH: process.env.PATH } })).source).toBe('env');
  });

  it('finds flutter on PATH last', async () => {
    const bin = path.join(work, 'bin');
    mkdirSync(bin);
    symlinkSync(FAKE_FLUTTER, path.join(bin, 'flutter'));
    const found = await resolveFlutter({ flutterPath: null, env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
    expect(found.source).toBe('path');
    expect(found.path).toBe(path.join(bin, 'flutter'));
  });

  it('gives the install hint when flutter is not on PATH', async () => {
    const error = await resolveError({ flutterPath: null, env: { PATH: path.join(work, 'nothing') } });
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('not found on PATH');
    expect(error.message).toContain('--flutter');
  });

  it('names a --flutter path that does not exist', async () => {
    const error = await resolveError({ flutterPath: path.join(work, 'missing'), env: {} });
    expect(error.message).toContain(path.join(work, 'missing'));
    expect(error.message).toContain('from --flutter');
  });

  it('reports a binary whose version probe fails', async () => {
    const broken = path.join(work, 'broken-flutter');
    writeFileSync(broken, '#!/bin/sh\necho "engine crashed" >&2\nexit 3\n');
    chmodSync(broken, 0o755);
    const error = await resolveError({ flutterPath: broken, env: { PATH: process.env.PATH } });
    expect(error.message).toContain('exit 3');
    expect(error.message).toContain('engine crashed');
  });
});

describe('parseVersionMachine', () => {
  it('reads the JSON after banner lines', () => {
    expect(parseVersionMachine('Downloading...\n{"frameworkVersion":"3.44.0","dartSdkVersion":"3.10.0"}\n')).toEqual({ version: '3.44.0', dartVersion: '3.10.0' });
  });

  it('returns null without a version object', () => {
    expect(parseVersionMachine('Flutter 3.44.0')).toBeNull();
    expect(parseVersionMachine('{"channel":"stable"}')).toBeNull();
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FluvieError } from '../../src/core/errors.js';
import { findJsonError, loadSpecFile, parseSpecJson } from '../../src/spec/load.js';
import { REFERENCE_SPEC_DIR } from './reference-specs.js';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'fluvie-spec-load-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function thrownBy(run: () => unknown): FluvieError {
  try {
    run();
  } catch (caught: unknown) {
    if (caught instanceof FluvieError) return caught;
    throw caught;
  }
  throw new Error('expected a FluvieError');
}

describe('parseSpecJson', () => {
  it('parses valid JSON', () => {
    expect(parseSpecJson('{"scenes": []}', 'a.json')).toEqual({ scenes: [] });
  });

  it('names line and column of a syntax error', () => {
    const failure = thrownBy(() => parseSpecJson('{\n  "fps": 30,\n  "scenes": [}\n}', 'broken.json'));

    expect(failure.code).toBe('spec_invalid');
    expect(failure.message).toContain('broken.json:3:14');
    expect(failure.message).toContain('invalid JSON');
  });

  it.each([
    ['{"a": }', 1, 7],
    ['{\n  "a": 1,\n}', 3, 1],
    ['', 1, 1],
    ['{"a": 1} x', 1, 10],
    ['{\n "a": tru\n}', 2, 7],
    ['// comment\n{}', 1, 1],
  ])('locates the error in %j', (text, line, column) => {
    expect(findJsonError(text)).toMatchObject({ line, column });
  });

  it('accepts a byte order mark', () => {
    expect(findJsonError('\uFEFF{"a": 1}')).toBeNull();
  });
});

describe('loadSpecFile', () => {
  it('loads a valid spec with its folder', async () => {
    const loaded = await loadSpecFile(path.join(REFERENCE_SPEC_DIR, 'rich.fluvie.json'));

    expect(loaded.spec.scenes).toHaveLength(2);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.baseDir).toBe(REFERENCE_SPEC_DIR);
  });

  it('keeps warnings of a valid spec', async () => {
    const file = path.join(folder, 'warn.json');
    await writeFile(file, JSON.stringify({ scenes: [{ duration: '1s', colour: 'red' }] }));

    const loaded = await loadSpecFile(file);

    expect(loaded.diagnostics).toEqual([expect.objectContaining({ path: 'scenes[0].colour', severity: 'warning' })]);
  });

  it('rejects an invalid spec with every diagnostic', async () => {
    const file = path.join(folder, 'invalid.json');
    await writeFile(file, JSON.stringify({ fps: 0, scenes: [{ duration: '0f' }] }));

    const failure = await loadSpecFile(file).then(
      () => null,
      (caught: unknown) => caught,
    );

    expect(failure).toBeInstanceOf(FluvieError);
    expect((failure as FluvieError).code).toBe('spec_invalid');
    expect((failure as FluvieError).message).toContain('fps: 0 is out of range');
    expect((failure as FluvieError).message).toContain('scenes[0].duration');
    const details = (failure as FluvieError).details as { diagnostics: { path: string }[] };
    expect(details.diagnostics.map((diagnostic) => diagnostic.path)).toEqual(['fps', 'scenes[0].duration']);
  });

  it('rejects malformed JSON with line and column', async () => {
    const file = path.join(folder, 'malformed.json');
    await writeFile(file, '{\n  "scenes": [\n    {"duration": "1s",}\n  ]\n}');

    await expect(loadSpecFile(file)).rejects.toMatchObject({ code: 'spec_invalid', message: expect.stringContaining('malformed.json:3:23') });
  });

  it('rejects a missing file', async () => {
    await expect(loadSpecFile(path.join(folder, 'absent.json'))).rejects.toMatchObject({ code: 'file_not_found', message: expect.stringContaining('absent.json') });
  });

  it('applies the format option', async () => {
    const file = path.join(folder, 'odd.json');
    await writeFile(file, JSON.stringify({ size: { width: 321, height: 180 }, scenes: [{ duration: '1s' }] }));

    await expect(loadSpecFile(file, { format: 'mp4' })).rejects.toMatchObject({ message: expect.stringContaining('width 321 is odd') });
    await expect(loadSpecFile(file, { format: 'gif' })).resolves.toMatchObject({ diagnostics: [] });
  });
});

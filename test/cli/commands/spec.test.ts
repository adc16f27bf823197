import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../../src/cli/context.js';
import { runCli } from '../../../src/cli/main.js';
import { readReferenceSpec, REFERENCE_SPEC_DIR, REFERENCE_SPEC_FILES } from '../../spec/reference-specs.js';

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function runSpec(args: readonly string[], cwd: string): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const context: CliContext = { stdout, stderr, env: {}, cwd, isTTY: false, signal: new AbortController().signal, exitCode: 0, errorReported: false };

  const code = await runCli(['node', 'fluvie-render', 'spec', ...args], context);
  return { code, stdout: out, stderr: err };
}

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'fluvie-spec-cli-'));
  await writeFile(path.join(folder, 'invalid.json'), JSON.stringify({ fps: 0, scenes: [{ duration: '1s', children: [{ type: 'Txt' }] }] }));
  await writeFile(path.join(folder, 'warning.json'), JSON.stringify({ scenes: [{ duration: '1s', colour: 'red' }] }));
  await writeFile(path.join(folder, 'odd.json'), JSON.stringify({ size: { width: 321, height: 180 }, scenes: [{ duration: '1s' }] }));
  await writeFile(path.join(folder, 'broken.json'), '{\n  "scenes": [\n    {"duration": "1s",}\n  ]\n}');
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('spec validate', () => {
  it('accepts every reference spec', async () => {
    const run = await runSpec(['validate', ...REFERENCE_SPEC_FILES], REFERENCE_SPEC_DIR);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe('8 files checked, all valid: 0 errors, 0 warnings\n');
    expect(run.stderr).toBe('');
  });

  it('prints one line per problem and exits 1', async () => {
    const run = await runSpec(['validate', 'invalid.json'], folder);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('invalid.json: fps: error: 0 is out of range: expected an integer from 1 to 120\n');
    expect(run.stdout).toContain('invalid.json: scenes[0].children[0].type: error: unknown element type "Txt"');
    expect(run.stdout).toMatch(/1 file checked, 1 invalid: 2 errors, 0 warnings\n$/);
  });

  it('passes with warnings', async () => {
    const run = await runSpec(['validate', 'warning.json'], folder);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('warning.json: scenes[0].colour: warning: unknown property "colour"');
  });

  it('fails on warnings with --strict', async () => {
    const run = await runSpec(['validate', '--strict', 'warning.json'], folder);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('scenes[0].colour: error: unknown property "colour"');
  });

  it('applies --format to the even-size rule', async () => {
    const mp4 = await runSpec(['validate', 'odd.json'], folder);
    const gif = await runSpec(['validate', '--format', 'gif', 'odd.json'], folder);

    expect(mp4.code).toBe(1);
    expect(mp4.stdout).toContain('odd.json: size.width: error: width 321 is odd');
    expect(mp4.stdout).toContain('use 320 or 322');
    expect(gif.code).toBe(0);
  });

  it('applies --max-frames', async () => {
    const run = await runSpec(['validate', '--max-frames', '100', 'rich.fluvie.json'], REFERENCE_SPEC_DIR);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('138 frames');
  });

  it('reports JSON syntax errors with line and column', async () => {
    const run = await runSpec(['validate', 'broken.json'], folder);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('broken.json: (root): error: invalid JSON at line 3, column 23');
  });

  it('reports a missing file and checks the rest', async () => {
    const run = await runSpec(['validate', 'absent.json', 'warning.json'], folder);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('absent.json: (root): error: file not found');
    expect(run.stdout).toContain('2 files checked, 1 invalid');
  });

  it('reports missing media only with --check-files', async () => {
    const spec = {
      audio: [{ kind: 'music', source: { kind: 'asset', value: 'audio/bed.mp3' } }],
      scenes: [{ duration: '1s', children: [{ type: 'Image', source: { kind: 'file', value: '/nonexistent/fluvie/logo.png' } }] }],
    };
    await writeFile(path.join(folder, 'media.json'), JSON.stringify(spec));

    const plain = await runSpec(['validate', 'media.json'], folder);
    const checked = await runSpec(['validate', '--check-files', 'media.json'], folder);

    expect(plain.code).toBe(0);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`media.json: audio[0].source: error: audio file not found: ${path.join(folder, 'audio/bed.mp3')}`);
    expect(checked.stdout).toContain('media.json: scenes[0].children[0].source: error: image file not found: /nonexistent/fluvie/logo.png');
  });

  it('prints one JSON report with --json', async () => {
    const run = await runSpec(['validate', '--json', 'invalid.json', 'warning.json', 'broken.json'], folder);
    const report = JSON.parse(run.stdout) as { ok: boolean; files: { file: string; ok: boolean; diagnostics: { path: string; severity: string; code: string }[] }[] };

    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(report.ok).toBe(false);
    expect(report.files.map((file) => [file.file, file.ok])).toEqual([
      ['invalid.json', false],
      ['warning.json', true],
      ['broken.json', false],
    ]);
    expect(report.files[0]?.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'fps', severity: 'error', code: 'out_of_range' })]));
    expect(report.files[2]?.diagnostics[0]).toMatchObject({ code: 'invalid_json' });
  });

  it('rejects an unknown --format as a usage error', async () => {
    const run = await runSpec(['validate', '--format', 'avi', 'odd.json'], folder);

    expect(run.code).toBe(64);
    expect(run.stderr).toContain("argument 'avi' is invalid");
    expect(run.stderr).toContain('mp4, gif, transparent, imageSequence');
  });

  it('rejects a bad --max-frames as a usage error', async () => {
    const run = await runSpec(['validate', '--max-frames', 'lots', 'odd.json'], folder);

    expect(run.code).toBe(64);
    expect(run.stderr).toContain('"lots"');
  });

  it('needs at least one file', async () => {
    const run = await runSpec(['validate'], folder);

    expect(run.code).toBe(64);
    expect(run.stderr).toContain("missing required argument 'file'");
  });

  it('documents units and defaults in --help', async () => {
    const run = await runSpec(['validate', '--help'], folder);
    // commander wraps help at 80 columns.
    const help = run.stdout.replace(/\s+/g, ' ');

    expect(run.code).toBe(0);
    expect(help).toContain('--max-frames <n> maximum video length in frames (default: 14400');
    expect(help).toContain("default: the spec's export.mode, else mp4");
    expect(help).toContain('default: warnings');
  });
});

describe('spec schema', () => {
  it('prints a draft 2020-12 schema that accepts the reference specs', async () => {
    const run = await runSpec(['schema'], folder);
    const schema = JSON.parse(run.stdout) as Record<string, unknown>;
    const validate = new Ajv2020({ strict: false }).compile(schema);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\n  "$schema": "https://json-schema.org/draft/2020-12/schema"');
    for (const name of REFERENCE_SPEC_FILES) expect(validate(readReferenceSpec(name))).toBe(true);
  });
});

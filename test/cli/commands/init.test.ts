/** `fluvie-render init` writes the harness template into a Flutter project. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../core/engines/flutter/fake-flutter-setup.js';
import { runCliCapture } from '../../helpers/cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'init-command-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const template = readFileSync(path.join(REPO_ROOT, 'templates/flutter/capture_harness_test.dart'), 'utf8');

function flutterProject(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'pubspec.yaml'), `name: ${name}\n`);
  return dir;
}

describe('fluvie-render init', () => {
  it('writes the harness and prints the next steps', async () => {
    const project = flutterProject('fresh');
    const run = await runCliCapture(['init', '--project', project], { cwd: work });
    const target = path.join(project, 'test/render/capture_harness_test.dart');

    expect(run.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(template);
    expect(run.stdout).toContain(`Wrote ${target}`);
    expect(run.stdout).toContain('flutter pub add fluvie');
    expect(run.stdout).toContain(`fluvie-render list --project ${project}`);
    expect(run.stdout).toContain('fluvie-render render <key>');
  });

  it('uses the working folder by default', async () => {
    const project = flutterProject('here');
    const run = await runCliCapture(['init'], { cwd: project });
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(project, 'test/render/capture_harness_test.dart'), 'utf8')).toBe(template);
  });

  it('does not overwrite an existing harness without --force', async () => {
    const project = flutterProject('existing');
    const target = path.join(project, 'test/render/capture_harness_test.dart');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, '// my own harness\n');

    const run = await runCliCapture(['init', '--project', project], { cwd: work });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('already exists');
    expect(run.stderr).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('// my own harness\n');

    const forced = await runCliCapture(['init', '--project', project, '--force'], { cwd: work });
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(template);
  });

  it('rejects a folder without pubspec.yaml', async () => {
    const plain = path.join(work, 'plain');
    mkdirSync(plain);
    const run = await runCliCapture(['init', '--project', plain], { cwd: work });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('has no pubspec.yaml');
  });
});

describe('harness template', () => {
  it('implements the protocol markers and defines', () => {
    for (const name of ['FLUVIE_RENDER_KEY', 'FLUVIE_RENDER_OUT_DIR', 'FLUVIE_RENDER_FRAMES', 'FLUVIE_RENDER_NO_CACHE', 'FLUVIE_RENDER_LIST', 'FLUVIE_RENDER_ASPECT', 'FLUVIE_RENDER_QUALITY', 'FLUVIE_RENDER_FORMAT', 'FLUVIE_RENDER_POSTER', 'FLUVIE_RENDER_SPEC']) {
      expect(template).toContain(`String.fromEnvironment('${name}')`);
    }
    expect(template).toContain("stdout.writeln('fluvie-keys: ");
    expect(template).toContain("stdout.writeln('fluvie-unknown-key: ");
    expect(template).toContain("Platform.environment['FLUVIE_PROGRESS_FILE']");
    expect(template).toContain('captureToDirectory');
  });
});

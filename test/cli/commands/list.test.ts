/** `fluvie-render list` against the fake flutter harness. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAKE_FLUTTER, makeProject } from '../../core/engines/flutter/fake-flutter-setup.js';
import { runCliCapture } from '../../helpers/cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'list-command-test-'));
const project = makeProject(path.join(work, 'app'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const env = (extra: Record<string, string> = {}): Record<string, string | undefined> => ({ PATH: process.env.PATH, CI: 'true', ...extra });

describe('fluvie-render list', () => {
  it('prints one key per line', async () => {
    const run = await runCliCapture(['list', '--project', project, '--flutter', FAKE_FLUTTER], { env: env(), cwd: work });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('demo\nintro_card\n');
  });

  it('prints JSON with --json', async () => {
    const run = await runCliCapture(['list', '--json'], { env: env({ RENDER_PROJECT: project, FLUTTER_PATH: FAKE_FLUTTER, FAKE_FLUTTER_KEYS: 'a,b , c' }), cwd: work });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ project, harness: path.join(project, 'test/render/capture_harness_test.dart'), keys: ['a', 'b', 'c'] });
  });

  it('finds the project by walking up from the working folder', async () => {
    const run = await runCliCapture(['list', '--flutter', FAKE_FLUTTER], { env: env(), cwd: path.join(project, 'test/render') });
    expect(run.stdout).toBe('demo\nintro_card\n');
  });

  it('passes the list define and streams flutter output with --verbose', async () => {
    const run = await runCliCapture(['list', '--project', project, '--flutter', FAKE_FLUTTER, '-v'], { env: env(), cwd: work });
    expect(run.stderr).toContain('flutter: fluvie-keys: demo, intro_card');
    expect(run.stderr).toContain('Flutter 3.44.0');
  });

  it('reports an empty registry on stderr', async () => {
    const run = await runCliCapture(['list', '--project', project, '--flutter', FAKE_FLUTTER], { env: env({ FAKE_FLUTTER_KEYS: ' ' }), cwd: work });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('registers no composition keys');
  });

  it('exits 1 without a project and names the fix', async () => {
    const run = await runCliCapture(['list', '--flutter', FAKE_FLUTTER], { env: env(), cwd: work });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('fluvie-render init');
  });

  it('exits 1 when flutter is missing', async () => {
    const run = await runCliCapture(['list', '--project', project], { env: { PATH: path.join(work, 'empty-bin') }, cwd: work });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('flutter was not found on PATH');
  });

  it('exits 1 when the harness fails', async () => {
    const run = await runCliCapture(['list', '--project', project, '--flutter', path.join(work, 'missing-flutter')], { env: env(), cwd: work });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing-flutter');
  });
});

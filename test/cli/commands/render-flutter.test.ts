/**
 * `render` with the flutter engine, through the CLI: engine choice under `auto`, a composition key
 * render with the fake `flutter`, and the errors a user meets without a project or SDK.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE_FLUTTER, makeProject, writeSmallSpec } from '../../core/engines/flutter/fake-flutter-setup.js';
import { runCliCapture } from '../../helpers/cli.js';
import { tempDir, videoStream } from '../../helpers/media.js';

const baseEnv = { ...process.env, CI: 'true', RENDER_PROJECT: undefined, FLUTTER_PATH: undefined };

describe('render with the flutter engine', () => {
  it('renders a composition key', async () => {
    const project = makeProject(await tempDir('fluvie-project-'));
    const out = path.join(await tempDir(), 'demo.mp4');
    const run = await runCliCapture(['render', 'demo', '--out', out, '--project', project, '--flutter', FAKE_FLUTTER], { env: baseEnv });
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    const video = await videoStream(out);
    expect(video.codec_name).toBe('h264');
    expect(video.width).toBe(64);
    expect(video.height).toBe(48);
    expect(video.frameCount).toBe(12);
  });

  it('picks flutter under auto when a harness and SDK exist', async () => {
    const project = makeProject(await tempDir('fluvie-project-'));
    const spec = writeSmallSpec(project, { frames: 6 });
    const out = path.join(await tempDir(), 'small.mp4');
    const run = await runCliCapture(['render', '--spec', spec, '--out', out, '--verbose'], {
      env: { ...baseEnv, FLUTTER_PATH: FAKE_FLUTTER },
      cwd: project,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Engine: flutter');
    expect((await videoStream(out)).frameCount).toBe(6);
  });

  it('falls back to native under auto without a project', async () => {
    const dir = await tempDir();
    const spec = writeSmallSpec(dir, { frames: 6 });
    const run = await runCliCapture(['render', '--spec', spec, '--out', path.join(dir, 'out.mp4'), '--verbose'], {
      env: { ...baseEnv, FLUTTER_PATH: FAKE_FLUTTER },
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Engine: native');
  });

  it('explains a missing project for a key', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['render', 'demo', '--out', path.join(dir, 'demo.mp4'), '--flutter', FAKE_FLUTTER], { env: baseEnv, cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('fluvie-render init');
  });

  it('reports an unknown composition key', async () => {
    const project = makeProject(await tempDir('fluvie-project-'));
    const out = path.join(await tempDir(), 'nope.mp4');
    const run = await runCliCapture(['render', 'nope', '--out', out, '--project', project, '--flutter', FAKE_FLUTTER], {
      env: { ...baseEnv, FAKE_FLUTTER_MODE: 'unknown-key' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr.toLowerCase()).toContain('unknown composition key');
    expect(run.stderr).toContain('fluvie-render list');
  });

  it('rejects a key with --engine native', async () => {
    const run = await runCliCapture(['render', 'demo', '--out', 'x.mp4', '--engine', 'native'], { env: baseEnv });
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('--engine flutter');
  });
});

/** `fluvie-render doctor` with real ffmpeg and the fake flutter. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAKE_FLUTTER, makeProject } from '../../core/engines/flutter/fake-flutter-setup.js';
import { runCliCapture } from '../../helpers/cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'doctor-command-test-'));
const project = makeProject(path.join(work, 'app'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ffmpeg = execFileSync('sh', ['-c', 'command -v ffmpeg'], { encoding: 'utf8' }).trim();

interface Report {
  ok: boolean;
  checks: { name: string; status: string; summary: string; details: string[] }[];
}

function check(report: Report, name: string): Report['checks'][number] {
  const found = report.checks.find((item) => item.name === name);
  if (found === undefined) throw new Error(`no ${name} check in ${JSON.stringify(report)}`);
  return found;
}

describe('fluvie-render doctor', () => {
  it('reports every part and exits 0 when a render can run', async () => {
    const run = await runCliCapture(['doctor', '--json', '--flutter', FAKE_FLUTTER, '--project', project], { env: { PATH: process.env.PATH, API_TOKEN: 't', CLEANUP_TOKEN: 'c', LOCAL_STORAGE_DIR: work }, cwd: work });
    const report = JSON.parse(run.stdout) as Report;

    expect(run.code).toBe(0);
    expect(report.ok).toBe(true);
    expect(check(report, 'Node')).toMatchObject({ status: 'ok', summary: process.version });
    expect(check(report, 'ffmpeg').summary).toContain(ffmpeg);
    expect(check(report, 'ffmpeg').details).toContain('mp4 (libx264): yes');
    expect(check(report, 'Flutter')).toMatchObject({ status: 'ok', summary: `3.44.0, Dart 3.10.0 at ${FAKE_FLUTTER}` });
    expect(check(report, 'Harness')).toMatchObject({ status: 'ok', summary: path.join(project, 'test/render/capture_harness_test.dart') });
    expect(check(report, 'Fonts')).toMatchObject({ status: 'ok', summary: 'bundled: Fluvie Sans, JetBrains Mono' });
    expect(check(report, 'Serve')).toMatchObject({ status: 'ok' });
    expect(check(report, 'Serve').summary).toContain(`local ${work}`);
  });

  it('warns, but exits 0, without Flutter, a harness or server settings', async () => {
    const run = await runCliCapture(['doctor'], { env: { PATH: process.env.PATH }, cwd: work });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^warn {2}Flutter +not available/m);
    expect(run.stdout).toMatch(/^warn {2}Harness +no Flutter project/m);
    expect(run.stdout).toMatch(/^warn {2}Serve /m);
    expect(run.stdout).toContain('Ready to render.');
  });

  it('warns about the bundled ffmpeg', async () => {
    const run = await runCliCapture(['doctor', '--json'], { env: { PATH: work }, cwd: work });
    const report = JSON.parse(run.stdout) as Report;
    const ffmpegCheck = check(report, 'ffmpeg');
    expect(ffmpegCheck.status).toBe('warn');
    expect(ffmpegCheck.summary).toContain('(bundled)');
    expect(ffmpegCheck.details.join('\n')).toContain('old static build used as a last resort');
    expect(ffmpegCheck.details.join('\n')).toContain('ffprobe is missing');
  });

  it('exits 1 when ffmpeg is missing', async () => {
    const run = await runCliCapture(['doctor', '--ffmpeg', path.join(work, 'no-ffmpeg')], { env: { PATH: process.env.PATH }, cwd: work });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAIL {2}ffmpeg +not usable/m);
    expect(run.stdout).toContain('Not ready to render: fix ffmpeg');
  });

  it('exits 1 when the ffmpeg lacks libx264', async () => {
    const bin = path.join(work, 'bin');
    mkdirSync(bin);
    const fake = path.join(bin, 'ffmpeg');
    writeFileSync(fake, `#!/bin/sh\ncase "$*" in *-encoders*) printf ' ------\\n V..... png                  PNG\\n'; exit 0;; esac\n${ffmpeg} "$@"\n`);
    chmodSync(fake, 0o755);
    symlinkSync(ffmpeg.replace(/ffmpeg$/, 'ffprobe'), path.join(bin, 'ffprobe'));
    const run = await runCliCapture(['doctor', '--json', '--ffmpeg', fake], { env: { PATH: process.env.PATH }, cwd: work });
    const report = JSON.parse(run.stdout) as Report;
    expect(run.code).toBe(1);
    expect(check(report, 'ffmpeg')).toMatchObject({ status: 'fail' });
    expect(check(report, 'ffmpeg').summary).toContain('lacks libx264');
  });

  it('fails an explicit --flutter that does not work', async () => {
    const run = await runCliCapture(['doctor', '--json', '--flutter', path.join(work, 'no-flutter')], { env: { PATH: process.env.PATH }, cwd: work });
    expect(run.code).toBe(1);
    expect(check(JSON.parse(run.stdout) as Report, 'Flutter').status).toBe('fail');
  });
});

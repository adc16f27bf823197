/**
 * The published package works through npx: pack the tarball (which builds dist/), install it into an
 * empty project, and run the bin from there, the way `npx fluvie-render` does.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoStream } from '../helpers/media.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let workDir = '';
let installDir = '';

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
}

beforeAll(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'fluvie-pack-'));
  installDir = path.join(workDir, 'consumer');
  run('npm', ['pack', '--pack-destination', workDir, '--silent'], repoRoot);
  const tarball = readdirSync(workDir).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball into ${workDir}`);
  execFileSync('mkdir', ['-p', installDir]);
  writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--silent', path.join(workDir, tarball)], installDir);
}, 600_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('packed tarball', () => {
  it('prints help through npx', () => {
    const help = run('npx', ['--no-install', 'fluvie-render', '--help'], installDir);
    expect(help).toContain('render');
    expect(help).toContain('spec');
  });

  it('renders a spec through npx', async () => {
    copyFileSync(path.join(repoRoot, '../shared/reference/specs/positioned.fluvie.json'), path.join(installDir, 'positioned.fluvie.json'));
    const output = run('npx', ['--no-install', 'fluvie-render', 'render', '--spec', 'positioned.fluvie.json'], installDir);
    expect(output).toContain('Wrote');
    const video = await videoStream(path.join(installDir, 'positioned.mp4'));
    expect(video.codec_name).toBe('h264');
    expect(video.width).toBe(320);
    expect(video.height).toBe(180);
    expect(video.frameCount).toBe(90);
  });

  it('exits 130 on SIGINT and leaves nothing behind', async () => {
    const specPath = path.join(repoRoot, '../shared/reference/specs/promo.fluvie.json');
    const out = path.join(installDir, 'interrupted.mp4');
    const bin = path.join(installDir, 'node_modules/fluvie-render/bin/fluvie-render.js');
    const child = spawn(process.execPath, [bin, 'render', '--spec', specPath, '--out', out, '--json'], {
      cwd: installDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const exited = once(child, 'exit') as Promise<[number | null]>;
    const progressed = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (stdout.includes('"type":"progress"')) resolve();
      });
    });
    // Interrupt once frames are flowing into ffmpeg; a render that ends first fails the test below.
    await Promise.race([progressed, exited]);
    expect(stdout).toContain('"type":"progress"');
    child.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(130);
    expect(readdirSync(installDir).filter((name) => name.includes('interrupted'))).toEqual([]);
    // An orphaned ffmpeg would be re-parented to init, so look at every process, not only descendants.
    expect(await processesMentioning('.interrupted.')).toEqual([]);
  });
});

async function processesMentioning(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let commandLine = '';
    try {
      commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue;
    }
    if (commandLine.includes(text)) found.push(`${entry}: ${commandLine}`);
  }
  return found;
}

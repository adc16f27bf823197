// Installs the system tools the tests and renders need (ffmpeg, ffprobe, redis-server, and chromium
// for the render console's browser tests) with apt-get when they are missing and the machine allows
// it. Used by `npm test` and `.ci/run`; prints what it does on stderr.
import { execFileSync, spawnSync } from 'node:child_process';

const REQUIRED = [
  { command: 'ffmpeg', aptPackage: 'ffmpeg', versionFlag: '-version' },
  { command: 'ffprobe', aptPackage: 'ffmpeg', versionFlag: '-version' },
  // The Redis queue and job store tests start their own redis-server on a free loopback port.
  { command: 'redis-server', aptPackage: 'redis-server', versionFlag: '--version' },
  // The render console tests drive Debian's Chromium headless with playwright-core.
  { command: 'chromium', aptPackage: 'chromium', versionFlag: '--version' },
];

function hasCommand(item) {
  return spawnSync(item.command, [item.versionFlag ?? '-version'], { stdio: 'ignore' }).status === 0;
}

export function ensureSystemDeps(requirements = REQUIRED) {
  const missing = requirements.filter((item) => !hasCommand(item));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((item) => item.aptPackage))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasAptGet()) {
    throw new Error(
      `Missing system tools: ${missing.map((item) => item.command).join(', ')}. ` +
        `Install the Debian packages ${packages.join(' ')} (apt-get install ${packages.join(' ')}) and run again.`,
    );
  }
  process.stderr.write(`Installing ${packages.join(', ')} with apt-get...\n`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function hasAptGet() {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureSystemDeps();
}

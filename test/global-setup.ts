/**
 * Checks once, before any test file runs, that the system parts the tests use are present.
 * Under CI=true a missing part fails the run instead of letting tests skip.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  const missing: string[] = [];
  for (const tool of ['ffmpeg', 'ffprobe']) {
    try {
      execFileSync(tool, ['-version'], { stdio: 'ignore' });
    } catch {
      missing.push(tool);
    }
  }
  if (missing.length > 0) {
    throw new Error(`Missing on PATH: ${missing.join(', ')}. Install them (apt-get install ffmpeg) or run .ci/run, which installs them.`);
  }
}

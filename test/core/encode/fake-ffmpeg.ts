/** Paths of the fake ffmpeg scripts in test/fixtures/fake-ffmpeg, made executable on first use. */
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FAKE_FFMPEG_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/fake-ffmpeg');

export type FakeFfmpegName = 'no-libx264' | 'fails-mid-encode' | 'floods-stderr' | 'ignores-sigterm' | 'writes-garbage' | 'not-ffmpeg';

/** Returns the folder holding the fake's `ffmpeg` script, for PATH tests. */
export function fakeFfmpegDir(name: FakeFfmpegName): string {
  return path.join(FAKE_FFMPEG_ROOT, name);
}

/** Returns the path of the fake's `ffmpeg` script. A checkout without file modes may drop the executable bit, so it is set here. */
export function fakeFfmpeg(name: FakeFfmpegName): string {
  const script = path.join(fakeFfmpegDir(name), 'ffmpeg');
  chmodSync(script, 0o755);
  return script;
}

/**
 * Test helpers for the flutter engine: a throwaway Flutter project with a harness file, the fake
 * `flutter` executable, and ffprobe queries.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const FAKE_FLUTTER = path.join(REPO_ROOT, 'test/fixtures/fake-flutter/flutter');

/** Creates a project folder containing `test/render/capture_harness_test.dart`. */
export function makeProject(root: string = mkdtempSync(path.join(os.tmpdir(), 'fluvie-project-'))): string {
  mkdirSync(path.join(root, 'test/render'), { recursive: true });
  writeFileSync(path.join(root, 'test/render/capture_harness_test.dart'), '// capture harness placeholder\n');
  writeFileSync(path.join(root, 'pubspec.yaml'), 'name: demo\n');
  return root;
}

/** Writes a small spec (`width`x`height`, `fps`, one scene of `frames` frames) and returns its path. */
export function writeSmallSpec(dir: string, options: { width?: number; height?: number; fps?: number; frames?: number; extra?: Record<string, unknown> } = {}): string {
  const spec = {
    fluvieSpec: 1,
    size: { width: options.width ?? 64, height: options.height ?? 48 },
    fps: options.fps ?? 30,
    scenes: [{ duration: `${options.frames ?? 12}f`, background: { kind: 'color', color: '#FF102030' } }],
    ...options.extra,
  };
  const file = path.join(dir, 'small.fluvie.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

export interface StreamFacts {
  codec: string;
  width: number;
  height: number;
  frames: number;
  pixFmt: string;
}

/** Returns ffprobe facts of the first video stream, counting frames by decoding. */
export function probeVideo(file: string): StreamFacts {
  const output = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-count_frames', '-show_entries', 'stream=codec_name,width,height,nb_read_frames,pix_fmt', '-of', 'json', file], { encoding: 'utf8' });
  const stream = (JSON.parse(output) as { streams: Record<string, string | number>[] }).streams[0] ?? {};
  return { codec: String(stream.codec_name), width: Number(stream.width), height: Number(stream.height), frames: Number(stream.nb_read_frames), pixFmt: String(stream.pix_fmt) };
}

/** Returns true while a process with this pid exists and is not a zombie. */
export function isProcessAlive(pid: number): boolean {
  try {
    const stat = execFileSync('cat', [`/proc/${pid}/stat`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

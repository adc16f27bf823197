/**
 * Media checks shared by every render test: ffprobe facts, decoded pixel values, synthetic frames,
 * self-removing temp folders and a /proc scan for child processes left running.
 * Every function uses the real `ffmpeg` and `ffprobe` on PATH; test/global-setup.ts checks both exist.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { execa } from 'execa';
import { expect, onTestFinished } from 'vitest';

import { probeMedia, type ProbedMedia, type ProbedStream } from '../../src/core/encode/probe.js';

export type Rgba = readonly [number, number, number, number];

/** Runs ffprobe on `file`; with `countFrames`, ffprobe decodes every frame to fill `nb_read_frames`. */
export async function ffprobeJson(file: string, options: { countFrames?: boolean } = {}): Promise<ProbedMedia> {
  return probeMedia('ffprobe', file, { countFrames: options.countFrames ?? false });
}

/**
 * Returns the first video stream of `file` plus the container duration in seconds. Frame counting
 * (`nb_read_frames`) is on by default, because webm and gif record no frame count.
 */
export async function videoStream(
  file: string,
  options: { countFrames?: boolean } = {},
): Promise<ProbedStream & { formatDuration: number; frameCount: number }> {
  const media = await ffprobeJson(file, { countFrames: options.countFrames ?? true });
  const stream = media.streams.find((candidate) => candidate.codec_type === 'video');
  if (stream === undefined) throw new Error(`ffprobe finds no video stream in ${file}`);

  const frameCount = Number(stream.nb_read_frames ?? stream.nb_frames ?? NaN);
  return { ...stream, formatDuration: Number(media.format.duration ?? NaN), frameCount };
}

/** Returns true when a VP9 stream carries a libvpx alpha plane (the `alpha_mode=1` stream tag). */
export function hasAlphaTag(stream: ProbedStream): boolean {
  return Object.entries(stream.tags ?? {}).some(([key, value]) => key.toLowerCase() === 'alpha_mode' && value === '1');
}

/**
 * Decodes frame `frameIndex` (zero-based, in decode order) of a video or image file to raw RGBA.
 * VP9 with alpha is decoded with libvpx-vp9, because ffmpeg's native VP9 decoder drops the alpha plane.
 */
export async function readFrameRgba(file: string, frameIndex: number, width: number, height: number): Promise<Uint8Array> {
  const media = await ffprobeJson(file);
  const stream = media.streams.find((candidate) => candidate.codec_type === 'video');
  const decoder = stream?.codec_name === 'vp9' && hasAlphaTag(stream) ? ['-c:v', 'libvpx-vp9'] : [];

  const result = await execa(
    'ffmpeg',
    [
      '-v',
      'error',
      ...decoder,
      '-i',
      file,
      '-vf',
      `select=eq(n\\,${frameIndex})`,
      // Without passthrough, a constant-rate muxer could pad the gap before the selected frame.
      '-fps_mode',
      'passthrough',
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgba',
      'pipe:1',
    ],
    { encoding: 'buffer', stdin: 'ignore' },
  );

  const rgba = new Uint8Array(result.stdout);
  const expected = width * height * 4;
  if (rgba.byteLength !== expected) {
    throw new Error(`Decoded frame ${frameIndex} of ${file} has ${rgba.byteLength} bytes, expected ${expected} (${width}x${height} RGBA)`);
  }
  return rgba;
}

/** Returns the RGBA value of pixel (x, y) of a raw RGBA frame `width` pixels wide. */
export function pixelAt(rgba: Uint8Array, width: number, x: number, y: number): Rgba {
  const offset = (y * width + x) * 4;
  if (x < 0 || x >= width || offset + 3 >= rgba.byteLength) {
    throw new RangeError(`Pixel (${x}, ${y}) is outside a frame ${width} pixels wide with ${rgba.byteLength} bytes`);
  }
  return [rgba[offset] ?? 0, rgba[offset + 1] ?? 0, rgba[offset + 2] ?? 0, rgba[offset + 3] ?? 0];
}

/** Asserts that every channel of `actual` is within `tolerance` (0–255 units) of `expected`. */
export function expectColorNear(actual: Rgba, expected: Rgba, tolerance: number): void {
  const worst = Math.max(...actual.map((channel, index) => Math.abs(channel - (expected[index] ?? 0))));
  expect(
    worst,
    `color [${actual.join(', ')}] differs from [${expected.join(', ')}] by ${worst}, more than ${tolerance}`,
  ).toBeLessThanOrEqual(tolerance);
}

/** Returns one raw RGBA frame filled with `color`. */
export function solidFrame(width: number, height: number, color: Rgba): Uint8Array {
  const frame = new Uint8Array(width * height * 4);
  for (let offset = 0; offset < frame.byteLength; offset += 4) frame.set(color, offset);
  return frame;
}

/** Yields `count` solid frames, frame i filled with `colorAt(i)`. */
export async function* solidFrames(width: number, height: number, count: number, colorAt: (index: number) => Rgba): AsyncGenerator<Uint8Array> {
  for (let index = 0; index < count; index += 1) yield solidFrame(width, height, colorAt(index));
}

/** Creates a temp folder that is removed when the current test finishes. Call it inside a test. */
export async function tempDir(prefix = 'fluvie-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  onTestFinished(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

export interface ProcessInfo {
  pid: number;
  /** Executable name from /proc/<pid>/stat, at most 15 characters. */
  name: string;
  /** Process state letter (R running, S sleeping, Z zombie, ...). */
  state: string;
  /** Full command line. */
  commandLine: string;
}

/** Lists the direct children of `pid` by scanning /proc (Linux only). */
export async function listChildProcesses(pid: number): Promise<ProcessInfo[]> {
  const children: ProcessInfo[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;

    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
    if (stat === null) continue;
    // The name field is in parentheses and may contain spaces, so fields are read after the last ')'.
    const closing = stat.lastIndexOf(')');
    const [state = '?', parent = ''] = stat.slice(closing + 2).split(' ');
    if (Number(parent) !== pid) continue;

    const commandLine = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    children.push({
      pid: Number(entry),
      name: stat.slice(stat.indexOf('(') + 1, closing),
      state,
      commandLine: commandLine.split('\0').filter((part) => part !== '').join(' '),
    });
  }
  return children;
}

/** Lists every descendant of `pid` (default: this test process), children before grandchildren. */
export async function descendantProcesses(pid: number = process.pid): Promise<ProcessInfo[]> {
  const found: ProcessInfo[] = [];
  let level = await listChildProcesses(pid);
  while (level.length > 0) {
    found.push(...level);
    const next: ProcessInfo[] = [];
    for (const child of level) next.push(...(await listChildProcesses(child.pid)));
    level = next;
  }
  return found;
}

/** Returns the process ids of every descendant of `pid` (default: this test process). */
export async function descendantPids(pid: number = process.pid): Promise<number[]> {
  return (await descendantProcesses(pid)).map((info) => info.pid);
}

/**
 * Lists descendants of this process whose name or command line contains `pattern` (for example
 * `ffmpeg`), or whose command line matches it. Zombies are included, since they show a child that
 * was never awaited.
 */
export async function runningDescendants(pattern: string | RegExp): Promise<ProcessInfo[]> {
  const all = await descendantProcesses();
  return all.filter((info) => (typeof pattern === 'string' ? info.commandLine.includes(pattern) || info.name.includes(pattern) : pattern.test(info.commandLine)));
}

/** Lists files in `dir` whose names contain the temp marker `.partial`. */
export async function partialFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.includes('.partial'));
}

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runFlutterRender, type FlutterRenderOptions } from '../../../../src/core/engines/flutter/flutter-render.js';
import { FluvieError } from '../../../../src/core/errors.js';
import type { RenderEvent } from '../../../../src/core/pipeline/events.js';
import type { RenderRequest } from '../../../../src/core/pipeline/render-request.js';
import { runningDescendants } from '../../../helpers/media.js';
import { FAKE_FLUTTER, isProcessAlive, makeProject, probeVideo, writeSmallSpec } from './fake-flutter-setup.js';

const ffmpegPath = execFileSync('sh', ['-c', 'command -v ffmpeg'], { encoding: 'utf8' }).trim();
let work: string;
let tempRoot: string;
let project: string;
let previousTmp: string | undefined;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'flutter-render-test-'));
  // Sandboxes go to os.tmpdir(); a private temp root lets the tests check that none is left.
  tempRoot = path.join(work, 'tmp');
  mkdirSync(tempRoot);
  previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = tempRoot;
  project = makeProject(path.join(work, 'project'));
});

afterAll(() => {
  if (previousTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmp;
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  for (const entry of readdirSync(tempRoot)) rmSync(path.join(tempRoot, entry), { recursive: true, force: true });
});

function sandboxesLeft(): string[] {
  return readdirSync(tempRoot).filter((name) => name.startsWith('fluvie_render_'));
}

function request(overrides: Partial<RenderRequest>): RenderRequest {
  return {
    source: { kind: 'key', key: 'demo' },
    out: path.join(work, 'out', 'demo.mp4'),
    format: 'mp4',
    quality: 'high',
    aspect: null,
    posterTime: null,
    maxFrames: null,
    engine: 'flutter',
    allowUnsupported: false,
    strict: false,
    keepTemp: false,
    ffmpegPath: null,
    projectDir: project,
    flutterPath: FAKE_FLUTTER,
    ...overrides,
  };
}

let lastEvents: RenderEvent[] = [];

interface RunOutcome {
  events: RenderEvent[];
  argv: { argv: string[]; cwd: string; progressFile: string | null; path: string };
}

async function render(req: RenderRequest, env: Record<string, string> = {}, options: FlutterRenderOptions = {}, signal: AbortSignal = new AbortController().signal): Promise<RunOutcome> {
  const events: RenderEvent[] = [];
  const argvFile = path.join(work, `argv-${Math.random().toString(36).slice(2)}.json`);
  // Failing renders throw, so their events stay readable here.
  lastEvents = events;
  await runFlutterRender(req, { env: { PATH: process.env.PATH, FAKE_FLUTTER_ARGV_FILE: argvFile, ...env }, cwd: work, signal, emit: (event) => events.push(event), ffmpeg: { path: ffmpegPath } }, options);
  return { events, argv: existsSync(argvFile) ? JSON.parse(readFileSync(argvFile, 'utf8')) : { argv: [], cwd: '', progressFile: null, path: '' } };
}

async function renderError(req: RenderRequest, env: Record<string, string> = {}, options: FlutterRenderOptions = {}, signal?: AbortSignal): Promise<FluvieError> {
  try {
    await render(req, env, options, signal);
  } catch (error: unknown) {
    if (error instanceof FluvieError) return error;
    throw error;
  }
  throw new Error('expected the render to fail');
}

describe('runFlutterRender with a composition key', () => {
  it('passes the exact argv, cwd, progress file and PATH to flutter', async () => {
    const out = path.join(work, 'out', 'argv.mp4');
    const { argv } = await render(request({ out, aspect: 'square', quality: 'low', posterTime: '5f', maxFrames: 10 }), {}, { noCache: true, enableImpeller: true });

    expect(argv.cwd).toBe(project);
    expect(argv.argv.slice(0, 4)).toEqual(['test', '--no-pub', '--enable-impeller', 'test/render/capture_harness_test.dart']);
    expect(argv.argv[4]).toBe('--dart-define=FLUVIE_RENDER_KEY=demo');
    expect(argv.argv[5]).toMatch(new RegExp(`^--dart-define=FLUVIE_RENDER_OUT_DIR=${tempRoot}/fluvie_render_\\w+$`));
    expect(argv.argv.slice(6)).toEqual([
      '--dart-define=FLUVIE_RENDER_FRAMES=10',
      '--dart-define=FLUVIE_RENDER_NO_CACHE=true',
      '--dart-define=FLUVIE_RENDER_ASPECT=square',
      '--dart-define=FLUVIE_RENDER_QUALITY=low',
      '--dart-define=FLUVIE_RENDER_FORMAT=mp4',
      '--dart-define=FLUVIE_RENDER_POSTER=5f',
    ]);
    expect(argv.progressFile).toBe(path.join(argv.argv[5]!.split('=')[2]!, 'progress'));
    expect(argv.path.split(path.delimiter)[0]).toBe(path.dirname(ffmpegPath));

    expect(probeVideo(out)).toMatchObject({ codec: 'h264', width: 64, height: 64, frames: 10, pixFmt: 'yuv420p' });
    expect(probeVideo(path.join(work, 'out', 'argv.poster.png'))).toMatchObject({ codec: 'png', width: 64, height: 64 });
    expect(sandboxesLeft()).toEqual([]);
  });

  it('emits start, stages, growing progress and done', async () => {
    const { events } = await render(request({ out: path.join(work, 'out', 'events.mp4') }), { FAKE_FLUTTER_FRAME_DELAY_MS: '60' });

    expect(events.find((event) => event.type !== 'log')).toMatchObject({ type: 'start', engine: 'flutter', format: 'mp4', width: 0, height: 0 });
    expect(events.filter((event) => event.type === 'stage').map((event) => (event as { stage: string }).stage)).toEqual(['capture', 'encode', 'finalize']);
    const progress = events.flatMap((event) => (event.type === 'progress' ? [event] : []));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((event) => event.total === 12)).toBe(true);
    expect(progress.map((event) => event.completed)).toEqual([...progress.map((event) => event.completed)].sort((a, b) => a - b));
    expect(progress.at(-1)?.completed).toBe(12);
    expect(events.some((event) => event.type === 'log' && event.level === 'debug' && event.message.includes('All tests passed'))).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'done', frames: 12, durationSeconds: 12 / 30 });
  });

  it('keeps progress monotonic when the progress file tears', async () => {
    const { events } = await render(request({ out: path.join(work, 'out', 'torn.mp4') }), { FAKE_FLUTTER_MODE: 'torn-progress', FAKE_FLUTTER_FRAME_DELAY_MS: '30' });
    const completed = events.flatMap((event) => (event.type === 'progress' ? [event.completed] : []));
    expect(completed.at(-1)).toBe(12);
    expect(completed).toEqual([...new Set(completed)].sort((a, b) => a - b));
  });

  it.each([
    ['gif', 'out.gif', 'gif'],
    ['transparent', 'out.webm', 'vp9'],
  ] as const)('encodes %s from the manifest', async (format, name, codec) => {
    const out = path.join(work, 'out', name);
    await render(request({ out, format }));
    const facts = probeVideo(out);
    expect(facts.codec).toBe(codec);
    expect(facts.width).toBe(64);
    expect(facts.height).toBe(48);
    // gif plays at the harness default of 15 fps, so 12 frames at 30 fps become 6.
    expect(facts.frames).toBe(format === 'gif' ? 6 : 12);
  });

  it('moves every frame of an image sequence into the out folder', async () => {
    const out = path.join(work, 'out', 'sequence');
    await render(request({ out, format: 'imageSequence' }));
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(12);
    expect(files[0]).toBe('frame_000001.png');
    expect(probeVideo(path.join(out, files[0]!))).toMatchObject({ codec: 'png', width: 64, height: 48 });
  });

  it('reports an unknown key with the list command as the fix', async () => {
    const error = await renderError(request({ source: { kind: 'key', key: 'missing' } }));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('Unknown composition key "missing"');
    expect(error.message).toContain('fluvie-render list');
    expect(sandboxesLeft()).toEqual([]);
  });

  it('reports a crash with the output tail and leaves nothing behind', async () => {
    const out = path.join(work, 'out', 'crash.mp4');
    const error = await renderError(request({ out }), { FAKE_FLUTTER_MODE: 'crash' });
    expect(error.code).toBe('capture_failed');
    expect(error.message).toContain('exited with code 1');
    expect(error.message).toContain('fake capture crash at frame 6');
    expect(existsSync(out)).toBe(false);
    expect(sandboxesLeft()).toEqual([]);
  });

  it('reports a harness that exits 0 without a manifest', async () => {
    const error = await renderError(request({}), { FAKE_FLUTTER_MODE: 'no-manifest' });
    expect(error.code).toBe('capture_failed');
    expect(error.message).toContain('capture failed before completing its frames');
  });

  it.each(['malicious-absolute', 'malicious-dotdot', 'malicious-url', 'malicious-dash', 'malicious-poster'])('rejects a %s manifest before ffmpeg runs', async (mode) => {
    const out = path.join(work, 'out', `${mode}.mp4`);
    const error = await renderError(request({ out, posterTime: '2f' }), { FAKE_FLUTTER_MODE: mode });
    expect(error.code).toBe('capture_failed');
    expect(error.message).toContain('unsafe or invalid manifest.json');
    // ffmpeg never ran: no log line from it and no output anywhere.
    expect(lastEvents.some((event) => event.type === 'log' && event.message.startsWith('ffmpeg:'))).toBe(false);
    expect(lastEvents.some((event) => event.type === 'stage' && event.stage === 'encode')).toBe(false);
    expect(existsSync(out)).toBe(false);
    expect(existsSync('/tmp/fluvie-escape.mp4')).toBe(false);
    expect(sandboxesLeft()).toEqual([]);
  });

  it('stops a hanging capture and its child process on abort', async () => {
    const pidFile = path.join(work, 'hang.pids');
    const controller = new AbortController();
    const started = render(request({}), { FAKE_FLUTTER_MODE: 'hang', FAKE_FLUTTER_PID_FILE: pidFile }, {}, controller.signal);
    while (!existsSync(pidFile)) await new Promise((resolve) => setTimeout(resolve, 20));
    const pids = readFileSync(pidFile, 'utf8').split(' ').map(Number);
    expect(pids.every(isProcessAlive)).toBe(true);

    controller.abort();
    const error = await started.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(FluvieError);
    expect((error as FluvieError).code).toBe('canceled');
    expect(pids.map(isProcessAlive)).toEqual([false, false]);
    expect(sandboxesLeft()).toEqual([]);
  });

  it('stops a hanging capture after the timeout', async () => {
    const pidFile = path.join(work, 'timeout.pids');
    const error = await renderError(request({}), { FAKE_FLUTTER_MODE: 'hang', FAKE_FLUTTER_PID_FILE: pidFile }, { captureTimeoutMs: 1_500 });
    expect(error.code).toBe('timeout');
    const pids = readFileSync(pidFile, 'utf8').split(' ').map(Number);
    expect(pids.map(isProcessAlive)).toEqual([false, false]);
    expect(sandboxesLeft()).toEqual([]);
  });

  it('keeps the sandbox with --keep-temp and names it', async () => {
    const { events } = await render(request({ out: path.join(work, 'out', 'kept.mp4'), keepTemp: true }));
    const warning = events.find((event) => event.type === 'warning');
    expect(warning).toMatchObject({ type: 'warning', code: 'kept_temp' });
    const kept = sandboxesLeft();
    expect(kept).toHaveLength(1);
    expect((warning as { message: string }).message).toContain(path.join(tempRoot, kept[0]!));
    expect(readdirSync(path.join(tempRoot, kept[0]!))).toEqual(expect.arrayContaining(['frames.rgba', 'manifest.json']));
  });

  it('reports a missing flutter with the install hint', async () => {
    const error = await renderError(request({ flutterPath: path.join(work, 'no-flutter') }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('Install the Flutter SDK');
  });
});

describe('runFlutterRender with a spec', () => {
  it('passes the absolute spec path as the last define', async () => {
    const spec = writeSmallSpec(work);
    const { argv } = await render(request({ source: { kind: 'specFile', path: path.relative(work, spec) }, out: path.join(work, 'out', 'spec.mp4') }));
    expect(argv.argv[3]).toBe('--dart-define=FLUVIE_RENDER_KEY=');
    expect(argv.argv.at(-1)).toBe(`--dart-define=FLUVIE_RENDER_SPEC=${spec}`);
  });

  it('produces the same bytes overlapped and sequential', async () => {
    const spec = writeSmallSpec(work, { width: 96, height: 64, frames: 30 });
    for (const format of ['mp4', 'gif', 'transparent'] as const) {
      const overlapped = path.join(work, 'out', `overlap-${format}`);
      const sequential = path.join(work, 'out', `sequential-${format}`);
      const source = { kind: 'specFile', path: spec } as const;
      const first = await render(request({ source, out: overlapped, format }), { FAKE_FLUTTER_FRAME_DELAY_MS: '20' });
      await render(request({ source, out: sequential, format }), {}, { overlapEncode: false });

      expect(readFileSync(overlapped).equals(readFileSync(sequential))).toBe(true);
      // The overlapped run used the streamed output: no fallback notice.
      expect(first.events.some((event) => event.type === 'log' && event.message.includes('differ from the predicted'))).toBe(false);
      // ffmpeg opened its stdin input while the harness was still writing frames.
      const messages = first.events.flatMap((event) => (event.type === 'log' ? [event.message] : []));
      const inputOpened = messages.findIndex((message) => message.startsWith('ffmpeg: Input #0') && message.includes('pipe:0'));
      const captureFinished = messages.findIndex((message) => message.includes('fluvie: captured'));
      expect(inputOpened).toBeGreaterThanOrEqual(0);
      expect(inputOpened).toBeLessThan(captureFinished);
    }
    expect(probeVideo(path.join(work, 'out', 'overlap-mp4'))).toMatchObject({ codec: 'h264', width: 96, height: 64, frames: 30 });
  });

  it('falls back to the manifest arguments when the prediction is wrong', async () => {
    const spec = writeSmallSpec(work);
    const out = path.join(work, 'out', 'fallback.mp4');
    const { events } = await render(request({ source: { kind: 'specFile', path: spec }, out, keepTemp: true }), { FAKE_FLUTTER_MODE: 'unpredicted-args' });

    expect(events.some((event) => event.type === 'log' && event.message.includes('differ from the predicted'))).toBe(true);
    expect(probeVideo(out)).toMatchObject({ codec: 'h264', frames: 12 });
    // The discarded streamed encode left no files behind.
    const [kept] = sandboxesLeft();
    expect(existsSync(path.join(tempRoot, kept!, 'stream'))).toBe(false);
  });

  it('announces the predicted canvas in the start event', async () => {
    const spec = writeSmallSpec(work, { width: 80, height: 40, fps: 25 });
    const { events } = await render(request({ source: { kind: 'specFile', path: spec }, out: path.join(work, 'out', 'start.mp4') }));
    expect(events.find((event) => event.type === 'start')).toMatchObject({ width: 80, height: 40, fps: 25 });
  });

  it('stops the overlapped ffmpeg and the capture on abort', async () => {
    const spec = writeSmallSpec(work, { frames: 40 });
    const pidFile = path.join(work, 'overlap-hang.pids');
    const controller = new AbortController();
    const started = render(request({ source: { kind: 'specFile', path: spec }, out: path.join(work, 'out', 'overlap-abort.mp4') }), { FAKE_FLUTTER_MODE: 'hang', FAKE_FLUTTER_PID_FILE: pidFile }, {}, controller.signal);
    while (!existsSync(pidFile)) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await runningDescendants('ffmpeg')).toHaveLength(1);

    controller.abort();
    const error = await started.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect((error as FluvieError).code).toBe('canceled');
    expect(await runningDescendants('ffmpeg')).toEqual([]);
    expect(readFileSync(pidFile, 'utf8').split(' ').map(Number).map(isProcessAlive)).toEqual([false, false]);
    expect(sandboxesLeft()).toEqual([]);
  });

  it('writes an in-memory spec into the sandbox for the harness', async () => {
    // A relative out resolves against the working folder of the render.
    const { argv } = await render(request({ source: { kind: 'spec', value: { size: { width: 32, height: 32 }, scenes: [{ duration: '4f' }] }, baseDir: work }, out: 'out/inline.mp4' }));
    expect(argv.argv.at(-1)).toMatch(/FLUVIE_RENDER_SPEC=.*\/fluvie_render_\w+\/input\.fluvie\.json$/);
    expect(probeVideo(path.join(work, 'out', 'inline.mp4'))).toMatchObject({ width: 32, height: 32, frames: 4 });
  });
});

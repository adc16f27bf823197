/**
 * Thin execa adapter that runs ffmpeg once: feeds stdin with backpressure, keeps a bounded stderr
 * tail for error messages, and kills and awaits ffmpeg on abort.
 */
import type { Writable } from 'node:stream';

import { execa } from 'execa';

import { FluvieError } from '../errors.js';
import { createBoundedTail } from './bounded-tail.js';
import { createLineSplitter } from './line-splitter.js';

/** Time between SIGTERM and SIGKILL when ffmpeg is stopped, in milliseconds. */
export const KILL_GRACE_MS = 2_000;

export interface RunFfmpegOptions {
  ffmpegPath: string;
  /** Arguments after the binary. */
  args: readonly string[];
  /** Working folder of the ffmpeg process. */
  cwd: string;
  signal: AbortSignal;
  /** Chunks written to ffmpeg's stdin in order; stdin is /dev/null when absent. */
  stdin?: AsyncIterable<Uint8Array>;
  /** Called with the number of stdin chunks ffmpeg has accepted so far, after each chunk. */
  onChunkWritten?: (count: number) => void;
  /** Called once per stderr line (progress lines end with `\r` and count as lines). */
  onStderrLine?: (line: string) => void;
}

export interface RunFfmpegResult {
  /** Last stderr output, at most about 8 KiB. */
  stderrTail: string;
  /** Number of stdin chunks written. */
  chunksWritten: number;
}

/**
 * Runs ffmpeg to completion.
 *
 * @throws FluvieError `canceled` after ffmpeg has exited, when `signal` fired.
 * @throws FluvieError `ffmpeg_failed` on a non-zero exit or a kill signal, with the command line and stderr tail.
 * @throws the error of the `stdin` iterable, after ffmpeg has been stopped, when the iterable fails.
 */
export async function runFfmpeg(options: RunFfmpegOptions): Promise<RunFfmpegResult> {
  const { signal } = options;
  if (signal.aborted) throw canceledError(signal);

  const subprocess = execa(options.ffmpegPath, [...options.args], {
    cwd: options.cwd,
    stdin: options.stdin === undefined ? 'ignore' : 'pipe',
    stdout: 'ignore',
    stderr: 'pipe',
    // stderr is consumed below; execa must not buffer it as well, because ffmpeg can print megabytes.
    buffer: false,
    reject: false,
    cancelSignal: signal,
    forceKillAfterDelay: KILL_GRACE_MS,
    windowsHide: true,
  });

  const tail = createBoundedTail();
  const lines = options.onStderrLine === undefined ? null : createLineSplitter(options.onStderrLine);
  subprocess.stderr?.on('data', (chunk: Buffer) => {
    tail.append(chunk);
    lines?.push(chunk);
  });

  let exited = false;
  const feeding =
    options.stdin === undefined || subprocess.stdin === null
      ? Promise.resolve<FeedOutcome>({ kind: 'done', written: 0 })
      : feedStdin(subprocess.stdin, options.stdin, () => exited || signal.aborted, options.onChunkWritten);

  // A failing frame source stops ffmpeg; the source's own error is reported below.
  void feeding.then((outcome) => {
    if (outcome.kind === 'sourceFailed') subprocess.kill();
  });

  const result = await subprocess;
  exited = true;
  const outcome = await feeding;
  lines?.flush();

  const stderrTail = tail.text();
  if (result.isCanceled || signal.aborted) throw canceledError(signal, result);
  if (outcome.kind === 'sourceFailed') throw outcome.error;
  if (result.exitCode !== 0) throw ffmpegFailedError(result, stderrTail);

  return { stderrTail, chunksWritten: outcome.written };
}

type FeedOutcome = { kind: 'done'; written: number } | { kind: 'sourceFailed'; error: unknown; written: number };

/**
 * Writes every chunk and waits for each write to complete before pulling the next one. Waiting for
 * the write callback (not only `drain`) is the backpressure, and it also lets frame producers reuse
 * a buffer once the next frame is requested.
 */
async function feedStdin(
  stdin: Writable,
  source: AsyncIterable<Uint8Array>,
  shouldStop: () => boolean,
  onChunkWritten: ((count: number) => void) | undefined,
): Promise<FeedOutcome> {
  let written = 0;
  // Write errors (EPIPE when ffmpeg exits early) surface through the write callbacks and the exit code.
  stdin.on('error', () => {});

  try {
    for await (const chunk of source) {
      if (shouldStop()) break;
      const accepted = await writeChunk(stdin, chunk);
      if (!accepted) break;
      written += 1;
      onChunkWritten?.(written);
    }
  } catch (error: unknown) {
    stdin.destroy();
    return { kind: 'sourceFailed', error, written };
  }

  stdin.end();
  return { kind: 'done', written };
}

/** Resolves true once the chunk is handed to the pipe, false when the pipe is closed (ffmpeg exited). */
function writeChunk(stdin: Writable, chunk: Uint8Array): Promise<boolean> {
  if (stdin.destroyed || stdin.writableEnded) return Promise.resolve(false);

  return new Promise((resolve) => {
    stdin.write(chunk, (error) => resolve(error === undefined || error === null));
  });
}

function canceledError(signal: AbortSignal, exit?: ExitFacts): FluvieError {
  return new FluvieError('canceled', 'Render canceled; ffmpeg was stopped', {
    details: exit === undefined ? undefined : { exitCode: exit.exitCode ?? null, signal: exit.signal ?? null },
    cause: signal.reason,
  });
}

interface ExitFacts {
  escapedCommand: string;
  exitCode?: number | undefined;
  signal?: string | undefined;
  cause?: unknown;
  originalMessage?: string | undefined;
}

function ffmpegFailedError(result: ExitFacts, stderrTail: string): FluvieError {
  const reason =
    result.exitCode !== undefined
      ? `exited with code ${result.exitCode}`
      : result.signal !== undefined
        ? `was killed by ${result.signal}`
        : `could not run (${result.originalMessage ?? 'unknown error'})`;

  const tailText = stderrTail.trim() === '' ? '(ffmpeg printed nothing to stderr)' : stderrTail.trimEnd();
  return new FluvieError('ffmpeg_failed', `ffmpeg ${reason}.\nCommand: ${result.escapedCommand}\nLast stderr output:\n${tailText}`, {
    details: { exitCode: result.exitCode ?? null, signal: result.signal ?? null, stderrTail },
    cause: result.cause,
  });
}

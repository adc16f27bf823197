/**
 * Runs `flutter test` for a capture or key listing (execa adapter). The process is spawned detached
 * so that abort and timeout stop its whole process tree, and the call returns only after every
 * process of that tree has exited. Output lines are passed on as they arrive and the last 4 KiB
 * are kept for error messages.
 */
import { execa } from 'execa';
import { createBoundedTail } from '../../encode/bounded-tail.js';
import { createLineSplitter } from '../../encode/line-splitter.js';
import { FluvieError } from '../../errors.js';
import { isGroupAlive, stopGroup } from './process-group.js';

/** Bytes of combined stdout and stderr kept for error messages. */
export const OUTPUT_TAIL_BYTES = 4 * 1024;

export interface FlutterProcessOptions {
  readonly flutterPath: string;
  readonly args: readonly string[];
  /** Project folder; `flutter test` runs here. */
  readonly cwd: string;
  /** Complete environment of the process (nothing is inherited). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly signal: AbortSignal;
  /** Stops the run with a `timeout` error after this many milliseconds; null for no limit. */
  readonly timeoutMs: number | null;
  /** Called once per output line, stdout and stderr interleaved as they arrive. */
  readonly onLine: (line: string) => void;
}

/** How the process ended when it was neither aborted nor timed out. */
export type FlutterProcessExit =
  | { readonly kind: 'exited'; readonly exitCode: number; readonly outputTail: string; readonly command: string }
  | { readonly kind: 'signaled'; readonly signal: string; readonly outputTail: string; readonly command: string }
  | { readonly kind: 'spawnFailed'; readonly message: string; readonly command: string };

/**
 * Runs the process to completion.
 * @throws FluvieError `canceled` when `signal` fires and `timeout` when `timeoutMs` passes, both
 * after the whole process tree has been stopped.
 */
export async function runFlutterProcess(options: FlutterProcessOptions): Promise<FlutterProcessExit> {
  if (options.signal.aborted) throw new FluvieError('canceled', 'Render canceled before flutter test started', { cause: options.signal.reason });

  const subprocess = execa(options.flutterPath, [...options.args], {
    cwd: options.cwd,
    env: { ...options.env },
    extendEnv: false,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    detached: true,
    windowsHide: true,
  });

  const tail = createBoundedTail(OUTPUT_TAIL_BYTES);
  const lines = createLineSplitter(options.onLine);
  const onData = (chunk: Buffer): void => {
    tail.append(chunk);
    lines.push(chunk);
  };
  subprocess.stdout?.on('data', onData);
  subprocess.stderr?.on('data', onData);

  let stopReason: 'canceled' | 'timeout' | null = null;
  let stopping: Promise<boolean> | null = null;
  const stop = (reason: 'canceled' | 'timeout'): void => {
    if (stopReason !== null) return;
    stopReason = reason;
    if (subprocess.pid !== undefined) stopping = stopGroup(subprocess.pid);
  };
  const onAbort = (): void => stop('canceled');
  options.signal.addEventListener('abort', onAbort, { once: true });
  const timer = options.timeoutMs === null ? null : setTimeout(() => stop('timeout'), options.timeoutMs);

  try {
    const result = await subprocess;
    lines.flush();
    if (stopping !== null) await stopping;
    // Helpers of the test runner that outlive it belong to this render too.
    if (subprocess.pid !== undefined && isGroupAlive(subprocess.pid)) await stopGroup(subprocess.pid);

    const command = result.escapedCommand;
    if (stopReason === 'canceled') throw new FluvieError('canceled', 'Render canceled; flutter test and its child processes were stopped', { cause: options.signal.reason });
    if (stopReason === 'timeout') throw new FluvieError('timeout', `flutter test timed out after ${String(options.timeoutMs)} ms and was stopped. Command: ${command}`);
    if (typeof result.exitCode === 'number') return { kind: 'exited', exitCode: result.exitCode, outputTail: tail.text(), command };
    if (typeof result.signal === 'string') return { kind: 'signaled', signal: result.signal, outputTail: tail.text(), command };
    return { kind: 'spawnFailed', message: result.originalMessage ?? result.shortMessage ?? 'unknown error', command };
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    if (timer !== null) clearTimeout(timer);
  }
}

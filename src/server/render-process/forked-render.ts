/**
 * A {@link RenderFunction} that runs each render in a child Node process at a lower OS priority.
 * The server's event loop then never draws frames, and the scheduler serves the API before the
 * render: the child's main thread, the threads it starts afterwards and its ffmpeg processes all
 * inherit the lower priority. Without this, a render in the server process (drawing on the event
 * loop, ffmpeg at the same priority) raised the p99 latency of status polls severalfold in the
 * `server` benchmark.
 *
 * Cancel, timeout and shutdown reach the child as an `abort` message, so `runRender` stops ffmpeg
 * and removes its temporary files. A child that has not exited KILL_AFTER_ABORT_MS later is killed.
 *
 * NOTE: every render starts a new Node process and loads the render core in it, which took about
 * 1 s on the loaded 2-core build machine. A pool of warm children would remove that from short renders.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { FluvieError } from '../../core/errors.js';
import type { RenderDeps, RenderRequest, RenderResult } from '../../core/pipeline/render-request.js';
import type { RenderFunction } from '../queue/render-job.js';
import { deserializeError, serializeError, type FromRenderChild, type ToRenderChild } from './render-process-protocol.js';

const KILL_AFTER_ABORT_MS = 5_000;

const CHILD_ENTRY = fileURLToPath(new URL('./render-child.js', import.meta.url));

export interface ForkedRenderOptions {
  /**
   * Niceness added to the child's main thread (0 to 19; higher runs less often). Default 10. A value
   * the OS rejects is logged through `onPriorityError` and the render runs at normal priority.
   */
  niceness?: number;
  /** Script the child runs; default the compiled `render-child.js` next to this module. */
  entry?: string;
  /** Arguments of `entry`, such as the TypeScript child entry when `entry` is a TypeScript runner. */
  entryArgs?: string[];
  /** Node options of the child, such as a TypeScript loader in tests. */
  execArgv?: string[];
  onPriorityError?: (error: unknown) => void;
}

/** Returns whether the compiled child entry exists (it does in the built package, not under a TypeScript test runner). */
export function forkedRenderAvailable(): boolean {
  return existsSync(CHILD_ENTRY);
}

export function createForkedRender(options: ForkedRenderOptions = {}): RenderFunction {
  const niceness = options.niceness ?? 10;
  return (request, deps) => renderInChild(request, deps, { ...options, niceness });
}

function renderInChild(request: RenderRequest, deps: RenderDeps, options: ForkedRenderOptions & { niceness: number }): Promise<RenderResult> {
  if (deps.signal.aborted) return Promise.reject(new FluvieError('canceled', 'Render canceled', { cause: deps.signal.reason }));

  const child = fork(options.entry ?? CHILD_ENTRY, options.entryArgs ?? [], {
    // The child inherits this process's environment; the render reads its own from the message.
    cwd: deps.cwd,
    execArgv: options.execArgv ?? [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'json',
  });
  lowerPriority(child, options);
  if (child.pid !== undefined) deps.emit({ type: 'log', level: 'debug', message: `Render process ${child.pid} started at niceness ${readPriority(child.pid)}` });

  return new Promise<RenderResult>((resolve, reject) => {
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      deps.signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = (): void => {
      sendToChild(child, { type: 'abort', reason: serializeError(abortReason(deps.signal)) });
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_ABORT_MS);
      killTimer.unref();
    };

    child.on('message', (message: FromRenderChild) => {
      if (message.type === 'event') deps.emit(message.event);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(deserializeError(message.error)));
    });
    child.once('error', (error) => settle(() => reject(new FluvieError('internal', `Could not start the render process: ${error.message}`, { cause: error }))));
    child.once('exit', (code, signal) => {
      clearTimeout(killTimer);
      if (deps.signal.aborted) settle(() => reject(abortReason(deps.signal)));
      settle(() => reject(new FluvieError('capture_failed', `The render process exited without a result (${signal === null ? `exit code ${code}` : `signal ${signal}`}); its error output is in the server's stderr.`)));
    });

    deps.signal.addEventListener('abort', onAbort, { once: true });
    sendToChild(child, { type: 'render', request, env: deps.env, cwd: deps.cwd });
  });
}

function lowerPriority(child: ChildProcess, options: ForkedRenderOptions & { niceness: number }): void {
  if (child.pid === undefined || options.niceness === 0) return;
  try {
    os.setPriority(child.pid, Math.min(19, os.getPriority(child.pid) + options.niceness));
  } catch (error: unknown) {
    options.onPriorityError?.(error);
  }
}

function readPriority(pid: number): string {
  try {
    return String(os.getPriority(pid));
  } catch {
    return 'unknown';
  }
}

function sendToChild(child: ChildProcess, message: ToRenderChild): void {
  if (child.connected) child.send(message);
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new FluvieError('canceled', 'Render canceled', { cause: reason });
}

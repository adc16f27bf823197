/**
 * A controllable stand-in for `runRender`, for tests of queue mechanics (cancel, timeout,
 * concurrency, restart). Each render emits progress, then waits until the test releases it or its
 * signal fires, then writes small output files the way the real core does.
 */
import { writeFile } from 'node:fs/promises';
import { FluvieError } from '../../../src/core/errors.js';
import type { RenderRequest } from '../../../src/core/pipeline/render-request.js';
import type { RenderFunction } from '../../../src/server/queue/render-job.js';

export interface FakeRender {
  render: RenderFunction;
  requests: RenderRequest[];
  /** Number of renders currently waiting. */
  active: () => number;
  /** Resolves once `count` renders have started. */
  started: (count: number) => Promise<void>;
  /** Lets every waiting and future render finish. */
  releaseAll: () => void;
  /** Makes the next renders fail with this error. */
  failWith: (error: Error | null) => void;
}

export const FAKE_VIDEO_BYTES = Buffer.from('fake mp4 bytes for the server tests');
export const FAKE_POSTER_BYTES = Buffer.from('fake png bytes');

export function createFakeRender(options: { holdUntilReleased?: boolean } = {}): FakeRender {
  const requests: RenderRequest[] = [];
  let released = options.holdUntilReleased !== true;
  let failure: Error | null = null;
  let active = 0;
  const releaseWaiters: Array<() => void> = [];
  const startWaiters: Array<{ count: number; resolve: () => void }> = [];

  const render: RenderFunction = async (request, deps) => {
    requests.push(request);
    active += 1;
    for (const waiter of startWaiters.filter((entry) => requests.length >= entry.count)) waiter.resolve();
    try {
      deps.emit({ type: 'progress', stage: 'capture', completed: 1, total: 4 });
      if (!released) {
        await new Promise<void>((resolve, reject) => {
          const cancel = (): void => reject(new FluvieError('canceled', 'Render canceled', { cause: deps.signal.reason }));
          // A signal that fired before this point sends no further abort event.
          if (deps.signal.aborted) return cancel();
          releaseWaiters.push(resolve);
          deps.signal.addEventListener('abort', cancel, { once: true });
        });
      }
      if (failure !== null) throw failure;
      deps.emit({ type: 'progress', stage: 'capture', completed: 4, total: 4 });
      await writeFile(request.out, FAKE_VIDEO_BYTES);
      const poster = request.posterTime === null ? null : `${request.out}.poster.png`;
      if (poster !== null) await writeFile(poster, FAKE_POSTER_BYTES);
      return { output: request.out, bytes: FAKE_VIDEO_BYTES.length, frames: 4, durationSeconds: 0.16, poster, engine: 'native' };
    } finally {
      active -= 1;
    }
  };

  return {
    render,
    requests,
    active: () => active,
    started: (count) =>
      requests.length >= count ? Promise.resolve() : new Promise<void>((resolve) => startWaiters.push({ count, resolve })),
    releaseAll: () => {
      released = true;
      for (const resolve of releaseWaiters.splice(0)) resolve();
    },
    failWith: (error) => {
      failure = error;
    },
  };
}

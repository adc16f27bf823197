/**
 * A FrameStream whose frames are drawn on a worker thread into shared frame slots, so drawing
 * overlaps with ffmpeg reading stdin and no frame buffer is allocated per frame.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FluvieError, throwIfAborted, type ErrorCode } from '../../errors.js';
import type { EmitEvent } from '../../pipeline/events.js';
import type { FrameStream } from '../capture-engine.js';
import { FRAME_SLOTS, type FromWorker, type SerializedError, type ToWorker } from './frame-worker-protocol.js';
import type { NativeCaptureRequest } from './native-engine.js';

/** How long closing waits for the worker to end its clip decoders before it is terminated anyway, in milliseconds. */
const WORKER_CLOSE_TIMEOUT_MS = 2000;

const WORKER_URL = new URL('./frame-worker.js', import.meta.url);

/**
 * Returns whether the compiled worker entry exists. It does in the built package; under a TypeScript test
 * runner only the `.ts` source exists, and frames are drawn on the main thread instead.
 */
export function workerAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

type Pending = { resolve: (pixels: Uint8Array) => void; reject: (error: Error) => void };

export async function captureInWorker(request: NativeCaptureRequest, signal: AbortSignal, emit: EmitEvent): Promise<FrameStream> {
  throwIfAborted(signal);
  const worker = new Worker(WORKER_URL, { workerData: request });
  const received: Uint8Array[] = [];
  const singles = new Map<number, Pending>();
  let waiting: Pending | null = null;
  let failure: Error | null = null;
  let slotViews: Uint8Array[] = [];
  let readyResolve: (ready: Extract<FromWorker, { type: 'ready' }>) => void = () => {};
  let readyReject: (error: Error) => void = () => {};
  const ready = new Promise<Extract<FromWorker, { type: 'ready' }>>((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });

  const failAll = (error: Error): void => {
    if (failure !== null) return;
    failure = error;
    readyReject(error);
    waiting?.reject(error);
    waiting = null;
    for (const pending of singles.values()) pending.reject(error);
    singles.clear();
  };
  const deliver = (pixels: Uint8Array): void => {
    if (waiting !== null) {
      const current = waiting;
      waiting = null;
      current.resolve(pixels);
    } else {
      received.push(pixels);
    }
  };

  worker.on('message', (message: FromWorker) => {
    switch (message.type) {
      case 'ready': {
        const frameBytes = message.width * message.height * 4;
        slotViews = Array.from({ length: FRAME_SLOTS }, (_, slot) => new Uint8Array(message.slots, slot * frameBytes, frameBytes));
        readyResolve(message);
        return;
      }
      case 'event':
        emit(message.event);
        return;
      case 'frame': {
        const view = slotViews[message.index % FRAME_SLOTS];
        if (view === undefined) failAll(new FluvieError('internal', `The frame worker sent frame ${message.index} before its frame slots.`));
        else deliver(view);
        return;
      }
      case 'single': {
        const pending = singles.get(message.id);
        singles.delete(message.id);
        pending?.resolve(message.pixels);
        return;
      }
      case 'error':
        failAll(deserializeError(message.error));
        return;
      case 'closed':
        closedResolve();
        return;
    }
  });
  worker.on('error', (error) => failAll(new FluvieError('internal', `The frame worker crashed: ${error.message}`, { cause: error })));
  worker.on('exit', (code) => failAll(new FluvieError('internal', `The frame worker stopped (exit code ${code}).`)));

  let closedResolve: () => void = () => undefined;
  const workerClosed = new Promise<void>((resolve) => {
    closedResolve = resolve;
  });
  // The worker closes its stream first, so clip decoder processes end with it instead of outliving it.
  const shutDown = async (): Promise<void> => {
    worker.postMessage({ type: 'close' } satisfies ToWorker);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, WORKER_CLOSE_TIMEOUT_MS);
    });
    await Promise.race([workerClosed, timeout]);
    clearTimeout(timer);
    await worker.terminate();
  };

  const onAbort = (): void => {
    failAll(new FluvieError('canceled', 'Render canceled', { cause: signal.reason }));
    void shutDown();
  };
  signal.addEventListener('abort', onAbort, { once: true });

  let info: Extract<FromWorker, { type: 'ready' }>;
  try {
    info = await ready;
  } catch (error: unknown) {
    signal.removeEventListener('abort', onAbort);
    await worker.terminate();
    throw error;
  }

  const send = (message: ToWorker): void => worker.postMessage(message);
  const nextFrame = (): Promise<Uint8Array> => {
    if (failure !== null) return Promise.reject(failure);
    const queued = received.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      waiting = { resolve, reject };
    });
  };

  let nextSingleId = 0;
  let closed = false;
  return {
    kind: 'frames',
    width: info.width,
    height: info.height,
    fps: info.fps,
    frameCount: info.frameCount,
    async *frames(frameSignal: AbortSignal) {
      let requested = Math.min(FRAME_SLOTS, info.frameCount);
      send({ type: 'next', count: requested });
      for (let index = 0; index < info.frameCount; index += 1) {
        throwIfAborted(frameSignal);
        // The consumer requests frame `index` only after it has written frame `index - 1`, so that
        // frame's slot is free again and the worker may draw the frame that reuses it.
        if (index > 0 && requested < info.frameCount) {
          send({ type: 'next', count: 1 });
          requested += 1;
        }
        yield await nextFrame();
      }
    },
    renderFrame(index: number) {
      if (failure !== null) return Promise.reject(failure);
      const id = nextSingleId++;
      return new Promise<Uint8Array>((resolve, reject) => {
        singles.set(id, { resolve, reject });
        send({ type: 'render', id, index });
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      signal.removeEventListener('abort', onAbort);
      // Later exit and error events are expected now, not failures.
      failure ??= new FluvieError('canceled', 'The frame stream is closed.');
      await shutDown();
    },
  };
}

function deserializeError(error: SerializedError): FluvieError {
  return new FluvieError(error.code as ErrorCode, error.message, { details: error.details });
}

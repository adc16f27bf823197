/**
 * Worker thread entry of the native engine. Drawing runs here so the main thread stays free to feed
 * ffmpeg's stdin: while this thread draws frame n+1, ffmpeg reads frame n.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isFluvieError } from '../../errors.js';
import type { FrameStream } from '../capture-engine.js';
import type { FromWorker, ToWorker, WorkerData } from './frame-worker-protocol.js';
import { captureNative } from './native-engine.js';

const port = parentPort;
if (port === null) throw new Error('frame-worker.js must run as a worker thread');

// Pixels are copied by structured clone, not transferred: the canvas read-back is native memory that
// V8 cannot detach, and the engine keeps the previous frame's buffer to return it again.
function post(message: FromWorker): void {
  port?.postMessage(message);
}

function fail(error: unknown): void {
  const serialized = isFluvieError(error)
    ? { code: error.code, message: error.message, details: error.details }
    : { code: 'internal', message: error instanceof Error ? (error.stack ?? error.message) : String(error), details: null };
  post({ type: 'error', error: serialized });
}

async function start(): Promise<void> {
  const request = workerData as WorkerData;
  const controller = new AbortController();
  const stream: FrameStream = await captureNative(request, controller.signal, (event) => post({ type: 'event', event }));
  post({ type: 'ready', width: stream.width, height: stream.height, fps: stream.fps, frameCount: stream.frameCount });

  const iterator = stream.frames(controller.signal)[Symbol.asyncIterator]();
  let index = 0;
  let previous: Uint8Array | null = null;

  port?.on('message', (message: ToWorker) => {
    void handle(message).catch(fail);
  });

  async function handle(message: ToWorker): Promise<void> {
    if (message.type === 'close') {
      await stream.close();
      post({ type: 'closed' });
      return;
    }
    if (message.type === 'render') {
      const pixels = await stream.renderFrame(message.index);
      post({ type: 'single', id: message.id, pixels });
      // renderFrame may have drawn over the sequence's last pixels, so the next frame is sent in full.
      previous = null;
      return;
    }
    for (let count = 0; count < message.count && index < stream.frameCount; count += 1) {
      const next = await iterator.next();
      if (next.done === true) return;
      // The engine returns the same buffer when nothing changed since the previous frame.
      if (next.value === previous) {
        post({ type: 'same', index });
      } else {
        previous = next.value;
        post({ type: 'frame', index, pixels: next.value });
      }
      index += 1;
    }
  }
}

start().catch(fail);

/**
 * Worker thread entry of the native engine. Drawing runs here so the main thread stays free to feed
 * ffmpeg's stdin: while this thread draws frame n+1, ffmpeg reads frame n.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isFluvieError } from '../../errors.js';
import type { FrameStream } from '../capture-engine.js';
import { FRAME_SLOTS, type FromWorker, type ToWorker, type WorkerData } from './frame-worker-protocol.js';
import { captureNative } from './native-engine.js';

const port = parentPort;
if (port === null) throw new Error('frame-worker.js must run as a worker thread');

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
  const frameBytes = stream.width * stream.height * 4;
  const slots = new SharedArrayBuffer(frameBytes * FRAME_SLOTS);
  post({ type: 'ready', width: stream.width, height: stream.height, fps: stream.fps, frameCount: stream.frameCount, slots });

  const iterator = stream.frames(controller.signal)[Symbol.asyncIterator]();
  let index = 0;
  // Messages are handled one at a time, in order, so frames stay in sequence.
  let queue: Promise<void> = Promise.resolve();

  port?.on('message', (message: ToWorker) => {
    queue = queue.then(() => handle(message)).catch(fail);
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
      return;
    }
    for (let count = 0; count < message.count && index < stream.frameCount; count += 1) {
      const next = await iterator.next();
      if (next.done === true) return;
      const slot = index % FRAME_SLOTS;
      new Uint8Array(slots, slot * frameBytes, frameBytes).set(next.value);
      post({ type: 'frame', index });
      index += 1;
    }
  }
}

start().catch(fail);

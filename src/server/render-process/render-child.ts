/**
 * Entry point of a render child process (see forked-render.ts). It runs one `runRender` call from a
 * `render` message, forwards the render events, and reports the result or the error. Progress
 * events are forwarded at most every PROGRESS_INTERVAL_MS per stage (and always the last one), so
 * a fast render does not flood the server with IPC messages.
 */
import { runRender } from '../../core/pipeline/run-render.js';
import type { RenderEvent } from '../../core/pipeline/events.js';
import { deserializeError, serializeError, type FromRenderChild, type ToRenderChild } from './render-process-protocol.js';

const PROGRESS_INTERVAL_MS = 100;

const controller = new AbortController();
let started = false;

process.on('message', (message: ToRenderChild) => {
  if (message.type === 'abort') {
    controller.abort(deserializeError(message.reason));
    return;
  }
  if (started) return;
  started = true;
  void render(message);
});
// The server went away: stop rendering, so ffmpeg and temp files are cleaned up by runRender.
process.on('disconnect', () => controller.abort(new Error('The server process disconnected')));

async function render(message: Extract<ToRenderChild, { type: 'render' }>): Promise<void> {
  const progress = createProgressForwarder();
  let reply: FromRenderChild;
  try {
    const result = await runRender(message.request, { env: message.env, cwd: message.cwd, signal: controller.signal, emit: progress.emit });
    progress.flush();
    reply = { type: 'done', result };
  } catch (error: unknown) {
    progress.flush();
    reply = { type: 'failed', error: serializeError(error) };
  }
  send(reply, () => process.disconnect());
}

type ProgressEvent = Extract<RenderEvent, { type: 'progress' }>;

function createProgressForwarder(): { emit: (event: RenderEvent) => void; flush: () => void } {
  let pending: ProgressEvent | null = null;
  let lastSentMs = 0;
  let lastStage: string | null = null;
  const flush = (): void => {
    if (pending === null) return;
    send({ type: 'event', event: pending });
    pending = null;
  };
  return {
    emit(event) {
      if (event.type !== 'progress') {
        flush();
        send({ type: 'event', event });
        return;
      }
      const now = Date.now();
      const due = event.stage !== lastStage || now - lastSentMs >= PROGRESS_INTERVAL_MS || event.completed === event.total;
      if (!due) {
        pending = event;
        return;
      }
      // The last held event of an earlier stage goes first, so each stage ends on its latest count.
      if (pending !== null && pending.stage !== event.stage) flush();
      pending = null;
      lastStage = event.stage;
      lastSentMs = now;
      send({ type: 'event', event });
    },
    flush,
  };
}

function send(message: FromRenderChild, done?: () => void): void {
  if (process.send === undefined || !process.connected) return;
  process.send(message, undefined, {}, () => done?.());
}

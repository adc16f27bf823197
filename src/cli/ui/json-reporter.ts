/**
 * `--json` mode: one JSON object per line on stdout, and nothing else there. Progress is limited to
 * one event per 100 ms plus the final frame, so long renders do not flood the consumer.
 */
import type { Writable } from 'node:stream';
import type { FluvieError } from '../../core/errors.js';
import type { RenderEvent } from '../../core/pipeline/events.js';
import type { RenderResult } from '../../core/pipeline/render-request.js';
import type { Reporter } from './reporter.js';

const PROGRESS_INTERVAL_MS = 100;

export class JsonReporter implements Reporter {
  private lastProgressAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly stdout: Writable,
    private readonly now: () => number,
  ) {}

  onEvent(event: RenderEvent): void {
    switch (event.type) {
      case 'start':
      case 'warning':
      case 'done':
      case 'error':
        this.write(event);
        return;
      case 'progress': {
        const isLast = event.completed >= event.total;
        const at = this.now();
        if (!isLast && at - this.lastProgressAt < PROGRESS_INTERVAL_MS) return;
        this.lastProgressAt = at;
        this.write(event);
        return;
      }
      default:
        // stage and log events are for the human views.
        return;
    }
  }

  finish(_result: RenderResult): void {
    // The engine already emitted `done`.
  }

  fail(error: FluvieError): void {
    this.write({ type: 'error', code: error.code, message: error.message });
  }

  async close(): Promise<void> {}

  private write(event: RenderEvent): void {
    this.stdout.write(`${JSON.stringify(event)}\n`);
  }
}

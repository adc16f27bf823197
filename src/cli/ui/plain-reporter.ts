/**
 * Plain text mode for pipes and CI logs: progress lines on stderr at most once a second, warnings and
 * errors on stderr, and the final `Wrote <file>` line on stdout.
 */
import type { Writable } from 'node:stream';
import type { FluvieError } from '../../core/errors.js';
import type { RenderEvent } from '../../core/pipeline/events.js';
import type { RenderResult } from '../../core/pipeline/render-request.js';
import { computeProgress, formatBytes, formatDuration, formatProgressLine } from './progress-stats.js';
import type { Reporter } from './reporter.js';

const LINE_INTERVAL_MS = 1000;

export class PlainReporter implements Reporter {
  private startedAt: number | null = null;
  private lastLineAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly stdout: Writable,
    private readonly stderr: Writable,
    private readonly verbose: boolean,
    private readonly now: () => number,
  ) {}

  onEvent(event: RenderEvent): void {
    switch (event.type) {
      case 'start':
        this.startedAt = this.now();
        // The flutter engine learns a composition's size only after capture; it reports 0 until then.
        this.stderr.write(
          event.totalFrames > 0
            ? `Rendering ${event.totalFrames} frames at ${event.width}x${event.height}, ${event.fps} fps (${event.engine} engine, ${event.format})\n`
            : `Rendering with the ${event.engine} engine (${event.format}); the size is known after capture\n`,
        );
        return;
      case 'progress':
        this.onProgress(event.completed, event.total);
        return;
      case 'warning':
        this.stderr.write(`warning: ${event.path ? `${event.path}: ` : ''}${event.message}\n`);
        return;
      case 'log':
        if (this.verbose) this.stderr.write(`${event.message}\n`);
        return;
      case 'stage':
        if (this.verbose) this.stderr.write(`stage: ${event.stage}\n`);
        return;
      default:
        return;
    }
  }

  finish(result: RenderResult): void {
    const seconds = formatDuration(result.durationSeconds);
    this.stdout.write(`Wrote ${result.output} (${formatBytes(result.bytes)}, ${result.frames} frames, ${seconds})\n`);
    if (result.poster !== null) this.stdout.write(`Poster ${result.poster}\n`);
  }

  fail(_error: FluvieError): void {
    // cli/main.ts prints the error message once.
  }

  async close(): Promise<void> {}

  private onProgress(completed: number, total: number): void {
    const at = this.now();
    const isLast = completed >= total;
    if (!isLast && at - this.lastLineAt < LINE_INTERVAL_MS) return;
    this.lastLineAt = at;
    const snapshot = computeProgress(completed, total, this.startedAt ?? at, at);
    this.stderr.write(`${formatProgressLine(snapshot)}\n`);
  }
}

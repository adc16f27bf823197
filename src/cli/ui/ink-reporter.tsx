/**
 * Terminal mode: an ink progress view on stderr, redrawn at most ten times a second, and the final
 * `Wrote <file>` line on stdout.
 */
import type { Writable } from 'node:stream';
import { render, type Instance } from 'ink';
import type { FluvieError } from '../../core/errors.js';
import type { RenderEvent } from '../../core/pipeline/events.js';
import type { RenderResult } from '../../core/pipeline/render-request.js';
import { computeProgress, formatBytes, formatDuration } from './progress-stats.js';
import { ProgressView, type ProgressViewState } from './progress-view.js';
import type { Reporter } from './reporter.js';

const REDRAW_INTERVAL_MS = 100;

export class InkReporter implements Reporter {
  private state: ProgressViewState = { title: 'fluvie-render', stage: 'prepare', snapshot: null, warnings: [], summary: null };
  private readonly instance: Instance;
  private startedAt: number | null = null;
  private lastDrawAt = Number.NEGATIVE_INFINITY;
  private closed = false;

  constructor(
    private readonly stdout: Writable,
    stderr: NodeJS.WriteStream,
    private readonly verbose: boolean,
    private readonly now: () => number,
  ) {
    this.instance = render(<ProgressView state={this.state} />, { stdout: stderr, patchConsole: false, exitOnCtrlC: false });
  }

  onEvent(event: RenderEvent): void {
    switch (event.type) {
      case 'start':
        this.startedAt = this.now();
        this.update(
          {
            title:
              event.totalFrames > 0
                ? `Rendering ${event.width}x${event.height} at ${event.fps} fps (${event.engine}, ${event.format})`
                : `Rendering with the ${event.engine} engine (${event.format})`,
          },
          true,
        );
        return;
      case 'stage':
        this.update({ stage: event.stage }, true);
        return;
      case 'progress': {
        const at = this.now();
        const snapshot = computeProgress(event.completed, event.total, this.startedAt ?? at, at);
        this.update({ snapshot }, event.completed >= event.total);
        return;
      }
      case 'warning':
        this.update({ warnings: [...this.state.warnings, `${event.path ? `${event.path}: ` : ''}${event.message}`] }, true);
        return;
      case 'log':
        if (this.verbose) this.update({ warnings: [...this.state.warnings, event.message] }, true);
        return;
      default:
        return;
    }
  }

  finish(result: RenderResult): void {
    const text = `Wrote ${result.output} (${formatBytes(result.bytes)}, ${result.frames} frames, ${formatDuration(result.durationSeconds)})`;
    this.update({ summary: { ok: true, text: '✓ done' } }, true);
    this.stdout.write(`${text}\n`);
    if (result.poster !== null) this.stdout.write(`Poster ${result.poster}\n`);
  }

  fail(error: FluvieError): void {
    this.update({ summary: { ok: false, text: `✗ ${error.code}` } }, true);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.instance.rerender(<ProgressView state={this.state} />);
    this.instance.unmount();
    await this.instance.waitUntilExit();
  }

  private update(patch: Partial<ProgressViewState>, force: boolean): void {
    this.state = { ...this.state, ...patch };
    const at = this.now();
    if (!force && at - this.lastDrawAt < REDRAW_INTERVAL_MS) return;
    this.lastDrawAt = at;
    this.instance.rerender(<ProgressView state={this.state} />);
  }
}

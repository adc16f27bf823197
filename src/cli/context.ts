/**
 * What a CLI command needs from its process: streams, environment and working folder. Tests build
 * one in memory and run commands in-process; `main.ts` builds the real one.
 */
import type { Writable } from 'node:stream';

export interface CliContext {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** True when stdout is an interactive terminal (ink progress view instead of plain lines). */
  readonly isTTY: boolean;
  /** Fires on Ctrl-C / SIGTERM; long operations pass it down. */
  readonly signal: AbortSignal;
  /** Exit code the command wants when it returns normally (default 0). */
  exitCode: number;
  /** Set by a command that already printed its failure (an NDJSON `error` event), so main stays quiet. */
  errorReported: boolean;
}

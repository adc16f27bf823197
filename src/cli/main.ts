/**
 * Binary entry: builds the commander program, runs it, and maps every failure to an exit code.
 * This is the only module that calls `process.exit`.
 */
import { CommanderError } from 'commander';
import { ERROR_TABLE, EXIT_INTERRUPTED, EXIT_USAGE, FluvieError, toFluvieError } from '../core/errors.js';
import { removeTrackedTempPathsSync } from '../core/temp-registry.js';
import type { CliContext } from './context.js';
import { buildProgram } from './program.js';

/** Runs the CLI with `argv` (as in `process.argv`) against `context`, and returns the exit code. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv]);
    return context.exitCode;
  } catch (error: unknown) {
    return reportError(error, context, wantsJsonOutput(argv));
  }
}

/**
 * Returns true when `--json` appears among the arguments before a `--` terminator, so a failure
 * that happens before any command runs (an unknown flag, a missing argument) can still be reported
 * as an NDJSON event.
 */
export function wantsJsonOutput(argv: readonly string[]): boolean {
  for (const arg of argv.slice(2)) {
    if (arg === '--') return false;
    if (arg === '--json') return true;
  }
  return false;
}

function reportError(error: unknown, context: CliContext, json: boolean): number {
  if (error instanceof CommanderError) {
    // commander already printed help, the version or the usage message on stderr.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return 0;
    }
    if (json && !context.errorReported) writeJsonError(context, 'usage', error.message.replace(/^error: /, ''));
    return EXIT_USAGE;
  }
  const failure = toFluvieError(error);
  if (failure.code === 'canceled' && context.signal.aborted) {
    if (!context.errorReported) context.stderr.write(`${failure.message}\n`);
    return EXIT_INTERRUPTED;
  }
  if (!context.errorReported) {
    if (json) writeJsonError(context, failure.code, failure.message);
    context.stderr.write(`error: ${failure.message}\n`);
    if (failure.code === 'internal' && failure.cause instanceof Error && failure.cause.stack) {
      context.stderr.write(`${failure.cause.stack}\n`);
    }
  }
  return ERROR_TABLE[failure.code].exit;
}

/** Writes the NDJSON `error` event that `--json` consumers read, in the shape the render reporter uses. */
function writeJsonError(context: CliContext, code: string, message: string): void {
  context.stdout.write(`${JSON.stringify({ type: 'error', code, message })}\n`);
}

const EXIT_TERMINATED = 143;

/** Process entry used by `bin/fluvie-render.js`. */
export function main(argv: readonly string[]): void {
  const controller = new AbortController();
  let interrupts = 0;
  let received: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    interrupts += 1;
    received ??= signal;
    if (interrupts > 1) {
      // A second Ctrl-C leaves at once: the temp files are removed here because the cleanup in
      // `finally` blocks will not run. Child processes see their stdin close and exit.
      removeTrackedTempPathsSync();
      process.exit(EXIT_INTERRUPTED);
    }
    controller.abort(new FluvieError('canceled', `Interrupted by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const context: CliContext = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    signal: controller.signal,
    exitCode: 0,
    errorReported: false,
  };
  runCli(argv, context).then(
    (result) => {
      // 128 + the signal number, as shells report it: 130 for SIGINT, 143 for SIGTERM.
      const code = result === EXIT_INTERRUPTED && received === 'SIGTERM' ? EXIT_TERMINATED : result;
      process.exitCode = code;
      // Let stdout drain, then leave even if a stray handle (a timer, a socket) is still open.
      process.stdout.write('', () => process.exit(code));
    },
    (error: unknown) => {
      process.stderr.write(`fatal: ${String(error)}\n`);
      process.exit(1);
    },
  );
}

/**
 * Binary entry: builds the commander program, runs it, and maps every failure to an exit code.
 * This is the only module that calls `process.exit`.
 */
import { CommanderError } from 'commander';
import { ERROR_TABLE, EXIT_INTERRUPTED, EXIT_USAGE, FluvieError, toFluvieError } from '../core/errors.js';
import type { CliContext } from './context.js';
import { buildProgram } from './program.js';

/** Runs the CLI with `argv` (as in `process.argv`) against `context`, and returns the exit code. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv]);
    return context.exitCode;
  } catch (error: unknown) {
    return reportError(error, context);
  }
}

function reportError(error: unknown, context: CliContext): number {
  if (error instanceof CommanderError) {
    // commander already printed help, the version or the usage message.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return 0;
    }
    return EXIT_USAGE;
  }
  const failure = toFluvieError(error);
  if (failure.code === 'canceled' && context.signal.aborted) return EXIT_INTERRUPTED;
  if (!context.errorReported) {
    context.stderr.write(`error: ${failure.message}\n`);
    if (failure.code === 'internal' && failure.cause instanceof Error && failure.cause.stack) {
      context.stderr.write(`${failure.cause.stack}\n`);
    }
  }
  return ERROR_TABLE[failure.code].exit;
}

/** Process entry used by `bin/fluvie-render.js`. */
export function main(argv: readonly string[]): void {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    interrupts += 1;
    // A second Ctrl-C gives up on cleanup and leaves at once.
    if (interrupts > 1) process.exit(EXIT_INTERRUPTED);
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
    (code) => {
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

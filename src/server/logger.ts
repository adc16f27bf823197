/**
 * The server's logger: pino JSON lines on stderr. Authorization headers, tokens and signed-link
 * tokens are redacted, because logs often travel further than the secrets should.
 */
import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

const REDACT_PATHS = ['token', 'apiToken', 'cleanupToken', 'authorization', 'headers.authorization', 'req.headers.authorization', 'secret', '*.secret'];

export interface ServerLoggerOptions {
  level?: LoggerOptions['level'];
  /** Destination stream of the log lines (default stderr). */
  destination?: NodeJS.WritableStream;
}

export function createServerLogger(options: ServerLoggerOptions = {}): Logger {
  const settings: LoggerOptions = { level: options.level ?? 'info', base: { name: 'fluvie-render' }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return pino(settings, (options.destination ?? process.stderr) as pino.DestinationStream);
}

/** Creates a logger that drops everything, for tests. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** Removes the `token` query parameter from a URL or path before it is logged. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/g, '$1[redacted]');
}

/**
 * Runs the CLI in-process with captured streams, the way a user would run the binary.
 */
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  isTTY?: boolean;
}

export async function runCliCapture(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const context: CliContext = {
    stdout,
    stderr,
    env: options.env ?? { ...process.env, CI: 'true' },
    cwd: options.cwd ?? process.cwd(),
    isTTY: options.isTTY ?? false,
    signal: options.signal ?? new AbortController().signal,
    exitCode: 0,
    errorReported: false,
  };
  const code = await runCli(['node', 'fluvie-render', ...args], context);
  return { code, stdout: out, stderr: err };
}

/**
 * Spawns `fluvie-render worker` as a real process from the TypeScript sources (through vite-node,
 * so no build is needed) and collects the job ids it logs as started, so tests can tell which
 * worker runs which job and kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const CLI_ENTRY = path.join(REPO_ROOT, 'test/server/mcp/support/cli-entry.ts');
const VITE_NODE = path.join(REPO_ROOT, 'node_modules/.bin/vite-node');

export interface WorkerProcess {
  child: ChildProcess;
  /** Job ids this worker logged `render started` for, in order (a job may appear again after a retry). */
  started: string[];
  /** Resolves once the worker logged that it waits for jobs. */
  ready: Promise<void>;
  /** Every stderr line so far (pino JSON). */
  lines: string[];
  /** Sends `signal` and resolves when the process exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function spawnWorker(env: Record<string, string>, concurrency = 1): WorkerProcess {
  const child = spawn(VITE_NODE, [CLI_ENTRY, '--', 'worker', '--concurrency', String(concurrency)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const started: string[] = [];
  const lines: string[] = [];
  let markReady = (): void => undefined;
  let failReady = (_error: Error): void => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  let buffered = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const line of complete) {
      lines.push(line);
      if (line.includes('worker waiting for render jobs')) markReady();
      const match = /"jobId":"([^"]+)".*"msg":"render started"/.exec(line);
      if (match?.[1] !== undefined) started.push(match[1]);
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => failReady(new Error(`worker exited before it was ready:\n${lines.join('\n')}`)));

  return {
    child, started, ready, lines,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

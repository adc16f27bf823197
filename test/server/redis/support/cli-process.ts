/**
 * Spawns `fluvie-render worker` and `fluvie-render serve` as real processes from the TypeScript
 * sources (through vite-node, so no build is needed) and reads their pino log lines. Tests get the
 * job ids each process logged as started, to tell which worker runs a job and kill it, and the port
 * a server bound.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const CLI_ENTRY = path.join(REPO_ROOT, 'test/server/mcp/support/cli-entry.ts');
const VITE_NODE = path.join(REPO_ROOT, 'node_modules/.bin/vite-node');

export interface CliProcess {
  child: ChildProcess;
  /** Job ids this process logged `render started` for, in order (a job may appear again after a retry). */
  started: string[];
  /** Resolves once the process logged the line that marks it ready. */
  ready: Promise<void>;
  /** Every stderr line so far (pino JSON). */
  lines: string[];
  /** The port a `serve` process logged, or 0. */
  port(): number;
  alive(): boolean;
  /** Sends `signal` and resolves when the process exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function spawnWorker(env: Record<string, string>, concurrency = 1): CliProcess {
  return spawnCli(['worker', '--concurrency', String(concurrency)], env, 'worker waiting for render jobs');
}

export function spawnServe(env: Record<string, string>, workers = 0): CliProcess {
  return spawnCli(['serve', '--port', '0', '--host', '127.0.0.1', '--workers', String(workers)], env, 'server listening');
}

function spawnCli(args: readonly string[], env: Record<string, string>, readyMessage: string): CliProcess {
  const child = spawn(VITE_NODE, [CLI_ENTRY, '--', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const started: string[] = [];
  const lines: string[] = [];
  let port = 0;
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
      const portMatch = /"port":(\d+)/.exec(line);
      if (line.includes('"msg":"server listening"') && portMatch?.[1] !== undefined) port = Number(portMatch[1]);
      if (line.includes(readyMessage)) markReady();
      const match = /"jobId":"([^"]+)".*"msg":"render started"/.exec(line);
      if (match?.[1] !== undefined) started.push(match[1]);
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => failReady(new Error(`fluvie-render ${args[0]} exited before it was ready:\n${lines.join('\n')}`)));
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;

  return {
    child, started, ready, lines, alive,
    port: () => port,
    async stop(signal = 'SIGTERM') {
      if (alive()) child.kill(signal);
      await exited;
    },
  };
}

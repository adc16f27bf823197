/**
 * Starts a real `redis-server` (the Debian package) on 127.0.0.1 with a free port and a fresh temp
 * folder, with persistence off (`--save '' --appendonly no`), for tests of the Redis queue and job
 * store. Start-up failures throw, so tests fail and never skip, under CI=true and elsewhere.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningRedis {
  port: number;
  /** `redis://127.0.0.1:<port>`, the form of `REDIS_URL`. */
  url: string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its folder. Idempotent. */
  stop(): Promise<void>;
  /** Stops the server but keeps the port, so {@link RunningRedis.restart} brings it back on the same URL. */
  pause(): Promise<void>;
  /** Starts the server again on the same port after {@link RunningRedis.pause}. */
  restart(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;

export async function startRedis(): Promise<RunningRedis> {
  const directory = await mkdtemp(path.join(tmpdir(), 'fluvie-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = await launch(port, directory);

  const halt = async (): Promise<void> => {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  let stopped: Promise<void> | null = null;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pause: halt,
    async restart() {
      if (child !== null) return;
      child = await launch(port, directory);
    },
    stop() {
      stopped ??= halt().then(() => rm(directory, { recursive: true, force: true }));
      return stopped;
    },
  };
}

function launch(port: number, directory: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', directory, '--protected-mode', 'yes'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`redis-server did not report ready within ${START_TIMEOUT_MS} ms. Output:\n${output}`)), START_TIMEOUT_MS);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        // Keep draining so a full pipe never blocks the server.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error: NodeJS.ErrnoException) => {
      const hint = error.code === 'ENOENT' ? ' redis-server is not on PATH; install it with `apt-get install redis-server` or run scripts/ensure-system-deps.mjs as root.' : '';
      fail(new Error(`Cannot start redis-server: ${error.message}.${hint}`));
    });
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => fail(new Error(`redis-server exited during start-up (code ${code}, signal ${signal}). Output:\n${output}`));
    child.once('exit', onExit);
  });
}

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

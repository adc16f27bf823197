/**
 * `fluvie-render serve` run in-process: aborting the CLI context's signal replaces SIGTERM, and the
 * listening port is read from the pino log lines on stderr.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../../../src/cli/context.js';
import { runCli } from '../../../src/cli/main.js';
import { runCliCapture } from '../../helpers/cli.js';
import { S3RVER_ACCESS_KEY, S3RVER_SECRET_KEY, startS3rver } from '../../helpers/s3rver.js';

const dirs: string[] = [];

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fluvie-serve-cli-'));
  dirs.push(dir);
  return dir;
}

interface ServeRun {
  base: Promise<string>;
  stop: () => void;
  exit: Promise<number>;
  stderr: () => string;
}

function startServe(args: string[], env: Record<string, string>, cwd = process.cwd()): ServeRun {
  const controller = new AbortController();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let errText = '';
  let resolveBase: (base: string) => void = () => undefined;
  const base = new Promise<string>((resolve) => (resolveBase = resolve));
  stdout.resume();
  stderr.on('data', (chunk: Buffer) => {
    errText += chunk.toString('utf8');
    for (const line of errText.split('\n')) {
      if (!line.includes('"server listening"')) continue;
      const { port } = JSON.parse(line) as { port: number };
      resolveBase(`http://127.0.0.1:${port}`);
    }
  });
  const context: CliContext = { stdout, stderr, env: { PATH: process.env['PATH'], ...env }, cwd, isTTY: false, signal: controller.signal, exitCode: 0, errorReported: false };
  const exit = runCli(['node', 'fluvie-render', 'serve', ...args], context);
  return { base, stop: () => controller.abort(), exit, stderr: () => errText };
}

describe('fluvie-render serve', () => {
  it('serves until the signal fires, then exits 0', async () => {
    const dir = await tempDir();
    const run = startServe(['--port', '0', '--host', '127.0.0.1'], { API_TOKEN: 'a', CLEANUP_TOKEN: 'c', LOCAL_STORAGE_DIR: dir, PORT: '1' });
    const base = await run.base;
    const health = await fetch(`${base}/v1/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    run.stop();
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toContain('"server closed"');
  });

  it('reads --env-file under the environment', async () => {
    const dir = await tempDir();
    const envFile = path.join(dir, 'server.env');
    await writeFile(envFile, `API_TOKEN=from-file\nCLEANUP_TOKEN=c\nLOCAL_STORAGE_DIR=${dir}\nHOST=127.0.0.1\nPORT=0\n`);
    const run = startServe(['--env-file', envFile], { CLEANUP_TOKEN: 'from-env' });
    const base = await run.base;
    expect((await fetch(`${base}/v1/renders/rnd_x`, { headers: { authorization: 'Bearer from-file' } })).status).toBe(404);
    expect((await fetch(`${base}/v1/maintenance/cleanup`, { method: 'POST', headers: { authorization: 'Bearer from-env' } })).status).toBe(200);
    expect((await fetch(`${base}/v1/maintenance/cleanup`, { method: 'POST', headers: { authorization: 'Bearer c' } })).status).toBe(401);
    run.stop();
    expect(await run.exit).toBe(0);
  });

  it('cancels renders still running after the grace period and marks them failed', async () => {
    const dir = await tempDir();
    const run = startServe(['--port', '0', '--host', '127.0.0.1'], { API_TOKEN: 'a', CLEANUP_TOKEN: 'c', LOCAL_STORAGE_DIR: dir, SHUTDOWN_GRACE: '100ms' });
    const base = await run.base;
    const spec = { size: { width: 64, height: 64 }, fps: 25, scenes: [{ duration: '400s' }] };
    const created = await fetch(`${base}/v1/renders`, { method: 'POST', headers: { authorization: 'Bearer a' }, body: JSON.stringify({ spec }) });
    const { id } = (await created.json()) as { id: string };
    for (;;) {
      const job = (await (await fetch(`${base}/v1/renders/${id}`, { headers: { authorization: 'Bearer a' } })).json()) as { status: string };
      if (job.status === 'running') break;
      if (job.status !== 'queued') throw new Error(`render ended before shutdown: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    run.stop();
    expect(await run.exit).toBe(0);
    const { FileJobStore } = await import('../../../src/server/jobs/file-job-store.js');
    const job = await new FileJobStore(path.join(dir, '.jobs')).get(id);
    expect(job).toMatchObject({ status: 'failed', error: 'Server shut down before the render finished (waited 0.1s)' });
  });

  it('lists every bad variable and exits 78', async () => {
    const result = await runCliCapture(['serve'], { env: { PORT: 'http', FILE_TTL: '2 days', LOCAL_STORAGE_DIR: '/tmp' } });
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/^Configuration error: /);
    for (const variable of ['PORT', 'FILE_TTL', 'API_TOKEN', 'CLEANUP_TOKEN']) expect(result.stderr).toContain(variable);
    expect(result.stderr.match(/error: /g)).toHaveLength(1);
  });

  it('validates --port like PORT', async () => {
    const result = await runCliCapture(['serve', '--port', '99999'], { env: { API_TOKEN: 'a', CLEANUP_TOKEN: 'c' } });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('PORT: must be an integer from 0 to 65535, got "99999"');
  });

  it('exits 78 naming each bad S3 variable', async () => {
    const dir = await tempDir();
    const result = await runCliCapture(['serve'], {
      env: { API_TOKEN: 'a', CLEANUP_TOKEN: 'c', LOCAL_STORAGE_DIR: dir, STORAGE_BACKEND: 's3', S3_ENDPOINT: 'https://minio:9000', S3_BUCKET: 'b', S3_ACCESS_KEY: 'k' },
    });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('S3_ENDPOINT: must be the host (and port) only');
    expect(result.stderr).toContain('S3_BUCKET: must be an S3 bucket name');
    expect(result.stderr).toContain('S3_SECRET_KEY: is required when S3_ACCESS_KEY is set');
  });

  it('exits 78 for a missing S3 bucket', async () => {
    const dir = await tempDir();
    const s3 = await startS3rver({ buckets: [] });
    try {
      const result = await runCliCapture(['serve'], {
        env: { API_TOKEN: 'a', CLEANUP_TOKEN: 'c', HOST: '127.0.0.1', PORT: '0', LOCAL_STORAGE_DIR: dir, STORAGE_BACKEND: 's3', S3_ENDPOINT: s3.endpoint, S3_BUCKET: 'renders', S3_ACCESS_KEY: S3RVER_ACCESS_KEY, S3_SECRET_KEY: S3RVER_SECRET_KEY, S3_USE_SSL: 'false', S3_PATH_STYLE: 'true' },
      });
      expect(result.stderr).toContain('The bucket "renders" does not exist');
      expect(result.code).toBe(78);
      expect(result.stderr).toContain('S3_BUCKET');
    } finally {
      await s3.close();
    }
  });

  it('exits 78 when the env file is missing', async () => {
    const result = await runCliCapture(['serve', '--env-file', '/nonexistent/server.env'], { env: {} });
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/^Configuration error: Cannot read the env file "\/nonexistent\/server.env"/);
  });
});

// Child process of the server-status benchmark: starts the render API from dist/ on 127.0.0.1,
// renders a tiny job to poll, and reports the port and job id to the parent over IPC. With
// `--background`, it then starts a long render so the polls compete with it. It replies to "cpu"
// with its CPU time so far (process.cpuUsage, all threads, in microseconds) and stops on "stop".
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (file) => path.join(root, 'dist', file);
const TOKEN = process.env.BENCH_API_TOKEN ?? 'bench-token';
const withBackground = process.argv.includes('--background');
const bareHono = process.argv.includes('--bare-hono');
const renderInProcess = process.argv.includes('--render-in-process');

const dir = await mkdtemp(path.join(os.tmpdir(), 'fluvie-bench-server-'));
const stop = bareHono ? await startBareHono() : await startRenderApi();
process.on('message', async (message) => {
  if (message === 'cpu') {
    const usage = process.cpuUsage();
    process.send({ cpuMicros: usage.user + usage.system });
    return;
  }
  if (message !== 'stop') return;
  await stop();
  await rm(dir, { recursive: true, force: true });
  process.exit(0);
});

/** A Hono route that returns a fixed job JSON: the ceiling of one Node process on this machine. */
async function startBareHono() {
  const { Hono } = await import('hono');
  const { serve } = await import('@hono/node-server');
  const app = new Hono();
  const body = { id: 'rnd_bench', status: 'succeeded', createdAt: new Date().toISOString(), expiresAt: new Date().toISOString() };
  app.get('/v1/renders/:id', (c) => c.json(body));
  const server = await new Promise((resolve) => {
    const listening = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(listening));
  });
  process.send({ port: server.address().port, target: 'rnd_bench', background: null });
  return () => new Promise((resolve) => server.close(() => resolve()));
}

async function startRenderApi() {
  const { loadServerConfig } = await import(dist('config/server-config.js'));
  const { startServer } = await import(dist('server/server.js'));
  const { createSilentLogger } = await import(dist('server/logger.js'));
  const { createDefaultSpecTools } = await import(dist('server/spec-tools-default.js'));
  const { createForkedRender } = await import(dist('server/render-process/forked-render.js'));
  const { runRender } = await import(dist('core/pipeline/run-render.js'));
  const config = loadServerConfig(
    { API_TOKEN: TOKEN, CLEANUP_TOKEN: 'c', LOCAL_STORAGE_DIR: dir, HOST: '127.0.0.1', PORT: '0', RENDER_CONCURRENCY: '1', CLEANUP_INTERVAL: '0', SHUTDOWN_GRACE: '0s' },
    { cpuCount: 1 },
  );
  // As `fluvie-render serve` does: each render runs in a child process at RENDER_NICENESS (default
  // 10). `--render-in-process` renders on the server's own event loop instead, for comparison.
  const render = renderInProcess ? runRender : createForkedRender({ niceness: config.renderNiceness });
  const server = await startServer({ config, logger: createSilentLogger(), renderEnv: process.env, render, specTools: createDefaultSpecTools() });
  const base = `http://127.0.0.1:${server.port}`;
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const post = async (spec) => (await (await fetch(`${base}/v1/renders`, { method: 'POST', headers, body: JSON.stringify({ spec }) })).json()).id;

  const target = await post({ size: { width: 64, height: 64 }, fps: 10, scenes: [{ duration: '2f' }] });
  while ((await (await fetch(`${base}/v1/renders/${target}`, { headers })).json()).status !== 'succeeded') {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const background = withBackground ? await post({ size: { width: 320, height: 320 }, fps: 25, scenes: [{ duration: '400s' }] }) : null;
  // The load starts once the render draws frames, not while its process starts.
  while (background !== null && ((await (await fetch(`${base}/v1/renders/${background}`, { headers })).json()).progress?.completed ?? 0) === 0) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  process.send({ port: server.port, target, background });
  return () => server.close();
}

// GET /v1/renders/{id} throughput and latency on loopback with autocannon, measured while a render
// of the same server runs, so the status route competes with a real render for the CPU.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const TOKEN = 'bench-token';
const DURATION_SECONDS = 10;
const CONNECTIONS = 50;

export const serverStatusSection = {
  name: 'server',
  title: 'Render API: GET /v1/renders/{id} during a render',
  description:
    `autocannon, ${CONNECTIONS} connections for ${DURATION_SECONDS} s on 127.0.0.1 against a succeeded job, while the same ` +
    'server renders a 320x320 spec of 400 s (native engine, one render at a time). Target: >= 10 000 requests/s with p99 < 10 ms on 2 cores.',
  async run({ root, log }) {
    const dist = (file) => path.join(root, 'dist', file);
    const { loadServerConfig } = await import(dist('config/server-config.js'));
    const { startServer } = await import(dist('server/server.js'));
    const { createSilentLogger } = await import(dist('server/logger.js'));
    const { createDefaultSpecTools } = await import(dist('server/spec-tools-default.js'));
    const { runRender } = await import(dist('core/pipeline/run-render.js'));

    const dir = await mkdtemp(path.join(os.tmpdir(), 'fluvie-bench-server-'));
    const config = loadServerConfig(
      { API_TOKEN: TOKEN, CLEANUP_TOKEN: 'c', LOCAL_STORAGE_DIR: dir, HOST: '127.0.0.1', PORT: '0', RENDER_CONCURRENCY: '1', CLEANUP_INTERVAL: '0', SHUTDOWN_GRACE: '0s' },
      { cpuCount: 1 },
    );
    const server = await startServer({ config, logger: createSilentLogger(), renderEnv: process.env, render: runRender, specTools: createDefaultSpecTools() });
    const base = `http://127.0.0.1:${server.port}`;
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const post = async (spec) => (await (await fetch(`${base}/v1/renders`, { method: 'POST', headers, body: JSON.stringify({ spec }) })).json()).id;
    try {
      log('rendering the job to poll...');
      const target = await post({ size: { width: 64, height: 64 }, fps: 10, scenes: [{ duration: '2f' }] });
      while ((await (await fetch(`${base}/v1/renders/${target}`, { headers })).json()).status !== 'succeeded') {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      log('starting a long render and the load...');
      const background = await post({ size: { width: 320, height: 320 }, fps: 25, scenes: [{ duration: '400s' }] });
      const result = await autocannon({ url: `${base}/v1/renders/${target}`, headers, connections: CONNECTIONS, duration: DURATION_SECONDS });
      const renderStatus = (await (await fetch(`${base}/v1/renders/${background}`, { headers })).json()).status;
      return {
        rows: [
          ['Requests/s (mean)', result.requests.average.toFixed(0)],
          ['Latency p50', `${result.latency.p50} ms`],
          ['Latency p99', `${result.latency.p99} ms`],
          ['Non-2xx responses', String(result.non2xx)],
          ['Background render during the load', renderStatus],
        ],
      };
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

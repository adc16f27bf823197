// GET /v1/renders/{id} throughput and latency on loopback with autocannon. The server runs in a
// child process (status-server-child.mjs) and autocannon runs in this process, so the two do not
// share an event loop, but they do share the machine's cores with each other and with the render.
// Four runs, one after another: a bare Hono route (the ceiling of one Node process here) and the
// render API with no render. Then the render API while a render runs in a child process (as
// `serve` runs renders), and while the render runs on the server's own event loop (the earlier design).
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const TOKEN = 'bench-token';
const DURATION_SECONDS = 10;
const CONNECTIONS = 50;
const TARGET_RPS = 10_000;
const TARGET_P99_MS = 10;
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'status-server-child.mjs');

const RUNS = [
  { key: 'bare', label: 'Bare Hono route (ceiling)', args: ['--bare-hono'] },
  { key: 'idle', label: 'Render API, no render', args: [] },
  { key: 'forked', label: 'Render API, render in a child process (niceness 10)', args: ['--background'] },
  { key: 'inProcess', label: 'Render API, render on the server event loop', args: ['--background', '--render-in-process'] },
];

export const serverStatusSection = {
  name: 'server',
  title: 'Render API: GET /v1/renders/{id} during a render',
  description:
    `autocannon, ${CONNECTIONS} connections for ${DURATION_SECONDS} s per run on 127.0.0.1, against a succeeded job. The server ` +
    'is a child process of the benchmark and autocannon runs in the benchmark process, so the load generator, the server and ' +
    'the render (a 320x320 spec of 400 s, native engine, one render at a time) all share the same cores. Request logging is ' +
    'off (silent logger). The runs go one after another: a bare Hono route returning a fixed job JSON, the render API with ' +
    'no render, the render API with the render in a child process at niceness 10 (as `serve` runs renders), and the render ' +
    'API with the render on its own event loop. "Server CPU per request" is the server process\'s CPU time (all its threads, ' +
    'not the render child or autocannon) during the load divided by the requests served: it varies less than requests/s ' +
    `when other processes use the machine. Target: >= ${TARGET_RPS} requests/s with p99 < ${TARGET_P99_MS} ms on 2 cores while a render runs.`,
  async run({ log }) {
    const results = {};
    for (const run of RUNS) {
      log(`${run.label}...`);
      results[run.key] = await measure(run.args);
    }
    const rows = [];
    for (const run of RUNS) {
      const result = results[run.key];
      rows.push([`${run.label}: requests/s (mean)`, result.requestsPerSecond.toFixed(0)]);
      rows.push([`${run.label}: latency p50 / p99`, `${result.p50} ms / ${result.p99} ms`]);
      rows.push([`${run.label}: server CPU per request`, `${result.cpuMicrosPerRequest.toFixed(0)} us`]);
      if (result.non2xx > 0) rows.push([`${run.label}: non-2xx responses`, String(result.non2xx)]);
      if (result.background !== null) rows.push([`${run.label}: background render after the load`, result.background]);
    }
    rows.push(['Render API with a render / bare Hono, requests/s', (results.forked.requestsPerSecond / results.bare.requestsPerSecond).toFixed(2)]);
    const forked = results.forked;
    return {
      rows,
      targets: [
        { name: `Requests/s during a render >= ${TARGET_RPS}`, measured: forked.requestsPerSecond.toFixed(0), met: forked.requestsPerSecond >= TARGET_RPS },
        { name: `p99 during a render < ${TARGET_P99_MS} ms`, measured: `${forked.p99} ms`, met: forked.p99 < TARGET_P99_MS },
      ],
    };
  },
};

/** Starts the server child with `args`, loads it, and stops it. */
async function measure(args) {
  const child = fork(CHILD, args, { env: { ...process.env, BENCH_API_TOKEN: TOKEN } });
  try {
    const ready = await new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`the benchmark server exited with code ${code} before it was ready`)));
    });
    const base = `http://127.0.0.1:${ready.port}`;
    const headers = { authorization: `Bearer ${TOKEN}` };
    const cpuBefore = await readServerCpu(child);
    const result = await autocannon({ url: `${base}/v1/renders/${ready.target}`, headers, connections: CONNECTIONS, duration: DURATION_SECONDS });
    const cpuMicros = (await readServerCpu(child)) - cpuBefore;
    const background = ready.background === null ? null : await describeJob(`${base}/v1/renders/${ready.background}`, headers);
    return {
      requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, background,
      cpuMicrosPerRequest: cpuMicros / Math.max(1, result.requests.total),
    };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.connected) child.send('stop');
    await exited;
  }
}

/** Returns the server process's CPU time so far in microseconds (user and system, every thread). */
function readServerCpu(child) {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message.cpuMicros));
    child.send('cpu');
  });
}

async function describeJob(url, headers) {
  const job = await (await fetch(url, { headers })).json();
  return job.progress === undefined ? job.status : `${job.status}, ${job.progress.completed} of ${job.progress.total} frames`;
}

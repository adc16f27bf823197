// Jobs per minute of the Redis scale-out with 1 and 2 worker processes: a redis-server on a free
// loopback port, one `serve` process with QUEUE_BACKEND=redis and --workers 0, and N `worker`
// processes sharing one storage folder. The same batch of short jobs is posted for each N, and the
// time runs from the first POST until the last job finished. Then one 60 s job is rendered whole and
// chunked (CHUNK_FRAMES) on 2 workers.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { formatRatio, formatSeconds } from './measure.mjs';

const TOKEN = 'bench-token';
const JOBS = 12;
/** Frames per chunk of the chunked run: 10 s at 30 fps, what an unset CHUNK_FRAMES gives. */
const CHUNK_FRAMES = 300;
/** 2 s at 320x180, 30 fps, a gradient and an animated text: a short spec of mostly per-frame work. */
const SPEC = {
  size: { width: 320, height: 180 },
  fps: 30,
  scenes: [
    {
      duration: '2s',
      background: { kind: 'gradient', colors: ['#1A2980', '#26D0CE'] },
      children: [{ type: 'Text', text: 'Scale out', style: { color: '#FFFFFF', fontSize: 32 }, animate: [{ preset: 'fadeIn' }] }],
    },
  ],
};

export const scaleOutSection = {
  name: 'scale-out',
  title: 'Scale-out: jobs per minute with 1 and 2 workers on Redis',
  description:
    `${JOBS} jobs of a 2 s, 320x180, 30 fps spec posted to one \`serve\` process (QUEUE_BACKEND=redis, --workers 0); ` +
    'N `fluvie-render worker --concurrency 1` processes render them. Time from the first POST until the last job finished. ' +
    'On a 2-core machine the second worker competes with the first for the CPU, so the gain shows how much of a render is not CPU-bound here.',
  async run({ root, log }) {
    const rows = [];
    const perMinute = [];
    for (const workers of [1, 2]) {
      log(`${workers} worker(s)...`);
      const { seconds, renderSeconds } = await runBatch(root, workers);
      const rate = (JOBS / seconds) * 60;
      perMinute.push(rate);
      rows.push([`${workers} worker${workers === 1 ? '' : 's'}`, `${rate.toFixed(1)} jobs/min (${formatSeconds(seconds)} for ${JOBS} jobs, ${formatSeconds(renderSeconds)} mean per job)`]);
    }
    rows.push(['2 workers / 1 worker', formatRatio(perMinute[1] / perMinute[0])]);

    log('60 s spec, whole and chunked on 2 workers...');
    const whole = await runBatch(root, 2, { spec: LONG_SPEC, jobs: 1, chunkFrames: 0 });
    const chunked = await runBatch(root, 2, { spec: LONG_SPEC, jobs: 1, chunkFrames: CHUNK_FRAMES });
    rows.push(['60 s spec, whole render', formatSeconds(whole.seconds)]);
    rows.push([`60 s spec, chunks of ${CHUNK_FRAMES} frames on 2 workers`, `${formatSeconds(chunked.seconds)} (${chunked.chunks} chunks, ${formatSeconds(chunked.chunkSeconds)} mean per chunk, join ${formatSeconds(chunked.joinSeconds)})`]);
    rows.push(['chunked / whole', formatRatio(chunked.seconds / whole.seconds)]);
    return { rows };
  },
};

/** 60 s at 320x180, 30 fps: the short spec's scene repeated 30 times. */
const LONG_SPEC = { ...SPEC, scenes: Array.from({ length: 30 }, () => SPEC.scenes[0]) };

async function runBatch(root, workerCount, options = { spec: SPEC, jobs: JOBS, chunkFrames: 0 }) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fluvie-bench-scale-'));
  const port = await freePort();
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
  const children = [];
  try {
    await waitForLine(redis, 'Ready to accept connections');
    const env = {
      ...process.env, API_TOKEN: TOKEN, CLEANUP_TOKEN: 'c', LOCAL_STORAGE_DIR: dir, CLEANUP_INTERVAL: '0', SHUTDOWN_GRACE: '0s',
      QUEUE_BACKEND: 'redis', REDIS_URL: `redis://127.0.0.1:${port}`, FLUVIE_ENABLE_MCP: 'false', CHUNK_FRAMES: String(options.chunkFrames),
    };
    const cli = path.join(root, 'bin/fluvie-render.js');
    const server = spawn(process.execPath, [cli, 'serve', '--port', '0', '--host', '127.0.0.1', '--workers', '0'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(server);
    const listening = await waitForLine(server, '"msg":"server listening"', 'stderr');
    const base = `http://127.0.0.1:${JSON.parse(listening).port}`;
    // Render time per job, from the workers' `render started` and `render succeeded` log lines.
    const startedAt = new Map();
    const renderTimes = [];
    const chunkTimes = [];
    const joinTimes = [];
    for (let index = 0; index < workerCount; index += 1) {
      const worker = spawn(process.execPath, [cli, 'worker', '--concurrency', '1'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      children.push(worker);
      await waitForLine(worker, 'worker waiting for render jobs', 'stderr');
      onLines(worker.stderr, (line) => {
        if (!line.startsWith('{')) return;
        const entry = JSON.parse(line);
        if (entry.msg === 'render started') startedAt.set(entry.jobId, entry.time);
        if (entry.msg === 'render succeeded' && startedAt.has(entry.jobId)) renderTimes.push((entry.time - startedAt.get(entry.jobId)) / 1000);
        if (entry.msg === 'chunk started') startedAt.set(entry.chunkId, entry.time);
        if (entry.msg === 'chunk rendered' && startedAt.has(entry.chunkId)) chunkTimes.push((entry.time - startedAt.get(entry.chunkId)) / 1000);
        // The join job of a chunked render: audio mix, chunk downloads, stream-copy join and upload.
        if (entry.msg === 'join started') startedAt.set(entry.chunkId, entry.time);
        if (entry.msg === 'chunks joined' && startedAt.has(entry.chunkId)) joinTimes.push((entry.time - startedAt.get(entry.chunkId)) / 1000);
      });
    }

    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const started = performance.now();
    const ids = [];
    for (let index = 0; index < options.jobs; index += 1) {
      const response = await fetch(`${base}/v1/renders`, { method: 'POST', headers, body: JSON.stringify({ spec: options.spec, options: { format: 'mp4' } }) });
      if (response.status !== 202) throw new Error(`POST /v1/renders returned ${response.status}: ${await response.text()}`);
      ids.push((await response.json()).id);
    }
    const jobs = await Promise.all(ids.map((id) => waitForJob(base, headers, id)));
    const seconds = (performance.now() - started) / 1000;
    const failed = jobs.filter((job) => job.status !== 'succeeded');
    if (failed.length > 0) throw new Error(`${failed.length} jobs did not succeed: ${JSON.stringify(failed[0])}`);
    const mean = (values) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    return { seconds, renderSeconds: mean(renderTimes), chunks: chunkTimes.length, chunkSeconds: mean(chunkTimes), joinSeconds: mean(joinTimes) };
  } finally {
    for (const child of children) child.kill('SIGKILL');
    redis.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}

async function waitForJob(base, headers, id) {
  for (;;) {
    const job = await (await fetch(`${base}/v1/renders/${id}`, { headers })).json();
    if (['succeeded', 'failed', 'canceled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function onLines(stream, handle) {
  let buffered = '';
  stream.on('data', (chunk) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) handle(line);
  });
}

/** Resolves with the first output line that contains `text`; rejects when the process exits first. */
function waitForLine(child, text, stream = 'stdout') {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const source = child[stream];
    const onData = (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      const line = lines.find((candidate) => candidate.includes(text));
      if (line === undefined) return;
      source.off('data', onData);
      source.resume();
      resolve(line);
    };
    source.on('data', onData);
    child.once('exit', (code) => reject(new Error(`process exited with ${code} before printing "${text}"`)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Runs one render through runRender (as the CLI does) and prints {"maxRssKb": n} for the benchmark.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { runRender } = await import(path.join(root, 'dist/core/pipeline/run-render.js'));
const [specPath, out] = process.argv.slice(2);

await runRender(
  {
    source: { kind: 'specFile', path: specPath },
    out,
    format: 'mp4',
    quality: 'high',
    aspect: null,
    posterTime: null,
    maxFrames: null,
    engine: 'native',
    allowUnsupported: false,
    strict: false,
    keepTemp: false,
    ffmpegPath: null,
    projectDir: null,
    flutterPath: null,
  },
  { env: process.env, cwd: root, signal: new AbortController().signal, emit: () => {} },
);
process.stdout.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);

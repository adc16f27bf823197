// Flutter engine orchestration against running the harness and ffmpeg by hand. The fake `flutter`
// from test/fixtures speaks the harness protocol, so the numbers measure fluvie-render's own cost
// (process handling, progress polling, manifest checks, output moves, sandbox removal) and the gain
// of encoding while capture still writes frames, not Flutter's rendering speed.
//
// Fairness: every variant writes its frames to a sandbox under the system temp folder, so all
// use the same disk. Each run starts after `sync`, so the dirty pages of the previous run are not
// flushed during it. The order of the variants rotates from round to round, and each row is the
// median of ROUNDS runs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure, median } from './cpu-time.mjs';
import { formatRatio, formatSeconds, timeCommand } from './measure.mjs';

const WIDTH = 1080;
const HEIGHT = 1920;
const FRAMES = 150;
const FPS = 30;
const ROUNDS = 3;
const MAX_OVERHEAD_RATIO = 1.05;

export const flutterEngineSection = {
  name: 'flutter',
  title: `Flutter engine with the fake harness: ${FRAMES} frames at ${WIDTH}x${HEIGHT}, ${FPS} fps`,
  description:
    'The fake `flutter` (test/fixtures/fake-flutter/flutter) writes a deterministic pattern frame by frame. ' +
    '"By hand" runs it with the same argv and then ffmpeg with the manifest arguments in the sandbox. ' +
    'Sequential is `runFlutterRender` with overlap off; overlapped starts ffmpeg on the growing frames file; ' +
    'a key render cannot overlap because its size is known only from the manifest. Our runs include the ' +
    `sandbox removal; the by-hand runs do not. Each value is the median of ${ROUNDS} rounds with the variant ` +
    'order rotated and `sync` before every run. CPU is user + system time of the process and its children, ' +
    'which a loaded machine distorts less than wall time. The `flutter --version` probe runs once per process, ' +
    'in an untimed warm-up render.',
  async run({ root, log }) {
    const { runFlutterRender } = await import(path.join(root, 'dist/core/engines/flutter/flutter-render.js'));
    const { resolveFfmpeg } = await import(path.join(root, 'dist/core/encode/resolve-ffmpeg.js'));
    const flutter = path.join(root, 'test/fixtures/fake-flutter/flutter');
    const ffmpeg = await resolveFfmpeg({ flag: null, env: process.env });
    // Key renders of the fake use these, and spec renders ignore them.
    const env = { ...process.env, FAKE_FLUTTER_KEY_SIZE: `${WIDTH}x${HEIGHT}`, FAKE_FLUTTER_KEY_FRAMES: String(FRAMES) };

    const work = mkdtempSync(path.join(os.tmpdir(), 'fluvie-bench-flutter-'));
    try {
      const project = path.join(work, 'project');
      mkdirSync(path.join(project, 'test/render'), { recursive: true });
      writeFileSync(path.join(project, 'test/render/capture_harness_test.dart'), '// fake harness\n');
      const spec = path.join(work, 'bench.fluvie.json');
      writeFileSync(spec, JSON.stringify({ fluvieSpec: 1, size: { width: WIDTH, height: HEIGHT }, fps: FPS, scenes: [{ duration: `${FRAMES}f` }] }));

      const probe = await measure(() => timeCommand(flutter, ['--version', '--machine'], { env }));

      // Both sides get a sandbox in the system temp folder, as runFlutterRender creates its own.
      const byHand = async (source) => {
        const sandbox = mkdtempSync(path.join(os.tmpdir(), 'fluvie-bench-hand-'));
        try {
          const keyDefine = source.kind === 'key' ? source.key : '';
          const argv = [
            'test', '--no-pub', 'test/render/capture_harness_test.dart',
            `--dart-define=FLUVIE_RENDER_KEY=${keyDefine}`, `--dart-define=FLUVIE_RENDER_OUT_DIR=${sandbox}`,
            '--dart-define=FLUVIE_RENDER_QUALITY=high', '--dart-define=FLUVIE_RENDER_FORMAT=mp4',
            ...(source.kind === 'specFile' ? [`--dart-define=FLUVIE_RENDER_SPEC=${source.path}`] : []),
          ];
          const capture = await measure(() => timeCommand(flutter, argv, { cwd: project, env }));
          const manifest = JSON.parse(readFileSync(path.join(sandbox, 'manifest.json'), 'utf8'));
          // Exactly the manifest's arguments in the sandbox, as fluvie-render runs them.
          const encode = await measure(() => timeCommand(ffmpeg.path, manifest.ffmpegArgs, { cwd: sandbox, env }));
          return { capture, encode, seconds: capture.seconds + encode.seconds, cpuSeconds: capture.cpuSeconds + encode.cpuSeconds };
        } finally {
          rmSync(sandbox, { recursive: true, force: true });
        }
      };

      const render = (source, out, overlapEncode) => {
        const request = {
          source, out, format: 'mp4', quality: 'high',
          aspect: null, posterTime: null, maxFrames: null, engine: 'flutter', allowUnsupported: false, strict: false,
          keepTemp: false, ffmpegPath: null, projectDir: project, flutterPath: flutter,
        };
        const deps = { env, cwd: work, signal: new AbortController().signal, emit: () => {}, ffmpeg };
        return measure(() => runFlutterRender(request, deps, { overlapEncode }));
      };

      const specSource = { kind: 'specFile', path: spec };
      const keySource = { kind: 'key', key: 'demo' };
      const outputOf = (name, round) => path.join(work, `${name}-${round}.mp4`);
      const variants = {
        handSpec: () => byHand(specSource),
        sequential: (round) => render(specSource, outputOf('sequential', round), false),
        overlapped: (round) => render(specSource, outputOf('overlapped', round), true),
        handKey: () => byHand(keySource),
        key: (round) => render(keySource, outputOf('key', round), true),
      };

      log('warm-up...');
      await render(specSource, path.join(work, 'warm-up.mp4'), true);

      const names = Object.keys(variants);
      const runs = Object.fromEntries(names.map((name) => [name, []]));
      for (let round = 0; round < ROUNDS; round += 1) {
        const order = names.map((_, index) => names[(index + round) % names.length]);
        for (const name of order) {
          log(`round ${round + 1}/${ROUNDS}: ${name}...`);
          execFileSync('sync');
          runs[name].push(await variants[name](round));
        }
      }

      const wall = (name) => median(runs[name].map((run) => run.seconds));
      const cpu = (name) => median(runs[name].map((run) => run.cpuSeconds));
      const sequentialRatio = wall('sequential') / wall('handSpec');
      const keyRatio = wall('key') / wall('handKey');
      const same = readFileSync(outputOf('sequential', 0)).equals(readFileSync(outputOf('overlapped', 0)));
      const sameKey = readFileSync(outputOf('sequential', 0)).equals(readFileSync(outputOf('key', 0)));
      return {
        rows: [
          ['`flutter --version --machine` probe (fake, once per process)', formatSeconds(probe.seconds)],
          ['Capture by hand (fake harness)', formatSeconds(median(runs.handSpec.map((run) => run.capture.seconds)))],
          ['ffmpeg by hand on the manifest arguments', formatSeconds(median(runs.handSpec.map((run) => run.encode.seconds)))],
          ['By hand, total', `${formatSeconds(wall('handSpec'))} (CPU ${formatSeconds(cpu('handSpec'))})`],
          ['fluvie-render, sequential', `${formatSeconds(wall('sequential'))} (CPU ${formatSeconds(cpu('sequential'))})`],
          [`Sequential / by hand, wall (target <= ${MAX_OVERHEAD_RATIO}x)`, formatRatio(sequentialRatio)],
          ['Sequential / by hand, CPU', formatRatio(cpu('sequential') / cpu('handSpec'))],
          ['fluvie-render, overlapped', `${formatSeconds(wall('overlapped'))} (CPU ${formatSeconds(cpu('overlapped'))})`],
          ['Overlap gain (sequential / overlapped)', formatRatio(wall('sequential') / wall('overlapped'))],
          ['Overlapped / by hand, wall', formatRatio(wall('overlapped') / wall('handSpec'))],
          ['Key render by hand, total', `${formatSeconds(wall('handKey'))} (CPU ${formatSeconds(cpu('handKey'))})`],
          ['fluvie-render, key render (sequential)', `${formatSeconds(wall('key'))} (CPU ${formatSeconds(cpu('key'))})`],
          [`Key render / by hand, wall (target <= ${MAX_OVERHEAD_RATIO}x)`, formatRatio(keyRatio)],
          ['Key render / by hand, CPU', formatRatio(cpu('key') / cpu('handKey'))],
          ['Overlapped and key outputs identical to sequential', same && sameKey ? 'yes' : 'no'],
        ],
        targets: [
          { name: `Spec render, sequential / by hand <= ${MAX_OVERHEAD_RATIO}x`, measured: formatRatio(sequentialRatio), met: sequentialRatio <= MAX_OVERHEAD_RATIO },
          { name: `Key render / by hand <= ${MAX_OVERHEAD_RATIO}x`, measured: formatRatio(keyRatio), met: keyRatio <= MAX_OVERHEAD_RATIO },
        ],
      };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

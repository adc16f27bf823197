// Flutter engine orchestration against running the harness and ffmpeg by hand. The fake `flutter`
// from test/fixtures speaks the harness protocol, so the numbers measure fluvie-render's own cost
// (process handling, progress polling, manifest checks, output moves) and the gain of encoding
// while capture still writes frames, not Flutter's rendering speed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatRatio, formatSeconds, timeCommand } from './measure.mjs';

const WIDTH = 1080;
const HEIGHT = 1920;
const FRAMES = 150;
const FPS = 30;

export const flutterEngineSection = {
  name: 'flutter',
  title: `Flutter engine with the fake harness: ${FRAMES} frames at ${WIDTH}x${HEIGHT}, ${FPS} fps`,
  description:
    'The fake `flutter` (test/fixtures/fake-flutter/flutter) writes a deterministic pattern frame by frame. ' +
    '"By hand" runs it with the same argv and then ffmpeg with the manifest arguments in the sandbox. ' +
    'Sequential is `runFlutterRender` with overlap off; overlapped starts ffmpeg on the growing frames file.',
  async run({ root, log }) {
    const { runFlutterRender } = await import(path.join(root, 'dist/core/engines/flutter/flutter-render.js'));
    const { resolveFfmpeg } = await import(path.join(root, 'dist/core/encode/resolve-ffmpeg.js'));
    const flutter = path.join(root, 'test/fixtures/fake-flutter/flutter');
    const ffmpeg = await resolveFfmpeg({ flag: null, env: process.env });

    const work = mkdtempSync(path.join(os.tmpdir(), 'fluvie-bench-flutter-'));
    try {
      const project = path.join(work, 'project');
      mkdirSync(path.join(project, 'test/render'), { recursive: true });
      writeFileSync(path.join(project, 'test/render/capture_harness_test.dart'), '// fake harness\n');
      const spec = path.join(work, 'bench.fluvie.json');
      writeFileSync(spec, JSON.stringify({ fluvieSpec: 1, size: { width: WIDTH, height: HEIGHT }, fps: FPS, scenes: [{ duration: `${FRAMES}f` }] }));

      log('by hand...');
      const sandbox = path.join(work, 'by-hand');
      mkdirSync(sandbox);
      const defines = [
        'test', '--no-pub', 'test/render/capture_harness_test.dart',
        '--dart-define=FLUVIE_RENDER_KEY=', `--dart-define=FLUVIE_RENDER_OUT_DIR=${sandbox}`,
        '--dart-define=FLUVIE_RENDER_QUALITY=high', '--dart-define=FLUVIE_RENDER_FORMAT=mp4', `--dart-define=FLUVIE_RENDER_SPEC=${spec}`,
      ];
      const capture = await timeCommand(flutter, defines, { cwd: project });
      const manifest = JSON.parse(readFileSync(path.join(sandbox, 'manifest.json'), 'utf8'));
      // Exactly the manifest's arguments, as fluvie-render runs them.
      const encode = await timeCommand(ffmpeg.path, manifest.ffmpegArgs, { cwd: sandbox });
      const byHand = capture.seconds + encode.seconds;

      const render = async (name, overlapEncode) => {
        log(`${name}...`);
        const request = {
          source: { kind: 'specFile', path: spec }, out: path.join(work, `${name}.mp4`), format: 'mp4', quality: 'high',
          aspect: null, posterTime: null, maxFrames: null, engine: 'flutter', allowUnsupported: false, strict: false,
          keepTemp: false, ffmpegPath: null, projectDir: project, flutterPath: flutter,
        };
        const deps = { env: process.env, cwd: work, signal: new AbortController().signal, emit: () => {}, ffmpeg };
        const started = performance.now();
        await runFlutterRender(request, deps, { overlapEncode });
        return (performance.now() - started) / 1000;
      };
      const sequential = await render('sequential', false);
      const overlapped = await render('overlapped', true);

      const same = readFileSync(path.join(work, 'sequential.mp4')).equals(readFileSync(path.join(work, 'overlapped.mp4')));
      return {
        rows: [
          ['Capture by hand (fake harness)', formatSeconds(capture.seconds)],
          ['ffmpeg by hand on the manifest arguments', formatSeconds(encode.seconds)],
          ['By hand, total', formatSeconds(byHand)],
          ['fluvie-render, sequential', formatSeconds(sequential)],
          ['Sequential / by hand (target <= 1.05x)', formatRatio(sequential / byHand)],
          ['fluvie-render, overlapped', formatSeconds(overlapped)],
          ['Overlap gain (sequential / overlapped)', formatRatio(sequential / overlapped)],
          ['Overlapped output identical to sequential', same ? 'yes' : 'no'],
        ],
      };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

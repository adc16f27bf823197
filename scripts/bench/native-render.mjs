// Native engine against ffmpeg alone: a 10 s, 1080x1920, 30 fps spec is rasterised without encoding,
// encoded end to end, and its frames (written to a raw file first) are encoded by ffmpeg alone with
// the same arguments. The ratios are the targets the project tracks.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { formatRatio, formatSeconds, timeCommand } from './measure.mjs';

const RENDER_DESCRIPTION =
  'Raster-only draws and reads back every frame without encoding, through the same frame source the render uses. ' +
  'End to end runs the whole render in a child process (spec to mp4, quality high). ffmpeg alone encodes the same ' +
  'raw frames from a file with the same arguments.';

export const nativeRenderSection = createNativeSection({
  name: 'native',
  title: 'Native engine: 10 s at 1080x1920, 30 fps',
  specFile: 'examples/bench.fluvie.json',
  contents: 'gradient and radial backgrounds, an image, text, a circle, nine animations, a crossFade',
  maxEndToEndRatio: 1.15,
});

export const nativeHeavySection = createNativeSection({
  name: 'native-heavy',
  title: 'Native engine, heavy spec: 10 s at 1080x1920, 30 fps',
  specFile: 'examples/heavy.fluvie.json',
  contents: 'three charts, syntax-highlighted code, a terminal, Markdown, thirteen text elements, grain, vignette and blur effects, two wipes',
  maxEndToEndRatio: 1.25,
});

/**
 * Builds a section that measures one spec. Targets: end to end at most `maxEndToEndRatio` times
 * ffmpeg alone, raster throughput at least 4x the encoder's, peak RSS at most 400 MB.
 */
function createNativeSection({ name, title, specFile, contents, maxEndToEndRatio }) {
  return {
    name,
    title,
    description: `Spec \`${specFile}\` (${contents}). ${RENDER_DESCRIPTION}`,
    async run({ root, log }) {
      const dist = (file) => path.join(root, 'dist', file);
      const { loadSpecFile } = await import(dist('spec/index.js'));
      const { planRender } = await import(dist('core/pipeline/plan.js'));
      const { createNativeEngine } = await import(dist('core/engines/native/native-engine.js'));
      const { buildEncodeArgs } = await import(dist('core/encode/ffmpeg-args.js'));
      const { resolveFfmpeg } = await import(dist('core/encode/resolve-ffmpeg.js'));

      const work = await mkdtemp(path.join(os.tmpdir(), 'fluvie-bench-'));
      try {
        const specPath = path.join(root, specFile);
        const { spec, baseDir } = await loadSpecFile(specPath, { strict: false, format: 'mp4' });
        const plan = planRender(spec, { aspect: null, maxFrames: null, posterTime: null });
        const ffmpeg = await resolveFfmpeg({ flag: null, env: process.env });
        const signal = new AbortController().signal;
        const emit = () => {};

        log('raster only...');
        const rasterStream = await createNativeEngine().capture({ spec, plan, baseDir, allowUnsupported: false }, { signal, emit });
        const rasterStart = performance.now();
        let frames = 0;
        for await (const frame of rasterStream.frames(signal)) frames += frame.length > 0 ? 1 : 0;
        const rasterSeconds = (performance.now() - rasterStart) / 1000;
        await rasterStream.close();

        log('writing raw frames for ffmpeg alone...');
        const rawFile = path.join(work, 'frames.rgba');
        const fileStream = await createNativeEngine().capture({ spec, plan, baseDir, allowUnsupported: false }, { signal, emit });
        const sink = createWriteStream(rawFile);
        for await (const frame of fileStream.frames(signal)) {
          if (!sink.write(frame)) await once(sink, 'drain');
        }
        sink.end();
        await once(sink, 'finish');
        await fileStream.close();

        log('ffmpeg alone...');
        const args = buildEncodeArgs({
          format: 'mp4', width: plan.width, height: plan.height, fps: plan.fps, quality: 'high', gifFps: 15,
          input: rawFile, output: path.join(work, 'alone.mp4'),
        });
        const alone = await timeCommand(ffmpeg.path, ['-v', 'error', ...args]);

        log('end to end...');
        const child = await timeCommand(process.execPath, [
          path.join(root, 'scripts/bench/render-child.mjs'), specPath, path.join(work, 'e2e.mp4'),
        ]);
        const childReport = JSON.parse(child.stdout.trim().split('\n').pop());

        const rasterFps = frames / rasterSeconds;
        const encoderFps = frames / alone.seconds;
        const endToEndRatio = child.seconds / alone.seconds;
        const rasterRatio = rasterFps / encoderFps;
        const peakMb = childReport.maxRssKb / 1024;
        return {
          rows: [
            ['Frames', String(frames)],
            ['Raster only', `${formatSeconds(rasterSeconds)} (${rasterFps.toFixed(1)} frames/s)`],
            ['ffmpeg alone on the same frames', `${formatSeconds(alone.seconds)} (${encoderFps.toFixed(1)} frames/s)`],
            ['End to end', formatSeconds(child.seconds)],
            ['End to end / ffmpeg alone', formatRatio(endToEndRatio)],
            ['Raster throughput / encoder throughput', formatRatio(rasterRatio)],
            ['Peak RSS of the render process', `${peakMb.toFixed(0)} MB`],
          ],
          targets: [
            { name: `End to end <= ${maxEndToEndRatio}x ffmpeg alone`, measured: formatRatio(endToEndRatio), met: endToEndRatio <= maxEndToEndRatio },
            { name: 'Raster throughput >= 4x the encoder', measured: formatRatio(rasterRatio), met: rasterRatio >= 4 },
            { name: 'Peak RSS <= 400 MB', measured: `${peakMb.toFixed(0)} MB`, met: peakMb <= 400 },
          ],
        };
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
  };
}

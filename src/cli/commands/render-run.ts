/**
 * Implementation of `fluvie-render render`: turns flags into a RenderRequest, picks the progress
 * reporter for the output mode, and runs the render.
 */
import path from 'node:path';
import { FluvieError, toFluvieError } from '../../core/errors.js';
import { defaultOutputPath } from '../../core/pipeline/output-paths.js';
import type { RenderEvent } from '../../core/pipeline/events.js';
import type { Aspect, EngineChoice, Quality, RenderRequest } from '../../core/pipeline/render-request.js';
import { runRender } from '../../core/pipeline/run-render.js';
import { TIME_FORMS, tryParseTime } from '../../spec/time.js';
import type { CliContext } from '../context.js';
import { resolveOutputFormat } from '../output-format.js';
import { createReporter } from '../ui/create-reporter.js';
import type { RenderFlags } from './render.js';

export async function runRenderCommand(key: string | null, flags: RenderFlags, context: CliContext): Promise<void> {
  const reporter = await createReporter(context, { json: flags.json === true, verbose: flags.verbose === true });
  try {
    const request = buildRenderRequest(key, flags, context.cwd);
    for (const warning of ignoredFlagWarnings(request, flags.qualityFromCommandLine === true)) reporter.onEvent(warning);
    const result = await runRender(request, {
      env: context.env,
      cwd: context.cwd,
      signal: context.signal,
      emit: (event) => reporter.onEvent(event),
    });
    reporter.finish(result);
  } catch (error: unknown) {
    const failure = toFluvieError(error);
    reporter.fail(failure);
    if (flags.json === true) context.errorReported = true;
    throw failure;
  } finally {
    await reporter.close();
  }
}

/**
 * Returns a `warning` event for each flag the request sets but the render will not use. Only
 * `--quality` is known here; `--keep-temp` depends on the engine and is checked after the engine
 * is chosen.
 */
export function ignoredFlagWarnings(request: RenderRequest, qualityFromCommandLine: boolean): RenderEvent[] {
  if (!qualityFromCommandLine || request.format === 'mp4') return [];
  return [
    {
      type: 'warning',
      code: 'ignored_flag',
      message: `--quality ${request.quality} has no effect on ${request.format} output: quality sets the x264 CRF of mp4 only. Drop the flag or use --format mp4.`,
    },
  ];
}

/** Resolves flags into a complete request; usage mistakes raise `usage` errors (exit 64). */
export function buildRenderRequest(key: string | null, flags: RenderFlags, cwd: string): RenderRequest {
  if (key !== null && flags.spec !== undefined) {
    throw new FluvieError('usage', `Give either a composition key ("${key}") or --spec, not both.`);
  }
  if (key === null && flags.spec === undefined) {
    throw new FluvieError('usage', 'Nothing to render: pass --spec <file.fluvie.json> or a composition key. See fluvie-render render --help.');
  }
  if (flags.poster !== undefined && tryParseTime(flags.poster) === null) {
    throw new FluvieError('usage', `Invalid --poster time "${flags.poster}": use ${TIME_FORMS}, for example 1.5s or 30f.`);
  }
  const format = resolveOutputFormat(flags.format, flags.out);
  let out: string;
  if (flags.out !== undefined) {
    out = path.resolve(cwd, flags.out);
  } else if (flags.spec !== undefined) {
    out = defaultOutputPath(flags.spec, format, cwd);
  } else {
    throw new FluvieError('usage', `Composition renders need --out <file> (for example --out ${key ?? 'video'}.mp4).`);
  }
  return {
    source: flags.spec !== undefined ? { kind: 'specFile', path: path.resolve(cwd, flags.spec) } : { kind: 'key', key: key ?? '' },
    out,
    format,
    quality: flags.quality as Quality,
    aspect: (flags.aspect as Aspect | undefined) ?? null,
    posterTime: flags.poster ?? null,
    maxFrames: flags.frames ?? null,
    engine: flags.engine as EngineChoice,
    allowUnsupported: flags.allowUnsupported === true,
    allowNetwork: flags.allowNetwork === true,
    strict: flags.strict === true,
    keepTemp: flags.keepTemp === true,
    ffmpegPath: flags.ffmpeg ?? null,
    projectDir: flags.project === undefined ? null : path.resolve(cwd, flags.project),
    flutterPath: flags.flutter ?? null,
  };
}

/**
 * Overlaps encoding with capture: ffmpeg starts with the predicted harness arguments, re-targeted to
 * read stdin, and a tailing reader feeds it `frames.rgba` while the harness is still appending
 * frames. ffmpeg runs in a `stream/` subfolder of the sandbox so a discarded attempt cannot mix
 * with the files of a sequential encode.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg } from '../../encode/run-ffmpeg.js';
import { retargetInputToStdin } from './harness-ffmpeg-args.js';
import { tailFile } from './tail-file.js';

export interface StreamEncodeOptions {
  readonly ffmpegPath: string;
  readonly sandbox: string;
  /** The `ffmpegArgs` the manifest is expected to carry. */
  readonly predictedArgs: readonly string[];
  readonly framesFileName: string;
  readonly signal: AbortSignal;
  readonly onStderrLine?: (line: string) => void;
}

export interface StreamEncode {
  /** Folder ffmpeg writes its output into. */
  readonly dir: string;
  readonly predictedArgs: readonly string[];
  /** Tells the reader the frames file is complete and waits for ffmpeg to finish. */
  complete(): Promise<void>;
  /** Stops ffmpeg, waits for it and deletes its output. Never throws. */
  cancel(): Promise<void>;
}

/** Starts ffmpeg on the growing frames file; returns null when the arguments have no frames input. */
export async function startStreamEncode(options: StreamEncodeOptions): Promise<StreamEncode | null> {
  const args = retargetInputToStdin(options.predictedArgs, options.framesFileName);
  if (args === null) return null;

  const dir = path.join(options.sandbox, 'stream');
  await mkdir(dir);
  const framesPath = path.join(options.sandbox, options.framesFileName);
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort(options.signal.reason);
  options.signal.addEventListener('abort', onOuterAbort, { once: true });

  let finalSize: number | null = null;
  const running = runFfmpeg({
    ffmpegPath: options.ffmpegPath,
    args,
    cwd: dir,
    signal: controller.signal,
    stdin: tailFile(framesPath, { finalSize: () => finalSize, signal: controller.signal }),
    ...(options.onStderrLine ? { onStderrLine: options.onStderrLine } : {}),
  }).finally(() => options.signal.removeEventListener('abort', onOuterAbort));
  // The failure is reported by complete(); until then nobody awaits the promise.
  running.catch(() => {});

  return {
    dir,
    predictedArgs: options.predictedArgs,
    async complete() {
      finalSize = (await stat(framesPath)).size;
      await running;
    },
    async cancel() {
      controller.abort();
      await running.catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Returns true when the manifest's arguments are exactly the predicted ones. */
export function matchesPrediction(manifestArgs: readonly string[], predictedArgs: readonly string[]): boolean {
  return manifestArgs.length === predictedArgs.length && manifestArgs.every((token, index) => token === predictedArgs[index]);
}

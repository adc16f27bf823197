/**
 * The join job of a chunked render, run once every chunk job has completed. It renders the whole
 * video's audio once, downloads the chunk files and joins them with stream copy. The joined mp4 is
 * stored under the record's `joinedKey`, where the worker that runs the render job picks it up.
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FluvieError } from '../../../core/errors.js';
import { resolveFfmpeg } from '../../../core/encode/resolve-ffmpeg.js';
import { loadRenderSpec } from '../../../core/pipeline/load-render-spec.js';
import { planRender } from '../../../core/pipeline/plan.js';
import { planWithAudio } from '../../../core/pipeline/plan-with-audio.js';
import type { RenderRequest } from '../../../core/pipeline/render-request.js';
import type { Storage } from '../../storage/storage.js';
import type { ChunkedRenderRecord } from './chunk-store.js';
import { joinChunks } from './join-chunks.js';
import { renderChunkAudio } from './render-chunk-audio.js';

export interface JoinJobDeps {
  storage: Storage;
  renderEnv: Readonly<Record<string, string | undefined>>;
  ffmpegPath: string | null;
  /** Empty private folder for the downloads and the output. */
  workdir: string;
  signal: AbortSignal;
}

/**
 * Joins the chunks of `record` and stores the result; returns the joined file's size in bytes.
 * @throws FluvieError `internal` when a chunk file is missing from storage, and the errors of the
 * audio render and the join.
 */
export async function runJoinJob(record: ChunkedRenderRecord, deps: JoinJobDeps): Promise<number> {
  const { workdir, signal } = deps;
  const request: RenderRequest = {
    source: { kind: 'spec', value: record.spec, baseDir: workdir }, out: path.join(workdir, 'joined.mp4'), format: 'mp4',
    quality: record.quality, aspect: record.aspect, posterTime: null, maxFrames: null, engine: 'native', allowUnsupported: false,
    strict: false, keepTemp: false, ffmpegPath: deps.ffmpegPath, projectDir: null, flutterPath: null,
  };
  const renderDeps = { env: deps.renderEnv, cwd: workdir, signal, emit: () => undefined };
  const { spec, baseDir } = await loadRenderSpec(request, renderDeps);
  const ffmpeg = await resolveFfmpeg({ flag: deps.ffmpegPath, env: deps.renderEnv });
  // Planned with the music analysis, as a whole render is, so beat-triggered tracks land on the same beats.
  const planOptions = { aspect: record.aspect, maxFrames: null, posterTime: null };
  const plan = await planWithAudio(spec, planRender(spec, planOptions), planOptions, { baseDir, ffmpeg, signal });

  const audio = await renderChunkAudio({ spec, plan, baseDir, ffmpeg, outPath: path.join(workdir, 'audio.m4a'), signal });
  const files = await Promise.all(record.chunkKeys.map((key, index) => download(deps.storage, key, path.join(workdir, `chunk-${index}.mp4`))));
  const chunks = files.map((file, index) => ({ file, frames: record.ranges[index]!.end - record.ranges[index]!.start }));
  const bytes = await joinChunks({ ffmpegPath: ffmpeg.path, chunks, fps: record.fps, outPath: request.out, audio, signal });

  await deps.storage.putFile(record.joinedKey, request.out, { contentType: 'video/mp4', visibility: 'private', expiresAtMs: record.expiresAtMs });
  return bytes;
}

/** Copies a stored object to `target`; returns `target`. */
export async function download(storage: Storage, key: string, target: string): Promise<string> {
  const body = await storage.openRead(key, null);
  if (body === null) throw new FluvieError('internal', `File ${key} of a chunked render is missing from storage.`);
  await pipeline(body.stream, createWriteStream(target));
  return target;
}

/**
 * A render function for workers that splits long native mp4 renders into chunks. It plans the
 * render as runRender would. When the video has more than `chunkFrames` frames, it queues one chunk
 * job per frame range, and the chunks render in parallel on every worker with a free chunk slot.
 * It then downloads the chunk files, joins them with stream copy and draws the poster itself.
 * Other renders go to the wrapped render function unchanged.
 *
 * NOTE: the native engine writes no audio track yet, so the join muxes none. A spec whose assets
 * are relative paths renders only where those paths resolve, as for any shared-queue render.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { FluvieError, throwIfAborted } from '../../../core/errors.js';
import { writePosterPng } from '../../../core/encode/encode-frames.js';
import { resolveFfmpeg } from '../../../core/encode/resolve-ffmpeg.js';
import { createNativeEngine } from '../../../core/engines/native/native-engine.js';
import { chooseEngine } from '../../../core/pipeline/choose-engine.js';
import { loadRenderSpec } from '../../../core/pipeline/load-render-spec.js';
import { posterPathFor } from '../../../core/pipeline/output-paths.js';
import { planRender } from '../../../core/pipeline/plan.js';
import type { RenderDeps } from '../../../core/pipeline/render-request.js';
import type { Queue } from '../../queue/queue.js';
import type { RenderFunction } from '../../queue/render-job.js';
import type { Storage } from '../../storage/storage.js';
import { planChunkRanges } from './chunk-ranges.js';
import { chunkIdOf, type ChunkStore } from './chunk-store.js';
import { joinChunks } from './join-chunks.js';

export interface ChunkedRenderDeps {
  /** The render function for everything that is not chunked (runRender). */
  base: RenderFunction;
  /** Frames per chunk; a video with more frames is chunked. */
  chunkFrames: number;
  /** The queue of chunk jobs, run by the chunk workers. */
  queue: Queue;
  chunks: ChunkStore;
  storage: Storage;
  /** Time between checks of the chunk records, in milliseconds (default 200). */
  pollMs?: number;
  /** Lifetime of the chunk files in storage, in milliseconds (default one day). */
  chunkTtlMs?: number;
}

export function createChunkedRender(deps: ChunkedRenderDeps): RenderFunction {
  return async function chunkedRender(request, renderDeps) {
    if (request.format !== 'mp4' || request.source.kind !== 'spec' || request.maxFrames !== null) return deps.base(request, renderDeps);
    const choice = await chooseEngine(request, renderDeps);
    if (choice.engine !== 'native') return deps.base(request, renderDeps);
    const { spec, baseDir } = await loadRenderSpec(request, renderDeps);
    const posterTime = request.posterTime ?? spec.poster ?? null;
    const plan = planRender(spec, { aspect: request.aspect, maxFrames: null, posterTime });
    if (plan.totalFrames <= deps.chunkFrames) return deps.base(request, renderDeps);

    // The job processor renders each job in the work folder `<workRoot>/<jobId>`.
    const jobId = path.basename(renderDeps.cwd);
    const ranges = planChunkRanges(plan.totalFrames, deps.chunkFrames);
    const chunkIds = ranges.map((_, index) => chunkIdOf(jobId, index));
    const keys = chunkIds.map((id) => `${jobId}/chunks/${id}.mp4`);
    renderDeps.emit({ type: 'log', level: 'info', message: `Rendering ${plan.totalFrames} frames in ${ranges.length} chunks of up to ${deps.chunkFrames}` });
    renderDeps.emit({ type: 'start', engine: 'native', width: plan.width, height: plan.height, fps: plan.fps, totalFrames: plan.totalFrames, format: 'mp4', output: request.out });

    const expiresAtMs = Date.now() + (deps.chunkTtlMs ?? 86_400_000);
    let joined = false;
    try {
      for (const [index, range] of ranges.entries()) {
        await deps.chunks.put(chunkIds[index]!, {
          jobId, index, range, spec: request.source.value, quality: request.quality, aspect: request.aspect,
          storageKey: keys[index]!, expiresAtMs, status: { state: 'pending' },
        });
        await deps.queue.enqueue(chunkIds[index]!);
      }
      await waitForChunks(chunkIds, ranges.map((range) => range.end - range.start), plan.totalFrames, deps, renderDeps);

      const ffmpeg = await resolveFfmpeg({ flag: request.ffmpegPath, env: renderDeps.env });
      const local = await Promise.all(keys.map((key, index) => download(deps.storage, key, path.join(renderDeps.cwd, `chunk-${index}.mp4`))));
      const bytes = await joinChunks({ ffmpegPath: ffmpeg.path, chunks: local, outPath: request.out, audio: null, signal: renderDeps.signal });
      joined = true;

      let poster: string | null = null;
      if (plan.posterFrame !== null) {
        renderDeps.emit({ type: 'stage', stage: 'poster' });
        const stream = await createNativeEngine().capture({ spec, plan, baseDir, allowUnsupported: request.allowUnsupported, ffmpegPath: ffmpeg.path, ffprobePath: ffmpeg.ffprobePath }, { signal: renderDeps.signal, emit: renderDeps.emit });
        try {
          poster = posterPathFor(request.out);
          await writePosterPng({ ffmpeg, frame: await stream.renderFrame(plan.posterFrame), width: plan.width, height: plan.height, outPath: poster, signal: renderDeps.signal });
        } finally {
          await stream.close();
        }
      }
      return { output: request.out, bytes, frames: plan.totalFrames, durationSeconds: plan.totalFrames / plan.fps, poster, engine: 'native' };
    } finally {
      // After a failed chunk or an abort, the other chunks are useless, so they stop too.
      if (!joined) await Promise.all(chunkIds.map((id) => deps.queue.cancel(id).catch(() => 'unknown')));
      await Promise.all(keys.map((key) => deps.storage.delete(key).catch(() => false)));
      await deps.chunks.delete(chunkIds);
    }
  };
}

/** Polls the chunk records until all are done; reports progress in frames and throws on a failed chunk or an abort. */
async function waitForChunks(chunkIds: readonly string[], frames: readonly number[], totalFrames: number, deps: ChunkedRenderDeps, renderDeps: RenderDeps): Promise<void> {
  let reported = -1;
  for (;;) {
    throwIfAborted(renderDeps.signal);
    const records = await Promise.all(chunkIds.map((id) => deps.chunks.get(id)));
    let completed = 0;
    for (const [index, record] of records.entries()) {
      if (record === null) throw new FluvieError('internal', `Chunk record ${chunkIds[index]} is missing before the chunk finished; it may have expired. Retry the render.`);
      if (record.status.state === 'failed') throw new FluvieError('capture_failed', `Chunk ${index + 1} of ${chunkIds.length} failed: ${record.status.error}`);
      if (record.status.state === 'done') completed += frames[index] ?? 0;
    }
    if (completed !== reported) {
      reported = completed;
      renderDeps.emit({ type: 'progress', stage: 'capture', completed, total: totalFrames });
    }
    if (completed === totalFrames) return;
    await new Promise((resolve) => setTimeout(resolve, deps.pollMs ?? 200));
  }
}

async function download(storage: Storage, key: string, target: string): Promise<string> {
  const body = await storage.openRead(key, null);
  if (body === null) throw new FluvieError('internal', `Chunk file ${key} is missing from storage.`);
  await pipeline(body.stream, createWriteStream(target));
  return target;
}


/**
 * A render function for workers that splits long native mp4 renders into chunks. It plans the
 * render as runRender would. When {@link planChunks} gives chunks (the video is longer than one
 * chunk and at least two workers serve the chunk queue), it writes the render's record and adds a
 * BullMQ flow: one chunk job per frame range and a parent join job that builds the audio and joins
 * the chunks once all have completed (see chunk-flow.ts). It then waits for the join, downloads the
 * joined file and draws the poster itself. Other renders go to the wrapped render function unchanged.
 *
 * NOTE: a spec whose media are relative paths renders only where those paths resolve, as for any
 * shared-queue render: chunk and join jobs resolve them against their own empty work folder.
 */
import path from 'node:path';
import { FluvieError, throwIfAborted } from '../../../core/errors.js';
import { writePosterPng } from '../../../core/encode/encode-frames.js';
import { resolveFfmpeg } from '../../../core/encode/resolve-ffmpeg.js';
import { createNativeEngine } from '../../../core/engines/native/native-engine.js';
import { chooseEngine } from '../../../core/pipeline/choose-engine.js';
import { loadRenderSpec } from '../../../core/pipeline/load-render-spec.js';
import { posterPathFor } from '../../../core/pipeline/output-paths.js';
import { planRender } from '../../../core/pipeline/plan.js';
import { planWithAudio } from '../../../core/pipeline/plan-with-audio.js';
import type { RenderDeps } from '../../../core/pipeline/render-request.js';
import type { RenderFunction } from '../../queue/render-job.js';
import type { Storage } from '../../storage/storage.js';
import type { ChunkFlows } from './chunk-flow.js';
import { planChunks, type FrameRange } from './chunk-ranges.js';
import { chunkIdOf, joinIdOf, type ChunkStore } from './chunk-store.js';
import { download } from './join-job.js';

export interface ChunkedRenderDeps {
  /** The render function for everything that is not chunked (runRender). */
  base: RenderFunction;
  /** CHUNK_FRAMES: frames per chunk, 0 for never, or null for about 10 s of video. */
  chunkFrames: number | null;
  flows: ChunkFlows;
  chunks: ChunkStore;
  storage: Storage;
  /** Runs of each chunk job and of the join job (at least 1). */
  attempts: number;
  /** Delay before a failed chunk runs again, in milliseconds. It doubles with each retry. */
  retryDelayMs: number;
  /** Time between checks of the flow, in milliseconds (default 200). */
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
    // The job processor renders each job in the work folder `<workRoot>/<jobId>`.
    const jobId = path.basename(renderDeps.cwd);
    // A render job that runs again after its worker stopped finds the record of the first run and
    // waits for that flow, whatever the worker count is now, so no finished chunk renders again.
    const previous = await deps.chunks.get(jobId);
    const resumed = previous !== null && previous.fps === plan.fps && previous.ranges.at(-1)?.end === plan.totalFrames;
    const workers = await deps.flows.workerCount();
    const ranges = resumed ? previous.ranges : planChunks({ chunkFrames: deps.chunkFrames, totalFrames: plan.totalFrames, fps: plan.fps, workers });
    if (ranges === null) return deps.base(request, renderDeps);

    const flow = { joinId: joinIdOf(jobId), chunkIds: ranges.map((_, index) => chunkIdOf(jobId, index)) };
    const chunkKeys = flow.chunkIds.map((id) => `${jobId}/chunks/${id}.mp4`);
    const joinedKey = `${jobId}/chunks/joined.mp4`;
    const action = resumed ? 'Resuming the chunked render of' : 'Rendering';
    renderDeps.emit({ type: 'log', level: 'info', message: `${action} ${plan.totalFrames} frames in ${ranges.length} chunks on ${workers} workers` });
    renderDeps.emit({ type: 'start', engine: 'native', width: plan.width, height: plan.height, fps: plan.fps, totalFrames: plan.totalFrames, format: 'mp4', output: request.out });

    let completed = false;
    try {
      if (!resumed) {
        await deps.chunks.put({
          jobId, spec: request.source.value, quality: request.quality, aspect: request.aspect, ranges, fps: plan.fps,
          chunkKeys, joinedKey, expiresAtMs: Date.now() + (deps.chunkTtlMs ?? 86_400_000),
        });
      }
      // An existing flow of the same job is kept (see ChunkFlows.add), so a resumed render adds nothing.
      await deps.flows.add({ ...flow, attempts: deps.attempts, backoffMs: deps.retryDelayMs });
      await waitForJoin(flow, ranges, plan.totalFrames, deps, renderDeps);
      completed = true;

      await download(deps.storage, joinedKey, request.out);
      const bytes = (await deps.storage.stat(joinedKey))?.bytes ?? 0;
      let poster: string | null = null;
      if (plan.posterFrame !== null) {
        renderDeps.emit({ type: 'stage', stage: 'poster' });
        const ffmpeg = await resolveFfmpeg({ flag: request.ffmpegPath, env: renderDeps.env });
        const posterPlan = await planWithAudio(spec, plan, { aspect: request.aspect, maxFrames: null, posterTime }, { baseDir, ffmpeg, signal: renderDeps.signal });
        const stream = await createNativeEngine().capture({ spec, plan: posterPlan, baseDir, allowUnsupported: request.allowUnsupported, ffmpegPath: ffmpeg.path, ffprobePath: ffmpeg.ffprobePath }, { signal: renderDeps.signal, emit: renderDeps.emit });
        try {
          poster = posterPathFor(request.out);
          await writePosterPng({ ffmpeg, frame: await stream.renderFrame(plan.posterFrame), width: plan.width, height: plan.height, outPath: poster, signal: renderDeps.signal });
        } finally {
          await stream.close();
        }
      }
      return { output: request.out, bytes, frames: plan.totalFrames, durationSeconds: plan.totalFrames / plan.fps, poster, engine: 'native' };
    } finally {
      // After a failed chunk or an abort the other chunks are useless, so they stop too.
      await (completed ? deps.flows.remove(flow) : deps.flows.cancel(flow)).catch(() => undefined);
      await Promise.all([...chunkKeys, joinedKey].map((key) => deps.storage.delete(key).catch(() => false)));
      await deps.chunks.delete(jobId);
    }
  };
}

/** Polls the flow until the join job completed. Reports progress in frames, and throws on a failed flow or an abort. */
async function waitForJoin(flow: { joinId: string; chunkIds: string[] }, ranges: readonly FrameRange[], totalFrames: number, deps: ChunkedRenderDeps, renderDeps: RenderDeps): Promise<void> {
  let reported = -1;
  for (;;) {
    throwIfAborted(renderDeps.signal);
    const state = await deps.flows.state(flow);
    if (state.state === 'completed') return;
    if (state.state === 'missing') throw new FluvieError('internal', `Join job ${flow.joinId} of a chunked render is missing from the chunk queue; retry the render.`);
    if (state.state === 'failed') throw flowFailure(state, flow.chunkIds, ranges);

    const done = state.completedChunkIds.reduce((sum, id) => {
      const range = ranges[flow.chunkIds.indexOf(id)];
      return sum + (range === undefined ? 0 : range.end - range.start);
    }, 0);
    if (done !== reported) {
      reported = done;
      renderDeps.emit({ type: 'progress', stage: 'capture', completed: done, total: totalFrames });
    }
    await new Promise((resolve) => setTimeout(resolve, deps.pollMs ?? 200));
  }
}

function flowFailure(state: { chunkId: string | null; attemptsMade: number; reason: string }, chunkIds: readonly string[], ranges: readonly FrameRange[]): FluvieError {
  const runs = `${state.attemptsMade} run${state.attemptsMade === 1 ? '' : 's'}`;
  if (state.chunkId === null) return new FluvieError('ffmpeg_failed', `Joining the chunks failed after ${runs}: ${state.reason}`);
  const index = chunkIds.indexOf(state.chunkId);
  const range = ranges[index];
  const frames = range === undefined ? '' : ` (frames ${range.start} to ${range.end - 1})`;
  return new FluvieError('capture_failed', `Chunk ${index + 1} of ${chunkIds.length}${frames} failed after ${runs}: ${state.reason}`);
}

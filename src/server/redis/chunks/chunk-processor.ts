/**
 * Runs the jobs of a chunked render's flow on a worker. A chunk job renders its frame range into a
 * private work folder and stores the file under the record's chunk key. The join job (the flow's
 * parent, which BullMQ starts once every chunk job completed) builds the audio and joins the chunks.
 * A failed run throws, so BullMQ runs that job alone again after its backoff. A worker killed
 * mid-chunk leaves the chunk to BullMQ's stalled-job check, so only that chunk runs again, on
 * another worker.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { FluvieError, throwIfAborted, toFluvieError } from '../../../core/errors.js';
import { createFolders } from '../../../core/fs/create-folders.js';
import type { RenderRequest } from '../../../core/pipeline/render-request.js';
import type { Logger } from '../../logger.js';
import type { JobProcessor } from '../../queue/queue.js';
import type { Storage } from '../../storage/storage.js';
import { parseFlowJobId, type ChunkedRenderRecord, type ChunkStore } from './chunk-store.js';
import { runJoinJob } from './join-job.js';
import { renderFrameRange } from './render-frame-range.js';

export interface ChunkProcessorDeps {
  chunks: ChunkStore;
  storage: Storage;
  logger: Logger;
  /** Parent of the per-job work folders. */
  workRoot: string;
  renderEnv: Readonly<Record<string, string | undefined>>;
  ffmpegPath: string | null;
}

export function createChunkProcessor(deps: ChunkProcessorDeps): JobProcessor {
  return async function processFlowJob(id, signal) {
    const parsed = parseFlowJobId(id);
    const log = deps.logger.child({ jobId: parsed?.jobId, chunkId: id });
    const record = parsed === null ? null : await deps.chunks.get(parsed.jobId);
    // The render that added the job has ended and removed its record, so the job has nothing to do.
    if (parsed === null || record === null) {
      log.warn('chunk job skipped: its chunked render record is gone');
      return;
    }

    const workdir = path.join(deps.workRoot, id);
    try {
      // A job of a canceled render starts with its signal aborted, and does no work.
      throwIfAborted(signal);
      await rm(workdir, { recursive: true, force: true });
      await createFolders(workdir);
      if (parsed.kind === 'join') {
        log.info({ chunks: record.ranges.length }, 'join started');
        const bytes = await runJoinJob(record, { ...deps, workdir, signal });
        log.info({ bytes }, 'chunks joined');
      } else {
        await renderChunk(record, parsed.index, workdir, deps, signal, log);
      }
    } catch (error: unknown) {
      const reason = signal.aborted ? toFluvieError(signal.reason) : toFluvieError(error);
      // At shutdown the job is handed back to the queue, and another worker runs it.
      if (reason.code === 'unavailable') {
        log.info('chunk job handed back at worker shutdown');
        return;
      }
      if (reason.code === 'canceled') log.info('chunk job canceled');
      else log.warn({ err: error, code: reason.code }, `chunk job failed: ${reason.message}`);
      throw reason;
    } finally {
      await rm(workdir, { recursive: true, force: true }).catch((error: unknown) => log.warn({ err: error, workdir }, 'could not remove the chunk work folder'));
    }
  };
}

async function renderChunk(record: ChunkedRenderRecord, index: number, workdir: string, deps: ChunkProcessorDeps, signal: AbortSignal, log: Logger): Promise<void> {
  const range = record.ranges[index];
  const storageKey = record.chunkKeys[index];
  if (range === undefined || storageKey === undefined) throw new FluvieError('internal', `Chunk ${index} is not in the render's ${record.ranges.length} frame ranges.`);

  log.info({ start: range.start, end: range.end }, 'chunk started');
  const request: RenderRequest = {
    source: { kind: 'spec', value: record.spec, baseDir: workdir }, out: path.join(workdir, 'chunk.mp4'), format: 'mp4',
    quality: record.quality, aspect: record.aspect, posterTime: null, maxFrames: null, engine: 'native', allowUnsupported: false,
    strict: false, keepTemp: false, ffmpegPath: deps.ffmpegPath, projectDir: null, flutterPath: null,
  };
  const result = await renderFrameRange(request, range, { env: deps.renderEnv, cwd: workdir, signal, emit: () => undefined });
  await deps.storage.putFile(storageKey, result.outPath, { contentType: 'video/mp4', visibility: 'private', expiresAtMs: record.expiresAtMs });
  log.info({ bytes: result.bytes }, 'chunk rendered');
}

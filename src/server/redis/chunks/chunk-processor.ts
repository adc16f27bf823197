/**
 * Runs one chunk of a chunked render on a worker: reads its record, renders the frame range into a
 * private work folder, stores the file under the record's storage key, and records the outcome.
 * A worker killed mid-chunk leaves the chunk to BullMQ's stalled-job check, so only that chunk runs
 * again, on another worker.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { toFluvieError } from '../../../core/errors.js';
import type { RenderRequest } from '../../../core/pipeline/render-request.js';
import type { Logger } from '../../logger.js';
import type { JobProcessor } from '../../queue/queue.js';
import type { Storage } from '../../storage/storage.js';
import type { ChunkStore } from './chunk-store.js';
import { renderFrameRange } from './render-frame-range.js';

export interface ChunkProcessorDeps {
  chunks: ChunkStore;
  storage: Storage;
  logger: Logger;
  /** Parent of the per-chunk work folders. */
  workRoot: string;
  renderEnv: Readonly<Record<string, string | undefined>>;
  ffmpegPath: string | null;
}

export function createChunkProcessor(deps: ChunkProcessorDeps): JobProcessor {
  return async function processChunk(chunkId, signal) {
    const record = await deps.chunks.get(chunkId);
    if (record === null || record.status.state !== 'pending') return;

    const log = deps.logger.child({ jobId: record.jobId, chunkId });
    const workdir = path.join(deps.workRoot, chunkId);
    log.info({ start: record.range.start, end: record.range.end }, 'chunk started');
    try {
      await rm(workdir, { recursive: true, force: true });
      await mkdir(workdir, { recursive: true });
      const request: RenderRequest = {
        source: { kind: 'spec', value: record.spec, baseDir: workdir }, out: path.join(workdir, 'chunk.mp4'), format: 'mp4',
        quality: record.quality, aspect: record.aspect, posterTime: null, maxFrames: null, engine: 'native', allowUnsupported: false,
        strict: false, keepTemp: false, ffmpegPath: deps.ffmpegPath, projectDir: null, flutterPath: null,
      };
      const result = await renderFrameRange(request, record.range, { env: deps.renderEnv, cwd: workdir, signal, emit: () => undefined });
      await deps.storage.putFile(record.storageKey, result.outPath, { contentType: 'video/mp4', visibility: 'private', expiresAtMs: record.expiresAtMs });
      await deps.chunks.finish(chunkId, { state: 'done', bytes: result.bytes });
      log.info({ bytes: result.bytes }, 'chunk rendered');
    } catch (error: unknown) {
      const reason = signal.aborted ? toFluvieError(signal.reason) : toFluvieError(error);
      // At shutdown the chunk stays pending: the queue hands it back and another worker renders it.
      if (reason.code === 'unavailable') {
        log.info('chunk handed back at worker shutdown');
        return;
      }
      log.warn({ err: error, code: reason.code }, `chunk failed: ${reason.message}`);
      await deps.chunks.finish(chunkId, { state: 'failed', error: reason.message });
    } finally {
      await rm(workdir, { recursive: true, force: true }).catch((error: unknown) => log.warn({ err: error, workdir }, 'could not remove the chunk work folder'));
    }
  };
}

/**
 * The record of a chunked render in Redis, at `<prefix>chunked:<jobId>`: what its chunk jobs render
 * (the spec, the frame ranges) and where the chunk files and the joined file go in storage. The
 * worker that took the render job writes it before it adds the flow and deletes it when the render
 * ends. The jobs of the flow carry only their ids, which name the render job (see {@link parseFlowJobId}).
 */
import type { Redis } from 'ioredis';
import type { Aspect, Quality } from '../../../core/pipeline/render-request.js';
import type { FrameRange } from './chunk-ranges.js';

export interface ChunkedRenderRecord {
  jobId: string;
  spec: unknown;
  quality: Quality;
  aspect: Aspect | null;
  /** Frame ranges in playback order; chunk `i` renders `ranges[i]`. */
  ranges: FrameRange[];
  /** Frame rate of the video, in frames per second. */
  fps: number;
  /** Storage keys of the chunk files, one per range. */
  chunkKeys: string[];
  /** Storage key of the joined mp4 that the join job writes. */
  joinedKey: string;
  /** When the retention sweep may delete the chunk and joined files, in ms since the epoch. */
  expiresAtMs: number;
}

/** Records expire on their own after a day, in case the worker that wrote one never cleans up. */
const RECORD_TTL_SECONDS = 86_400;

export class ChunkStore {
  readonly #client: Redis;
  readonly #prefix: string;

  constructor(client: Redis, prefix: string) {
    this.#client = client;
    this.#prefix = prefix;
  }

  async put(record: ChunkedRenderRecord): Promise<void> {
    await this.#client.set(this.#key(record.jobId), JSON.stringify(record), 'EX', RECORD_TTL_SECONDS);
  }

  async get(jobId: string): Promise<ChunkedRenderRecord | null> {
    const value = await this.#client.get(this.#key(jobId));
    return value === null ? null : (JSON.parse(value) as ChunkedRenderRecord);
  }

  async delete(jobId: string): Promise<void> {
    await this.#client.del(this.#key(jobId));
  }

  #key(jobId: string): string {
    return `${this.#prefix}chunked:${jobId}`;
  }
}

/** Id of the chunk job that renders range `index` of render job `jobId`. */
export function chunkIdOf(jobId: string, index: number): string {
  return `${jobId}.chunk${String(index).padStart(4, '0')}`;
}

/** Id of the join job, the parent of the chunk jobs of render job `jobId`. */
export function joinIdOf(jobId: string): string {
  return `${jobId}.join`;
}

export type FlowJobId = { kind: 'chunk'; jobId: string; index: number } | { kind: 'join'; jobId: string };

/** Reads the render job id (and the chunk index) out of a chunk or join job id, or returns null for another id. */
export function parseFlowJobId(id: string): FlowJobId | null {
  const chunk = /^(.+)\.chunk(\d{4,})$/.exec(id);
  if (chunk !== null) return { kind: 'chunk', jobId: chunk[1]!, index: Number(chunk[2]) };
  const join = /^(.+)\.join$/.exec(id);
  if (join !== null) return { kind: 'join', jobId: join[1]! };
  return null;
}

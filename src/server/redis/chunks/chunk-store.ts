/**
 * Chunk records of chunked renders in Redis, at `<prefix>chunk:<chunkId>`: what a chunk worker
 * renders (the spec, the frame range, where the file goes in storage) and how it ended. The parent
 * render writes them before it queues the chunks and polls them until every chunk has ended.
 */
import type { Redis } from 'ioredis';
import type { Aspect, Quality } from '../../../core/pipeline/render-request.js';
import type { FrameRange } from './chunk-ranges.js';

export type ChunkStatus = { state: 'pending' } | { state: 'done'; bytes: number } | { state: 'failed'; error: string };

export interface ChunkRecord {
  jobId: string;
  index: number;
  range: FrameRange;
  spec: unknown;
  quality: Quality;
  aspect: Aspect | null;
  /** Storage key of the chunk file. */
  storageKey: string;
  expiresAtMs: number;
  status: ChunkStatus;
}

/** Chunk records expire on their own after a day, in case a parent never cleans up. */
const RECORD_TTL_SECONDS = 86_400;

export class ChunkStore {
  readonly #client: Redis;
  readonly #prefix: string;

  constructor(client: Redis, prefix: string) {
    this.#client = client;
    this.#prefix = prefix;
  }

  async put(chunkId: string, record: ChunkRecord): Promise<void> {
    await this.#client.set(this.#key(chunkId), JSON.stringify(record), 'EX', RECORD_TTL_SECONDS);
  }

  async get(chunkId: string): Promise<ChunkRecord | null> {
    const value = await this.#client.get(this.#key(chunkId));
    return value === null ? null : (JSON.parse(value) as ChunkRecord);
  }

  /** Sets the status of an existing record; returns false when the record is gone. */
  async finish(chunkId: string, status: ChunkStatus): Promise<boolean> {
    const record = await this.get(chunkId);
    if (record === null) return false;
    await this.put(chunkId, { ...record, status });
    return true;
  }

  async delete(chunkIds: readonly string[]): Promise<void> {
    if (chunkIds.length > 0) await this.#client.del(...chunkIds.map((id) => this.#key(id)));
  }

  #key(chunkId: string): string {
    return `${this.#prefix}chunk:${chunkId}`;
  }
}

/** Id of chunk `index` of job `jobId`; chunk ids share the job's id so logs and storage keys group them. */
export function chunkIdOf(jobId: string, index: number): string {
  return `${jobId}.chunk${String(index).padStart(4, '0')}`;
}

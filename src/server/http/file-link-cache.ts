/**
 * Remembers the download links of succeeded jobs, so polling `GET /v1/renders/{id}` does not stat
 * the video and poster in storage and sign their tokens on every request. Before this cache, those
 * two storage stats were the largest per-request cost of the status route (a CPU profile under
 * autocannon load).
 *
 * A cached entry is used only while all of these hold:
 * - the record still names the same video and poster keys and is not a tombstone;
 * - neither key was deleted through the storage returned by {@link invalidateOnDelete};
 * - the job has not expired (`now < expiresAt`), because the retention sweep, this process's or
 *   another's, deletes files only after that;
 * - the entry is younger than `maxAgeMs`, which bounds how long a file deleted outside the sweep
 *   (by hand, or by a bucket lifecycle rule) can still be shown.
 */
import type { FileLink } from '../jobs/job-view.js';
import type { Storage } from '../storage/storage.js';

export interface CachedFileLinks {
  video: FileLink | null;
  poster: FileLink | null;
}

interface Entry {
  videoKey: string | null;
  posterKey: string | null;
  links: CachedFileLinks;
  /** Epoch milliseconds after which the entry is not used. */
  validUntilMs: number;
}

export interface FileLinkCacheOptions {
  /** Maximum age of an entry, in milliseconds. */
  maxAgeMs: number;
  /** Entries kept; the oldest entry is dropped beyond this. */
  maxEntries: number;
}

export class FileLinkCache {
  readonly #entries = new Map<string, Entry>();
  /** Job id of each storage key named by an entry. */
  readonly #jobOfKey = new Map<string, string>();
  readonly #options: FileLinkCacheOptions;

  constructor(options: FileLinkCacheOptions) {
    this.#options = options;
  }

  /** Returns the cached links of the job, or null when there are none or they may be stale. */
  get(job: { id: string; videoKey: string | null; posterKey: string | null; expiresAtMs: number }, nowMs: number): CachedFileLinks | null {
    const entry = this.#entries.get(job.id);
    if (entry === undefined) return null;
    if (entry.videoKey !== job.videoKey || entry.posterKey !== job.posterKey || nowMs >= entry.validUntilMs) {
      this.delete(job.id);
      return null;
    }
    return entry.links;
  }

  set(job: { id: string; videoKey: string | null; posterKey: string | null; expiresAtMs: number }, links: CachedFileLinks, nowMs: number): void {
    this.delete(job.id);
    for (const key of [job.videoKey, job.posterKey]) if (key !== null) this.#jobOfKey.set(key, job.id);
    this.#entries.set(job.id, {
      videoKey: job.videoKey,
      posterKey: job.posterKey,
      links,
      validUntilMs: Math.min(job.expiresAtMs, nowMs + this.#options.maxAgeMs),
    });
    if (this.#entries.size > this.#options.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.delete(oldest.value);
    }
  }

  delete(id: string): void {
    const entry = this.#entries.get(id);
    if (entry === undefined) return;
    this.#entries.delete(id);
    for (const key of [entry.videoKey, entry.posterKey]) if (key !== null) this.#jobOfKey.delete(key);
  }

  /** Drops the entry that names this storage key, if any. */
  forgetKey(key: string): void {
    const id = this.#jobOfKey.get(key);
    if (id !== undefined) this.delete(id);
  }
}

/**
 * Returns `storage` with deletes that also drop the cached links of the deleted keys, so a file
 * deleted through this process is never shown as linked afterwards.
 */
export function invalidateOnDelete(storage: Storage, cache: FileLinkCache): Storage {
  return {
    backend: storage.backend,
    putFile: (key, sourcePath, metadata) => storage.putFile(key, sourcePath, metadata),
    stat: (key) => storage.stat(key),
    openRead: (key, range) => storage.openRead(key, range),
    async delete(key) {
      cache.forgetKey(key);
      const deleted = await storage.delete(key);
      cache.forgetKey(key);
      return deleted;
    },
    async deleteMany(keys) {
      for (const key of keys) cache.forgetKey(key);
      await storage.deleteMany(keys);
      for (const key of keys) cache.forgetKey(key);
    },
    list: (prefix) => storage.list(prefix),
    downloadRedirect: (object, ttlMs) => storage.downloadRedirect(object, ttlMs),
    checkReady: () => storage.checkReady(),
  };
}

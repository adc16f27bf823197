/**
 * {@link JobStore} that keeps each job as `<dir>/<id>.json`, written to a unique temporary name and
 * renamed into place, so a crash never leaves a half-written record. Updates of one job run one at a
 * time within this process, and records read or written are kept in memory, so status polling does
 * not touch the disk. The memory copies are frozen and `get` and `list` return them without a copy,
 * because a structured clone per status poll was a measurable share of the request's CPU time.
 *
 * NOTE: the memory copy assumes that this process is the only writer of the folder while it runs.
 * A `cleanup` run by another process on the same folder shows in `list()`, but `get()` keeps
 * returning a record it already holds. Several server processes need a shared store instead.
 */
import { randomBytes } from 'node:crypto';
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FluvieError } from '../../core/errors.js';
import { createFolders } from '../../core/fs/create-folders.js';
import { isJobId } from './job-id.js';
import type { JobRecord } from './job-record.js';
import type { JobMutation, JobStore } from './job-store.js';

export class FileJobStore implements JobStore {
  readonly #dir: string;
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #cache = new Map<string, JobRecord>();

  /** @param dir folder of the records, normally `<LOCAL_STORAGE_DIR>/.jobs` */
  constructor(dir: string) {
    this.#dir = path.resolve(dir);
  }

  async create(job: JobRecord): Promise<void> {
    await this.#withLock(job.id, async () => {
      if ((await this.#read(job.id)) !== null) throw new FluvieError('internal', `Job ${job.id} already exists in ${this.#dir}.`);
      await this.#write(job);
    });
  }

  async get(id: string): Promise<JobRecord | null> {
    if (!isJobId(id)) return null;
    return this.#cache.get(id) ?? (await this.#read(id));
  }

  async update(id: string, mutate: JobMutation): Promise<JobRecord | null> {
    if (!isJobId(id)) return null;
    return this.#withLock(id, async () => {
      const current = await this.#read(id);
      if (current === null) return null;
      const next = mutate(structuredClone(current));
      if (next === null) return structuredClone(current);
      await this.#write(next);
      return structuredClone(next);
    });
  }

  async delete(id: string): Promise<boolean> {
    if (!isJobId(id)) return false;
    return this.#withLock(id, async () => {
      const existed = (await this.#read(id)) !== null;
      await rm(this.#fileOf(id), { force: true });
      this.#cache.delete(id);
      return existed;
    });
  }

  async list(): Promise<JobRecord[]> {
    const names = await readdir(this.#dir).catch(() => [] as string[]);
    const ids = names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)).filter(isJobId);
    const jobs = await Promise.all(ids.map((id) => this.#read(id)));
    return jobs.filter((job): job is JobRecord => job !== null);
  }

  async findByIdempotencyKey(key: string): Promise<JobRecord | null> {
    // NOTE: a scan of every record; fine for thousands of jobs, a shared store should index keys.
    const jobs = await this.list();
    return jobs.find((job) => job.idempotencyKey === key) ?? null;
  }

  /** Reads the record from disk and refreshes the memory copy. */
  async #read(id: string): Promise<JobRecord | null> {
    const text = await readFile(this.#fileOf(id), 'utf8').catch(() => null);
    let job: JobRecord | null = null;
    try {
      job = text === null ? null : (JSON.parse(text) as JobRecord);
    } catch {
      job = null;
    }
    if (job === null) {
      this.#cache.delete(id);
      return null;
    }
    const frozen = deepFreeze(job);
    this.#cache.set(id, frozen);
    return frozen;
  }

  async #write(job: JobRecord): Promise<void> {
    await createFolders(this.#dir);
    const target = this.#fileOf(job.id);
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, JSON.stringify(job));
      await rename(temp, target);
      this.#cache.set(job.id, deepFreeze(structuredClone(job)));
    } finally {
      await rm(temp, { force: true });
    }
  }

  #fileOf(id: string): string {
    if (!isJobId(id)) throw new FluvieError('invalid_request', `Invalid job id ${JSON.stringify(id)}: ids look like rnd_<letters and digits>.`);
    return path.join(this.#dir, `${id}.json`);
  }

  /** Runs `task` after every earlier task for the same id has settled. */
  async #withLock<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(id) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.catch(() => undefined);
    this.#locks.set(id, settled);
    try {
      return await run;
    } finally {
      if (this.#locks.get(id) === settled) this.#locks.delete(id);
    }
  }
}

/** Freezes `value` and every object inside it, and returns it. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}

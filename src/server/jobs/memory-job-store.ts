/** {@link JobStore} in memory, for tests and for servers that need no restart survival. */
import { FluvieError } from '../../core/errors.js';
import type { JobRecord } from './job-record.js';
import type { JobMutation, JobStore } from './job-store.js';

export class MemoryJobStore implements JobStore {
  readonly #jobs = new Map<string, JobRecord>();

  async create(job: JobRecord): Promise<void> {
    if (this.#jobs.has(job.id)) throw new FluvieError('internal', `Job ${job.id} already exists.`);
    this.#jobs.set(job.id, structuredClone(job));
  }

  async get(id: string): Promise<JobRecord | null> {
    const job = this.#jobs.get(id);
    return job === undefined ? null : structuredClone(job);
  }

  async update(id: string, mutate: JobMutation): Promise<JobRecord | null> {
    const current = this.#jobs.get(id);
    if (current === undefined) return null;
    const next = mutate(structuredClone(current));
    if (next === null) return structuredClone(current);
    this.#jobs.set(id, structuredClone(next));
    return structuredClone(next);
  }

  async delete(id: string): Promise<boolean> {
    return this.#jobs.delete(id);
  }

  async list(): Promise<JobRecord[]> {
    return [...this.#jobs.values()].map((job) => structuredClone(job));
  }

  async findByIdempotencyKey(key: string): Promise<JobRecord | null> {
    const job = [...this.#jobs.values()].find((candidate) => candidate.idempotencyKey === key);
    return job === undefined ? null : structuredClone(job);
  }
}

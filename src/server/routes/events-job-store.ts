/** A {@link JobStore} wrapper that publishes every successful change to a {@link JobEventHub}. */
import type { JobRecord } from '../jobs/job-record.js';
import type { JobMutation, JobStore } from '../jobs/job-store.js';
import type { JobEventHub } from './events-hub.js';

/** Returns `store` with `create`, `update` and `delete` announcing the changed job id on `hub`. */
export function observeJobStore(store: JobStore, hub: JobEventHub): JobStore {
  return {
    async create(job: JobRecord) {
      await store.create(job);
      hub.publish(job.id);
    },
    get: (id) => store.get(id),
    async update(id: string, mutate: JobMutation) {
      const updated = await store.update(id, mutate);
      if (updated !== null) hub.publish(id);
      return updated;
    },
    async delete(id: string) {
      const existed = await store.delete(id);
      if (existed) hub.publish(id);
      return existed;
    },
    list: () => store.list(),
    findByIdempotencyKey: (key) => store.findByIdempotencyKey(key),
  };
}

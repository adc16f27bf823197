/**
 * Conformance suite of the `JobStore` interface. Every implementation runs it through
 * `describeJobStoreConformance(name, factory)`; the factory returns a fresh, empty store.
 */
import { describe, expect, it } from 'vitest';
import type { JobStore } from '../../src/server/jobs/job-store.js';
import { sampleJob } from './job-fixture.js';

export interface JobStoreFixture {
  store: JobStore;
  cleanup?: () => Promise<void>;
}

export function describeJobStoreConformance(name: string, create: () => Promise<JobStoreFixture>): void {
  describe(`JobStore conformance: ${name}`, () => {
    const withStore = (test: (store: JobStore) => Promise<void>) => async () => {
      const fixture = await create();
      try {
        await test(fixture.store);
      } finally {
        await fixture.cleanup?.();
      }
    };

    it('creates and reads a job', withStore(async (store) => {
      const job = sampleJob({ spec: { authored: true }, progress: { completed: 1, total: 2 } });
      await store.create(job);
      expect(await store.get(job.id)).toEqual(job);
    }));

    it('rejects a duplicate id', withStore(async (store) => {
      const job = sampleJob();
      await store.create(job);
      await expect(store.create(job)).rejects.toThrow();
    }));

    it('returns null for unknown ids', withStore(async (store) => {
      expect(await store.get('rnd_unknown')).toBeNull();
      expect(await store.get('../../etc/passwd')).toBeNull();
      expect(await store.update('rnd_unknown', (job) => job)).toBeNull();
      expect(await store.delete('rnd_unknown')).toBe(false);
    }));

    it('updates through a mutation', withStore(async (store) => {
      const job = sampleJob();
      await store.create(job);
      const updated = await store.update(job.id, (current) => ({ ...current, status: 'running', startedAtMs: 5 }));
      expect(updated).toMatchObject({ status: 'running', startedAtMs: 5 });
      expect(await store.get(job.id)).toMatchObject({ status: 'running', startedAtMs: 5 });
    }));

    it('keeps the record when a mutation returns null', withStore(async (store) => {
      const job = sampleJob();
      await store.create(job);
      expect(await store.update(job.id, () => null)).toEqual(job);
      expect(await store.get(job.id)).toEqual(job);
    }));

    it('loses no concurrent updates', withStore(async (store) => {
      const job = sampleJob({ progress: { completed: 0, total: 100 } });
      await store.create(job);
      await Promise.all(
        Array.from({ length: 40 }, () =>
          store.update(job.id, (current) => ({ ...current, progress: { completed: (current.progress?.completed ?? 0) + 1, total: 100 } })),
        ),
      );
      expect((await store.get(job.id))?.progress).toEqual({ completed: 40, total: 100 });
    }));

    it('lists and deletes jobs', withStore(async (store) => {
      const first = sampleJob();
      const second = sampleJob({ status: 'succeeded' });
      await store.create(first);
      await store.create(second);
      expect((await store.list()).map((job) => job.id).sort()).toEqual([first.id, second.id].sort());
      expect(await store.delete(first.id)).toBe(true);
      expect(await store.get(first.id)).toBeNull();
      expect((await store.list()).map((job) => job.id)).toEqual([second.id]);
    }));

    it('finds a job by idempotency key', withStore(async (store) => {
      const job = sampleJob({ idempotencyKey: 'order-42', requestHash: 'abc' });
      await store.create(sampleJob());
      await store.create(job);
      expect((await store.findByIdempotencyKey('order-42'))?.id).toBe(job.id);
      expect(await store.findByIdempotencyKey('order-43')).toBeNull();
      await store.delete(job.id);
      expect(await store.findByIdempotencyKey('order-42')).toBeNull();
    }));

    it('keeps records apart from changed reads', withStore(async (store) => {
      const job = sampleJob();
      await store.create(job);
      const read = await store.get(job.id);
      // A store may return a copy or a frozen record; changing either must not reach the store.
      try {
        read!.status = 'failed';
      } catch (error: unknown) {
        expect(error).toBeInstanceOf(TypeError);
      }
      expect((await store.get(job.id))?.status).toBe('queued');
      const listed = await store.list();
      try {
        listed[0]!.status = 'failed';
      } catch (error: unknown) {
        expect(error).toBeInstanceOf(TypeError);
      }
      expect((await store.get(job.id))?.status).toBe('queued');
    }));
  });
}

/**
 * Prometheus metrics of the server (prom-client): jobs by status, render duration, queue depth, and
 * HTTP requests by route and status. Job and queue gauges are read from the store and queue on each
 * scrape, so they stay right across restarts.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobRecord, JobStatus } from '../jobs/job-record.js';
import type { JobStore } from '../jobs/job-store.js';
import { isTombstone } from '../jobs/job-tombstone.js';
import type { QueueStats } from '../queue/queue.js';

const STATUSES: readonly JobStatus[] = ['queued', 'running', 'succeeded', 'failed', 'canceled'];

export interface ServerMetrics {
  registry: Registry;
  observeRequest(method: string, route: string, status: number): void;
  observeJobFinished(job: JobRecord): void;
}

export function createServerMetrics(sources: { jobs: JobStore; queueStats: () => QueueStats }): ServerMetrics {
  const registry = new Registry();

  new Gauge({
    name: 'fluvie_jobs',
    help: 'Render jobs in the job store, by status (tombstones of swept jobs excluded).',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = new Map<JobStatus, number>(STATUSES.map((status) => [status, 0]));
      for (const job of await sources.jobs.list()) {
        if (!isTombstone(job)) counts.set(job.status, (counts.get(job.status) ?? 0) + 1);
      }
      for (const [status, count] of counts) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'fluvie_queue_depth',
    help: 'Render jobs waiting in this process\'s queue.',
    registers: [registry],
    collect() {
      this.set(sources.queueStats().queued);
    },
  });
  new Gauge({
    name: 'fluvie_renders_running',
    help: 'Renders running in this process.',
    registers: [registry],
    collect() {
      this.set(sources.queueStats().running);
    },
  });
  const renderSeconds = new Histogram({
    name: 'fluvie_render_duration_seconds',
    help: 'Time from start to the terminal state of a render, by terminal status.',
    labelNames: ['status'],
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'fluvie_http_requests_total',
    help: 'HTTP responses sent, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });

  return {
    registry,
    observeRequest(method, route, status) {
      requests.inc({ method, route, status: String(status) });
    },
    observeJobFinished(job) {
      if (job.startedAtMs === null || job.finishedAtMs === null) return;
      renderSeconds.observe({ status: job.status }, (job.finishedAtMs - job.startedAtMs) / 1000);
    },
  };
}

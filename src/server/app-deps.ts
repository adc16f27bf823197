/** Everything `createApp` is built from; tests pass in-memory or fake parts. */
import type { ServerConfig } from '../config/server-config.js';
import type { Clock } from './clock.js';
import type { FileLinkCache } from './http/file-link-cache.js';
import type { SharedRateLimit } from './http/rate-limiter.js';
import type { JobStore } from './jobs/job-store.js';
import type { Logger } from './logger.js';
import type { ServerMetrics } from './metrics/server-metrics.js';
import type { Queue } from './queue/queue.js';
import type { JobEvents } from './routes/events-hub.js';
import type { SpecTools } from './spec-tools.js';
import type { Storage } from './storage/storage.js';

export interface AppDeps {
  config: ServerConfig;
  logger: Logger;
  jobs: JobStore;
  queue: Queue;
  storage: Storage;
  clock: Clock;
  specTools: SpecTools;
  /** Resolves when ffmpeg can be run; rejects with the reason otherwise (used by readiness). */
  checkFfmpeg: () => Promise<void>;
  /** Prometheus metrics served at `/metrics`; without them the route does not exist. */
  metrics?: ServerMetrics;
  /** Resolves while the shared queue's Redis replies; rejects with the reason otherwise (readiness). Absent for the in-process queue. */
  checkQueue?: () => Promise<void>;
  /** Limits of prompt and edit renders shared by all replicas (Redis); without it each process counts its own. */
  sharedRateLimiter?: SharedRateLimit;
  /** Wakes render event streams when a job changes; without it the streams poll the job store. */
  jobEvents?: JobEvents;
  /**
   * Download links reused across status polls of succeeded jobs. Pass it only together with a
   * `storage` wrapped by `invalidateOnDelete` for the same cache; without it every poll reads storage.
   */
  fileLinkCache?: FileLinkCache;
}

/** Hono environment of the app: per-request values set by the middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
  };
}

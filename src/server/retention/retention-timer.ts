/** Runs the retention sweep every `intervalMs` (0 disables it); one sweep at a time. */
import type { Clock } from '../clock.js';
import type { JobStore } from '../jobs/job-store.js';
import type { Logger } from '../logger.js';
import type { Storage } from '../storage/storage.js';
import { runRetentionSweep } from './retention-sweep.js';

export interface RetentionTimer {
  stop(): Promise<void>;
}

export interface RetentionTimerOptions {
  jobs: JobStore;
  storage: Storage;
  clock: Clock;
  logger: Logger;
  /** Time between sweeps in milliseconds; 0 disables the timer. */
  intervalMs: number;
  /** Age in milliseconds at which a tombstone is deleted (JOB_TOMBSTONE_TTL). */
  tombstoneTtlMs: number;
}

export function startRetentionTimer(options: RetentionTimerOptions): RetentionTimer {
  if (options.intervalMs <= 0) return { stop: async () => undefined };

  let running: Promise<void> = Promise.resolve();
  const sweep = (): void => {
    running = running.then(async () => {
      try {
        const report = await runRetentionSweep({ jobs: options.jobs, storage: options.storage, nowMs: options.clock.now(), dryRun: false, tombstoneTtlMs: options.tombstoneTtlMs });
        if (report.scanned > 0) options.logger.info({ report }, 'retention sweep finished');
      } catch (error: unknown) {
        options.logger.error({ err: error }, 'retention sweep failed; the next one runs on schedule');
      }
    });
  };
  const timer = setInterval(sweep, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

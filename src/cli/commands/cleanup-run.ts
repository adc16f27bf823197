/**
 * Implementation of `fluvie-render cleanup`: runs the retention sweep on the configured job store
 * (the local one, or Redis with QUEUE_BACKEND=redis) and the configured storage (LOCAL_STORAGE_DIR
 * or the S3 bucket), or on a running server with `--server`, and prints the report.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { detectCpuCount } from '../../config/cpu-count.js';
import { loadServerConfig } from '../../config/server-config.js';
import { readEnvValue } from '../../config/env-values.js';
import { FluvieError } from '../../core/errors.js';
import { FileJobStore } from '../../server/jobs/file-job-store.js';
import { createSilentLogger } from '../../server/logger.js';
import { openRedisJobStore } from '../../server/redis/redis-backend.js';
import { runRemoteCleanup } from '../../server/retention/remote-cleanup.js';
import { runRetentionSweep, type CleanupReport } from '../../server/retention/retention-sweep.js';
import { LocalStorage } from '../../server/storage/local-storage.js';
import { openS3Storage } from '../../server/storage/s3-startup.js';
import type { CliContext } from '../context.js';
import type { CleanupFlags } from './cleanup.js';
import { resolveServerEnv } from './server-env.js';

export async function runCleanupCommand(flags: CleanupFlags, context: CliContext): Promise<void> {
  const env = await resolveServerEnv(context, flags.envFile, {});
  const dryRun = flags.dryRun === true;

  const report = flags.server !== undefined ? await cleanRemote(flags.server, flags.token ?? readEnvValue(env['CLEANUP_TOKEN']), dryRun, context) : await cleanLocal(env, dryRun, context);

  context.stdout.write(flags.json === true ? `${JSON.stringify(report)}\n` : formatReport(report));
}

async function cleanRemote(server: string, token: string | undefined, dryRun: boolean, context: CliContext): Promise<CleanupReport> {
  if (token === undefined) throw new FluvieError('usage', 'cleanup --server needs the server\'s cleanup token: pass --token <token> or set CLEANUP_TOKEN.');
  return runRemoteCleanup({ server, token, dryRun, signal: context.signal });
}

async function cleanLocal(env: Record<string, string | undefined>, dryRun: boolean, context: CliContext): Promise<CleanupReport> {
  const config = loadServerConfig(env, { cpuCount: detectCpuCount(), requireTokens: false });
  if (config.storageBackend !== 's3') await checkStorageFolder(config.localStorageDir, dryRun, context);
  // With STORAGE_BACKEND=s3 the sweep deletes objects in the bucket. Job records stay local unless
  // QUEUE_BACKEND=redis keeps them in Redis.
  const s3 = config.storageBackend === 's3' && config.s3 !== null ? await openS3Storage(config.s3) : null;
  const redisUrl = config.queue.queueBackend === 'redis' ? config.queue.redisUrl : null;
  const redis = redisUrl === null ? null : await openRedisJobStore({ ...config.queue, redisUrl }, createSilentLogger()).catch((error: unknown) => {
    s3?.close();
    throw error;
  });
  try {
    return await runRetentionSweep({
      jobs: redis?.jobs ?? new FileJobStore(path.join(config.localStorageDir, '.jobs')),
      storage: s3 ?? new LocalStorage(config.localStorageDir),
      nowMs: Date.now(),
      dryRun,
      tombstoneTtlMs: config.tombstoneTtlMs,
    });
  } finally {
    s3?.close();
    redis?.close();
  }
}

/**
 * Checks that the local storage folder exists, because the server creates it at start-up and a
 * missing one usually means LOCAL_STORAGE_DIR names the wrong folder. A dry run warns on stderr and
 * continues. A real run raises `config_invalid` (exit 78), so a scheduled cleanup does not report
 * success while it cleans nothing.
 */
async function checkStorageFolder(folder: string, dryRun: boolean, context: CliContext): Promise<void> {
  const info = await stat(folder).catch(() => null);
  if (info?.isDirectory() === true) return;

  const problem = info === null ? 'does not exist' : 'is not a folder';
  const fix = 'Point LOCAL_STORAGE_DIR (or --env-file) at the folder the server stores renders in.';
  if (!dryRun) throw new FluvieError('config_invalid', `LOCAL_STORAGE_DIR=${folder} ${problem}, so there is nothing to clean. ${fix}`);
  context.stderr.write(`Warning: LOCAL_STORAGE_DIR=${folder} ${problem}, so the dry run found nothing to clean. ${fix}\n`);
}

/** Formats the report as short human-readable lines. */
export function formatReport(report: CleanupReport): string {
  const verb = report.dryRun ? 'Would delete' : 'Deleted';
  const lines = [
    `Scanned ${report.scanned} expired job${report.scanned === 1 ? '' : 's'} and files.`,
    `${verb} ${report.deletedFiles} file${report.deletedFiles === 1 ? '' : 's'} (${formatBytes(report.freedBytes)}) and ${report.deletedJobs} job record${report.deletedJobs === 1 ? '' : 's'}.`,
  ];
  if (report.dryRun) lines.push('Dry run: nothing was deleted.');
  return `${lines.join('\n')}\n`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

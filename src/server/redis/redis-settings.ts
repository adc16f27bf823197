/**
 * Settings of the Redis mode read from the environment passed in: `QUEUE_BACKEND` (`memory`, the
 * default, or `redis`), `REDIS_URL`, `RENDER_ATTEMPTS`, `REDIS_PREFIX`, `WORKER_LOCK_DURATION` and
 * `WORKER_STALLED_INTERVAL`. Problems are collected and reported together, each naming the
 * variable, the value received and what is accepted.
 */
import { parseDurationMs } from '../../config/env-values.js';
import { FluvieError } from '../../core/errors.js';

export interface RedisSettings {
  queueBackend: 'memory' | 'redis';
  /** Null when `QUEUE_BACKEND=memory`. */
  redisUrl: string | null;
  /** Runs of one render job, counting runs lost with a stopped worker (default 3). */
  attempts: number;
  /** Prefix of every Redis key and the BullMQ queue (default `fluvie`), so deployments can share a Redis. */
  prefix: string;
  /** Time a worker's job lock lasts without renewal (default 30 s): a killed worker's job waits this long. */
  lockDurationMs: number;
  /** Time between a worker's checks for jobs of killed workers (default 30 s). */
  stalledIntervalMs: number;
}

export const DEFAULT_RENDER_ATTEMPTS = 3;
const PREFIX_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function parseRedisSettings(env: Readonly<Record<string, string | undefined>>): RedisSettings {
  const problems: string[] = [];
  const backend = (env['QUEUE_BACKEND'] ?? '').trim() || 'memory';
  if (backend !== 'memory' && backend !== 'redis') problems.push(`QUEUE_BACKEND must be memory or redis, got "${backend}".`);

  const url = (env['REDIS_URL'] ?? '').trim();
  if (backend === 'redis' && url === '') problems.push('REDIS_URL is missing; set it to redis://host:6379 when QUEUE_BACKEND=redis.');
  if (url !== '' && !/^rediss?:\/\//.test(url)) problems.push(`REDIS_URL must start with redis:// or rediss://, got "${url.replace(/:[^:@/]*@/, ':***@')}".`);

  const attemptsText = (env['RENDER_ATTEMPTS'] ?? '').trim();
  const attempts = attemptsText === '' ? DEFAULT_RENDER_ATTEMPTS : Number(attemptsText);
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 100) problems.push(`RENDER_ATTEMPTS must be a whole number from 1 to 100, got "${attemptsText}".`);

  const prefix = (env['REDIS_PREFIX'] ?? '').trim() || 'fluvie';
  if (!PREFIX_PATTERN.test(prefix)) problems.push(`REDIS_PREFIX may use letters, digits, _ and - (1 to 64 characters), got "${prefix}".`);

  const lockDurationMs = readDuration(env, 'WORKER_LOCK_DURATION', 30_000, problems);
  const stalledIntervalMs = readDuration(env, 'WORKER_STALLED_INTERVAL', 30_000, problems);

  if (problems.length > 0) throw new FluvieError('config_invalid', problems.join('\n'));
  return { queueBackend: backend === 'redis' ? 'redis' : 'memory', redisUrl: url === '' ? null : url, attempts, prefix, lockDurationMs, stalledIntervalMs };
}

function readDuration(env: Readonly<Record<string, string | undefined>>, name: string, fallbackMs: number, problems: string[]): number {
  const text = (env[name] ?? '').trim();
  if (text === '') return fallbackMs;
  const ms = parseDurationMs(text);
  if (ms === null || ms < 500) problems.push(`${name} must be a duration of at least 500ms, such as 30s, got "${text}".`);
  return ms ?? fallbackMs;
}

import { describe, expect, it } from 'vitest';
import { parseRedisSettings } from '../../../src/server/redis/redis-settings.js';

describe('parseRedisSettings', () => {
  it('defaults to the memory queue', () => {
    expect(parseRedisSettings({})).toEqual({ queueBackend: 'memory', redisUrl: null, attempts: 3, prefix: 'fluvie', lockDurationMs: 30_000, stalledIntervalMs: 30_000 });
  });

  it('reads the Redis mode', () => {
    const settings = parseRedisSettings({
      QUEUE_BACKEND: 'redis', REDIS_URL: 'redis://127.0.0.1:6380/2', RENDER_ATTEMPTS: '5', REDIS_PREFIX: 'team-a', WORKER_LOCK_DURATION: '10s', WORKER_STALLED_INTERVAL: '2s',
    });
    expect(settings).toEqual({ queueBackend: 'redis', redisUrl: 'redis://127.0.0.1:6380/2', attempts: 5, prefix: 'team-a', lockDurationMs: 10_000, stalledIntervalMs: 2_000 });
  });

  it('reports every bad variable at once', () => {
    let message = '';
    try {
      parseRedisSettings({ QUEUE_BACKEND: 'kafka', REDIS_URL: 'http://user:secret@host', RENDER_ATTEMPTS: '0', REDIS_PREFIX: 'a b', WORKER_LOCK_DURATION: '1.5s' });
    } catch (error: unknown) {
      expect(error).toMatchObject({ code: 'config_invalid' });
      message = (error as Error).message;
    }
    expect(message).toMatch(/QUEUE_BACKEND must be memory or redis, got "kafka"/);
    expect(message).toMatch(/REDIS_URL must start with redis:\/\//);
    expect(message).not.toMatch(/secret/);
    expect(message).toMatch(/RENDER_ATTEMPTS must be a whole number from 1 to 100, got "0"/);
    expect(message).toMatch(/REDIS_PREFIX may use/);
    expect(message).toMatch(/WORKER_LOCK_DURATION must be a duration/);
  });

  it('requires REDIS_URL in Redis mode', () => {
    expect(() => parseRedisSettings({ QUEUE_BACKEND: 'redis' })).toThrow(/REDIS_URL is missing/);
  });
});

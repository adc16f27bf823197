import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/server-config.js';

const BASE = { API_TOKEN: 'a', CLEANUP_TOKEN: 'c' };

function problemsOf(env: Record<string, string>): string {
  try {
    loadServerConfig({ ...BASE, ...env }, { cpuCount: 2 });
  } catch (error: unknown) {
    expect(error).toMatchObject({ code: 'config_invalid' });
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('server config: queue backend', () => {
  it('defaults to the in-process queue', () => {
    expect(loadServerConfig(BASE, { cpuCount: 2 }).queue).toEqual({
      queueBackend: 'memory', redisUrl: null, attempts: 3, prefix: 'fluvie', lockDurationMs: 30_000, stalledIntervalMs: 30_000, chunkFrames: null,
    });
  });

  it('turns chunking off with CHUNK_FRAMES=0', () => {
    expect(loadServerConfig({ ...BASE, CHUNK_FRAMES: '0' }, { cpuCount: 2 }).queue.chunkFrames).toBe(0);
  });

  it('reads the Redis settings', () => {
    const env = { QUEUE_BACKEND: 'redis', REDIS_URL: 'redis://127.0.0.1:6380/2', RENDER_ATTEMPTS: '5', REDIS_PREFIX: 'team-a', WORKER_LOCK_DURATION: '10s', WORKER_STALLED_INTERVAL: '2s', CHUNK_FRAMES: '300' };
    expect(loadServerConfig({ ...BASE, ...env }, { cpuCount: 2 }).queue).toEqual({
      queueBackend: 'redis', redisUrl: 'redis://127.0.0.1:6380/2', attempts: 5, prefix: 'team-a', lockDurationMs: 10_000, stalledIntervalMs: 2_000, chunkFrames: 300,
    });
  });

  it('requires REDIS_URL in Redis mode', () => {
    expect(problemsOf({ QUEUE_BACKEND: 'redis' })).toMatch(/REDIS_URL/);
  });

  it('reports every bad queue value', () => {
    const message = problemsOf({ QUEUE_BACKEND: 'kafka', RENDER_ATTEMPTS: '0', WORKER_LOCK_DURATION: '100ms' });
    expect(message).toMatch(/QUEUE_BACKEND/);
    expect(message).toMatch(/RENDER_ATTEMPTS/);
    expect(message).toMatch(/WORKER_LOCK_DURATION/);
  });

  it('rejects a bad REDIS_URL and REDIS_PREFIX', () => {
    const message = problemsOf({ QUEUE_BACKEND: 'redis', REDIS_URL: 'http://user:secret@host', REDIS_PREFIX: 'a b' });
    expect(message).toMatch(/REDIS_URL: must start with redis:\/\//);
    expect(message).not.toMatch(/secret/);
    expect(message).toMatch(/REDIS_PREFIX/);
  });
});

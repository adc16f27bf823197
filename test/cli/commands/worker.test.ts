import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/media.js';
import { startRedis } from '../../helpers/redis-server.js';

describe('fluvie-render worker', () => {
  it('names REDIS_URL when Redis is down', async () => {
    const stopped = await startRedis();
    await stopped.stop();
    const dir = await tempDir();
    const run = await runCliCapture(['worker', '--concurrency', '1'], {
      env: { QUEUE_BACKEND: 'redis', REDIS_URL: stopped.url, LOCAL_STORAGE_DIR: dir, FLUVIE_ENABLE_MCP: 'false', PATH: process.env['PATH'] },
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`Redis unavailable: Redis at ${stopped.url} is not reachable`);
    expect(run.stderr).toContain('ECONNREFUSED');
    expect(run.stderr).toContain('Start Redis or fix REDIS_URL');
  });

  it('rejects a worker without REDIS_URL', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['worker'], { env: { LOCAL_STORAGE_DIR: dir, FLUVIE_ENABLE_MCP: 'false', PATH: process.env['PATH'] } });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('REDIS_URL is missing');
  });

  it('rejects a bad --concurrency', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['worker', '--concurrency', 'zero'], { env: { QUEUE_BACKEND: 'redis', REDIS_URL: 'redis://127.0.0.1:1', LOCAL_STORAGE_DIR: dir, PATH: process.env['PATH'] } });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('RENDER_CONCURRENCY');
  });
});
